// The terminal front end (start --text): the same engine, with prompts and a live countdown line.
#pragma once

#include "nights.hpp"
#include "routine.hpp"
#include "settings.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace ns {

struct TerminalOptions {
    std::optional<std::string> tracePath;
    Settings settings;                     // volume, mute and the voice
    std::filesystem::path settingsFile;    // where V's choice is kept (empty: nowhere)
    class HistoryStore* history = nullptr; // where the session is recorded (null: not recorded)
    DayStart dayStart;
    // The state folder: on the first run (of the window or the terminal) the welcome is printed
    // once before the routine. Empty: never.
    std::filesystem::path welcomeStateDir;
};

// Runs the routine to its end (after the first run's welcome, once). Keys (when stdin is a
// terminal): Space pause/resume, N next stretch, V voice on/off, Q or Esc asks "Stop the routine?"
// (Q or Enter stops, any other key goes on). It ends by saying what was held and whether the
// history kept it. Returns 0 when completed or stopped and saved, 3 when the history did not keep
// it, 130 when interrupted by a signal, 2 when the trace file cannot be written.
int runTerminalSession(const Routine& routine, const TerminalOptions& options);

} // namespace ns
