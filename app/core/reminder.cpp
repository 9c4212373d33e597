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

// A user systemd listens on $XDG_RUNTIME_DIR/systemd/private while it runs.
bool userSystemdRuns() {
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    if (runtime == nullptr || *runtime == '\0') return false;
    std::error_code ec;
    return fs::exists(fs::path(runtime) / "systemd" / "private", ec) && programOnPath("systemctl");
}

int systemctl(const std::vector<std::string>& arguments) {
    std::vector<std::string> argv{"systemctl", "--user", "--quiet"};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    return runAndWait(argv);
}

} // namespace

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
    const bool usersOwn = sameFolder(dir, usersOwnUnitDir());
    const bool enable = usersOwn && userSystemdRuns();
    std::string error;

    if (at) {
        std::optional<fs::path> home;
        if (underHome(paths)) home = paths.configDir.parent_path();
        if (!writeFileAtomically(dir / kReminderService, reminderServiceUnit(binary, home),
                                 &error) ||
            !writeFileAtomically(dir / kReminderTimer, reminderTimerUnit(*at), &error)) {
            change.message = "The reminder could not be set: " + error;
            return change;
        }
    } else {
        if (enable) systemctl({"disable", "--now", kReminderTimer});
        std::error_code ec;
        fs::remove(dir / kReminderTimer, ec);
        const bool timerGone = !ec;
        fs::remove(dir / kReminderService, ec);
        if (!timerGone || ec) {
            change.message = "The reminder could not be removed from " + dir.string() + ": " +
                             ec.message() + ".";
            return change;
        }
    }

    Settings settings = Settings::loadAndWarn(paths.settingsFile());
    settings.remindAt = at ? at->str() : "";
    settings.remindRoutine = routine;
    if (!settings.save(paths.settingsFile()))
        spdlog::warn("the reminder is set, but the settings file could not be written");

    change.ok = true;
    if (!at) {
        if (enable) systemctl({"daemon-reload"});
        change.message = "The bedtime reminder is off.";
        return change;
    }
    change.message = "A reminder is set for " + at->str() + " each evening (" + routine +
                     "), only when tonight's stretches are not done yet.";
    if (enable && systemctl({"daemon-reload"}) == 0 && systemctl({"enable", kReminderTimer}) == 0 &&
        systemctl({"restart", kReminderTimer}) == 0)
        return change;
    change.message += "\nTo switch it on: systemctl --user daemon-reload && systemctl --user "
                      "enable --now " +
                      std::string(kReminderTimer) + "  (the units are in " + dir.string() + ")";
    return change;
}

} // namespace ns
