// The bedtime reminder: its time, the systemd user timer and service that run
// `nightstretch remind --notify`, whether tonight calls for one, and the sentences for what could
// not be done. Both the command line and the home screen set it through applyReminder, and say
// what its result says.
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

// Whether a user service manager can take the timer: `systemctl` on PATH and a systemd --user
// listening on $XDG_RUNTIME_DIR/systemd/private.
enum class UserSystemd { Runs, NoSystemctl, NotRunning };
UserSystemd findUserSystemd();

struct ReminderChange {
    bool ok = false;     // the units and settings are as asked (under --home: written only)
    std::string summary; // a few words for the window: "Bedtime reminder at 21:00"
    std::string message; // what was done, or could not be, in one or two sentences
    std::string advice;  // what to do next; empty when nothing is left to do
};
// Sets (at given) or removes (at empty) the reminder: the units and the settings' remind_at and
// remind_routine. In the person's own systemd folder the timer is switched on (or off) with
// systemctl; when no user systemd can take it, or systemctl refuses it, nothing is set and the
// message says so and what to do. Under --home the units are only written (systemd does not look
// there) and the advice gives the commands that would switch them on.
// `binary` is what the service runs (this program); under --home the service passes it on.
ReminderChange applyReminder(const Paths& paths, const std::optional<ReminderTime>& at,
                             const std::string& routine, const std::filesystem::path& binary);

// Under --home DIR: why the units in DIR are not switched on, and the commands that would do it
// (or that this system cannot run them). Empty outside --home.
std::string reminderHomeAdvice(const Paths& paths);

// Why `remind --notify` could not show the notification, and the sentence that says so.
enum class NotifyProblem {
    NoModule,  // the notification module (or libnotify under it) could not be loaded
    NoDesktop, // no display and no session bus: not in a desktop session at all
    NoBus,     // a display, but its session bus could not be reached
    NoService, // the session bus is there, but no notification service took it
};
std::string notifyProblemSentence(NotifyProblem problem);

} // namespace ns
