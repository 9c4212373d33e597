// The history commands end to end on a real SQLite file: log, checkin, skip, stats, history,
// export, and what bad input and a damaged file do.
#include "run_process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

namespace fs = std::filesystem;
using ns::test::makeTempDir;
using ns::test::readFile;
using ns::test::runNightstretch;
using ns::test::writeFile;

namespace {

class HistoryCommands : public ns::test::TempHomeTest {
  protected:
    // Every run in UTC, so local times in the tests mean what they say.
    ns::test::ProcessResult run(std::vector<std::string> args) {
        args.insert(args.begin(), {"--home", m_home});
        return runNightstretch(args, {{"TZ", "UTC"}, {"ALSOFT_DRIVERS", "null"}});
    }
    void ok(std::vector<std::string> args) {
        auto result = run(args);
        ASSERT_EQ(result.exitCode, 0) << args[0] << ": " << result.err;
    }
    nlohmann::json json(std::vector<std::string> args) {
        auto result = run(std::move(args));
        EXPECT_EQ(result.exitCode, 0) << result.err;
        return nlohmann::json::parse(result.out);
    }
};

TEST_F(HistoryCommands, StatsFollowTheStreakRules) {
    ok({"log", "nightly", "--at", "2026-10-01 21:00"});
    ok({"log", "nightly", "--at", "2026-10-02 21:00"});
    ok({"log", "nightly", "--at", "2026-10-03 21:00", "--fraction", "0.5"});
    ok({"log", "nightly", "--at", "2026-10-04 21:00"});
    ok({"skip", "--night", "2026-10-05"});
    ok({"log", "nightly", "--at", "2026-10-06 21:00"});
    ok({"checkin", "--night", "2026-10-02", "--cramps", "2", "--pain", "5"});

    auto stats = json({"stats", "--json", "--today", "2026-10-07"});
    EXPECT_EQ(stats["current_streak"], 2); // 10-06 done, 10-05 skipped, 10-04 done, 10-03 partial
    EXPECT_EQ(stats["best_streak"], 2);
    EXPECT_EQ(stats["nights_done"], 4);
    EXPECT_EQ(stats["nights_partial"], 1);
    EXPECT_EQ(stats["nights_skipped"], 1);
    EXPECT_EQ(stats["programme_night"], 7);
    ASSERT_EQ(stats["nights"].size(), 7u);
    EXPECT_EQ(stats["nights"][0]["night"], "2026-10-01");
    EXPECT_EQ(stats["nights"][1]["cramps"], 2);
    EXPECT_EQ(stats["nights"][1]["pain"], 5);
    EXPECT_TRUE(stats["nights"][1]["sleep"].is_null());
    EXPECT_TRUE(stats["nights"][0]["cramps"].is_null());
    EXPECT_EQ(stats["nights"][2]["state"], "partial");
    EXPECT_EQ(stats["nights"][4]["state"], "skipped");
    EXPECT_EQ(stats["nights"][6]["state"], "not_yet");
    EXPECT_EQ(stats["tonight_state"], "not_yet") << "tonight is not missed before it is over";
    EXPECT_EQ(json({"stats", "--json", "--today", "2026-10-08"})["nights"][6]["state"], "missed");

    // Once tonight is done the streak counts it.
    ok({"log", "nightly", "--at", "2026-10-07 21:00"});
    EXPECT_EQ(json({"stats", "--json", "--today", "2026-10-07"})["current_streak"], 3);
}

// Issue 18: a night that passed without a session is "missed" in the table, as in the JSON.
TEST_F(HistoryCommands, AMissedNightReadsTheSameInTheTableAndTheJson) {
    ok({"log", "nightly", "--at", "2026-10-01 21:00"});
    auto text = run({"stats", "--today", "2026-10-03"});
    ASSERT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("2026-10-02  missed "), std::string::npos) << text.out;
    // "not done" only as tonight's "not done yet".
    for (auto at = text.out.find("not done"); at != std::string::npos;
         at = text.out.find("not done", at + 1))
        EXPECT_EQ(text.out.compare(at, 12, "not done yet"), 0) << text.out;
    EXPECT_EQ(json({"stats", "--json", "--today", "2026-10-03"})["nights"][1]["state"], "missed");
}

