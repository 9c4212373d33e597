// The bedtime reminder's rules and files: the time, the systemd units (read back, quoted right),
// when tonight calls for a reminder, its title, the settings that keep it, what happens with and
// without a user systemd (a fake systemctl, or none), and the sentences when it cannot be shown.
#include "fake_user_systemd.hpp"
#include "reminder.hpp"
#include "settings.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

namespace ns {
namespace {

namespace fs = std::filesystem;

TEST(ReminderTime, ParsesOnlyAClockTime) {
    ASSERT_TRUE(ReminderTime::parse("21:45"));
    EXPECT_EQ(ReminderTime::parse("21:45")->hour, 21);
    EXPECT_EQ(ReminderTime::parse("21:45")->minute, 45);
    EXPECT_EQ(ReminderTime::parse("07:05")->str(), "07:05");
    EXPECT_EQ(ReminderTime::parse("00:00")->str(), "00:00");
    for (const char* bad : {"", "24:00", "21:60", "9:45", "21.45", "21:45:00", "ab:cd", " 21:45"})
        EXPECT_FALSE(ReminderTime::parse(bad)) << bad;
}

TEST(ReminderTime, LaterGoesRoundTheClock) {
    EXPECT_EQ(ReminderTime::parse("21:45")->later(15).str(), "22:00");
    EXPECT_EQ(ReminderTime::parse("23:50")->later(15).str(), "00:05");
}

TEST(ReminderUnits, TheTimerRunsTheServiceAtTheTimeAndReadsBack) {
    const std::string timer = reminderTimerUnit(*ReminderTime::parse("21:45"));
    EXPECT_NE(timer.find("OnCalendar=*-*-* 21:45:00\n"), std::string::npos) << timer;
    EXPECT_NE(timer.find("Unit=nightstretch-reminder.service\n"), std::string::npos);
    EXPECT_NE(timer.find("WantedBy=timers.target\n"), std::string::npos);
    ASSERT_TRUE(reminderTimeInTimer(timer));
    EXPECT_EQ(reminderTimeInTimer(timer)->str(), "21:45");
    EXPECT_FALSE(reminderTimeInTimer("[Timer]\nOnCalendar=daily\n"));
    EXPECT_FALSE(reminderTimeInTimer("[Timer]\nOnCalendar=*-*-* 25:00:00\n"));
    EXPECT_FALSE(reminderTimeInTimer(""));
}

TEST(ReminderUnits, TheServiceQuotesItsPathsForSystemd) {
    const std::string plain = reminderServiceUnit("/usr/bin/nightstretch", std::nullopt);
    EXPECT_NE(plain.find("ExecStart=\"/usr/bin/nightstretch\" remind --notify\n"),
              std::string::npos)
        << plain;
    // Spaces stay inside quotes; % and $ would be systemd specifiers and variables.
    const std::string odd =
        reminderServiceUnit("/opt/my apps/bin/nightstretch", fs::path("/home/a \"b\"/100%$x"));
    EXPECT_NE(odd.find("ExecStart=\"/opt/my apps/bin/nightstretch\" --home "
                       "\"/home/a \\\"b\\\"/100%%$$x\" remind --notify\n"),
              std::string::npos)
        << odd;
}

TEST(Reminder, OnlyWhenTonightIsNeitherDoneNorSkipped) {
    EXPECT_TRUE(reminderWanted(NightState::NotYet)); // tonight, before it is over
    EXPECT_TRUE(reminderWanted(NightState::Missed));
    EXPECT_TRUE(reminderWanted(NightState::Partial));
    EXPECT_FALSE(reminderWanted(NightState::Done));
    EXPECT_FALSE(reminderWanted(NightState::Skipped));
}

TEST(Reminder, TheTitleSaysTheRoutineAndItsLengthInMinutes) {
    EXPECT_EQ(reminderTitle("Nightly", 480), "Tonight's stretches: Nightly, 8 min");
    EXPECT_EQ(reminderTitle("Nightly", 485), "Tonight's stretches: Nightly, 8 min");
    EXPECT_EQ(reminderTitle("Nightly", 510), "Tonight's stretches: Nightly, 9 min");
    EXPECT_EQ(reminderTitle("Short", 20), "Tonight's stretches: Short, 1 min");
}

class ReminderFiles : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "ns-reminder-test-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        m_root = pattern;
        // As under --home DIR.
        m_paths.configDir = m_root / "config";
        m_paths.dataDir = m_root / "data";
        m_paths.stateDir = m_root / "state";
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(m_root, ec);
    }
    fs::path m_root;
    Paths m_paths;
};

