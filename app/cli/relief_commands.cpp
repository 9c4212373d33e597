// The relief guide and the about screen from the command line: the window, or the terminal.
#include "relief_commands.hpp"

#include "about_text.hpp"
#include "audio_cues.hpp"
#include "history.hpp"
#include "history_commands.hpp"
#include "relief_text.hpp"
#include "settings.hpp"
#include "trace.hpp"
#include "voice.hpp"
#include "window_loader.hpp"

#include <cstdio>
#include <iostream>
#include <memory>

namespace ns {
namespace {

// `textForm`: the same command in the terminal, said when no window can be opened.
int openWindowOn(const Paths& paths, const std::string& screen, const std::string& textForm) {
    const Settings settings = Settings::loadAndWarn(paths.settingsFile());
    OpenedHistory history = openHistory(paths, true);
    if (!history.notice.empty()) std::cerr << "nightstretch: " << history.notice << '\n';
    WindowOptions options;
    options.paths = paths;
    options.fullscreen = settings.fullscreen;
    options.history = history.store.get();
    options.historyNotice = history.notice;
    options.dayStart = DayStart::parse(settings.dayStartsAt).value_or(DayStart{});
    options.firstScreen = screen;
    options.textForm = "'" + textForm + "'";
    return runWindowFromModule(options);
}

} // namespace

int reliefCommand(const Paths& paths, const ReliefOptions& options) {
    const ReliefVariant variant = options.shin ? ReliefVariant::ShinOrFoot : ReliefVariant::Calf;
    if (!options.text)
        return options.shin
                   ? openWindowOn(paths, "relief-shin", "nightstretch relief --text --shin")
                   : openWindowOn(paths, "relief", "nightstretch relief --text");
    const Settings settings = Settings::loadAndWarn(paths.settingsFile());
    OpenedHistory history = openHistory(paths, false);
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
    if (!text) return openWindowOn(paths, "about", "nightstretch about --text");
    std::printf("%s\n", kAboutTitle);
    for (const AboutSection& section : aboutSections()) {
        std::printf("\n%s\n", section.heading.c_str());
        for (const std::string& sentence : section.sentences)
            std::printf("  - %s\n", sentence.c_str());
    }
    std::printf("\nThe sources of each sentence: docs/sources.md.\n");
    return 0;
}

} // namespace ns
