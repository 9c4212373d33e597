// The session recorder on a manual clock and a fixed wall clock: the row from the first phase,
// its hold time as the session goes, and how it ends.
#include "history_recorder.hpp"

#include <csignal>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <unistd.h>

#include <cstdlib>

namespace fs = std::filesystem;

namespace ns {
namespace {

// 2024-03-01 02:30 UTC: 03:30 in Central Europe, before the 04:00 day start, so the night of
// 2024-02-29.
constexpr std::time_t kStartWall = 1'709'260'200;

Step makeStep(int hold) {
    Step step;
    step.stretch.name = "Calf";
    step.sides = Sides::None;
    step.hold = hold;
    step.reps = 1;
    step.prepare = 5;
    step.rest = 0;
    step.switchSeconds = 0;
    return step;
}

// prepare [0,5) hold [5,15) prepare [15,20) hold [20,30): 20 s of hold.
Routine twoSteps() {
    Routine routine;
    routine.id = "short";
    routine.name = "Short routine";
    routine.steps = {makeStep(10), makeStep(10)};
    return routine;
}

class HistoryRecorderTest : public ::testing::Test {
  protected:
    void SetUp() override {
        const char* tz = std::getenv("TZ");
        if (tz != nullptr) m_savedTz = tz;
        setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
        tzset();

        std::string pattern = (fs::temp_directory_path() / "ns-recorder-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        m_dir = pattern;
        auto opened = HistoryStore::open(m_dir / "history.sqlite3");
        ASSERT_TRUE(opened.store) << opened.error;
        m_store = std::move(opened.store);
        m_recorder =
            std::make_unique<HistoryRecorder>(m_store.get(), m_session, DayStart{}, "text", [this] {
                return kStartWall + m_now / 1000 + m_wallJump;
            });
        m_session.addObserver(m_recorder.get());
    }
    void TearDown() override {
        m_session.removeObserver(m_recorder.get());
        m_recorder.reset();
        m_store.reset();
        std::error_code ec;
        fs::remove_all(m_dir, ec);
        if (m_savedTz)
            setenv("TZ", m_savedTz->c_str(), 1);
        else
            unsetenv("TZ");
        tzset();
    }

    // Moves the session clock (and the wall clock with it) to `ms` after the start, then does
    // what a front end's loop does.
    void at(long long ms) {
        m_clock.advanceMs(ms - m_now);
        m_now = ms;
        m_session.update();
        m_recorder->checkpoint();
    }
    SessionRecord row() {
        auto sessions = m_store->sessions();
        EXPECT_EQ(sessions.size(), 1u);
        return sessions.empty() ? SessionRecord{} : sessions.front();
    }
    void dropSessionsTable() {
        sqlite3* raw = nullptr;
        ASSERT_EQ(sqlite3_open((m_dir / "history.sqlite3").c_str(), &raw), SQLITE_OK);
        EXPECT_EQ(sqlite3_exec(raw, "DROP TABLE sessions", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(raw);
    }

    std::optional<std::string> m_savedTz;
    fs::path m_dir;
    std::unique_ptr<HistoryStore> m_store;
    ManualClock m_clock;
    Routine m_routine = twoSteps();
    Session m_session{m_routine, buildTimeline(m_routine), m_clock};
    long long m_now = 0;
    std::time_t m_wallJump = 0; // how far the wall clock has been moved, in seconds
    std::unique_ptr<HistoryRecorder> m_recorder;
};

TEST_F(HistoryRecorderTest, RowExistsFromTheStartAsInterrupted) {
    m_session.start();
    ASSERT_GT(m_recorder->sessionId(), 0);
    EXPECT_FALSE(m_recorder->failed());
    const SessionRecord r = row();
    EXPECT_EQ(r.id, m_recorder->sessionId());
    EXPECT_EQ(r.routineId, "short");
    EXPECT_EQ(r.routineName, "Short routine");
    EXPECT_EQ(r.startedAt, kStartWall);
    EXPECT_FALSE(r.endedAt);
    EXPECT_EQ(r.utcOffsetMinutes, 60);
    EXPECT_EQ(r.night, "2024-02-29");
    EXPECT_EQ(r.plannedHoldSeconds, 20);
    EXPECT_EQ(r.holdSecondsDone, 0);
    EXPECT_EQ(r.status, "interrupted");
    EXPECT_EQ(r.source, "text");
}

TEST_F(HistoryRecorderTest, HoldTimeIsWrittenAsTheSessionGoes) {
    m_session.start();
    at(5000); // the first hold begins: written at the phase change
    EXPECT_EQ(row().holdSecondsDone, 0);
    at(9000); // 4 s held, but less than kCheckpointMs since the last write
    EXPECT_EQ(row().holdSecondsDone, 0);
    at(10000); // 5 s since the last write: a checkpoint
    EXPECT_EQ(row().holdSecondsDone, 5);
    EXPECT_EQ(row().status, "interrupted");
    at(15000); // the next prepare begins
    EXPECT_EQ(row().holdSecondsDone, 10);
    at(22000);
    ASSERT_TRUE(m_session.pause());
    EXPECT_EQ(row().holdSecondsDone, 12); // a pause writes at once
    EXPECT_EQ(row().status, "interrupted");
    EXPECT_FALSE(row().endedAt);
}

TEST_F(HistoryRecorderTest, ACompletedSessionHasItsFullHoldAndEnd) {
    m_session.start();
    for (long long ms = 250; !m_session.finished(); ms += 250)
        at(ms);
    const SessionRecord r = row();
    EXPECT_EQ(r.status, "completed");
    EXPECT_EQ(r.holdSecondsDone, 20);
    EXPECT_EQ(r.stepsSkipped, 0);
    EXPECT_EQ(r.endedAt, std::optional<std::time_t>(kStartWall + 30));
    EXPECT_FALSE(m_recorder->failed());
}

TEST_F(HistoryRecorderTest, QuitIsRecordedAsQuitWithTheHoldSoFar) {
    m_session.start();
    at(5000);
    at(12000);
    m_session.quit();
    const SessionRecord r = row();
    EXPECT_EQ(r.status, "quit");
    EXPECT_EQ(r.holdSecondsDone, 7);
    EXPECT_EQ(r.endedAt, std::optional<std::time_t>(kStartWall + 12));
}

TEST_F(HistoryRecorderTest, SkippedStepsAndInterruptionAreRecorded) {
    m_session.start();
    at(6000);
    ASSERT_TRUE(m_session.nextStep());
    EXPECT_EQ(row().stepsSkipped, 1);
    at(9000);
    m_session.interrupt();
    const SessionRecord r = row();
    EXPECT_EQ(r.status, "interrupted");
    EXPECT_EQ(r.stepsSkipped, 1);
    EXPECT_EQ(r.holdSecondsDone, 1);
    EXPECT_TRUE(r.endedAt);
}

TEST_F(HistoryRecorderTest, AFailedWriteIsReportedAndTheSessionCarriesOn) {
    m_session.start();
    dropSessionsTable();
    at(5000);
    EXPECT_TRUE(m_recorder->failed());
    EXPECT_FALSE(m_recorder->error().empty());
    for (long long ms = 5250; !m_session.finished(); ms += 250)
        at(ms);
    EXPECT_EQ(m_session.status(), SessionStatus::Completed);
}

TEST_F(HistoryRecorderTest, ARowThatCannotBeMadeIsReported) {
    dropSessionsTable();
    m_session.start();
    EXPECT_TRUE(m_recorder->failed());
    EXPECT_EQ(m_recorder->sessionId(), 0);
    EXPECT_FALSE(m_recorder->error().empty());
    m_session.quit();
    EXPECT_EQ(m_session.status(), SessionStatus::Quit);
}

TEST(HistoryRecorder, WithoutAStoreNothingIsRecorded) {
    ManualClock clock;
    Routine routine = twoSteps();
    Session session(routine, buildTimeline(routine), clock);
    HistoryRecorder recorder(nullptr, session, DayStart{}, "window");
    session.addObserver(&recorder);
    session.start();
    clock.advanceMs(6000);
    session.update();
    recorder.checkpoint();
    session.quit();
    EXPECT_FALSE(recorder.failed());
    EXPECT_EQ(recorder.sessionId(), 0);
}

// The wall clock jumps an hour forward, then two back, in the middle of a session (a time change,
// a corrected clock): the session runs on the steady clock unaffected, it counts for the night on
// which it started, and its end is its start plus the time it ran.
TEST_F(HistoryRecorderTest, AWallClockJumpChangesNeitherTheNightNorTheTimes) {
    m_session.start();
    at(4000);
    m_wallJump = 3600; // 03:30 CET becomes 04:30: past the day-start hour
    at(9000);
    m_wallJump = -3600;
    while (!m_session.finished() && m_now < 200000)
        at(m_now + 500);
    ASSERT_TRUE(m_session.finished());
    const SessionRecord r = row();
    EXPECT_EQ(r.night, "2024-02-29");
    EXPECT_EQ(r.status, "completed");
    EXPECT_EQ(r.holdSecondsDone, r.plannedHoldSeconds);
    ASSERT_TRUE(r.endedAt);
    EXPECT_EQ(*r.endedAt - r.startedAt, (m_session.elapsedMs() + 500) / 1000);
}

// The disk fills up in the middle of a session: the session still runs to its end, and the
// recorder says what was not saved. Run in a child process, where a file size limit of 0 (with
// SIGXFSZ ignored) makes every write fail as a full disk would, without touching the machine.
TEST_F(HistoryRecorderTest, ADiskThatFillsUpMidSessionLetsTheSessionFinishAndSaysSo) {
    m_session.removeObserver(m_recorder.get()); // the parent's connection stays unused
    const fs::path file = m_dir / "full.sqlite3";
    std::fflush(stdout);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        auto opened = HistoryStore::open(file);
        if (!opened.store) _exit(2);
        ManualClock clock;
        const Routine routine = twoSteps();
        Session session(routine, buildTimeline(routine), clock);
        HistoryRecorder recorder(opened.store.get(), session, DayStart{}, "text",
                                 [] { return kStartWall; });
        session.addObserver(&recorder);
        session.start();
        clock.advanceMs(6000);
        session.update();
        recorder.checkpoint();
        if (recorder.failed()) _exit(3); // not yet: the disk is not full
        std::signal(SIGXFSZ, SIG_IGN);
        const rlimit full{0, 0};
        setrlimit(RLIMIT_FSIZE, &full);
        for (int i = 0; i < 100 && !session.finished(); ++i) {
            clock.advanceMs(500);
            session.update();
            recorder.checkpoint();
        }
        session.removeObserver(&recorder);
        const bool ranToTheEnd =
            session.status() == SessionStatus::Completed && session.holdSecondsDone() == 20;
        const bool said = recorder.failed() && !recorder.error().empty();
        _exit(ranToTheEnd && said ? 0 : 1);
    }
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status)) << "the child was killed (SIGXFSZ not ignored?)";
    EXPECT_EQ(WEXITSTATUS(status), 0)
        << "1: the session did not finish, or the failure was not said; 2: no store; 3: failed "
           "before the disk was full";
}

} // namespace
} // namespace ns
