// The bedtime reminder: its time, the systemd user timer and service that run
// `nightstretch remind --notify`, and whether tonight calls for one. Both the command line and
// the home screen set it through applyReminder.
#pragma once

#include "nights.hpp"
#include "paths.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace ns {

struct ReminderTime {
    int hour = 21;
    int minute = 45;
    static std::optional<ReminderTime> parse(const std::string& text); // strict "HH:MM"
    std::string str() const;                                           // "21:45"
    // 15 minutes later, round the clock (23:50 -> 00:05).
    ReminderTime later(int minutes) const;
};

inline constexpr const char* kReminderTimer = "nightstretch-reminder.timer";
inline constexpr const char* kReminderService = "nightstretch-reminder.service";

// Where the units go: $XDG_CONFIG_HOME/systemd/user (beside .../nightstretch), or
// DIR/config/systemd/user under --home DIR (whose config folder is DIR/config).
std::filesystem::path reminderUnitDir(const Paths& paths);

std::string reminderTimerUnit(ReminderTime at);
// Runs `binary [--home HOME] remind --notify`.
std::string reminderServiceUnit(const std::filesystem::path& binary,
                                const std::optional<std::filesystem::path>& home);
// The time in a timer unit written by reminderTimerUnit; nullopt for anything else.
std::optional<ReminderTime> reminderTimeInTimer(const std::string& unitText);

// A reminder only while tonight is neither done nor skipped.
bool reminderWanted(NightState tonight);
// "Tonight's stretches: Nightly leg-cramp routine, 8 min" (the length rounded to minutes).
std::string reminderTitle(const std::string& routineName, int totalSeconds);

// The home screen's R: off, then 21:00, 21:30, 22:00, 22:30, 23:00, then off again (a time
// set elsewhere goes on to the next of these after it).
std::optional<ReminderTime> nextReminderChoice(const std::optional<ReminderTime>& current);

// What is set: the timer's time when the timer file exists, and the routine setting.
struct ReminderStatus {
    std::optional<ReminderTime> at; // nullopt: no reminder
    std::string routine = "nightly";
};
ReminderStatus readReminder(const Paths& paths);

// The home screen's small line: "Bedtime reminder 21:45 · R" or "No bedtime reminder · R".
std::string reminderLine(const ReminderStatus& status);

struct ReminderChange {
    bool ok = false;
    std::string message; // one or two sentences for the person (what was done, what to do)
};
// Writes (at set) or removes (at empty) the units and the settings' remind_at and
// remind_routine, then, where the units are in the person's own systemd folder and a user
// systemd runs, enables or disables the timer with systemctl; otherwise the message says how.
// `binary` is what the service runs (this program); under --home the service passes it on.
ReminderChange applyReminder(const Paths& paths, const std::optional<ReminderTime>& at,
                             const std::string& routine, const std::filesystem::path& binary);

} // namespace ns