TEST_F(ReminderFiles, SetThenOffLeavesNoUnitAndKeepsTheSettings) {
    const test::ScopedEnvironment noUserSystemd(test::Environment{{"XDG_RUNTIME_DIR", ""}});
    const fs::path units = m_root / "config" / "systemd" / "user";
    EXPECT_EQ(reminderUnitDir(m_paths), units);

    const ReminderChange set =
        applyReminder(m_paths, ReminderTime::parse("22:15"), "quick", "/usr/bin/nightstretch");
    ASSERT_TRUE(set.ok) << set.message;
    EXPECT_TRUE(fs::exists(units / kReminderTimer));
    EXPECT_TRUE(fs::exists(units / kReminderService));
    // Under --home the units are only written, and it says so (and that none could run here).
    EXPECT_EQ(set.summary, "Reminder 22:15 written, not switched on");
    EXPECT_NE(set.advice.find("Under --home its units stay in " + units.string() +
                              ", where systemd does not look, so it is not switched on. Nor "
                              "could it run here: this system has no "),
              std::string::npos)
        << set.advice;
    std::ifstream service(units / kReminderService);
    std::stringstream serviceText;
    serviceText << service.rdbuf();
    EXPECT_NE(serviceText.str().find("--home \"" + m_root.string() + "\" remind --notify"),
              std::string::npos)
        << serviceText.str();

    ReminderStatus status = readReminder(m_paths);
    ASSERT_TRUE(status.at);
    EXPECT_EQ(status.at->str(), "22:15");
    EXPECT_EQ(status.routine, "quick");
    const Settings saved = Settings::load(m_paths.settingsFile());
    EXPECT_EQ(saved.remindAt, "22:15");
    EXPECT_EQ(saved.remindRoutine, "quick");

    const ReminderChange off = applyReminder(m_paths, std::nullopt, "quick", "/usr/bin/x");
    ASSERT_TRUE(off.ok) << off.message;
    EXPECT_FALSE(fs::exists(units / kReminderTimer));
    EXPECT_FALSE(fs::exists(units / kReminderService));
    EXPECT_FALSE(readReminder(m_paths).at);
    EXPECT_EQ(Settings::load(m_paths.settingsFile()).remindAt, "");
}

TEST_F(ReminderFiles, UnderHomeSystemdIsNeverToldAndTheAdviceGivesTheCommands) {
    const test::FakeUserSystemd systemd(m_root / "systemd");
    const test::ScopedEnvironment withIt(systemd.environment());
    const fs::path units = m_root / "config" / "systemd" / "user";
    const ReminderChange set =
        applyReminder(m_paths, ReminderTime::parse("21:30"), "nightly", "/usr/bin/nightstretch");
    ASSERT_TRUE(set.ok) << set.message;
    EXPECT_NE(set.advice.find("To switch it on: systemctl --user link '" +
                              (units / kReminderService).string() + "' '" +
                              (units / kReminderTimer).string() +
                              "' && systemctl --user enable --now nightstretch-reminder.timer"),
              std::string::npos)
        << set.advice;
    EXPECT_EQ(reminderHomeAdvice(m_paths), set.advice); // what `remind` alone says too
    const ReminderChange off = applyReminder(m_paths, std::nullopt, "nightly", "/usr/bin/x");
    ASSERT_TRUE(off.ok) << off.message;
    EXPECT_NE(off.advice.find("systemctl --user disable --now nightstretch-reminder.timer"),
              std::string::npos)
        << off.advice;
    EXPECT_EQ(systemd.calls(), ""); // nothing under --home reaches the person's own systemd
}

// Not under --home: the units go to $XDG_CONFIG_HOME/systemd/user, where systemd --user looks.
class ReminderInOwnFolder : public ReminderFiles {
  protected:
    void SetUp() override {
        ReminderFiles::SetUp();
        m_paths.configDir = m_root / "xdg" / "nightstretch";
        m_paths.dataDir = m_root / "data" / "nightstretch";
        m_paths.stateDir = m_root / "state" / "nightstretch";
    }
    fs::path units() const { return m_root / "xdg" / "systemd" / "user"; }
    std::map<std::string, std::string> ownFolder() const {
        return {{"XDG_CONFIG_HOME", (m_root / "xdg").string()}};
    }
};

