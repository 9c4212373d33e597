// `nightstretch remind` end to end: setting, showing and removing the reminder's units under
// --home, bad times and routines, and --notify when tonight is done, skipped, or there is no
// notification service at all. (With a real daemon: remind_notification_test.sh.)
#include "run_process.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;
using ns::test::readFile;
using ns::test::runNightstretch;

namespace {

class RemindCommand : public ns::test::TempHomeTest {
  protected:
    // No session bus and no display: --notify cannot reach a notification service.
    ns::test::ProcessResult run(std::vector<std::string> args) {
        args.insert(args.begin(), {"--home", m_home});
        return runNightstretch(args, {{"ALSOFT_DRIVERS", "null"},
                                      {"DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus"},
                                      {"DISPLAY", ""}});
    }
    fs::path unitDir() const { return fs::path(m_home) / "config" / "systemd" / "user"; }
};

TEST_F(RemindCommand, SetShowAndRemove) {
    auto shown = run({"remind"});
    EXPECT_EQ(shown.exitCode, 0) << shown.err;
    EXPECT_NE(shown.out.find("No bedtime reminder is set"), std::string::npos) << shown.out;

    auto set = run({"remind", "--at", "21:45"});
    ASSERT_EQ(set.exitCode, 0) << set.err;
    EXPECT_NE(set.out.find("A reminder is set for 21:45"), std::string::npos) << set.out;
    // The units are under --home, where no systemd looks: it says how to switch them on.
    EXPECT_NE(set.out.find("systemctl --user daemon-reload"), std::string::npos) << set.out;
    const std::string timer = readFile((unitDir() / "nightstretch-reminder.timer").string());
    EXPECT_NE(timer.find("OnCalendar=*-*-* 21:45:00"), std::string::npos) << timer;
    const std::string service = readFile((unitDir() / "nightstretch-reminder.service").string());
    EXPECT_NE(service.find("--home \"" + m_home + "\" remind --notify"), std::string::npos)
        << service;
    EXPECT_NE(service.find(std::string("ExecStart=\"") + NS_BINARY + "\""), std::string::npos)
        << service;
    const std::string settings = readFile(m_home + "/config/settings.toml");
    EXPECT_NE(settings.find("remind_at = \"21:45\""), std::string::npos) << settings;

    shown = run({"remind"});
    EXPECT_NE(shown.out.find("set for 21:45 each evening (nightly)"), std::string::npos)
        << shown.out;

    // A new time (and routine) replaces the old.
    ASSERT_EQ(run({"remind", "--at", "22:30", "--routine", "quick"}).exitCode, 0);
    shown = run({"remind"});
    EXPECT_NE(shown.out.find("set for 22:30 each evening (quick)"), std::string::npos) << shown.out;

    auto off = run({"remind", "--off"});
    ASSERT_EQ(off.exitCode, 0) << off.err;
    EXPECT_NE(off.out.find("The bedtime reminder is off."), std::string::npos) << off.out;
    EXPECT_FALSE(fs::exists(unitDir() / "nightstretch-reminder.timer"));
    EXPECT_FALSE(fs::exists(unitDir() / "nightstretch-reminder.service"));
    EXPECT_NE(run({"remind"}).out.find("No bedtime reminder is set"), std::string::npos);
    off = run({"remind", "--off"});
    EXPECT_EQ(off.exitCode, 0);
    EXPECT_NE(off.out.find("No bedtime reminder was set."), std::string::npos) << off.out;
}

TEST_F(RemindCommand, BadTimesAndRoutinesAreOneSentenceAndWriteNothing) {
    for (const char* bad : {"25:00", "9pm", "21:5", ""}) {
        auto result = run({"remind", "--at", bad});
        EXPECT_EQ(result.exitCode, 2) << bad;
        EXPECT_NE(result.err.find("the reminder's time must be like 21:45"), std::string::npos)
            << result.err;
    }
    auto unknown = run({"remind", "--at", "21:45", "--routine", "nigthly"});
    EXPECT_EQ(unknown.exitCode, 2) << unknown.err;
    EXPECT_NE(unknown.err.find("nightly"), std::string::npos) << unknown.err; // did you mean
    auto both = run({"remind", "--at", "21:45", "--off"});
    EXPECT_EQ(both.exitCode, 2) << both.err;
    auto routineAlone = run({"remind", "--routine", "quick"});
    EXPECT_EQ(routineAlone.exitCode, 2) << routineAlone.err;
    EXPECT_FALSE(fs::exists(unitDir()));
    EXPECT_FALSE(fs::exists(fs::path(m_home) / "config" / "settings.toml"));
}

TEST_F(RemindCommand, NotifyWithoutANotificationServiceIsOneLineAndExitZero) {
    ASSERT_EQ(run({"remind", "--at", "21:45", "--routine", "quick"}).exitCode, 0);
    auto result = run({"remind", "--notify"});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out.rfind("Tonight's stretches: Quick routine, ", 0), 0u) << result.out;
    EXPECT_NE(result.out.find("(no notification service"), std::string::npos) << result.out;
    EXPECT_EQ(std::count(result.out.begin(), result.out.end(), '\n'), 1) << result.out;
}

TEST_F(RemindCommand, NotifyIsSilentWhenTonightIsDoneOrSkipped) {
    ASSERT_EQ(run({"log", "nightly"}).exitCode, 0);
    auto done = run({"remind", "--notify"});
    EXPECT_EQ(done.exitCode, 0) << done.err;
    EXPECT_EQ(done.out, "Tonight's stretches are already done: no reminder.\n");

    fs::remove_all(fs::path(m_home) / "data");
    ASSERT_EQ(run({"skip"}).exitCode, 0);
    auto skipped = run({"remind", "--notify"});
    EXPECT_EQ(skipped.exitCode, 0) << skipped.err;
    EXPECT_EQ(skipped.out, "Tonight's stretches are already skipped: no reminder.\n");
}

} // namespace
