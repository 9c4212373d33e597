// The relief guide and the about screen from the command line: the window, or the terminal.
#include "relief_commands.hpp"

#include "about_text.hpp"
#include "format.hpp"
#include "history.hpp"
#include "history_commands.hpp"
#include "raw_terminal.hpp"
#include "relief_text.hpp"
#include "terminal_sound.hpp"
#include "trace.hpp"
#include "window_loader.hpp"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <iostream>
#include <memory>

namespace fs = std::filesystem;

namespace ns {
namespace {

// `textForm`: the same command in the terminal, said when no window can be opened.
int openWindowOn(const Paths& paths, const std::string& screen, const std::string& textForm) {
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
    options.textForm = "'" + textForm + "'";
    return runWindowFromModule(options);
}

} // namespace

Settings settingsWithVoice(const Paths& paths, const std::string& voice) {
    Settings settings = Settings::loadAndWarn(paths.settingsFile());
    if (voice.empty()) return settings;
    settings.voice = voice == "on";
    if (!settings.save(paths.settingsFile()))
        spdlog::warn("could not save settings to {}", paths.settingsFile().string());
    return settings;
}

int reliefCommand(const Paths& paths, const ReliefOptions& options) {
    const ReliefVariant variant = options.shin ? ReliefVariant::ShinOrFoot : ReliefVariant::Calf;
    const Settings settings = settingsWithVoice(paths, options.voice); // the window reads it too
    if (!options.text)
        return options.shin
                   ? openWindowOn(paths, "relief-shin", "nightstretch relief --text --shin")
                   : openWindowOn(paths, "relief", "nightstretch relief --text");
    OpenedHistory history = openHistory(paths);
    if (!history.notice.empty()) std::cerr << "nightstretch: " << history.notice << '\n';
    // The voice, as in a session's text mode: each step said, so the eyes can stay closed.
    TerminalSound sound(settings, paths.settingsFile(), false);
    std::unique_ptr<TraceWriter> trace;
    if (!options.tracePath.empty()) {
        trace = std::make_unique<TraceWriter>(options.tracePath);
        if (!trace->ok()) {
            std::cerr << "nightstretch: cannot write the trace to " << options.tracePath << '\n';
            return 2;
        }
    }
    return runReliefText(variant, history.store.get(),
                         DayStart::parse(settings.dayStartsAt).value_or(DayStart{}), &sound,
                         trace.get());
}

int aboutCommand(const Paths& paths, bool text) {
    if (!text) return openWindowOn(paths, "about", "nightstretch about --text");
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
