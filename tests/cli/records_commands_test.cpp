// Correcting and recovering the record, end to end on a real history file: own copies of built-in
// routines, backups and restore, removing a session, un-skipping a night, a second check-in, and
// the bounds that keep nonsense out of the history.
#include "run_process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <set>

namespace fs = std::filesystem;
using ns::test::readFile;
using ns::test::runNightstretch;
using ns::test::writeFile;

namespace {

class RecordsCommands : public ns::test::TempHomeTest {
  protected:
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
    // Refused with exit 1 (2 for a missing option) and one sentence, and the history is as it was.
    void refused(std::vector<std::string> args, const std::string& fragment, int exitCode = 1) {
        const std::string before = json({"history", "--json"}).dump();
        auto result = run(args);
        EXPECT_EQ(result.exitCode, exitCode) << args[0] << ": " << result.err;
        EXPECT_NE(result.err.find(fragment), std::string::npos) << result.err;
        EXPECT_EQ(result.err.find("terminate"), std::string::npos);
        EXPECT_EQ(json({"history", "--json"}).dump(), before) << args[0];
    }
    std::string userRoutine(const std::string& id) {
        return m_home + "/config/routines/" + id + ".toml";
    }
    std::string shortRoutine() {
        std::string file = m_home + "/short.toml";
        writeFile(file, "name = \"Short\"\n[defaults]\nprepare = 0\n[[steps]]\nname = \"Calf\"\n"
                        "hold = 5\n");
        return file;
    }
};

// --- own copies, never silent shadows ---

TEST_F(RecordsCommands, NewRefusesTheIdOfABuiltInRoutineAndPointsToEdit) {
    auto result = run({"new", "nightly"});
    EXPECT_EQ(result.exitCode, 1) << result.err;
    EXPECT_NE(result.err.find("nightstretch edit nightly"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("--from nightly"), std::string::npos) << result.err;
    EXPECT_FALSE(fs::exists(userRoutine("nightly")));
    ok({"new", "nightly-mine", "--from", "nightly"});
    EXPECT_TRUE(fs::exists(userRoutine("nightly-mine")));
}

TEST_F(RecordsCommands, ListMarksYourCopyOfABuiltInAndResetGoesBack) {
    const std::string builtIn = json({"plan", "nightly", "--json"})["name"];
    writeFile(userRoutine("nightly"),
              "name = \"My nightly\"\n[[steps]]\nstretch = \"wall-calf\"\n");
    auto list = run({"list"});
    ASSERT_EQ(list.exitCode, 0) << list.err;
    EXPECT_NE(list.out.find("My nightly  (yours, from built-in"), std::string::npos) << list.out;
    bool marked = false;
    const auto listed = json({"list", "--json"});
    for (const auto& routine : listed["routines"])
        if (routine["id"] == "nightly") marked = routine["from_built_in"];
    EXPECT_TRUE(marked);

    auto reset = run({"reset", "nightly"});
    ASSERT_EQ(reset.exitCode, 0) << reset.err;
    EXPECT_FALSE(fs::exists(userRoutine("nightly")));
    int kept = 0;
    for (const auto& entry : fs::directory_iterator(m_home + "/config/routines"))
        if (entry.path().filename().string().rfind("nightly.toml.yours-", 0) == 0) {
            ++kept;
            EXPECT_NE(readFile(entry.path().string()).find("My nightly"), std::string::npos);
        }
    EXPECT_EQ(kept, 1);
    EXPECT_EQ(json({"plan", "nightly", "--json"})["name"], builtIn);
    // Nothing to reset: your own routine, and the built-in one itself.
    writeFile(userRoutine("mine"), "name = \"Mine\"\n[[steps]]\nstretch = \"wall-calf\"\n");
    EXPECT_EQ(run({"reset", "mine"}).exitCode, 1);
    EXPECT_TRUE(fs::exists(userRoutine("mine")));
    EXPECT_EQ(run({"reset", "nightly"}).exitCode, 0);
    EXPECT_EQ(run({"reset", "no-such"}).exitCode, 2);
}

// --- backups and restore ---

TEST_F(RecordsCommands, ADamagedHistoryThenRestoreGivesBackEveryNightOfTheNewestGoodBackup) {
    for (const char* at : {"2026-10-01 21:00", "2026-10-02 21:00", "2026-10-03 21:00"})
        ok({"log", "nightly", "--at", at});
    ok({"checkin", "--night", "2026-10-02", "--cramps", "2", "--pain", "5"});
    ok({"skip", "--night", "2026-10-04"});
    // Today's backup was made before the second log; without it, the session's first write
    // makes one that holds all four nights.
    fs::remove_all(m_home + "/data/backups");
    ok({"start", "--text", shortRoutine()});
    const auto before = json({"stats", "--json", "--today", "2026-10-05"});

    auto backups = run({"backups"});
    ASSERT_EQ(backups.exitCode, 0) << backups.err;
    EXPECT_NE(backups.out.find("4 nights (2026-10-01 to 2026-10-04)"), std::string::npos)
        << backups.out;

    const fs::path file = m_home + "/data/history.sqlite3";
    for (const char* side : {"-wal", "-shm"})
        fs::remove(file.string() + side);
    writeFile(file.string(), std::string(8192, 'x'));
    auto damaged = run({"stats"});
    EXPECT_EQ(damaged.exitCode, 0) << damaged.err;
    EXPECT_NE(damaged.err.find("still holds 4 nights"), std::string::npos) << damaged.err;
    EXPECT_NE(damaged.err.find("run 'nightstretch restore'"), std::string::npos) << damaged.err;

    auto restored = run({"restore"});
    ASSERT_EQ(restored.exitCode, 0) << restored.err;
    EXPECT_NE(restored.out.find("kept as"), std::string::npos) << restored.out;
    const auto after = json({"stats", "--json", "--today", "2026-10-05"});
    EXPECT_EQ(after["nights"], before["nights"]);
    EXPECT_EQ(after["nights_done"], 3);
    EXPECT_EQ(after["nights_skipped"], 1);
    EXPECT_EQ(after["nights"][1]["cramps"], 2);
    // The text of stats shows them too.
    auto text = run({"stats", "--today", "2026-10-05"});
    EXPECT_NE(text.out.find("2026-10-03  done"), std::string::npos) << text.out;
    // And what was there before the restore is kept, not lost.
    int keptAside = 0;
    for (const auto& entry : fs::directory_iterator(file.parent_path()))
        if (entry.path().filename().string().find("before-restore") != std::string::npos)
            ++keptAside;
    EXPECT_EQ(keptAside, 1);
}

// Issue 18: a history that holds nights is replaced only with a yes, and the message says how to
// put it back.
TEST_F(RecordsCommands, RestoreOnAHistoryThatHoldsNightsNeedsAYesAndSaysHowToUndo) {
    ok({"log", "nightly", "--at", "2026-10-01 21:00"});
    ok({"log", "nightly", "--at", "2026-10-02 21:00"}); // today's backup: before this, 1 night
    ok({"log", "nightly", "--at", "2026-10-03 21:00"});
    auto asked = run({"restore"});
    EXPECT_EQ(asked.exitCode, 2) << asked.err;
    EXPECT_NE(asked.err.find("add --yes"), std::string::npos) << asked.err;
    EXPECT_NE(asked.err.find("3 nights"), std::string::npos) << asked.err;
    EXPECT_EQ(json({"history", "--json"})["sessions"].size(), 3U);

    auto restored = run({"restore", "--yes"});
    ASSERT_EQ(restored.exitCode, 0) << restored.err;
    EXPECT_EQ(json({"history", "--json"})["sessions"].size(), 1U);
    const std::string undo = "To undo this, run 'nightstretch restore ";
    const auto at = restored.out.find(undo);
    ASSERT_NE(at, std::string::npos) << restored.out;
    const std::string keptAs = restored.out.substr(
        at + undo.size(), restored.out.find('\'', at + undo.size()) - at - undo.size());
    EXPECT_NE(keptAs.find("before-restore"), std::string::npos) << keptAs;
    // The undo it names gives every night back.
    ok({"restore", keptAs, "--yes"});
    EXPECT_EQ(json({"history", "--json"})["sessions"].size(), 3U);
}

TEST_F(RecordsCommands, RestoreAsksOnATerminalAndOnlyYesReplaces) {
    if (!ns::test::hasScript()) GTEST_SKIP() << "script(1) makes the terminal";
    ok({"log", "nightly", "--at", "2026-10-01 21:00"});
    ok({"log", "nightly", "--at", "2026-10-02 21:00"});
    const auto answer = [&](const std::string& reply) {
        return ns::test::runOnTerminal({"--home", m_home, "restore"}, reply + "\n");
    };
    const std::string kept = answer("");
    EXPECT_NE(kept.find("[y/N]"), std::string::npos) << kept;
    EXPECT_NE(kept.find("nothing was restored"), std::string::npos) << kept;
    EXPECT_EQ(json({"history", "--json"})["sessions"].size(), 2U);
    const std::string replaced = answer("y");
    EXPECT_NE(replaced.find("To undo this"), std::string::npos) << replaced;
    EXPECT_EQ(json({"history", "--json"})["sessions"].size(), 1U);
}

// Issue 18: a person who only logs, checks in and looks at stats gets the day's backup too, made
// before the day's first write.
TEST_F(RecordsCommands, TheDaysBackupIsMadeByWhicheverCommandWritesFirst) {
    ok({"log", "nightly", "--at", "2026-10-01 21:00"}); // nothing to back up before it
    ok({"stats"});
    EXPECT_NE(run({"backups"}).out.find("No backups yet"), std::string::npos);
    ok({"checkin", "--night", "2026-10-02", "--cramps", "1"});
    auto listed = run({"backups"});
    EXPECT_NE(listed.out.find("1 night (2026-10-01)"), std::string::npos) << listed.out;
    ok({"log", "nightly", "--at", "2026-10-03 21:00"}); // one backup a day: it stays as it was
    listed = run({"backups"});
    EXPECT_NE(listed.out.find("1 night (2026-10-01)"), std::string::npos) << listed.out;
    int files = 0;
    for (const auto& entry : fs::directory_iterator(m_home + "/data/backups"))
        files += entry.is_regular_file() ? 1 : 0;
    EXPECT_EQ(files, 1);
}

TEST_F(RecordsCommands, RestoreRefusesWhatCannotBeRestoredAndChangesNothing) {
    ok({"log", "nightly", "--at", "2026-10-01 21:00"});
    auto none = run({"restore"});
    EXPECT_EQ(none.exitCode, 2) << none.err;
    EXPECT_NE(none.err.find("no good backup"), std::string::npos) << none.err;
    EXPECT_EQ(run({"restore", "2026-01-01"}).exitCode, 2);
    fs::create_directories(m_home + "/data/backups");
    writeFile(m_home + "/data/backups/history-2026-10-02.sqlite3", std::string(4096, 'y'));
    auto bad = run({"restore", "2026-10-02"});
    EXPECT_EQ(bad.exitCode, 1) << bad.err;
    EXPECT_NE(bad.err.find("cannot be used"), std::string::npos) << bad.err;
    EXPECT_EQ(json({"history", "--json"})["sessions"].size(), 1u);
    auto listed = run({"backups"});
    EXPECT_NE(listed.out.find("2026-10-02"), std::string::npos) << listed.out;
    EXPECT_NE(listed.out.find("cannot be used"), std::string::npos) << listed.out;
}

// --- correcting the record ---

TEST_F(RecordsCommands, HistoryShowsIdsAndDeleteRemovesOneSession) {
    ok({"log", "nightly", "--at", "2026-10-01 21:00"});
    ok({"log", "quick", "--at", "2026-10-02 21:00"});
    const auto sessions = json({"history", "--json"})["sessions"];
    const long long second = sessions[1]["id"];
    auto text = run({"history"});
    EXPECT_NE(text.out.find(std::to_string(second) + "  2026-10-02  quick"), std::string::npos)
        << text.out;

    // Without a terminal to ask on, nothing is removed without --yes.
    auto asked = run({"history", "delete", std::to_string(second)});
    EXPECT_EQ(asked.exitCode, 2) << asked.err;
    EXPECT_NE(asked.err.find("--yes"), std::string::npos) << asked.err;
    EXPECT_EQ(json({"history", "--json"})["sessions"].size(), 2u);

    ok({"history", "delete", std::to_string(second), "--yes"});
    const auto left = json({"history", "--json"})["sessions"];
    ASSERT_EQ(left.size(), 1u);
    EXPECT_EQ(left[0]["night"], "2026-10-01");
    refused({"history", "delete", std::to_string(second), "--yes"}, "no session");
    refused({"history", "delete", "abc", "--yes"}, "not a session id");
}

// On a terminal (a pseudo-terminal made by script(1)) it asks, and only "y" removes.
TEST_F(RecordsCommands, HistoryDeleteAsksOnATerminal) {
    if (!ns::test::hasScript()) GTEST_SKIP() << "script(1) makes the terminal";
    ok({"log", "nightly", "--at", "2026-10-01 21:00"});
    const std::string id =
        std::to_string(json({"history", "--json"})["sessions"][0]["id"].get<long long>());
    const auto answer = [&](const std::string& reply) {
        return ns::test::runOnTerminal({"--home", m_home, "history", "delete", id}, reply + "\n");
    };
    const std::string kept = answer("n");
    EXPECT_NE(kept.find("[y/N]"), std::string::npos) << kept;
    EXPECT_EQ(json({"history", "--json"})["sessions"].size(), 1u);
    const std::string removed = answer("y");
    EXPECT_NE(removed.find("Removed session " + id), std::string::npos) << removed;
    EXPECT_TRUE(json({"history", "--json"})["sessions"].empty());
}

// Issue 18: a night already done cannot be marked skipped (stats would go on saying done).
TEST_F(RecordsCommands, SkipRefusesANightAlreadyDone) {
    ok({"log", "nightly", "--at", "2026-10-01 21:00"});
    refused({"skip", "--night", "2026-10-01"}, "already done");
    EXPECT_TRUE(json({"history", "--json"})["skipped"].empty());
    // A night done in part can still be marked (it was not done).
    ok({"log", "nightly", "--at", "2026-10-02 21:00", "--fraction", "0.5"});
    ok({"skip", "--night", "2026-10-02"});
}

// Issue 18: a session logged as done in part is "partial", in the list and the JSON alike.
TEST_F(RecordsCommands, ASessionLoggedInPartIsPartial) {
    ok({"log", "nightly", "--at", "2026-10-02 21:00", "--fraction", "0.5"});
    auto text = run({"history"});
    EXPECT_NE(text.out.find("nightly      partial"), std::string::npos) << text.out;
    EXPECT_EQ(text.out.find("quit"), std::string::npos) << text.out;
    EXPECT_EQ(json({"history", "--json"})["sessions"][0]["status"], "partial");
}

TEST_F(RecordsCommands, SkipUndoTakesTheMarkAway) {
    ok({"skip", "--night", "2026-10-04"});
    ok({"skip", "--undo", "--night", "2026-10-04"});
    EXPECT_TRUE(json({"history", "--json"})["skipped"].empty());
    refused({"skip", "--undo", "--night", "2026-10-04"}, "not marked skipped");
}

TEST_F(RecordsCommands, ASecondCheckInChangesOnlyTheFieldsGivenAndSaysWhatItReplaced) {
    ok({"checkin", "--night", "2026-10-02", "--cramps", "2", "--pain", "5", "--sleep", "4",
        "--note", "left calf"});
    auto second = run({"checkin", "--night", "2026-10-02", "--pain", "3"});
    ASSERT_EQ(second.exitCode, 0) << second.err;
    EXPECT_NE(second.out.find("pain 5 → 3"), std::string::npos) << second.out;
    auto saved = json({"history", "--json"})["checkins"][0];
    EXPECT_EQ(saved["cramps"], 2);
    EXPECT_EQ(saved["pain"], 3);
    EXPECT_EQ(saved["sleep"], 4);
    EXPECT_EQ(saved["note"], "left calf");

    ok({"checkin", "--night", "2026-10-02", "--cramps", "1", "--replace"});
    saved = json({"history", "--json"})["checkins"][0];
    EXPECT_EQ(saved["cramps"], 1);
    EXPECT_TRUE(saved["pain"].is_null());
    EXPECT_EQ(saved["note"], "");
    refused({"checkin", "--night", "2026-10-03", "--pain", "3"}, "needs --cramps", 2);
}

TEST_F(RecordsCommands, BoundsAreRefusedWithASentenceAndNothingWritten) {
    refused({"log", "nightly", "--at", "1800-01-01 22:00"}, "before 2000-01-01");
    refused({"log", "nightly", "--at", "2999-01-01 22:00"}, "in the future");
    refused({"log", "nightly", "--fraction", "0"}, "more than 0");
    refused({"checkin", "--cramps", "1", "--night", "2099-01-01"}, "in the future");
    // Tonight is not over: no check-in about it yet (in UTC, with the day starting at 04:00).
    const std::time_t evening = std::time(nullptr) - std::time_t{4} * 3600;
    std::tm tm{};
    gmtime_r(&evening, &tm);
    char tonight[16];
    std::strftime(tonight, sizeof tonight, "%Y-%m-%d", &tm);
    refused({"checkin", "--cramps", "1", "--night", tonight}, "not over yet");
}

} // namespace
