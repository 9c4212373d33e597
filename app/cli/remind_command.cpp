// The bedtime reminder's command: setting and removing the timer, and the notification it posts.
#include "remind_command.hpp"

#include "exit_codes.hpp"
#include "history.hpp"
#include "history_commands.hpp"
#include "modules.hpp"
#include "nights.hpp"
#include "notification_module.hpp"
#include "reminder.hpp"
#include "routine_loader.hpp"
#include "routine_lookup.hpp"
#include "settings.hpp"
#include "timeline.hpp"

#include <spdlog/spdlog.h>

#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <iostream>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace ns {
namespace {

constexpr const char* kAppId = "io.github.nightstretch.Nightstretch";
constexpr int kSnoozeMinutes = 15;
// How long this process waits for an answer before it ends, leaving the notification on screen
// without its buttons (the README says so).
constexpr int kAnswerWaitMinutes = 5;
constexpr std::size_t kErrorSize = 512;

fs::path runningBinary() {
    std::error_code ec;
    fs::path binary = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path("nightstretch") : binary;
}

using NotifyFunction = decltype(&nightstretch_notify);

// libnightstretch_notify.so from lib/nightstretch/ beside bin/, or null (with why, logged).
NotifyFunction loadNotifyModule() {
    const fs::path file = moduleFile("libnightstretch_notify.so");
    void* handle = ::dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        const char* why = ::dlerror();
        spdlog::info("notify module: {}", why != nullptr ? why : file.string());
        return nullptr;
    }
    const auto versionFunction =
        symbolAs<int (*)()>(::dlsym(handle, "nightstretch_notify_module_version"));
    const auto notifyFunction = symbolAs<NotifyFunction>(::dlsym(handle, "nightstretch_notify"));
    if (versionFunction == nullptr || notifyFunction == nullptr ||
        versionFunction() != kNightstretchNotifyModuleVersion) {
        spdlog::info("notify module: {} is from another build", file.string());
        return nullptr;
    }
    return notifyFunction;
}

// What applyReminder did, and what to do next: on stdout when it is done, else on stderr.
int sayChange(const ReminderChange& change) {
    std::ostream& out = change.ok ? std::cout : std::cerr;
    out << (change.ok ? "" : "nightstretch: ") << change.message << '\n';
    if (!change.advice.empty()) out << change.advice << '\n';
    return change.ok ? kExitOk : kExitEnvironment;
}

int showReminder(const Paths& paths) {
    const ReminderStatus status = readReminder(paths);
    if (!status.at) {
        std::cout << "No bedtime reminder is set. Set one with: nightstretch remind --at 21:45\n";
        return kExitOk;
    }
    std::cout << "The bedtime reminder is set for " << status.at->str() << " each evening ("
              << status.routine << "), only when tonight's stretches are not done yet.\n";
    const std::string advice = reminderHomeAdvice(paths);
    if (!advice.empty()) std::cout << advice << '\n';
    return kExitOk;
}

int setReminder(const Paths& paths, const RemindOptions& options) {
    const std::optional<ReminderTime> at = ReminderTime::parse(options.at);
    if (!at) {
        std::cerr << "nightstretch: the reminder's time must be like 21:45 (24-hour clock), got '"
                  << options.at << "'\n";
        return kExitUsage;
    }
    std::string routine = options.routine;
    if (routine.empty()) routine = Settings::loadAndWarn(paths.settingsFile()).remindRoutine;
    const RoutineLibrary library =
        RoutineLibrary::load(paths.builtInRoutinesDir(), paths.userRoutinesDir());
    const RoutineLookup lookup = findRoutine(routine, library);
    if (!lookup.ok()) {
        for (const auto& d : lookup.diagnostics)
            std::cerr << d.format() << '\n';
        return lookup.exitCode();
    }
    return sayChange(applyReminder(paths, at, routine, runningBinary()));
}

int removeReminder(const Paths& paths) {
    const ReminderStatus status = readReminder(paths);
    const ReminderChange change =
        applyReminder(paths, std::nullopt, status.routine, runningBinary());
    if (change.ok && !status.at) {
        std::cout << "No bedtime reminder was set.\n";
        return kExitOk;
    }
    return sayChange(change);
}

