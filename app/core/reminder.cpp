// The bedtime reminder's units, settings and rules.
#include "reminder.hpp"

#include "files.hpp"
#include "process.hpp"
#include "settings.hpp"
#include "toml_check.hpp"

#include <spdlog/spdlog.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;

namespace ns {
namespace {

constexpr int kMinutesPerDay = 24 * 60;
constexpr const char* kCalendarPrefix = "OnCalendar=*-*-* ";

std::string pad2(int value) {
    return (value < 10 ? "0" : "") + std::to_string(value);
}

// One word of an ExecStart= line: quoted, with systemd's specifiers and variables escaped.
std::string execWord(const std::string& word) {
    std::string out = "\"";
    for (const char c : word) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '%') out += '%';
        if (c == '$') out += '$';
        out += c;
    }
    return out + "\"";
}

fs::path usersOwnUnitDir() {
    const char* config = std::getenv("XDG_CONFIG_HOME");
    if (config != nullptr && *config != '\0' && fs::path(config).is_absolute())
        return fs::path(config) / "systemd" / "user";
    const char* home = std::getenv("HOME");
    return fs::path(home != nullptr && *home != '\0' ? home : ".") / ".config" / "systemd" / "user";
}

bool sameFolder(const fs::path& a, const fs::path& b) {
    return fs::absolute(a).lexically_normal() == fs::absolute(b).lexically_normal();
}

int systemctl(const std::vector<std::string>& arguments) {
    std::vector<std::string> argv{"systemctl", "--user", "--quiet"};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    return runAndWait(argv);
}

// A word for a POSIX shell: in single quotes, a quote in it written '\''.
std::string shellWord(const std::string& word) {
    std::string out = "'";
    for (const char c : word)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Why no user systemd can take the timer: the end of "Could not switch on the reminder: ...".
std::string noUserSystemdReason(UserSystemd systemd) {
    return systemd == UserSystemd::NoSystemctl
               ? "this system has no systemd, the service manager that runs the reminder"
               : "this system has no user service manager (systemd --user) running for you";
}

std::string noUserSystemdAdvice(UserSystemd systemd) {
    return systemd == UserSystemd::NoSystemctl
               ? "An alarm on your phone or clock can remind you instead."
               : "Set it from your desktop session, which runs one; or let an alarm on your "
                 "phone or clock remind you instead.";
}

// Disables (when systemd has it) and removes both units; an error sentence, or empty.
std::string removeUnits(const fs::path& dir, bool switchOff) {
    if (switchOff) systemctl({"disable", "--now", kReminderTimer});
    std::error_code ec;
    fs::remove(dir / kReminderTimer, ec);
    std::error_code serviceEc;
    fs::remove(dir / kReminderService, serviceEc);
    if (switchOff) systemctl({"daemon-reload"});
    if (ec || serviceEc)
        return "The reminder could not be removed from " + dir.string() + ": " +
               (ec ? ec : serviceEc).message() + ".";
    return {};
}

void saveReminderSettings(const Paths& paths, const std::optional<ReminderTime>& at,
                          const std::string& routine) {
    Settings settings = Settings::loadAndWarn(paths.settingsFile());
    settings.remindAt = at ? at->str() : "";
    settings.remindRoutine = routine;
    if (!settings.save(paths.settingsFile()))
        spdlog::warn("the reminder is set, but the settings file could not be written");
}

} // namespace

UserSystemd findUserSystemd() {
    if (!programOnPath("systemctl")) return UserSystemd::NoSystemctl;
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    if (runtime == nullptr || *runtime == '\0') return UserSystemd::NotRunning;
    std::error_code ec;
    return fs::exists(fs::path(runtime) / "systemd" / "private", ec) ? UserSystemd::Runs
                                                                     : UserSystemd::NotRunning;
}

std::optional<ReminderTime> ReminderTime::parse(const std::string& text) {
    const std::optional<DayStart> parsed = DayStart::parse(text); // the same strict HH:MM
    if (!parsed) return std::nullopt;
    return ReminderTime{parsed->hour, parsed->minute};
}

std::string ReminderTime::str() const {
    return pad2(hour) + ":" + pad2(minute);
}

ReminderTime ReminderTime::later(int minutes) const {
    const int total =
        ((hour * 60 + minute + minutes) % kMinutesPerDay + kMinutesPerDay) % kMinutesPerDay;
    return ReminderTime{total / 60, total % 60};
}

