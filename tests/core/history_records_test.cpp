// Correcting and recovering the history on real files: removing a session, un-skipping a night,
// which backups are kept over a year, what a backup holds, and restoring one.
#include "history.hpp"
#include "history_backups.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>
#include <functional>
#include <utility>
#include <vector>

namespace fs = std::filesystem;

namespace ns {
namespace {

SessionRecord sessionOn(const std::string& night, int held) {
    SessionRecord r;
    r.routineId = "nightly";
    r.routineName = "Nightly";
    r.startedAt = 1790000000;
    r.night = night;
    r.plannedHoldSeconds = 300;
    r.holdSecondsDone = held;
    r.status = held >= 300 ? "completed" : "quit";
    return r;
}

Date date(const char* text) {
    return *Date::parse(text);
}

class HistoryRecordsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() /
                ("ns-records-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }
    static std::unique_ptr<HistoryStore> open(const fs::path& file) {
        auto opened = HistoryStore::open(file);
        EXPECT_TRUE(opened.store) << opened.error;
        return std::move(opened.store);
    }
    fs::path m_dir;
};

TEST_F(HistoryRecordsTest, DeleteSessionRemovesOnlyThatOne) {
    auto store = open(m_dir / "history.sqlite3");
    const long long first = store->addSession(sessionOn("2026-10-01", 300));
    const long long second = store->addSession(sessionOn("2026-10-02", 300));
    ASSERT_TRUE(store->deleteSession(second)) << store->lastError();
    ASSERT_EQ(store->sessions().size(), 1u);
    EXPECT_EQ(store->sessions()[0].id, first);
    EXPECT_FALSE(store->deleteSession(second));
    EXPECT_EQ(store->lastError(),
              "there is no session " + std::to_string(second) + " in the history");
    EXPECT_TRUE(store->session(first));
    EXPECT_FALSE(store->session(second));
}

TEST_F(HistoryRecordsTest, UnmarkSkippedTakesTheMarkAway) {
    auto store = open(m_dir / "history.sqlite3");
    ASSERT_TRUE(store->markSkipped("2026-10-04", 1790000000));
    ASSERT_TRUE(store->unmarkSkipped("2026-10-04")) << store->lastError();
    EXPECT_TRUE(store->skippedNights().empty());
    EXPECT_FALSE(store->unmarkSkipped("2026-10-04"));
}

TEST(BackupsToKeep, SevenDailyFourWeeklyTwelveMonthly) {
    std::vector<Date> dates;
    dates.reserve(365);
    for (Date d = date("2025-01-01"); d <= date("2025-12-31"); d = d.plus(1))
        dates.push_back(d);
    const std::vector<Date> keep = backupsToKeep(dates);
    std::vector<std::string> kept;
    kept.reserve(keep.size());
    for (Date d : keep)
        kept.push_back(d.str());
    const std::vector<std::string> expected = {
        "2025-12-31", "2025-12-30", "2025-12-29", "2025-12-28", "2025-12-27",
        "2025-12-26", "2025-12-25", "2025-12-21", "2025-12-14", "2025-11-30",
        "2025-10-31", "2025-09-30", "2025-08-31", "2025-07-31", "2025-06-30",
        "2025-05-31", "2025-04-30", "2025-03-31", "2025-02-28", "2025-01-31"};
    EXPECT_EQ(kept, expected);
}

TEST(BackupsToKeep, AGoodCopyNeverRotatesOutWithinAYear) {
    // One backup a day, pruned each day as the app does: the copy of the last day of a month
    // is still there eleven months later.
    std::vector<Date> folder;
    for (Date d = date("2025-01-01"); d <= date("2025-12-31"); d = d.plus(1)) {
        folder.push_back(d);
        folder = backupsToKeep(folder);
    }
    EXPECT_NE(std::find(folder.begin(), folder.end(), date("2025-01-31")), folder.end());
    EXPECT_EQ(std::find(folder.begin(), folder.end(), date("2025-01-30")), folder.end());
    EXPECT_EQ(folder.size(), 20u);
}

TEST_F(HistoryRecordsTest, BackupIfDuePrunesByTheKeepingRuleAndSkipsAnEmptyHistory) {
    auto store = open(m_dir / "history.sqlite3");
    const fs::path backups = m_dir / "backups";
    ASSERT_TRUE(store->backupIfDue(backups, "2025-12-01")) << store->lastError();
    EXPECT_TRUE(listBackups(backups).empty()); // nothing to keep yet: no empty copy is made

    for (Date d = date("2025-01-01"); d <= date("2025-11-30"); d = d.plus(1))
        std::ofstream(backups / backupFileName(d)) << "old";
    store->addSession(sessionOn("2025-12-01", 300));
    ASSERT_TRUE(store->backupIfDue(backups, "2025-12-01")) << store->lastError();
    const auto left = listBackups(backups);
    EXPECT_EQ(left.front().date, date("2025-12-01"));
    EXPECT_TRUE(fs::exists(backups / "history-2025-01-31.sqlite3"));
    EXPECT_FALSE(fs::exists(backups / "history-2025-01-30.sqlite3"));
    EXPECT_TRUE(fs::exists(backups / "history-2025-11-25.sqlite3"));
    EXPECT_FALSE(fs::exists(backups / "history-2025-11-20.sqlite3"));
}

// Issue 18: whichever write comes first in a day, the day's backup holds the history as it was
// just before it; and the day has one backup, however many writes follow.
TEST_F(HistoryRecordsTest, TheDaysBackupComesBeforeItsFirstWriteWhicheverWriteItIs) {
    const fs::path file = m_dir / "history.sqlite3";
    long long session = 0;
    long long relief = 0;
    {
        auto store = open(file);
        session = store->addSession(sessionOn("2026-10-01", 300));
        store->addSession(sessionOn("2026-10-02", 100));
        store->markSkipped("2026-10-03", 1790000000);
        relief = store->addRelief({0, "2026-10-02", 1790000000, "calf", 1});
        CheckIn checkIn;
        checkIn.night = "2026-10-01";
        checkIn.cramps = 1;
        checkIn.recordedAt = 1790000000;
        store->putCheckIn(checkIn);
    }
    SessionRecord tonight = sessionOn("2026-10-04", 300);
    CheckIn checkIn;
    checkIn.night = "2026-10-04";
    checkIn.cramps = 2;
    checkIn.recordedAt = 1790000000;
    const std::vector<std::pair<std::string, std::function<bool(HistoryStore&)>>> writes = {
        {"beginSession", [&](HistoryStore& s) { return s.beginSession(tonight) != 0; }},
        {"addSession", [&](HistoryStore& s) { return s.addSession(tonight) != 0; }},
        {"updateSession",
         [&](HistoryStore& s) { return s.updateSession(session, 200, 0, "quit", 1790000100); }},
        {"putCheckIn", [&](HistoryStore& s) { return s.putCheckIn(checkIn); }},
        {"markSkipped", [&](HistoryStore& s) { return s.markSkipped("2026-10-04", 1790000000); }},
        {"unmarkSkipped", [&](HistoryStore& s) { return s.unmarkSkipped("2026-10-03"); }},
        {"deleteSession", [&](HistoryStore& s) { return s.deleteSession(session); }},
        {"addRelief",
         [&](HistoryStore& s) {
             return s.addRelief({0, "2026-10-04", 1790000000, "calf", 0}) != 0;
         }},
        {"updateRelief", [&](HistoryStore& s) { return s.updateRelief(relief, 3); }},
    };
    const fs::path pristine = m_dir / "pristine.sqlite3";
    {
        auto store = open(file);
        ASSERT_TRUE(store->backupIfDue(m_dir / "copy", "2026-10-05"));
        fs::copy_file(m_dir / "copy" / "history-2026-10-05.sqlite3", pristine);
    }
    for (const auto& [name, write] : writes) {
        // Each write on the same history as it was, into a folder of its own.
        fs::remove(file);
        for (const char* side : {"-wal", "-shm"})
            fs::remove(file.string() + side);
        fs::copy_file(pristine, file);
        auto store = open(file);
        const fs::path backups = m_dir / ("backups-" + name);
        store->backUpBeforeFirstWriteOfDay(backups);
        ASSERT_TRUE(write(*store)) << name << ": " << store->lastError();
        static_cast<void>(write(*store)); // a second write the same day adds no backup
        const auto made = listBackups(backups);
        ASSERT_EQ(made.size(), 1U) << name;
        const HistoryStore::FileSummary summary = HistoryStore::inspect(made.front().path);
        EXPECT_TRUE(summary.good) << name << ": " << summary.problem;
        EXPECT_EQ(summary.sessions, 2) << name << ": the backup holds the history before it";
        EXPECT_EQ(summary.nights, 3) << name;
    }
}

TEST_F(HistoryRecordsTest, InspectSaysWhatABackupHoldsAndRestoreGivesItBack) {
    auto store = open(m_dir / "history.sqlite3");
    store->addSession(sessionOn("2026-10-01", 300));
    store->addSession(sessionOn("2026-10-03", 100));
    store->markSkipped("2026-10-04", 1790000000);
    ASSERT_TRUE(store->backupIfDue(m_dir / "backups", "2026-10-05"));
    const fs::path backup = m_dir / "backups" / "history-2026-10-05.sqlite3";
    const HistoryStore::FileSummary summary = HistoryStore::inspect(backup);
    EXPECT_TRUE(summary.good) << summary.problem;
    EXPECT_EQ(summary.nights, 3);
    EXPECT_EQ(summary.sessions, 2);
    EXPECT_EQ(summary.firstNight, date("2026-10-01"));
    EXPECT_EQ(summary.lastNight, date("2026-10-04"));
    EXPECT_EQ(newestGoodBackup(m_dir / "backups")->file.path, backup);

    // Later rows, then the restore: the backup's rows, and the later ones kept aside.
    store->addSession(sessionOn("2026-10-05", 300));
    const fs::path keptAs = m_dir / "history.sqlite3.before-restore";
    ASSERT_TRUE(store->restoreFrom(backup, keptAs)) << store->lastError();
    EXPECT_EQ(store->sessions().size(), 2u);
    EXPECT_EQ(store->skippedNights(), std::vector<std::string>{"2026-10-04"});
    EXPECT_EQ(HistoryStore::inspect(keptAs).sessions, 3);
    // Still a working history: it takes new rows and opens again.
    EXPECT_GT(store->addSession(sessionOn("2026-10-06", 300)), 0);
    store.reset();
    auto again = open(m_dir / "history.sqlite3");
    EXPECT_EQ(again->sessions().size(), 3u);
}

TEST_F(HistoryRecordsTest, ADamagedBackupIsNotGoodAndIsNotRestored) {
    auto store = open(m_dir / "history.sqlite3");
    store->addSession(sessionOn("2026-10-01", 300));
    fs::create_directories(m_dir / "backups");
    const fs::path bad = m_dir / "backups" / "history-2026-10-02.sqlite3";
    std::ofstream(bad) << std::string(4096, 'x');
    EXPECT_FALSE(HistoryStore::inspect(bad).good);
    EXPECT_FALSE(newestGoodBackup(m_dir / "backups"));
    EXPECT_FALSE(store->restoreFrom(bad, m_dir / "kept"));
    EXPECT_FALSE(fs::exists(m_dir / "kept"));
    EXPECT_EQ(store->sessions().size(), 1u);
}

} // namespace
} // namespace ns