// Tonight's state from the history, or nullopt (with a sentence printed) when it can't be read.
std::optional<NightState> tonightState(const Paths& paths, Date tonight) {
    OpenedHistory history = openHistory(paths);
    if (!history.notice.empty()) std::cerr << "nightstretch: " << history.notice << '\n';
    if (!history.store) return std::nullopt;
    return computeStats(history.store->nightRecords(), tonight).tonightState;
}

// Replaces this process with `nightstretch [--home H] start ROUTINE` (the window).
int startRoutine(const std::optional<std::string>& home, const std::string& routine) {
    const std::string binary = runningBinary().string();
    std::vector<std::string> words{"nightstretch"};
    if (home) {
        words.emplace_back("--home");
        words.push_back(*home);
    }
    words.emplace_back("start");
    words.push_back(routine);
    std::vector<char*> argv;
    argv.reserve(words.size() + 1);
    for (auto& word : words)
        argv.push_back(word.data());
    argv.push_back(nullptr);
    std::cout << "Starting " << routine << ".\n" << std::flush;
    ::execv(binary.c_str(), argv.data());
    std::cerr << "nightstretch: could not start the window: " << std::strerror(errno) << '\n';
    return kExitEnvironment;
}

// The snooze, in seconds: 15 minutes (NIGHTSTRETCH_SNOOZE_SECONDS shortens it for tests).
int snoozeSeconds() {
    const char* text = std::getenv("NIGHTSTRETCH_SNOOZE_SECONDS");
    if (text != nullptr && *text != '\0') {
        char* end = nullptr;
        const long value = std::strtol(text, &end, 10);
        if (*end == '\0' && value >= 0 && value <= static_cast<long>(kSnoozeMinutes) * 60)
            return static_cast<int>(value);
    }
    return kSnoozeMinutes * 60;
}

// The wait for an answer, in seconds: kAnswerWaitMinutes (NIGHTSTRETCH_REMINDER_WAIT_SECONDS
// shortens it for tests).
int answerWaitSeconds() {
    const char* text = std::getenv("NIGHTSTRETCH_REMINDER_WAIT_SECONDS");
    if (text != nullptr && *text != '\0') {
        char* end = nullptr;
        const long value = std::strtol(text, &end, 10);
        if (*end == '\0' && value >= 1 && value <= static_cast<long>(kAnswerWaitMinutes) * 60)
            return static_cast<int>(value);
    }
    return kAnswerWaitMinutes * 60;
}

std::string minutesText(int seconds) {
    const int minutes = (seconds + 59) / 60;
    return std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes");
}

// An X11 or Wayland display named in the environment (a desktop session, or one reached by ssh).
bool haveDisplay() {
    const std::array<const char*, 2> names{"DISPLAY", "WAYLAND_DISPLAY"};
    return std::any_of(names.begin(), names.end(), [](const char* name) {
        const char* value = std::getenv(name);
        return value != nullptr && *value != '\0';
    });
}

// Said once the notification is on screen (the module calls it before it waits).
void sayShown(void* context) {
    std::cout << "Showing tonight's reminder; waiting up to "
              << *static_cast<const std::string*>(context) << " for Start.\n"
              << std::flush;
}

// The notification could not be shown: the reminder in a line here, and our sentence for why.
int notShown(const std::string& title, NotifyProblem problem, const std::string& detail) {
    if (!detail.empty()) spdlog::info("notification not shown: {}", detail);
    std::cout << title << '\n' << std::flush;
    std::cerr << "nightstretch: " << notifyProblemSentence(problem) << '\n';
    return kExitEnvironment;
}

