// Schema 2 of the history: symptom answers and relief events on real files; a schema-1 file (as
// every earlier nightstretch wrote it) opens, keeps its rows and gains the new tables; a file at
// schema 2 that lost one of them is damaged.
#include "history.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <unistd.h>

namespace fs = std::filesystem;

namespace ns {
namespace {

// Schema 1 exactly as the first nightstretch made it.
constexpr const char* kSchemaOne = R"(
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY, routine_id TEXT NOT NULL, routine_name TEXT NOT NULL,
    started_at INTEGER NOT NULL, ended_at INTEGER NULL, utc_offset_minutes INTEGER NOT NULL,
    night TEXT NOT NULL, planned_hold_seconds INTEGER NOT NULL CHECK (planned_hold_seconds >= 0),
    hold_seconds_done INTEGER NOT NULL CHECK (hold_seconds_done >= 0),
    steps_skipped INTEGER NOT NULL CHECK (steps_skipped >= 0),
    status TEXT NOT NULL CHECK (status IN ('completed', 'quit', 'interrupted')),
    source TEXT NOT NULL);
CREATE INDEX sessions_by_night ON sessions(night);
CREATE TABLE checkins (
    night TEXT PRIMARY KEY, cramps INTEGER NOT NULL CHECK (cramps BETWEEN 0 AND 20),
    pain INTEGER NULL CHECK (pain BETWEEN 0 AND 10), sleep INTEGER NULL CHECK (sleep BETWEEN 0 AND 10),
    note TEXT NOT NULL DEFAULT '', recorded_at INTEGER NOT NULL);
CREATE TABLE skips (night TEXT PRIMARY KEY, recorded_at INTEGER NOT NULL);
INSERT INTO checkins VALUES ('2024-03-01', 2, 6, NULL, 'left calf', 1700100000);
INSERT INTO skips VALUES ('2024-03-02', 1700000000);
PRAGMA user_version = 1;
)";

class HistorySchemaTwo : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "ns-schema2-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        m_dir = pattern;
        m_file = m_dir / "history.sqlite3";
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }
    void rawExec(const char* sql) {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(m_file.c_str(), &db), SQLITE_OK);
        EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK)
            << sqlite3_errmsg(db);
        sqlite3_close(db);
    }
    fs::path m_dir;
    fs::path m_file;
};

// Issue 18: the answers are fields of the check-in: put with it, replaced with it.
TEST_F(HistorySchemaTwo, SymptomAnswersArePutWithTheCheckInAndSurviveReopening) {
    {
        auto opened = HistoryStore::open(m_file);
        ASSERT_TRUE(opened.store) << opened.error;
        CheckIn first;
        first.night = "2024-03-01";
        first.symptoms = {Symptom::Swelling};
        first.recordedAt = 1'700'000'000;
        EXPECT_TRUE(opened.store->putCheckIn(first));
        first.symptoms = {Symptom::Swelling, Symptom::Numbness};
        EXPECT_TRUE(opened.store->putCheckIn(first));
        CheckIn third;
        third.night = "2024-03-03";
        third.symptoms = {Symptom::Medicine, Symptom::Weakness};
        EXPECT_TRUE(opened.store->putCheckIn(third));
        third.symptoms = {Symptom::Medicine}; // weakness taken back
        EXPECT_TRUE(opened.store->putCheckIn(third));
        third.night = "yesterday";
        EXPECT_FALSE(opened.store->putCheckIn(third));
        EXPECT_NE(opened.store->lastError().find("not a night"), std::string::npos);
    }
    auto opened = HistoryStore::open(m_file);
    ASSERT_TRUE(opened.store) << opened.error;
    const auto answers = opened.store->symptomAnswers();
    ASSERT_EQ(answers.size(), 3u);
    EXPECT_EQ(answers[0].night, "2024-03-01");
    EXPECT_EQ(answers[0].symptom, Symptom::Numbness);
    EXPECT_EQ(answers[1].symptom, Symptom::Swelling);
    EXPECT_EQ(answers[2].night, "2024-03-03");
    EXPECT_EQ(answers[2].symptom, Symptom::Medicine);
    const auto saved = opened.store->checkInFor("2024-03-01");
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved->symptoms, (std::vector<Symptom>{Symptom::Swelling, Symptom::Numbness}))
        << "read back with the check-in, in the questions' order";
    ASSERT_EQ(opened.store->checkIns().size(), 2u);
    EXPECT_EQ(opened.store->checkIns()[1].symptoms, std::vector<Symptom>{Symptom::Medicine});
}

TEST_F(HistorySchemaTwo, ReliefEventsAreCountedForTheirNight) {
    auto opened = HistoryStore::open(m_file);
    ASSERT_TRUE(opened.store) << opened.error;
    HistoryStore& store = *opened.store;
    ReliefRecord relief;
    relief.night = "2024-03-01";
    relief.startedAt = 1'700'000'000;
    relief.variant = "shin";
    const long long id = store.addRelief(relief);
    ASSERT_GT(id, 0);
    EXPECT_TRUE(store.updateRelief(id, 3, "calf"));
    EXPECT_TRUE(store.updateRelief(id, 4)); // the variant stays
    relief.variant = "calf";
    EXPECT_GT(store.addRelief(relief), 0);
    relief.variant = "thigh";
    EXPECT_EQ(store.addRelief(relief), 0) << "only the guides there are";
    EXPECT_EQ(store.reliefCountFor("2024-03-01"), 2);
    EXPECT_EQ(store.reliefCountFor("2024-03-02"), 0);
    const auto reliefs = store.reliefs();
    ASSERT_EQ(reliefs.size(), 2u);
    EXPECT_EQ(reliefs[0].variant, "calf");
    EXPECT_EQ(reliefs[0].stepsDone, 4);
}

TEST_F(HistorySchemaTwo, ASchemaOneFileOpensKeepsItsRowsAndGainsTheNewTables) {
    rawExec(kSchemaOne);
    auto opened = HistoryStore::open(m_file);
    ASSERT_TRUE(opened.store) << opened.error;
    EXPECT_TRUE(opened.movedAside.empty()) << "an old file is not damage";
    EXPECT_TRUE(opened.error.empty()) << opened.error;
    EXPECT_EQ(opened.store->schemaVersion(), 2);
    ASSERT_EQ(opened.store->checkIns().size(), 1u);
    EXPECT_EQ(opened.store->checkIns()[0].note, "left calf");
    EXPECT_EQ(opened.store->skippedNights(), std::vector<std::string>{"2024-03-02"});
    CheckIn withAnswer = opened.store->checkIns()[0];
    withAnswer.symptoms = {Symptom::Weakness};
    EXPECT_TRUE(opened.store->putCheckIn(withAnswer)) << opened.store->lastError();
    ReliefRecord relief;
    relief.night = "2024-03-01";
    EXPECT_GT(opened.store->addRelief(relief), 0);
}

TEST_F(HistorySchemaTwo, ASchemaTwoFileWithoutTheReliefTableIsDamagedAndMovedAside) {
    {
        auto opened = HistoryStore::open(m_file);
        ASSERT_TRUE(opened.store) << opened.error;
    }
    rawExec("DROP TABLE reliefs");
    auto opened = HistoryStore::open(m_file); // the bytes changed: the check runs
    ASSERT_TRUE(opened.store);
    EXPECT_FALSE(opened.movedAside.empty()) << "the schema check missed a lost table";
    ReliefRecord relief;
    relief.night = "2024-03-01";
    EXPECT_GT(opened.store->addRelief(relief), 0) << "the new file has every table";
}

} // namespace
} // namespace ns
