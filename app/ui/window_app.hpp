// The SFML window: home screen, session, done screen. Entry point for the command line.
#pragma once

#include "history_backups.hpp"
#include "history_problem.hpp"
#include "nights.hpp"
#include "paths.hpp"

#include <optional>
#include <string>

namespace ns {

struct WindowOptions {
    Paths paths;
    std::optional<std::string> routine;   // start this routine (id or path) at once; else home
    std::optional<std::string> tracePath; // start --trace FILE
    bool fullscreen = false;
    long long processStartMs = 0;          // steady_clock ms at process start, for first_frame
    class HistoryStore* history = nullptr; // where sessions are recorded (null: not recorded)
    std::string historyNotice;             // a history problem to show (moved aside, read-only)
    std::optional<GoodBackup> restorable;  // a damaged history was moved aside; this can restore

    ProblemWords historyProblem; // the same as a banner: what is not saved, what to do
    DayStart dayStart;           // settings' day_starts_at
    std::string firstScreen;     // "relief", "relief-shin" or "about" instead of home; "" for home
    bool welcomeOnFirstRun = false; // the first run (home or a routine) opens with the welcome
    // The same command's text form, named when no window can be opened ("'nightstretch relief
    // --text'"); empty: home's (tonight's routine, or a cramp now).
    std::string textForm;
};

// What to run instead in a terminal when no window can be opened: the command's own text form.
inline std::string textFormOf(const WindowOptions& options) {
    if (!options.textForm.empty()) return options.textForm;
    return "'nightstretch start --text' for tonight's routine, or 'nightstretch relief --text' "
           "for a cramp now";
}

// Runs the window until the user closes it. Returns the process exit code (0 ok, 1 invalid
// routine, 2 unreadable file, 3 no display or no font) after printing one clear sentence for 3;
// 130 when ended by a signal.
int runWindow(const WindowOptions& options);

} // namespace ns