int notifyReminder(const Paths& paths, const std::optional<std::string>& home) {
    const Settings settings = Settings::loadAndWarn(paths.settingsFile());
    const DayStart dayStart = DayStart::parse(settings.dayStartsAt).value_or(DayStart{});
    const RoutineLibrary library =
        RoutineLibrary::load(paths.builtInRoutinesDir(), paths.userRoutinesDir());
    const RoutineLookup lookup = findRoutine(settings.remindRoutine, library);
    // A routine gone since the reminder was set still gets a reminder, without its length.
    const std::string title =
        lookup.ok()
            ? reminderTitle(lookup.routine->name, buildTimeline(*lookup.routine).totalSeconds)
            : "Tonight's stretches: " + settings.remindRoutine;
    const NotifyFunction notify = loadNotifyModule();

    for (;;) {
        const Date tonight = tonightAt(std::time(nullptr), dayStart);
        const std::optional<NightState> state = tonightState(paths, tonight);
        if (!state) return kExitEnvironment;
        if (!reminderWanted(*state)) {
            std::cout << "Tonight's stretches are already "
                      << (*state == NightState::Skipped ? "skipped" : "done") << ": no reminder.\n";
            return kExitOk;
        }
        const std::array<const char*, 4> ids{"default", "start", "later", "skip"};
        const std::array<const char*, 4> labels{"Start", "Start", "In 15 minutes", "Skip tonight"};
        const int waitSeconds = answerWaitSeconds();
        std::string waitText = minutesText(waitSeconds);
        NightstretchNotification notification{"Nightstretch",
                                              kAppId,
                                              "nightstretch",
                                              title.c_str(),
                                              "When you are ready for bed.",
                                              ids.data(),
                                              labels.data(),
                                              static_cast<int>(ids.size()),
                                              waitSeconds,
                                              "Open Nightstretch when you are ready for bed.",
                                              sayShown,
                                              &waitText};
        if (notify == nullptr) return notShown(title, NotifyProblem::NoModule, "");
        std::array<char, kErrorSize> error{};
        const int chosen = notify(&notification, error.data(), error.size());
        if (chosen == kNightstretchNotifyNoBus)
            return notShown(title, haveDisplay() ? NotifyProblem::NoBus : NotifyProblem::NoDesktop,
                            error.data());
        if (chosen == kNightstretchNotifyNotPosted)
            return notShown(title, NotifyProblem::NoService, error.data());
        if (chosen == kNightstretchNotifyUnanswered) {
            std::cout << "No answer in " << waitText
                      << ": the reminder stays on the screen, without its buttons. Open "
                         "Nightstretch when you are ready.\n";
            return kExitOk;
        }
        if (chosen < 0) {
            std::cout << "The reminder was closed.\n";
            return kExitOk;
        }
        const std::string id = ids.at(static_cast<std::size_t>(chosen));
        if (id == "default" || id == "start") return startRoutine(home, settings.remindRoutine);
        if (id == "skip") {
            OpenedHistory history = openHistory(paths);
            if (!history.store || !history.store->markSkipped(tonight.str(), std::time(nullptr))) {
                std::cerr << "nightstretch: tonight could not be marked skipped\n";
                return kExitEnvironment;
            }
            std::cout << "Tonight is marked skipped: your streak stays as it is.\n";
            return kExitOk;
        }
        const int wait = snoozeSeconds();
        const int minutes = (wait + 59) / 60;
        std::cout << "I will remind you again in " << minutes
                  << (minutes == 1 ? " minute.\n" : " minutes.\n") << std::flush;
        std::this_thread::sleep_for(std::chrono::seconds(wait));
    }
}

} // namespace

void addRemindCommand(CLI::App& app, RemindOptions& options) {
    CLI::App* remind = app.add_subcommand(
        "remind", "The bedtime reminder: set it (--at), remove it (--off), or say what is set");
    auto* at = remind->add_option("--at", options.at, "Remind at this time each evening")
                   ->option_text("HH:MM");
    auto* routine = remind
                        ->add_option("--routine", options.routine,
                                     "The routine it names and starts (default: nightly)")
                        ->option_text("ROUTINE");
    auto* off = remind->add_flag("--off", options.off, "Remove the reminder");
    auto* notify = remind->add_flag(
        "--notify", options.notify,
        "Post the notification now, unless tonight is done or skipped, and wait up to " +
            std::to_string(kAnswerWaitMinutes) + " minutes for Start (what the timer runs)");
    off->excludes(at)->excludes(routine)->excludes(notify);
    notify->excludes(at)->excludes(routine);
    routine->needs(at);
    remind->fallthrough();
    options.command = remind;
}

int remindCommand(const Paths& paths, const RemindOptions& options,
                  const std::optional<std::string>& home) {
    if (options.notify) return notifyReminder(paths, home);
    if (options.off) return removeReminder(paths);
    if (options.command != nullptr && options.command->count("--at") > 0)
        return setReminder(paths, options);
    return showReminder(paths);
}

} // namespace ns
