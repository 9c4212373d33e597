// The session runner: one place that wires a session to its history record and trace, and
// observers that are attached exactly as long as their registrations live.
#include "session_run.hpp"

#include "history.hpp"
#include "session_end.hpp"
#include "stop_question.hpp"
#include "test_routines.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace ns;
using ns::test::makeRoutine;
using ns::test::makeStep;

namespace {

// Counts what it is told.
struct CountingObserver final : SessionObserver {
    int phases = 0;
    int finishes = 0;
    SessionStatus lastStatus = SessionStatus::Running;
    void onPhaseStarted(const PhaseEvent& /*event*/) override { ++phases; }
    void onFinished(const FinishEvent& event) override {
        ++finishes;
        lastStatus = event.status;
    }
};

class SessionRunTest : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "ns-run-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        m_dir = pattern;
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }
    std::unique_ptr<SessionRun> make(Routine routine, SessionRunOptions options = {}) {
        std::string error;
        int code = -1;
        auto run =
            SessionRun::create(std::move(routine), m_clock, std::move(options), &error, &code);
        EXPECT_TRUE(run) << error;
        EXPECT_EQ(code, 0);
        return run;
    }
    static std::string readAll(const fs::path& file) {
        std::ifstream in(file);
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }

    ManualClock m_clock;
    fs::path m_dir;
};

TEST_F(SessionRunTest, AttachedObserversHearTheSessionUntilTheirRegistrationEnds) {
    auto run = make(makeRoutine({makeStep(Sides::None, 10, 1, 5)}));
    CountingObserver observer;
    {
        ObserverRegistration registration = run->attach(observer);
        run->start();
        EXPECT_EQ(observer.phases, 1); // prepare
    }
    m_clock.advanceMs(5000);
    run->update(); // the hold starts, but the registration is gone
    EXPECT_EQ(observer.phases, 1);
}

TEST_F(SessionRunTest, ARegistrationThatOutlivesItsRunDoesNothingWhenDestroyed) {
    CountingObserver observer;
    ObserverRegistration registration;
    {
        auto run = make(makeRoutine({makeStep(Sides::None, 10, 1, 5)}));
        registration = run->attach(observer);
        EXPECT_TRUE(registration.active());
        run->start();
    }
    EXPECT_FALSE(registration.active());
    registration.reset();            // must not touch the session that is gone (ASan would say so)
    EXPECT_EQ(observer.finishes, 1); // still attached when the run quit its session
    EXPECT_EQ(observer.lastStatus, SessionStatus::Quit);
}

TEST_F(SessionRunTest, AMovedRegistrationStaysAttachedOnce) {
    auto run = make(makeRoutine({makeStep(Sides::None, 10, 1, 0)}));
    CountingObserver observer;
    ObserverRegistration first = run->attach(observer);
    ObserverRegistration second = std::move(first);
    EXPECT_FALSE(first.active()); // NOLINT(bugprone-use-after-move): the moved-from state is tested
    EXPECT_TRUE(second.active());
    run->start();
    EXPECT_EQ(observer.phases, 1);
}

TEST_F(SessionRunTest, LettingGoOfARunningSessionRecordsItAsQuit) {
    auto opened = HistoryStore::open(m_dir / "history.sqlite3");
    ASSERT_TRUE(opened.store) << opened.error;
    SessionRunOptions options;
    options.history = opened.store.get();
    options.source = "text";
    {
        auto run = make(makeRoutine({makeStep(Sides::None, 30, 1, 0)}), options);
        run->start();
        m_clock.advanceMs(12000);
        run->update();
    }
    const auto sessions = opened.store->sessions();
    ASSERT_EQ(sessions.size(), 1u);
    EXPECT_EQ(sessions[0].status, "quit");
    EXPECT_EQ(sessions[0].source, "text");
    EXPECT_EQ(sessions[0].holdSecondsDone, 12);
}

TEST_F(SessionRunTest, TheHistoryIsKeptUpToDateWhileItRuns) {
    auto opened = HistoryStore::open(m_dir / "history.sqlite3");
    ASSERT_TRUE(opened.store) << opened.error;
    SessionRunOptions options;
    options.history = opened.store.get();
    auto run = make(makeRoutine({makeStep(Sides::None, 60, 1, 0)}), options);
    run->start();
    m_clock.advanceMs(21000);
    run->update(); // past the checkpoint interval: the hold so far is written
    const auto sessions = opened.store->sessions();
    ASSERT_EQ(sessions.size(), 1u);
    EXPECT_EQ(sessions[0].status, "interrupted"); // as a killed process would leave it
    EXPECT_EQ(sessions[0].holdSecondsDone, 21);
    EXPECT_FALSE(run->historyFailed());
}

TEST_F(SessionRunTest, TheTraceIsWrittenFromStartToEnd) {
    SessionRunOptions options;
    options.tracePath = (m_dir / "trace.jsonl").string();
    {
        auto run = make(makeRoutine({makeStep(Sides::None, 5, 1, 0)}), options);
        ASSERT_NE(run->trace(), nullptr);
        run->start();
        m_clock.advanceMs(5000);
        run->update();
        EXPECT_TRUE(run->session().finished());
    }
    const std::string trace = readAll(m_dir / "trace.jsonl");
    EXPECT_NE(trace.find(R"("event":"phase")"), std::string::npos) << trace;
    EXPECT_NE(trace.find(R"("event":"end","status":"completed")"), std::string::npos) << trace;
}