TEST_F(ReminderInOwnFolder, WithoutAUserSystemdNothingIsSetAndItSaysWhatToDo) {
    // As on a machine with systemd installed but no systemd --user running (this one): a
    // systemctl on PATH, and nothing in XDG_RUNTIME_DIR.
    const test::FakeUserSystemd systemd(m_root / "systemd");
    std::map<std::string, std::string> env = ownFolder();
    env["PATH"] = systemd.environment().at("PATH");
    env["XDG_RUNTIME_DIR"] = "";
    const test::ScopedEnvironment noUserSystemd(env);
    ASSERT_EQ(reminderUnitDir(m_paths), units());
    const ReminderChange set =
        applyReminder(m_paths, ReminderTime::parse("21:00"), "nightly", "/usr/bin/nightstretch");
    EXPECT_FALSE(set.ok);
    EXPECT_EQ(set.summary, "Reminder not switched on");
    EXPECT_EQ(set.message, "Could not switch on the reminder: this system has no user service "
                           "manager (systemd --user) running for you, so nothing would show it "
                           "at 21:00. Nothing was set.");
    EXPECT_NE(set.advice.find("Set it from your desktop session"), std::string::npos) << set.advice;
    EXPECT_FALSE(fs::exists(units()));
    EXPECT_FALSE(fs::exists(m_paths.settingsFile()));
    EXPECT_FALSE(readReminder(m_paths).at);
    EXPECT_EQ(systemd.calls(), "");
}

TEST_F(ReminderInOwnFolder, WithoutSystemdAtAllItSaysSo) {
    fs::create_directories(m_root / "empty-bin");
    std::map<std::string, std::string> env = ownFolder();
    env["PATH"] = (m_root / "empty-bin").string();
    const test::ScopedEnvironment noSystemctl(env);
    const ReminderChange set =
        applyReminder(m_paths, ReminderTime::parse("21:00"), "nightly", "/usr/bin/nightstretch");
    EXPECT_FALSE(set.ok);
    EXPECT_NE(set.message.find("Could not switch on the reminder: this system has no systemd"),
              std::string::npos)
        << set.message;
    EXPECT_FALSE(set.advice.empty());
    EXPECT_FALSE(fs::exists(units()));
}

TEST_F(ReminderInOwnFolder, WithAUserSystemdItIsSwitchedOnThenOff) {
    const test::FakeUserSystemd systemd(m_root / "systemd");
    std::map<std::string, std::string> env = ownFolder();
    env.merge(systemd.environment());
    const test::ScopedEnvironment withIt(env);
    const ReminderChange set =
        applyReminder(m_paths, ReminderTime::parse("21:00"), "nightly", "/usr/bin/nightstretch");
    ASSERT_TRUE(set.ok) << set.message;
    EXPECT_EQ(set.summary, "Bedtime reminder at 21:00");
    EXPECT_EQ(set.advice, "");
    EXPECT_TRUE(fs::exists(units() / kReminderTimer));
    EXPECT_EQ(systemd.calls(), "--user --quiet daemon-reload\n"
                               "--user --quiet enable nightstretch-reminder.timer\n"
                               "--user --quiet restart nightstretch-reminder.timer\n");
    EXPECT_EQ(reminderHomeAdvice(m_paths), "");

    const ReminderChange off = applyReminder(m_paths, std::nullopt, "nightly", "/usr/bin/x");
    ASSERT_TRUE(off.ok) << off.message;
    EXPECT_EQ(off.advice, "");
    EXPECT_NE(systemd.calls().find("--user --quiet disable --now nightstretch-reminder.timer\n"),
              std::string::npos)
        << systemd.calls();
    EXPECT_FALSE(fs::exists(units() / kReminderTimer));
}