// Under --home DIR the config folder is DIR/config; otherwise it is .../nightstretch.
bool underHome(const Paths& paths) {
    return paths.configDir.filename() != "nightstretch";
}

fs::path reminderUnitDir(const Paths& paths) {
    const fs::path configRoot = underHome(paths) ? paths.configDir : paths.configDir.parent_path();
    return configRoot / "systemd" / "user";
}

std::string reminderTimerUnit(ReminderTime at) {
    std::ostringstream out;
    out << "# Written by `nightstretch remind --at " << at.str()
        << "`; `nightstretch remind --off` removes it.\n"
        << "[Unit]\nDescription=Nightstretch bedtime reminder at " << at.str() << "\n\n"
        << "[Timer]\n"
        << kCalendarPrefix << at.str() << ":00\n"
        << "AccuracySec=30s\n"
        << "Unit=" << kReminderService << "\n\n"
        << "[Install]\nWantedBy=timers.target\n";
    return out.str();
}

std::string reminderServiceUnit(const fs::path& binary, const std::optional<fs::path>& home) {
    std::string command = execWord(binary.string());
    if (home) command += " --home " + execWord(home->string());
    command += " remind --notify";
    return "# Written by `nightstretch remind --at`; `nightstretch remind --off` removes it.\n"
           "[Unit]\nDescription=Nightstretch bedtime reminder (only when tonight's stretches "
           "are not done yet)\n\n"
           "[Service]\nType=exec\nExecStart=" +
           command + "\n";
}

std::optional<ReminderTime> reminderTimeInTimer(const std::string& unitText) {
    std::istringstream lines(unitText);
    std::string line;
    const std::size_t prefix = std::strlen(kCalendarPrefix);
    while (std::getline(lines, line)) {
        if (line.rfind(kCalendarPrefix, 0) != 0) continue;
        const std::string time = line.substr(prefix);
        if (time.size() != 8 || time.compare(5, 3, ":00") != 0) return std::nullopt;
        return ReminderTime::parse(time.substr(0, 5));
    }
    return std::nullopt;
}

bool reminderWanted(NightState tonight) {
    // Tonight reads "not yet" until it is over; "missed" only for a night gone by.
    return tonight == NightState::NotYet || tonight == NightState::Missed ||
           tonight == NightState::Partial;
}

std::string reminderTitle(const std::string& routineName, int totalSeconds) {
    const int minutes = std::max(1, (totalSeconds + 30) / 60);
    return "Tonight's stretches: " + routineName + ", " + std::to_string(minutes) + " min";
}

std::optional<ReminderTime> nextReminderChoice(const std::optional<ReminderTime>& current) {
    constexpr int kFirst = 21 * 60;
    constexpr int kLast = 23 * 60;
    constexpr int kStep = 30;
    if (!current) return ReminderTime{kFirst / 60, kFirst % 60};
    const int now = current->hour * 60 + current->minute;
    for (int choice = kFirst; choice <= kLast; choice += kStep)
        if (choice > now) return ReminderTime{choice / 60, choice % 60};
    return std::nullopt;
}

std::string reminderLine(const ReminderStatus& status) {
    return status.at ? "Bedtime reminder " + status.at->str() + " \u00b7 R"
                     : "No bedtime reminder \u00b7 R";
}

ReminderStatus readReminder(const Paths& paths) {
    ReminderStatus status;
    const Settings settings = Settings::loadAndWarn(paths.settingsFile());
    status.routine = settings.remindRoutine;
    Diagnostics problems;
    const fs::path timer = reminderUnitDir(paths) / kReminderTimer;
    std::error_code ec;
    if (!fs::exists(timer, ec)) return status;
    if (auto text =
            readSmallFile(timer, std::uintmax_t{64} * 1024, "reminder timer", "timer", problems))
        status.at = reminderTimeInTimer(*text);
    return status;
}

