// `nightstretch remind` end to end: setting, showing and removing the reminder's units under
// --home and in the person's own systemd folder (with no user systemd, as on this machine, and
// with a fake systemctl), bad times and routines, and --notify when tonight is done, skipped, or
// there is no desktop, session bus or notification service. (With a real notification daemon:
// remind_notification_test.sh.)
#include "fake_user_systemd.hpp"
#include "run_process.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>

namespace fs = std::filesystem;
using ns::test::readFile;
using ns::test::runNightstretch;

namespace {

class RemindCommand : public ns::test::TempHomeTest {
  protected:
    // No session bus and no display: --notify cannot reach a notification service. No user
    // systemd runs (nothing in XDG_RUNTIME_DIR), whatever the machine.
    ns::test::ProcessResult run(std::vector<std::string> args,
                                std::map<std::string, std::string> env = {}) {
        args.insert(args.begin(), {"--home", m_home});
        env.insert({{"ALSOFT_DRIVERS", "null"},
                    {"DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus"},
                    {"DISPLAY", ""},
                    {"WAYLAND_DISPLAY", ""},
                    {"XDG_RUNTIME_DIR", ""}});
        return runNightstretch(args, env);
    }
    // Without --home: the XDG folders under the test's folder, the units in xdg-config's
    // systemd/user, where systemd --user looks.
    ns::test::ProcessResult runOwn(const std::vector<std::string>& args,
                                   std::map<std::string, std::string> env = {}) {
        env.insert({{"ALSOFT_DRIVERS", "null"},
                    {"NIGHTSTRETCH_HOME", ""},
                    {"HOME", m_home},
                    {"XDG_CONFIG_HOME", m_home + "/xdg-config"},
                    {"XDG_DATA_HOME", m_home + "/xdg-data"},
                    {"XDG_STATE_HOME", m_home + "/xdg-state"},
                    {"XDG_RUNTIME_DIR", ""}});
        return runNightstretch(args, env);
    }
    fs::path unitDir() const { return fs::path(m_home) / "config" / "systemd" / "user"; }
    fs::path ownUnitDir() const { return fs::path(m_home) / "xdg-config" / "systemd" / "user"; }
};

TEST_F(RemindCommand, SetShowAndRemove) {
    auto shown = run({"remind"});
    EXPECT_EQ(shown.exitCode, 0) << shown.err;
    EXPECT_NE(shown.out.find("No bedtime reminder is set"), std::string::npos) << shown.out;

    auto set = run({"remind", "--at", "21:45"});
    ASSERT_EQ(set.exitCode, 0) << set.err;
    EXPECT_NE(set.out.find("A reminder is set for 21:45"), std::string::npos) << set.out;
    // The units are under --home, where no systemd looks: it says that it is not switched on.
    EXPECT_NE(set.out.find("where systemd does not look, so it is not switched on"),
              std::string::npos)
        << set.out;
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

TEST_F(RemindCommand, WithNoUserSystemdHereNothingIsSetAndItSaysWhatToDo) {
    // The real check, on a system where no systemd --user runs for this test (this machine has
    // none at all): nothing is written, exit 3, and the sentence says why and what to do.
    auto set = runOwn({"remind", "--at", "21:00"});
    EXPECT_EQ(set.exitCode, 3) << set.out;
    EXPECT_EQ(set.out, "");
    EXPECT_EQ(
        set.err.rfind("nightstretch: Could not switch on the reminder: this system has no ", 0), 0u)
        << set.err;
    EXPECT_NE(set.err.find("so nothing would show it at 21:00. Nothing was set.\n"),
              std::string::npos)
        << set.err;
    EXPECT_NE(set.err.find("alarm"), std::string::npos) << set.err; // what to do instead
    EXPECT_FALSE(fs::exists(ownUnitDir()));
    EXPECT_NE(runOwn({"remind"}).out.find("No bedtime reminder is set"), std::string::npos);
}

TEST_F(RemindCommand, WithAUserSystemdTheTimerIsSwitchedOnAndOff) {
    const ns::test::FakeUserSystemd systemd(fs::path(m_home) / "fake-systemd");
    auto set = runOwn({"remind", "--at", "21:00"}, systemd.environment());
    ASSERT_EQ(set.exitCode, 0) << set.err;
    EXPECT_EQ(set.out, "A reminder is set for 21:00 each evening (nightly), only when tonight's "
                       "stretches are not done yet.\n");
    EXPECT_TRUE(fs::exists(ownUnitDir() / "nightstretch-reminder.timer"));
    EXPECT_NE(systemd.calls().find("--user --quiet enable nightstretch-reminder.timer\n"),
              std::string::npos)
        << systemd.calls();
    auto shown = runOwn({"remind"}, systemd.environment());
    EXPECT_EQ(shown.out, "The bedtime reminder is set for 21:00 each evening (nightly), only "
                         "when tonight's stretches are not done yet.\n");
    auto off = runOwn({"remind", "--off"}, systemd.environment());
    ASSERT_EQ(off.exitCode, 0) << off.err;
    EXPECT_EQ(off.out, "The bedtime reminder is off.\n");
    EXPECT_NE(systemd.calls().find("--user --quiet disable --now nightstretch-reminder.timer\n"),
              std::string::npos)
        << systemd.calls();
    EXPECT_FALSE(fs::exists(ownUnitDir() / "nightstretch-reminder.timer"));
}

TEST_F(RemindCommand, WhenSystemctlRefusesItExitsThreeAndNothingIsSet) {
    const ns::test::FakeUserSystemd systemd(fs::path(m_home) / "fake-systemd", 1);
    auto set = runOwn({"remind", "--at", "21:00"}, systemd.environment());
    EXPECT_EQ(set.exitCode, 3) << set.out;
    EXPECT_NE(set.err.find("systemctl --user did not take it. Nothing was set."), std::string::npos)
        << set.err;
    EXPECT_FALSE(fs::exists(ownUnitDir() / "nightstretch-reminder.timer"));
    EXPECT_NE(runOwn({"remind"}).out.find("No bedtime reminder is set"), std::string::npos);
}

TEST_F(RemindCommand, UnderHomeWithAUserSystemdItGivesTheCommandsAndTouchesNothing) {
    const ns::test::FakeUserSystemd systemd(fs::path(m_home) / "fake-systemd");
    auto set = run({"remind", "--at", "21:45"}, systemd.environment());
    ASSERT_EQ(set.exitCode, 0) << set.err;
    const std::string commands = "To switch it on: systemctl --user link '" +
                                 (unitDir() / "nightstretch-reminder.service").string() + "' '" +
                                 (unitDir() / "nightstretch-reminder.timer").string() +
                                 "' && systemctl --user enable --now nightstretch-reminder.timer\n";
    EXPECT_NE(set.out.find(commands), std::string::npos) << set.out;
    EXPECT_NE(run({"remind"}, systemd.environment()).out.find(commands), std::string::npos);
    EXPECT_EQ(systemd.calls(), "");
}

TEST_F(RemindCommand, NotifyWithNoDesktopSaysSoInOurWordsAndExitsThree) {
    ASSERT_EQ(run({"remind", "--at", "21:45", "--routine", "quick"}).exitCode, 0);
    const std::string sentence = "nightstretch: The reminder cannot be shown here: there is no "
                                 "desktop (no display and no session bus).";
    // A session bus address that leads nowhere, and none at all (GLib would then try to start
    // one through X11 and say "Cannot autolaunch D-Bus without X11 $DISPLAY").
    for (const char* bus : {"unix:path=/nonexistent/bus", ""}) {
        auto result = run({"remind", "--notify"}, {{"DBUS_SESSION_BUS_ADDRESS", bus}});
        EXPECT_EQ(result.exitCode, 3) << result.err;
        EXPECT_EQ(result.out.rfind("Tonight's stretches: Quick routine, ", 0), 0u) << result.out;
        EXPECT_EQ(std::count(result.out.begin(), result.out.end(), '\n'), 1) << result.out;
        EXPECT_EQ(result.err.rfind(sentence, 0), 0u) << result.err;
        EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
        EXPECT_EQ(result.err.find("D-Bus without"), std::string::npos) << result.err;
    }
}

TEST_F(RemindCommand, NotifyWithADisplayButNoSessionBusSaysSo) {
    auto result = run({"remind", "--notify"}, {{"DISPLAY", ":4999"}});
    EXPECT_EQ(result.exitCode, 3) << result.err;
    EXPECT_EQ(result.err, "nightstretch: The reminder cannot be shown: the desktop's session bus "
                          "(D-Bus) cannot be reached from here. Run it from a terminal in your "
                          "desktop session.\n");
    EXPECT_EQ(result.out.find("Showing"), std::string::npos) << result.out;
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
