// The history store on real files in temporary folders: schema, round trips, ranges, aggregation,
// damaged files moved aside, backups, read-only places, newer schemas and a full disk.
#include "history.hpp"
#include "unprivileged.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;

namespace ns {
namespace {

std::string readBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void writeBytes(const fs::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

// A raw connection for looking under the store, read-only unless asked.
class RawDb {
  public:
    explicit RawDb(const fs::path& file, bool writable = false) {
        sqlite3_open_v2(file.c_str(), &m_db,
                        writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY, nullptr);
    }
    ~RawDb() { sqlite3_close_v2(m_db); }
    // The first column of the first row, as text ("" when none); the result code in rc.
    std::string query(const std::string& sql) {
        sqlite3_stmt* stmt = nullptr;
        rc = sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr);
        std::string value;
        if (rc == SQLITE_OK) {
            rc = sqlite3_step(stmt);
            if (rc == SQLITE_ROW && sqlite3_column_text(stmt, 0) != nullptr)
                value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        }
        sqlite3_finalize(stmt);
        return value;
    }
    int exec(const std::string& sql) {
        return sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, nullptr);
    }
    int rc = SQLITE_OK;

  private:
    sqlite3* m_db = nullptr;
};

SessionRecord makeSession(const std::string& night, int planned, int done,
                          const std::string& status = "completed") {
    SessionRecord r;
    r.routineId = "nightly";
    r.routineName = "Nightly leg-cramp routine";
    r.startedAt = 1'700'000'000;
    r.endedAt = r.startedAt + 600;
    r.utcOffsetMinutes = 60;
    r.night = night;
    r.plannedHoldSeconds = planned;
    r.holdSecondsDone = done;
    r.stepsSkipped = 0;
    r.status = status;
    r.source = "window";
    return r;
}

CheckIn makeCheckIn(const std::string& night, int cramps, std::optional<int> pain = {},
                    std::optional<int> sleep = {}, const std::string& note = "") {
    CheckIn c;
    c.night = night;
    c.cramps = cramps;
    c.pain = pain;
    c.sleep = sleep;
    c.note = note;
    c.recordedAt = 1'700'100'000;
    return c;
}

class HistoryStoreTest : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "ns-history-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        m_dir = pattern;
        m_file = m_dir / "data" / "history.sqlite3";
    }
    void TearDown() override {
        std::error_code ec;
        // Give back any permissions a test took away, so the folder can go.
        for (auto it = fs::recursive_directory_iterator(m_dir, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
            fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
        fs::permissions(m_dir, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(m_dir, ec);
    }

    std::unique_ptr<HistoryStore> openStore() {
        auto opened = HistoryStore::open(m_file);
        EXPECT_TRUE(opened.error.empty()) << opened.error;
        EXPECT_TRUE(opened.movedAside.empty());
        return std::move(opened.store);
    }
    // Files in the history folder whose names start with `prefix`.
    static std::vector<fs::path> filesStartingWith(const fs::path& dir, const std::string& prefix) {
        std::vector<fs::path> out;
        for (const auto& entry : fs::directory_iterator(dir))
            if (entry.path().filename().string().rfind(prefix, 0) == 0) out.push_back(entry.path());
        std::sort(out.begin(), out.end());
        return out;
    }

    fs::path m_dir;
    fs::path m_file;
};

TEST_F(HistoryStoreTest, NewFileGetsItsFolderAndTheCurrentSchema) {
    auto store = openStore();
    ASSERT_TRUE(store);
    EXPECT_TRUE(fs::exists(m_file));
    EXPECT_EQ(store->schemaVersion(), HistoryStore::kSchemaVersion);
    EXPECT_EQ(store->file(), m_file);
    EXPECT_TRUE(store->sessions().empty());
    EXPECT_TRUE(store->checkIns().empty());
    EXPECT_TRUE(store->nightRecords().empty());
}

TEST_F(HistoryStoreTest, UsesTheWriteAheadLog) {
    auto store = openStore();
    ASSERT_TRUE(store);
    RawDb raw(m_file);
    EXPECT_EQ(raw.query("PRAGMA journal_mode"), "wal");
    EXPECT_EQ(raw.query("PRAGMA user_version"), std::to_string(HistoryStore::kSchemaVersion));
}

TEST_F(HistoryStoreTest, ReopeningKeepsEverything) {
    {
        auto store = openStore();
        ASSERT_TRUE(store);
        EXPECT_GT(store->addSession(makeSession("2024-03-01", 300, 280)), 0);
        EXPECT_TRUE(store->putCheckIn(makeCheckIn("2024-03-01", 2, 5, 3, "left calf")));
        EXPECT_TRUE(store->markSkipped("2024-03-02", 1'700'000'000));
    }
    auto store = openStore();
    ASSERT_TRUE(store);
    EXPECT_EQ(store->schemaVersion(), HistoryStore::kSchemaVersion);
    ASSERT_EQ(store->sessions().size(), 1u);
    EXPECT_EQ(store->sessions()[0].holdSecondsDone, 280);
    ASSERT_EQ(store->checkIns().size(), 1u);
    EXPECT_EQ(store->checkIns()[0].note, "left calf");
    EXPECT_EQ(store->skippedNights(), std::vector<std::string>{"2024-03-02"});
}

TEST_F(HistoryStoreTest, SessionIsBegunUpdatedAndFinished) {
    auto store = openStore();
    ASSERT_TRUE(store);
    SessionRecord record = makeSession("2024-03-01", 300, 0, "interrupted");
    record.endedAt.reset();
    record.source = "text";
    const long long id = store->beginSession(record);
    ASSERT_GT(id, 0) << store->lastError();

    auto stored = store->sessions();
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].id, id);
    EXPECT_EQ(stored[0].status, "interrupted");
    EXPECT_FALSE(stored[0].endedAt);
    EXPECT_EQ(stored[0].holdSecondsDone, 0);

    EXPECT_TRUE(store->updateSession(id, 120, 1, "interrupted", std::nullopt));
    EXPECT_EQ(store->sessions()[0].holdSecondsDone, 120);
    EXPECT_EQ(store->sessions()[0].stepsSkipped, 1);

    EXPECT_TRUE(store->updateSession(id, 290, 1, "completed", record.startedAt + 700));
    stored = store->sessions();
    ASSERT_EQ(stored.size(), 1u);
    const SessionRecord& s = stored[0];
    EXPECT_EQ(s.routineId, "nightly");
    EXPECT_EQ(s.routineName, "Nightly leg-cramp routine");
    EXPECT_EQ(s.startedAt, record.startedAt);
    EXPECT_EQ(s.endedAt, std::optional<std::time_t>(record.startedAt + 700));
    EXPECT_EQ(s.utcOffsetMinutes, 60);
    EXPECT_EQ(s.night, "2024-03-01");
    EXPECT_EQ(s.plannedHoldSeconds, 300);
    EXPECT_EQ(s.holdSecondsDone, 290);
    EXPECT_EQ(s.stepsSkipped, 1);
    EXPECT_EQ(s.status, "completed");
    EXPECT_EQ(s.source, "text");
}

TEST_F(HistoryStoreTest, UpdatingAMissingSessionOrWithABadStatusFails) {
    auto store = openStore();
    ASSERT_TRUE(store);
    EXPECT_FALSE(store->updateSession(42, 10, 0, "completed", std::nullopt));
    EXPECT_FALSE(store->lastError().empty());
    const long long id = store->beginSession(makeSession("2024-03-01", 300, 0, "interrupted"));
    EXPECT_FALSE(store->updateSession(id, 10, 0, "finished-ish", std::nullopt));
    EXPECT_FALSE(store->lastError().empty());
    EXPECT_EQ(store->sessions()[0].status, "interrupted");
    EXPECT_EQ(store->beginSession(makeSession("2024-03-01", 300, 0, "bogus")), 0);
    EXPECT_EQ(store->beginSession(makeSession("yesterday", 300, 0)), 0);
    EXPECT_EQ(store->sessions().size(), 1u);
}

TEST_F(HistoryStoreTest, TextIsBoundNotPasted) {
    auto store = openStore();
    ASSERT_TRUE(store);
    SessionRecord record = makeSession("2024-03-01", 300, 300);
    record.routineName = "Robert'); DROP TABLE sessions;--";
    ASSERT_GT(store->addSession(record), 0);
    EXPECT_TRUE(
        store->putCheckIn(makeCheckIn("2024-03-01", 1, {}, {}, "it's \"fine\"; -- really")));
    EXPECT_EQ(store->sessions().at(0).routineName, record.routineName);
    EXPECT_EQ(store->checkInFor("2024-03-01")->note, "it's \"fine\"; -- really");
}

TEST_F(HistoryStoreTest, CheckInForTheSameNightReplacesTheFirst) {
    auto store = openStore();
    ASSERT_TRUE(store);
    EXPECT_FALSE(store->checkInFor("2024-03-01"));
    EXPECT_TRUE(store->putCheckIn(makeCheckIn("2024-03-01", 3, 7, 6, "woke twice")));
    EXPECT_TRUE(store->putCheckIn(makeCheckIn("2024-03-01", 1, {}, 2)));
    EXPECT_TRUE(store->putCheckIn(makeCheckIn("2024-03-02", 0)));
    auto first = store->checkInFor("2024-03-01");
    ASSERT_TRUE(first);
    EXPECT_EQ(first->cramps, 1);
    EXPECT_FALSE(first->pain);
    EXPECT_EQ(first->sleep, std::optional<int>(2));
    EXPECT_EQ(first->note, "");
    EXPECT_EQ(first->recordedAt, 1'700'100'000);
    EXPECT_EQ(store->checkIns().size(), 2u);
}

TEST_F(HistoryStoreTest, CheckInOutOfRangeIsRefusedAndNothingIsStored) {
    auto store = openStore();
    ASSERT_TRUE(store);
    EXPECT_TRUE(store->putCheckIn(makeCheckIn("2024-03-01", kMaxCramps, kMaxScale, 0)));
    for (const CheckIn& bad : {makeCheckIn("2024-03-02", -1), makeCheckIn("2024-03-02", 21),
                               makeCheckIn("2024-03-02", 1, 11), makeCheckIn("2024-03-02", 1, -1),
                               makeCheckIn("2024-03-02", 1, 5, 11),
                               makeCheckIn("2024-03-02", 1, 5, -3), makeCheckIn("2024-3-2", 1)}) {
        EXPECT_FALSE(store->putCheckIn(bad)) << bad.cramps;
        EXPECT_FALSE(store->lastError().empty());
    }
    EXPECT_EQ(store->checkIns().size(), 1u);
    // A bad value for an existing night leaves the stored one alone.
    EXPECT_FALSE(store->putCheckIn(makeCheckIn("2024-03-01", 25)));
    EXPECT_EQ(store->checkInFor("2024-03-01")->cramps, kMaxCramps);
}

TEST_F(HistoryStoreTest, SchemaItselfRejectsValuesOutOfRange) {
    ASSERT_TRUE(openStore());
    RawDb raw(m_file, true);
    EXPECT_NE(raw.exec("INSERT INTO checkins VALUES ('2024-03-01', 21, NULL, NULL, '', 0)"),
              SQLITE_OK);
    EXPECT_NE(raw.exec("INSERT INTO checkins VALUES ('2024-03-01', 1, 11, NULL, '', 0)"),
              SQLITE_OK);
    EXPECT_NE(raw.exec("INSERT INTO checkins VALUES ('2024-03-01', 1, NULL, -1, '', 0)"),
              SQLITE_OK);
    EXPECT_NE(raw.exec("INSERT INTO sessions (routine_id, routine_name, started_at, "
                       "utc_offset_minutes, night, planned_hold_seconds, hold_seconds_done, "
                       "steps_skipped, status, source) VALUES ('a', 'a', 0, 0, '2024-03-01', 1, "
                       "1, 0, 'paused', 'text')"),
              SQLITE_OK);
    EXPECT_EQ(raw.query("SELECT count(*) FROM checkins"), "0");
    EXPECT_EQ(raw.query("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND "
                        "tbl_name = 'sessions'"),
              "1");
}

TEST_F(HistoryStoreTest, SkippedNightsAreKeptOnceEach) {
    auto store = openStore();
    ASSERT_TRUE(store);
    EXPECT_TRUE(store->markSkipped("2024-03-05", 1));
    EXPECT_TRUE(store->markSkipped("2024-03-03", 2));
    EXPECT_TRUE(store->markSkipped("2024-03-05", 3));
    EXPECT_FALSE(store->markSkipped("March 4th", 4));
    EXPECT_EQ(store->skippedNights(), (std::vector<std::string>{"2024-03-03", "2024-03-05"}));
}

TEST_F(HistoryStoreTest, NightRecordsAggregateSessionsSkipsAndCheckIns) {
    auto store = openStore();
    ASSERT_TRUE(store);
    // Night 1: two sessions (one interrupted), the smallest planned hold is the one counted.
    store->addSession(makeSession("2024-03-01", 300, 100, "interrupted"));
    store->addSession(makeSession("2024-03-01", 120, 90, "completed"));
    store->addSession(makeSession("2024-03-01", 0, 15, "completed")); // logged, no plan
    store->putCheckIn(makeCheckIn("2024-03-01", 2, 6, 4, "calf"));
    // Night 2: only skipped. Night 3: only a check-in. Night 4: a session and a skip.
    store->markSkipped("2024-03-02", 0);
    store->putCheckIn(makeCheckIn("2024-03-03", 0));
    store->addSession(makeSession("2024-03-04", 200, 200));
    store->markSkipped("2024-03-04", 0);

    const auto records = store->nightRecords();
    ASSERT_EQ(records.size(), 4u);
    EXPECT_EQ(records[0].night.str(), "2024-03-01");
    EXPECT_EQ(records[0].holdSeconds, 205);
    EXPECT_EQ(records[0].plannedHoldSeconds, 120);
    EXPECT_FALSE(records[0].skipped);
    EXPECT_EQ(records[0].cramps, std::optional<int>(2));
    EXPECT_EQ(records[0].pain, std::optional<int>(6));
    EXPECT_EQ(records[0].sleep, std::optional<int>(4));
    EXPECT_EQ(records[0].note, "calf");

    EXPECT_EQ(records[1].night.str(), "2024-03-02");
    EXPECT_EQ(records[1].holdSeconds, 0);
    EXPECT_EQ(records[1].plannedHoldSeconds, 0);
    EXPECT_TRUE(records[1].skipped);
    EXPECT_FALSE(records[1].cramps);

    EXPECT_EQ(records[2].night.str(), "2024-03-03");
    EXPECT_FALSE(records[2].skipped);
    EXPECT_EQ(records[2].cramps, std::optional<int>(0));
    EXPECT_FALSE(records[2].pain);

    EXPECT_EQ(records[3].night.str(), "2024-03-04");
    EXPECT_EQ(records[3].holdSeconds, 200);
    EXPECT_EQ(records[3].plannedHoldSeconds, 200);
    EXPECT_TRUE(records[3].skipped);
}

TEST_F(HistoryStoreTest, NightRecordsComeInNightOrderWhateverOrderTheyWereWritten) {
    auto store = openStore();
    ASSERT_TRUE(store);
    // A late `log` for an earlier night, and nights known only from a check-in or a skip.
    store->addSession(makeSession("2024-03-05", 0, 30));
    store->addSession(makeSession("2024-03-02", 90, 90));
    store->markSkipped("2024-03-09", 0);
    store->addSession(makeSession("2024-03-05", 60, 45));
    store->putCheckIn(makeCheckIn("2024-03-01", 3));
    store->addSession(makeSession("2024-03-02", 80, 10, "quit"));
    store->putCheckIn(makeCheckIn("2024-03-09", 1, std::nullopt, 2));
    // Written by hand, not a night: left out, and the nights around it still merge.
    RawDb raw(m_file, true);
    ASSERT_EQ(raw.exec("INSERT INTO skips VALUES ('2024-03-03x', 0)"), SQLITE_OK);

    const auto records = store->nightRecords();
    std::vector<std::string> nights;
    nights.reserve(records.size());
    for (const auto& r : records)
        nights.push_back(r.night.str());
    ASSERT_EQ(nights,
              (std::vector<std::string>{"2024-03-01", "2024-03-02", "2024-03-05", "2024-03-09"}));
    EXPECT_EQ(records[0].cramps, std::optional<int>(3));
    EXPECT_EQ(records[0].holdSeconds, 0);
    EXPECT_EQ(records[1].holdSeconds, 100);
    EXPECT_EQ(records[1].plannedHoldSeconds, 80);
    EXPECT_FALSE(records[1].cramps);
    EXPECT_FALSE(records[1].skipped);
    EXPECT_EQ(records[2].holdSeconds, 75);
    EXPECT_EQ(records[2].plannedHoldSeconds, 60);
    EXPECT_TRUE(records[3].skipped);
    EXPECT_EQ(records[3].cramps, std::optional<int>(1));
    EXPECT_EQ(records[3].sleep, std::optional<int>(2));
    EXPECT_FALSE(records[3].pain);
}

TEST_F(HistoryStoreTest, TheCheckIsSkippedOnlyForTheBytesItLastPassed) {
    {
        auto opened = HistoryStore::open(m_file);
        ASSERT_TRUE(opened.store);
        EXPECT_TRUE(opened.checked) << "a new file";
        ASSERT_GT(opened.store->addSession(makeSession("2024-03-01", 60, 60)), 0);
    }
    // Closing folds the log into the file: changed bytes, checked once more, then trusted.
    EXPECT_TRUE(HistoryStore::open(m_file).checked);
    auto again = HistoryStore::open(m_file);
    ASSERT_TRUE(again.store);
    EXPECT_FALSE(again.checked);
    EXPECT_EQ(again.store->nightRecords().size(), 1u);
    again.store.reset();

    // Damage that keeps the size: every byte of the sessions table's page, after the header page.
    std::string bytes = readBytes(m_file);
    ASSERT_GE(bytes.size(), 8192u);
    std::fill(bytes.begin() + 4096, bytes.begin() + 8192, '\xff');
    writeBytes(m_file, bytes);
    auto damaged = HistoryStore::open(m_file);
    EXPECT_TRUE(damaged.checked);
    EXPECT_FALSE(damaged.movedAside.empty()) << "the damage went unseen";
    ASSERT_TRUE(damaged.store);
    EXPECT_TRUE(damaged.store->nightRecords().empty());
}

// Damaged files, each moved aside byte for byte under a time-stamped name.
std::string randomBytes(size_t n) {
    std::mt19937 random(12345);
    std::string bytes(n, '\0');
    for (char& c : bytes)
        c = static_cast<char>(random() & 0xff);
    return bytes;
}

class HistoryStoreDamaged : public HistoryStoreTest {
  protected:
    // A real history with enough rows to span many pages, cut in half.
    std::string truncatedDatabase() {
        {
            auto store = openStore();
            for (int i = 0; i < 400; ++i)
                store->addSession(makeSession("2024-03-01", 300, i));
        }
        const std::string bytes = readBytes(m_file);
        EXPECT_GT(bytes.size(), 8192u);
        fs::remove(m_file);
        return bytes.substr(0, bytes.size() / 2);
    }

    void expectMovedAside(const std::string& contents) {
        fs::create_directories(m_file.parent_path());
        writeBytes(m_file, contents);
        auto opened = HistoryStore::open(m_file);
        ASSERT_TRUE(opened.store) << opened.error;
        ASSERT_FALSE(opened.movedAside.empty()) << opened.error;
        EXPECT_EQ(opened.movedAside.parent_path(), m_file.parent_path());
        EXPECT_TRUE(std::regex_match(opened.movedAside.filename().string(),
                                     std::regex(R"(history\.sqlite3\.corrupt-\d{8}-\d{6})")))
            << opened.movedAside;
        EXPECT_EQ(readBytes(opened.movedAside), contents);

        // The new one works.
        EXPECT_EQ(opened.store->schemaVersion(), HistoryStore::kSchemaVersion);
        EXPECT_GT(opened.store->addSession(makeSession("2024-03-01", 300, 300)), 0);
        EXPECT_EQ(opened.store->sessions().size(), 1u);
        opened.store.reset();
        RawDb raw(m_file);
        EXPECT_EQ(raw.query("PRAGMA integrity_check"), "ok");
    }
};

TEST_F(HistoryStoreDamaged, RandomBytesAreMovedAside) {
    expectMovedAside(randomBytes(10000));
}

TEST_F(HistoryStoreDamaged, ATextFileIsMovedAside) {
    expectMovedAside("These are my notes about cramps.\nNot a database at all.\n");
}

TEST_F(HistoryStoreDamaged, ATruncatedDatabaseIsMovedAside) {
    expectMovedAside(truncatedDatabase());
}

TEST_F(HistoryStoreDamaged, AnEarlierDamagedFileIsNotOverwritten) {
    expectMovedAside(randomBytes(5000));
    auto first = filesStartingWith(m_file.parent_path(), "history.sqlite3.corrupt-");
    ASSERT_EQ(first.size(), 1u);
    const std::string firstBytes = readBytes(first[0]);
    fs::remove(m_file);
    fs::remove(m_file.string() + "-wal");
    fs::remove(m_file.string() + "-shm");
    writeBytes(m_file, "second damaged file");
    auto opened = HistoryStore::open(m_file); // within the same second, most likely
    ASSERT_TRUE(opened.store);
    EXPECT_FALSE(opened.movedAside.empty());
    EXPECT_EQ(readBytes(first[0]), firstBytes);
    EXPECT_EQ(readBytes(opened.movedAside), "second damaged file");
}

TEST_F(HistoryStoreDamaged, ItsLogGoesAsideWithIt) {
    fs::create_directories(m_file.parent_path());
    writeBytes(m_file, "not a database");
    writeBytes(m_file.string() + "-wal", "not a log either");
    auto opened = HistoryStore::open(m_file);
    ASSERT_TRUE(opened.store) << opened.error;
    ASSERT_FALSE(opened.movedAside.empty());
    EXPECT_EQ(readBytes(opened.movedAside.string() + "-wal"), "not a log either");
    EXPECT_GT(opened.store->addSession(makeSession("2024-03-01", 300, 300)), 0);
}

// A truncated file whose log holds its newest rows: both are moved aside exactly as they were
// (closing the check's connection must not checkpoint the log into the damaged file).
TEST_F(HistoryStoreDamaged, ARealLogIsKeptAsItWas) {
    {
        auto store = openStore();
        for (int i = 0; i < 400; ++i)
            store->addSession(makeSession("2024-03-01", 300, i));
    }
    std::string main;
    std::string log;
    {
        auto store = openStore();
        store->addSession(makeSession("2024-03-02", 300, 300));
        main = readBytes(m_file); // copied while open: the newest row is only in the log
        log = readBytes(m_file.string() + "-wal");
    }
    ASSERT_GT(log.size(), 0u);
    fs::remove(m_file);
    main.resize(main.size() / 2);
    writeBytes(m_file, main);
    writeBytes(m_file.string() + "-wal", log);
    auto opened = HistoryStore::open(m_file);
    ASSERT_TRUE(opened.store) << opened.error;
    ASSERT_FALSE(opened.movedAside.empty());
    EXPECT_EQ(readBytes(opened.movedAside), main);
    EXPECT_EQ(readBytes(opened.movedAside.string() + "-wal"), log);
    EXPECT_TRUE(opened.store->sessions().empty());
}

TEST_F(HistoryStoreTest, BackupIsMadeOnceADayAndTheNewestSevenKept) {
    auto store = openStore();
    ASSERT_TRUE(store);
    const fs::path backups = m_dir / "data" / "backups";
    fs::create_directories(backups);
    writeBytes(backups / "notes.txt", "mine");
    writeBytes(backups / "history-mine.sqlite3", "mine too");
    for (int day = 1; day <= 9; ++day) {
        store->addSession(makeSession("2024-03-0" + std::to_string(day), 300, 300));
        const std::string today = "2024-03-0" + std::to_string(day);
        ASSERT_TRUE(store->backupIfDue(backups, today)) << store->lastError();
        ASSERT_TRUE(store->backupIfDue(backups, today)) << store->lastError(); // already done
    }
    auto made = filesStartingWith(backups, "history-2");
    ASSERT_EQ(made.size(), 7u);
    EXPECT_EQ(made.front().filename(), "history-2024-03-03.sqlite3");
    EXPECT_EQ(made.back().filename(), "history-2024-03-09.sqlite3");
    // Nothing else in the folder is touched, and no half-made copies are left.
    EXPECT_EQ(readBytes(backups / "notes.txt"), "mine");
    EXPECT_EQ(readBytes(backups / "history-mine.sqlite3"), "mine too");
    EXPECT_EQ(std::distance(fs::directory_iterator(backups), fs::directory_iterator()), 9);
}

TEST_F(HistoryStoreTest, BackupOpensAndHoldsTheRowsOfItsDay) {
    auto store = openStore();
    ASSERT_TRUE(store);
    store->addSession(makeSession("2024-03-01", 300, 250));
    store->putCheckIn(makeCheckIn("2024-03-01", 3, 4));
    const fs::path backups = m_dir / "backups";
    ASSERT_TRUE(store->backupIfDue(backups, "2024-03-02"));
    store->addSession(makeSession("2024-03-02", 300, 300)); // after the backup
    ASSERT_TRUE(store->backupIfDue(backups, "2024-03-02"));

    auto copy = HistoryStore::open(backups / "history-2024-03-02.sqlite3");
    ASSERT_TRUE(copy.store) << copy.error;
    EXPECT_TRUE(copy.error.empty()) << copy.error;
    ASSERT_EQ(copy.store->sessions().size(), 1u);
    EXPECT_EQ(copy.store->sessions()[0].holdSecondsDone, 250);
    EXPECT_EQ(copy.store->checkInFor("2024-03-01")->cramps, 3);
    RawDb raw(backups / "history-2024-03-02.sqlite3");
    EXPECT_EQ(raw.query("PRAGMA integrity_check"), "ok");
}

TEST_F(HistoryStoreTest, BackupRefusesANameThatIsNotADate) {
    auto store = openStore();
    ASSERT_TRUE(store);
    EXPECT_FALSE(store->backupIfDue(m_dir / "backups", "../../etc"));
    EXPECT_FALSE(store->lastError().empty());
}

TEST_F(HistoryStoreTest, BackupIntoAPlaceThatCannotBeAFolderFailsCleanly) {
    auto store = openStore();
    ASSERT_TRUE(store);
    writeBytes(m_dir / "plain.txt", "x");
    EXPECT_FALSE(store->backupIfDue(m_dir / "plain.txt" / "backups", "2024-03-01"));
    EXPECT_FALSE(store->lastError().empty());
    EXPECT_GT(store->addSession(makeSession("2024-03-01", 300, 300)), 0); // still usable
}

TEST_F(HistoryStoreTest, AFolderThatIsAFileGivesAClearError) {
    writeBytes(m_dir / "file.txt", "not a folder");
    auto opened = HistoryStore::open(m_dir / "file.txt" / "history.sqlite3");
    EXPECT_FALSE(opened.store);
    EXPECT_NE(opened.error.find("file.txt"), std::string::npos) << opened.error;
    EXPECT_EQ(readBytes(m_dir / "file.txt"), "not a folder");
}

// As root, file modes mean nothing: these run as an unprivileged user (see unprivileged.hpp).
// Files fuzz_history made (tests/fuzz/inputs/history): damage a disk or an editor could do.
TEST_F(HistoryStoreTest, AnIndexOutOfStepWithItsTableIsRebuiltAndNothingIsLost) {
    fs::create_directories(m_file.parent_path());
    fs::copy_file(NS_FUZZ_INPUTS "/history/index-out-of-step", m_file);
    auto opened = HistoryStore::open(m_file);
    ASSERT_NE(opened.store, nullptr) << opened.error;
    EXPECT_TRUE(opened.movedAside.empty()) << "an index is rebuilt, the file kept";
    const std::size_t sessions = opened.store->sessions().size();
    EXPECT_GT(sessions, 0u);
    CheckIn checkIn;
    checkIn.night = "2026-11-20";
    checkIn.cramps = 4;
    ASSERT_TRUE(opened.store->putCheckIn(checkIn)) << opened.store->lastError();
    const auto back = opened.store->checkInFor("2026-11-20");
    ASSERT_TRUE(back) << "the check-in was written through a torn index and lost";
    EXPECT_EQ(back->cramps, 4);
}

TEST_F(HistoryStoreTest, ATableWhoseColumnNamesAreDamagedIsMovedAside) {
    fs::create_directories(m_file.parent_path());
    fs::copy_file(NS_FUZZ_INPUTS "/history/column-name-damaged", m_file);
    auto opened = HistoryStore::open(m_file);
    ASSERT_NE(opened.store, nullptr) << opened.error;
    EXPECT_FALSE(opened.movedAside.empty()) << "sessions would be written and never read back";
    EXPECT_TRUE(fs::exists(opened.movedAside));
    EXPECT_NE(opened.store->addSession(makeSession("2024-03-01", 300, 280)), 0);
    EXPECT_EQ(opened.store->sessions().size(), 1u);
}

TEST_F(HistoryStoreTest, AReadOnlyFileIsReadButNotWritten) {
    {
        auto store = openStore();
        store->addSession(makeSession("2024-03-01", 300, 280));
    }
    const std::string before = readBytes(m_file);
    test::runUnprivileged({m_dir}, [&] {
        fs::permissions(m_file,
                        fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
        auto opened = HistoryStore::open(m_file);
        ASSERT_TRUE(opened.store) << opened.error;
        EXPECT_EQ(opened.error.rfind("history is read-only", 0), 0u) << opened.error;
        ASSERT_EQ(opened.store->sessions().size(), 1u);
        EXPECT_EQ(opened.store->beginSession(makeSession("2024-03-02", 300, 0)), 0);
        EXPECT_FALSE(opened.store->lastError().empty());
        EXPECT_FALSE(opened.store->putCheckIn(makeCheckIn("2024-03-02", 1)));
        opened.store.reset();
        EXPECT_EQ(readBytes(m_file), before);
    });
}

TEST_F(HistoryStoreTest, AReadOnlyFolderIsReadButNotWritten) {
    {
        auto store = openStore();
        store->addSession(makeSession("2024-03-01", 300, 280));
    }
    const std::string before = readBytes(m_file);
    fs::create_directories(m_dir / "empty");
    test::runUnprivileged({m_dir}, [&] {
        const fs::perms readOnly = fs::perms::owner_read | fs::perms::owner_exec |
                                   fs::perms::group_read | fs::perms::group_exec |
                                   fs::perms::others_read | fs::perms::others_exec;
        fs::permissions(m_file.parent_path(), readOnly);
        auto opened = HistoryStore::open(m_file);
        ASSERT_TRUE(opened.store) << opened.error;
        EXPECT_EQ(opened.error.rfind("history is read-only", 0), 0u) << opened.error;
        ASSERT_EQ(opened.store->sessions().size(), 1u);
        EXPECT_EQ(opened.store->beginSession(makeSession("2024-03-02", 300, 0)), 0);
        EXPECT_FALSE(opened.store->lastError().empty());
        opened.store.reset();
        EXPECT_EQ(readBytes(m_file), before);

        // Nothing there yet, and nowhere to make it: a clear error, no store.
        fs::permissions(m_file.parent_path(), fs::perms::owner_all);
        fs::permissions(m_dir / "empty", readOnly);
        auto none = HistoryStore::open(m_dir / "empty" / "history.sqlite3");
        EXPECT_FALSE(none.store);
        EXPECT_FALSE(none.error.empty());
    });
}

TEST_F(HistoryStoreTest, ANewerSchemaIsReportedAndLeftUntouched) {
    {
        auto store = openStore();
        store->addSession(makeSession("2024-03-01", 300, 280));
    }
    {
        RawDb raw(m_file, true);
        ASSERT_EQ(raw.exec("PRAGMA user_version = 99"), SQLITE_OK);
    }
    const std::string before = readBytes(m_file);
    auto opened = HistoryStore::open(m_file);
    EXPECT_NE(opened.error.find("newer"), std::string::npos) << opened.error;
    EXPECT_TRUE(opened.movedAside.empty());
    if (opened.store) {
        EXPECT_EQ(opened.store->schemaVersion(), 99);
        EXPECT_EQ(opened.store->beginSession(makeSession("2024-03-02", 300, 0)), 0);
    }
    opened.store.reset();
    EXPECT_EQ(readBytes(m_file), before);
    RawDb raw(m_file);
    EXPECT_EQ(raw.query("PRAGMA user_version"), "99");
    EXPECT_EQ(raw.query("SELECT count(*) FROM sessions"), "1");
}

// A full disk, simulated with a file size limit in a child process: the write fails with a clear
// error and everything stored before is intact.
TEST_F(HistoryStoreTest, AFullDiskFailsTheWriteAndKeepsWhatIsStored) {
    {
        auto store = openStore();
        for (int i = 0; i < 50; ++i)
            store->addSession(makeSession("2024-03-01", 300, i));
    }
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        auto opened = HistoryStore::open(m_file);
        if (!opened.store) _exit(10);
        std::signal(SIGXFSZ, SIG_IGN);
        const rlim_t limit = static_cast<rlim_t>(fs::file_size(m_file)) + rlim_t{16} * 1024;
        rlimit fsize{limit, limit};
        if (setrlimit(RLIMIT_FSIZE, &fsize) != 0) _exit(11);
        bool failed = false;
        const std::string bigNote(std::size_t{64} * 1024, 'x');
        for (int i = 1; i <= 28 && !failed; ++i) {
            CheckIn c = makeCheckIn("2024-02-" + std::string(i < 10 ? "0" : "") + std::to_string(i),
                                    1, {}, {}, bigNote);
            failed = !opened.store->putCheckIn(c);
        }
        if (!failed) _exit(12);
        writeBytes(m_dir / "error.txt", opened.store->lastError());
        if (opened.store->sessions().size() != 50) _exit(14);
        _exit(0);
    }
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
    // The limit gives EFBIG ("disk I/O error") where a full disk gives "the disk is full".
    EXPECT_EQ(readBytes(m_dir / "error.txt").rfind("cannot save the check-in: ", 0), 0u)
        << readBytes(m_dir / "error.txt");

    auto opened = HistoryStore::open(m_file);
    ASSERT_TRUE(opened.store) << opened.error;
    EXPECT_TRUE(opened.movedAside.empty());
    EXPECT_EQ(opened.store->sessions().size(), 50u);
    RawDb raw(m_file);
    EXPECT_EQ(raw.query("PRAGMA integrity_check"), "ok");
}

} // namespace
} // namespace ns