ReminderChange applyReminder(const Paths& paths, const std::optional<ReminderTime>& at,
                             const std::string& routine, const fs::path& binary) {
    ReminderChange change;
    const fs::path dir = reminderUnitDir(paths);
    // In the person's own folder systemd takes the units; under --home they are only written.
    const bool own = sameFolder(dir, usersOwnUnitDir());
    const UserSystemd systemd = findUserSystemd();
    const bool runs = systemd == UserSystemd::Runs;

    if (!at) {
        const std::string error = removeUnits(dir, own && runs);
        if (!error.empty()) {
            change.summary = "The reminder could not be removed";
            change.message = error;
            return change;
        }
        saveReminderSettings(paths, at, routine);
        change.ok = true;
        change.summary = "Bedtime reminder off";
        change.message = "The bedtime reminder is off.";
        if (!own && runs)
            change.advice = "If you switched it on with systemctl, switch it off there too: "
                            "systemctl --user disable --now " +
                            std::string(kReminderTimer) + " " + kReminderService;
        return change;
    }

    if (own && !runs) {
        change.summary = "Reminder not switched on";
        change.message = "Could not switch on the reminder: " + noUserSystemdReason(systemd) +
                         ", so nothing would show it at " + at->str() + ". Nothing was set.";
        change.advice = noUserSystemdAdvice(systemd);
        return change;
    }

    std::optional<fs::path> home;
    if (underHome(paths)) home = paths.configDir.parent_path();
    std::string error;
    if (!writeFileAtomically(dir / kReminderService, reminderServiceUnit(binary, home), &error) ||
        !writeFileAtomically(dir / kReminderTimer, reminderTimerUnit(*at), &error)) {
        change.summary = "The reminder could not be set";
        change.message = "The reminder could not be set: " + error;
        return change;
    }
    const std::string set = "A reminder is set for " + at->str() + " each evening (" + routine +
                            "), only when tonight's stretches are not done yet.";
    if (!own) {
        saveReminderSettings(paths, at, routine);
        change.ok = true;
        change.summary = "Reminder " + at->str() + " written, not switched on";
        change.message = set;
        change.advice = reminderHomeAdvice(paths);
        return change;
    }
    if (systemctl({"daemon-reload"}) == 0 && systemctl({"enable", kReminderTimer}) == 0 &&
        systemctl({"restart", kReminderTimer}) == 0) {
        saveReminderSettings(paths, at, routine);
        change.ok = true;
        change.summary = "Bedtime reminder at " + at->str();
        change.message = set;
        return change;
    }
    // systemd refused it: nothing is left half set (a reminder that would never come).
    const std::string removeError = removeUnits(dir, true);
    if (!removeError.empty()) spdlog::warn("{}", removeError);
    saveReminderSettings(paths, std::nullopt, routine);
    change.summary = "Reminder not switched on";
    change.message = "Could not switch on the reminder: systemctl --user did not take it. "
                     "Nothing was set.";
    change.advice = "To see what your user systemd says: systemctl --user status";
    return change;
}

std::string reminderHomeAdvice(const Paths& paths) {
    const fs::path dir = reminderUnitDir(paths);
    if (sameFolder(dir, usersOwnUnitDir())) return {};
    const UserSystemd systemd = findUserSystemd();
    const std::string where = "Under --home its units stay in " + dir.string() +
                              ", where systemd does not look, so it is not switched on";
    if (systemd != UserSystemd::Runs)
        return where + ". Nor could it run here: " + noUserSystemdReason(systemd) + ".";
    return where + ". To switch it on: systemctl --user link " +
           shellWord((dir / kReminderService).string()) + " " +
           shellWord((dir / kReminderTimer).string()) + " && systemctl --user enable --now " +
           kReminderTimer;
}

std::string notifyProblemSentence(NotifyProblem problem) {
    switch (problem) {
    case NotifyProblem::NoModule:
        return "The reminder cannot be shown: the notification support could not be loaded "
               "(it needs libnotify; on Debian, the package libnotify4).";
    case NotifyProblem::NoDesktop:
        return "The reminder cannot be shown here: there is no desktop (no display and no "
               "session bus). The timer shows it in your desktop session.";
    case NotifyProblem::NoBus:
        return "The reminder cannot be shown: the desktop's session bus (D-Bus) cannot be "
               "reached from here. Run it from a terminal in your desktop session.";
    case NotifyProblem::NoService:
        return "The reminder cannot be shown: no notification service answered in this desktop "
               "session (most desktops have one; with a bare window manager, install one such "
               "as dunst).";
    }
    return {};
}

} // namespace ns