TEST_F(SessionRunTest, AnUnwritableTraceIsExitTwoWithASentence) {
    SessionRunOptions options;
    options.tracePath = (m_dir / "no-such-folder" / "trace.jsonl").string();
    std::string error;
    int code = 0;
    auto run =
        SessionRun::create(makeRoutine({makeStep(Sides::None)}), m_clock, options, &error, &code);
    EXPECT_FALSE(run);
    EXPECT_EQ(code, 2);
    EXPECT_NE(error.find("cannot write the trace file"), std::string::npos) << error;
}

TEST_F(SessionRunTest, ARoutineWithNothingToDoIsExitOne) {
    std::string error;
    int code = 0;
    auto run = SessionRun::create(makeRoutine({}), m_clock, {}, &error, &code);
    EXPECT_FALSE(run);
    EXPECT_EQ(code, 1);
    EXPECT_NE(error.find("nothing to do"), std::string::npos) << error;
}

} // namespace

namespace {

// Issue 18, the one rule for stopping: asking holds the countdown; going on resumes it (a session
// paused before the question stays paused); stopping ends it as "quit".
TEST_F(SessionRunTest, TheStopQuestionHoldsThenGoesOnOrStops) {
    auto run = make(makeRoutine({makeStep(Sides::None, 30, 1, 0)}));
    run->start();
    m_clock.advanceMs(2000);
    run->update();
    const long long remaining = run->session().phaseRemainingMs();
    {
        StopQuestion question(run->session());
        m_clock.advanceMs(5000);
        run->update();
        EXPECT_EQ(run->session().phaseRemainingMs(), remaining) << "held while asking";
        question.keepGoing();
    }
    EXPECT_FALSE(run->session().paused());
    ASSERT_TRUE(run->session().pause());
    {
        StopQuestion question(run->session());
        question.keepGoing();
    }
    EXPECT_TRUE(run->session().paused()) << "paused before the question: still paused";
    StopQuestion question(run->session());
    question.stop();
    EXPECT_EQ(run->session().status(), SessionStatus::Quit);
}

// The end's words: what was held, kept or not, and the command that records it when not (with
// the part done, for a stopped session).
TEST_F(SessionRunTest, TheEndSaysWhatWasHeldAndWhetherTheHistoryKeptIt) {
    auto opened = HistoryStore::open(m_dir / "history.sqlite3");
    ASSERT_NE(opened.store, nullptr) << opened.error;
    SessionRunOptions kept;
    kept.history = opened.store.get();
    auto run = make(makeRoutine({makeStep(Sides::None, 40, 1, 0)}), kept);
    run->start();
    m_clock.advanceMs(41000);
    run->update();
    SessionEnd end = describeEnd(*run);
    EXPECT_TRUE(end.completed);
    EXPECT_TRUE(end.saved);
    EXPECT_EQ(end.title, "Well done. Sleep well.");
    EXPECT_EQ(end.held, "You held your stretches for 40 s.");
    EXPECT_EQ(end.kept, "Saved in your history.");
    EXPECT_TRUE(end.action.empty());

    auto unkept = make(makeRoutine({makeStep(Sides::None, 40, 1, 0)}));
    unkept->start();
    m_clock.advanceMs(10000);
    unkept->update();
    unkept->session().quit();
    end = describeEnd(*unkept);
    EXPECT_FALSE(end.completed);
    EXPECT_FALSE(end.saved);
    EXPECT_EQ(end.title, "Stopped.");
    EXPECT_EQ(end.held, "You held your stretches for 10 s.");
    EXPECT_EQ(end.kept, "Not saved: the history cannot be opened.");
    EXPECT_NE(end.action.find("'nightstretch log test --fraction 0.25'"), std::string::npos)
        << end.action;
}

} // namespace

namespace {

// A write that fails while the session runs (the table is gone here, as a full disk would fail
// it): the end says it was not written, why, and what to do.
TEST_F(SessionRunTest, AWriteThatFailedMidSessionIsSaidAtTheEnd) {
    auto opened = HistoryStore::open(m_dir / "history.sqlite3");
    ASSERT_NE(opened.store, nullptr) << opened.error;
    SessionRunOptions options;
    options.history = opened.store.get();
    auto run = make(makeRoutine({makeStep(Sides::None, 40, 1, 0)}), options);
    run->start();
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open((m_dir / "history.sqlite3").c_str(), &raw), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(raw, "DROP TABLE sessions", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(raw);
    m_clock.advanceMs(20000);
    run->update();
    run->session().quit();
    ASSERT_TRUE(run->historyFailed());
    const SessionEnd end = describeEnd(*run);
    EXPECT_FALSE(end.saved);
    EXPECT_EQ(end.kept.rfind("Not saved: the history could not be written (", 0), 0u) << end.kept;
    EXPECT_NE(end.action.find("'nightstretch log test --fraction 0.50'"), std::string::npos)
        << end.action;
}

} // namespace
