// The relief guide and the about screen from the command line: the window, or the terminal.
#include "relief_commands.hpp"

#include "about_text.hpp"
#include "history.hpp"
#include "history_commands.hpp"
#include "relief_text.hpp"
#include "settings.hpp"
#include "window_loader.hpp"

#include <cstdio>
#include <iostream>

namespace ns {
namespace {

int openWindowOn(const Paths& paths, const std::string& screen) {
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
    return runWindowFromModule(options);
}

} // namespace

int reliefCommand(const Paths& paths, const ReliefOptions& options) {
    const ReliefVariant variant = options.shin ? ReliefVariant::ShinOrFoot : ReliefVariant::Calf;
    if (!options.text) return openWindowOn(paths, options.shin ? "relief-shin" : "relief");
    const Settings settings = Settings::loadAndWarn(paths.settingsFile());
    OpenedHistory history = openHistory(paths, false);
    if (!history.notice.empty()) std::cerr << "nightstretch: " << history.notice << '\n';
    return runReliefText(variant, history.store.get(),
                         DayStart::parse(settings.dayStartsAt).value_or(DayStart{}));
}

int aboutCommand(const Paths& paths, bool text) {
    if (!text) return openWindowOn(paths, "about");
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