// Issue 12: a session stopped partway reads "partly done" in the headline and the table alike,
// "partial" in the JSON; before any session, "not done yet" and "not_yet".
TEST_F(HistoryCommands, TonightReadsTheSameInTheTextTheTableAndTheJson) {
    auto text = run({"stats", "--today", "2026-10-07"});
    ASSERT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("Tonight (2026-10-07): not done yet"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("2026-10-07  not done yet"), std::string::npos) << text.out;
    EXPECT_EQ(json({"stats", "--json", "--today", "2026-10-07"})["tonight_state"], "not_yet");

    ok({"log", "nightly", "--at", "2026-10-07 21:00", "--fraction", "0.3"});
    text = run({"stats", "--today", "2026-10-07"});
    ASSERT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("Tonight (2026-10-07): partly done"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("2026-10-07  partly done"), std::string::npos) << text.out;
    EXPECT_EQ(text.out.find("not done yet"), std::string::npos) << text.out;
    EXPECT_EQ(json({"stats", "--json", "--today", "2026-10-07"})["tonight_state"], "partial");
}

TEST_F(HistoryCommands, ASessionBeforeTheDayStartCountsForTheNightBefore) {
    ok({"log", "quick", "--at", "2026-10-09 02:30"});
    auto history = json({"history", "--json"});
    ASSERT_EQ(history["sessions"].size(), 1u);
    EXPECT_EQ(history["sessions"][0]["night"], "2026-10-08");
    EXPECT_EQ(history["sessions"][0]["status"], "completed");
    EXPECT_EQ(history["sessions"][0]["source"], "log");
}

TEST_F(HistoryCommands, BadInputIsRefusedAndNothingIsWritten) {
    for (std::vector<std::string> args : {std::vector<std::string>{"checkin", "--cramps", "21"},
                                          {"checkin", "--cramps", "abc"},
                                          {"checkin", "--cramps", "1", "--pain", "11"},
                                          {"checkin", "--cramps", "1", "--sleep", "-1"},
                                          {"checkin", "--cramps", "1", "--night", "2099-01-01"},
                                          {"checkin", "--cramps", "1", "--night", "2026-02-30"},
                                          {"log", "nightly", "--at", "2099-01-01 21:00"},
                                          {"log", "nightly", "--at", "yesterday"},
                                          {"log", "nightly", "--fraction", "1.5"},
                                          {"skip", "--night", "2099-01-01"},
                                          {"stats", "--today", "2026-13-01"}}) {
        auto result = run(args);
        EXPECT_EQ(result.exitCode, 1) << args[0] << " " << args.back() << ": " << result.err;
        EXPECT_FALSE(result.err.empty());
    }
    auto history = json({"history", "--json"});
    EXPECT_TRUE(history["sessions"].empty());
    EXPECT_TRUE(history["checkins"].empty());
}

// Issue 18: a symptom is a field like the others: added to a saved check-in on its own, listed in
// what changed, taken back with --no-symptom, cleared by --replace.
class CheckInSymptoms : public HistoryCommands {
  protected:
    std::vector<std::string> symptomsOf(const std::string& night) {
        std::vector<std::string> names;
        const nlohmann::json history = json({"history", "--json"});
        for (const auto& answer : history["symptoms"])
            if (answer["night"] == night) names.push_back(answer["symptom"]);
        return names;
    }
    static constexpr const char* kNight = "2026-10-02";
};

TEST_F(CheckInSymptoms, ASymptomAloneIsAddedToASavedCheckInAndSaidAsAChange) {
    ok({"checkin", "--night", kNight, "--cramps", "1", "--symptom", "swelling"});
    auto added = run({"checkin", "--night", kNight, "--symptom", "numbness"});
    ASSERT_EQ(added.exitCode, 0) << added.err;
    EXPECT_NE(added.out.find("This changed the check-in saved before: numbness no → yes."),
              std::string::npos)
        << added.out;
    EXPECT_EQ(symptomsOf(kNight), (std::vector<std::string>{"numbness", "swelling"}));
    EXPECT_EQ(json({"history", "--json"})["checkins"][0]["cramps"], 1) << "the rest stays";
}