TEST_F(ReminderInOwnFolder, WhenSystemctlRefusesItNothingIsLeftHalfSet) {
    const test::FakeUserSystemd systemd(m_root / "systemd", 1);
    std::map<std::string, std::string> env = ownFolder();
    env.merge(systemd.environment());
    const test::ScopedEnvironment refusing(env);
    const ReminderChange set =
        applyReminder(m_paths, ReminderTime::parse("22:00"), "nightly", "/usr/bin/nightstretch");
    EXPECT_FALSE(set.ok);
    EXPECT_EQ(set.message, "Could not switch on the reminder: systemctl --user did not take it. "
                           "Nothing was set.");
    EXPECT_FALSE(set.advice.empty());
    EXPECT_FALSE(fs::exists(units() / kReminderTimer));
    EXPECT_FALSE(fs::exists(units() / kReminderService));
    EXPECT_FALSE(readReminder(m_paths).at);
    EXPECT_EQ(Settings::load(m_paths.settingsFile()).remindAt, "");
}

TEST(ReminderNotification, EachProblemIsOurOwnSentence) {
    const std::vector<std::string> sentences{notifyProblemSentence(NotifyProblem::NoModule),
                                             notifyProblemSentence(NotifyProblem::NoDesktop),
                                             notifyProblemSentence(NotifyProblem::NoBus),
                                             notifyProblemSentence(NotifyProblem::NoService)};
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        EXPECT_EQ(sentences[i].rfind("The reminder cannot be shown", 0), 0u) << sentences[i];
        for (std::size_t j = i + 1; j < sentences.size(); ++j)
            EXPECT_NE(sentences[i], sentences[j]);
    }
    EXPECT_NE(sentences[1].find("no display and no session bus"), std::string::npos);
    EXPECT_NE(sentences[3].find("no notification service answered"), std::string::npos);
}

TEST(ReminderSettings, LoadBackAndBadValuesAreReported) {
    Diagnostics problems;
    Settings settings = Settings::parse("remind_at = \"21:30\"\nremind_routine = \"in-bed\"\n",
                                        "settings.toml", &problems);
    EXPECT_TRUE(problems.empty());
    EXPECT_EQ(settings.remindAt, "21:30");
    EXPECT_EQ(settings.remindRoutine, "in-bed");
    EXPECT_EQ(Settings{}.remindAt, "");
    EXPECT_EQ(Settings{}.remindRoutine, "nightly");

    settings =
        Settings::parse("remind_at = \"9pm\"\nremind_routine = 3\n", "settings.toml", &problems);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].line, 1);
    EXPECT_NE(problems[0].message.find("remind_at"), std::string::npos);
    EXPECT_EQ(problems[1].line, 2);
    EXPECT_EQ(settings.remindAt, "");
    EXPECT_EQ(settings.remindRoutine, "nightly");
}

TEST(ReminderSettings, ARoutinePathWithQuotesSurvivesSaving) {
    std::string pattern = (fs::temp_directory_path() / "ns-reminder-save-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    const fs::path file = fs::path(pattern) / "settings.toml";
    Settings settings;
    settings.remindAt = "21:00";
    settings.remindRoutine = R"(/home/x/my "best" \ routine.toml)";
    ASSERT_TRUE(settings.save(file));
    Diagnostics problems;
    const Settings loaded = Settings::load(file, &problems);
    EXPECT_TRUE(problems.empty());
    EXPECT_EQ(loaded.remindRoutine, settings.remindRoutine);
    EXPECT_EQ(loaded.remindAt, "21:00");
    fs::remove_all(pattern);
}

} // namespace
} // namespace ns

namespace ns {
namespace {

TEST(ReminderChoices, RCyclesFromOffThroughTheEveningBackToOff) {
    std::optional<ReminderTime> at;
    std::vector<std::string> seen;
    for (int i = 0; i < 7; ++i) {
        at = nextReminderChoice(at);
        seen.push_back(at ? at->str() : "off");
    }
    EXPECT_EQ(seen, (std::vector<std::string>{"21:00", "21:30", "22:00", "22:30", "23:00", "off",
                                              "21:00"}));
    EXPECT_EQ(nextReminderChoice(ReminderTime::parse("21:45"))->str(), "22:00");
    EXPECT_EQ(nextReminderChoice(ReminderTime::parse("07:00"))->str(), "21:00");
    EXPECT_FALSE(nextReminderChoice(ReminderTime::parse("23:15")));
}

TEST(ReminderChoices, TheHomeLineSaysWhatIsSet) {
    ReminderStatus status;
    EXPECT_EQ(reminderLine(status), "No bedtime reminder \u00b7 R");
    status.at = ReminderTime::parse("21:45");
    EXPECT_EQ(reminderLine(status), "Bedtime reminder 21:45 \u00b7 R");
}

} // namespace
} // namespace ns
