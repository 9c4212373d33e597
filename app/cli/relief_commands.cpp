// The relief guide and the about screen from the command line: the window, or the terminal.
#include "relief_commands.hpp"

#include "about_text.hpp"
#include "audio_cues.hpp"
#include "format.hpp"
#include "history.hpp"
#include "history_commands.hpp"
#include "raw_terminal.hpp"
#include "relief_text.hpp"
#include "settings.hpp"
#include "trace.hpp"
#include "voice.hpp"
#include "window_loader.hpp"

#include <cstdio>
#include <iostream>
#include <memory>

namespace fs = std::filesystem;

namespace ns {
namespace {

int openWindowOn(const Paths& paths, const std::string& screen) {
    const Settings settings = Settings::loadAndWarn(paths.settingsFile());
    OpenedHistory history = openHistory(paths);
    if (!history.notice.empty()) std::cerr << "nightstretch: " << history.notice << '\n';
    WindowOptions options;
    options.paths = paths;
    options.fullscreen = settings.fullscreen;
    options.history = history.store.get();
    options.historyNotice = history.notice;
    options.dayStart = DayStart::parse(settings.dayStartsAt).value_or(DayStart{});
    options.firstScreen = screen;
    return runWindowFromModule(options);
}

} // namespace

int reliefCommand(const Paths& paths, const ReliefOptions& options) {
    const ReliefVariant variant = options.shin ? ReliefVariant::ShinOrFoot : ReliefVariant::Calf;
    if (!options.text) return openWindowOn(paths, options.shin ? "relief-shin" : "relief");
    const Settings settings = Settings::loadAndWarn(paths.settingsFile());
    OpenedHistory history = openHistory(paths);
    if (!history.notice.empty()) std::cerr << "nightstretch: " << history.notice << '\n';
    // The voice, as in a session's text mode: each step said, so the eyes can stay closed.
    std::unique_ptr<AudioCues> audio;
    std::unique_ptr<Voice> voice;
    if (settings.voice) {
        audio = std::make_unique<AudioCues>();
        audio->setVolume(settings.volume);
        audio->setMuted(settings.muted);
        if (audio->available()) voice = std::make_unique<Voice>(*audio);
        if (voice && !voice->available()) voice.reset();
    }
    std::unique_ptr<TraceWriter> trace;
    if (!options.tracePath.empty()) {
        trace = std::make_unique<TraceWriter>(options.tracePath);
        if (!trace->ok()) {
            std::cerr << "nightstretch: cannot write the trace to " << options.tracePath << '\n';
            return 2;
        }
    }
    return runReliefText(variant, history.store.get(),
                         DayStart::parse(settings.dayStartsAt).value_or(DayStart{}), voice.get(),
                         trace.get());
}

int aboutCommand(const Paths& paths, bool text) {
    if (!text) return openWindowOn(paths, "about");
    const std::size_t columns = terminalColumns();
    std::fputs(wrapText(kAboutTitle, columns).c_str(), stdout);
    for (const AboutSection& section : aboutSections()) {
        std::fputs(("\n" + wrapText(section.heading, columns)).c_str(), stdout);
        for (const std::string& sentence : section.sentences)
            std::fputs(wrapText(sentence, columns, "  - ", "    ").c_str(), stdout);
    }
    // The installed copy (the build tree has one too): a path a person can open, on a line of its
    // own so it is never wrapped.
    const fs::path sources = (paths.shareDir / "sources.md").lexically_normal();
    std::printf("\nWhere each sentence comes from:\n  %s\n", sources.c_str());
    return 0;
}

} // namespace ns