TEST_F(CheckInSymptoms, NoSymptomTakesOneBack) {
    ok({"checkin", "--night", kNight, "--cramps", "1", "--symptom", "swelling", "--symptom",
        "medicine"});
    auto back = run({"checkin", "--night", kNight, "--no-symptom", "swelling"});
    ASSERT_EQ(back.exitCode, 0) << back.err;
    EXPECT_NE(back.out.find("This changed the check-in saved before: swelling yes → no."),
              std::string::npos)
        << back.out;
    EXPECT_EQ(symptomsOf(kNight), std::vector<std::string>{"medicine"});

    auto both =
        run({"checkin", "--night", kNight, "--symptom", "weakness", "--no-symptom", "weakness"});
    EXPECT_EQ(both.exitCode, 1) << both.out;
    EXPECT_NE(both.err.find("--symptom weakness"), std::string::npos) << both.err;
    auto unknown = run({"checkin", "--night", kNight, "--no-symptom", "dizzy"});
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_NE(unknown.err.find("'dizzy' is not a symptom"), std::string::npos) << unknown.err;
    EXPECT_EQ(symptomsOf(kNight), std::vector<std::string>{"medicine"}) << "nothing changed";
}

TEST_F(CheckInSymptoms, ReplaceClearsTheSymptomsNotGiven) {
    ok({"checkin", "--night", kNight, "--cramps", "1", "--pain", "4", "--symptom", "swelling"});
    auto replaced =
        run({"checkin", "--night", kNight, "--replace", "--cramps", "2", "--symptom", "weakness"});
    ASSERT_EQ(replaced.exitCode, 0) << replaced.err;
    EXPECT_NE(replaced.out.find("swelling yes → no"), std::string::npos) << replaced.out;
    EXPECT_NE(replaced.out.find("weakness no → yes"), std::string::npos) << replaced.out;
    EXPECT_EQ(symptomsOf(kNight), std::vector<std::string>{"weakness"});
    ok({"checkin", "--night", kNight, "--replace", "--cramps", "0"});
    EXPECT_TRUE(symptomsOf(kNight).empty());
}

TEST_F(HistoryCommands, ExportWritesBothFilesWithHeaders) {
    ok({"log", "nightly", "--at", "2026-10-01 21:00"});
    ok({"checkin", "--night", "2026-10-01", "--cramps", "1", "--note", "calf, left \"again\""});
    const std::string dir = m_home + "/export";
    ok({"export", "--csv", dir});
    const std::string sessions = readFile(dir + "/sessions.csv");
    const std::string checkIns = readFile(dir + "/checkins.csv");
    EXPECT_EQ(sessions.rfind("id,routine,", 0), 0u) << sessions;
    EXPECT_NE(sessions.find(",nightly,"), std::string::npos);
    EXPECT_EQ(checkIns.rfind("night,cramps,pain,sleep,note,recorded_at,symptoms\n", 0), 0u);
    EXPECT_NE(checkIns.find("2026-10-01,1,,,\"calf, left \"\"again\"\"\","), std::string::npos)
        << checkIns;
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir))
        names.insert(entry.path().filename().string());
    EXPECT_EQ(names, (std::set<std::string>{"checkins.csv", "sessions.csv"}));
}

// Issue 18: the plain history and the CSV export list a check-in's symptoms, as --json does.
TEST_F(HistoryCommands, HistoryAndExportListTheSymptoms) {
    ok({"checkin", "--night", "2026-10-01", "--cramps", "1", "--pain", "5", "--sleep", "2",
        "--note", "calf", "--symptom", "swelling", "--symptom", "numbness"});
    ok({"checkin", "--night", "2026-10-02", "--cramps", "0"});
    auto history = run({"history"});
    ASSERT_EQ(history.exitCode, 0) << history.err;
    const std::string first = "  2026-10-01  cramps 1  pain 5  sleep 2  calf\n";
    const auto at = history.out.find(first);
    ASSERT_NE(at, std::string::npos) << history.out;
    EXPECT_EQ(history.out.substr(at + first.size())
                  .rfind("              noted: swelling, numbness\n"
                         "  2026-10-02",
                         0),
              0u)
        << history.out;
    EXPECT_EQ(history.out.find("noted:"), history.out.rfind("noted:"))
        << "a night without symptoms has no line for them\n"
        << history.out;

    const std::string dir = m_home + "/export";
    ok({"export", "--csv", dir});
    const std::string checkIns = readFile(dir + "/checkins.csv");
    EXPECT_NE(checkIns.find("\n2026-10-01,1,5,2,calf,"), std::string::npos) << checkIns;
    EXPECT_NE(checkIns.find(",swelling;numbness\n2026-10-02,0,"), std::string::npos) << checkIns;
    EXPECT_EQ(checkIns.substr(checkIns.size() - 2), ",\n") << "no symptoms: an empty last field";
}

TEST_F(HistoryCommands, ADamagedHistoryIsMovedAsideAndANewOneStarted) {
    const fs::path file = m_home + "/data/history.sqlite3";
    writeFile(file.string(), std::string(4096, 'x'));
    auto result = run({"stats", "--json"});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.err.find("kept as"), std::string::npos) << result.err;
    int movedAside = 0;
    for (const auto& entry : fs::directory_iterator(file.parent_path()))
        if (entry.path().filename().string().find("corrupt") != std::string::npos) {
            ++movedAside;
            EXPECT_EQ(readFile(entry.path().string()), std::string(4096, 'x'));
        }
    EXPECT_EQ(movedAside, 1);
    ok({"log", "quick", "--at", "2026-10-01 21:00"});
}

TEST_F(HistoryCommands, StatsPngWritesAPicture) {
    if (std::getenv("DISPLAY") == nullptr) GTEST_SKIP() << "drawing needs a display";
    ok({"log", "nightly", "--at", "2026-10-01 21:00"});
    const std::string png = m_home + "/progress.png";
    ok({"stats", "--png", png});
    const std::string bytes = readFile(png);
    ASSERT_GT(bytes.size(), 1000u);
    EXPECT_EQ(bytes.substr(1, 3), "PNG");
}

TEST_F(HistoryCommands, TheTerminalModeRecordsItsSession) {
    const std::string file = m_home + "/short.toml";
    writeFile(file, "name = \"Short\"\n[defaults]\nprepare = 0\n[[steps]]\nname = \"Calf\"\n"
                    "hold = 5\n");
    ok({"start", "--text", file});
    auto history = json({"history", "--json"});
    ASSERT_EQ(history["sessions"].size(), 1u);
    EXPECT_EQ(history["sessions"][0]["status"], "completed");
    EXPECT_EQ(history["sessions"][0]["source"], "text");
    EXPECT_EQ(history["sessions"][0]["hold_seconds"], 5);
    EXPECT_EQ(history["sessions"][0]["planned_hold_seconds"], 5);
}

} // namespace

namespace {

TEST_F(HistoryCommands, TheWindowRecordsItsSession) {
    if (std::getenv("DISPLAY") == nullptr) GTEST_SKIP() << "the window needs a display";
    const std::string file = m_home + "/short.toml";
    writeFile(file, "name = \"Short\"\n[defaults]\nprepare = 0\n[[steps]]\nname = \"Calf\"\n"
                    "hold = 5\n");
    auto result =
        runNightstretch({"--home", m_home, "start", file},
                        {{"ALSOFT_DRIVERS", "null"}, {"NIGHTSTRETCH_EXIT_WHEN_DONE", "1"}});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    auto history = json({"history", "--json"});
    ASSERT_EQ(history["sessions"].size(), 1u);
    EXPECT_EQ(history["sessions"][0]["status"], "completed");
    EXPECT_EQ(history["sessions"][0]["source"], "window");
    EXPECT_EQ(history["sessions"][0]["hold_seconds"], 5);
}

} // namespace
