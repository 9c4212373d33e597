// The session engine on a manual clock: every event is recorded and compared as text.
#include "session.hpp"

#include "test_routines.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ns {
namespace {

using Lines = std::vector<std::string>;

// Records every event as one short line: "phase 1 due 5000 at 5000", "cue hold due 5000 at 5000".
class RecordingObserver final : public SessionObserver {
  public:
    void onPhaseStarted(const PhaseEvent& e) override {
        add("phase " + std::to_string(e.index) + times(e.dueMs, e.atMs));
    }
    void onCue(const CueEvent& e) override {
        add(std::string("cue ") + toString(e.cue) + times(e.dueMs, e.atMs));
    }
    void onPaused(long long atMs) override { add("pause at " + std::to_string(atMs)); }
    void onResumed(long long atMs) override { add("resume at " + std::to_string(atMs)); }
    void onFinished(const FinishEvent& e) override {
        finish = e;
        ++finishCount;
        add(std::string("end ") + toString(e.status) + times(e.dueMs, e.atMs));
    }

    Lines take() { return std::exchange(lines, {}); }
    // Only the lines that start with `prefix`, e.g. "cue tick".
    Lines only(const std::string& prefix) const {
        Lines out;
        for (const std::string& l : lines)
            if (l.rfind(prefix, 0) == 0) out.push_back(l);
        return out;
    }

    Lines lines;
    FinishEvent finish;
    int finishCount = 0;

  private:
    static std::string times(long long due, long long at) {
        return " due " + std::to_string(due) + " at " + std::to_string(at);
    }
    void add(std::string line) { lines.push_back(std::move(line)); }
};

using test::makeRoutine;
using test::makeStep;

// Step 1: prepare [0,5) hold [5,15). Step 2: prepare [15,20) hold L [20,30) switch [30,35)
// hold R [35,45). Total 45 s, holds 30 s.
Routine twoSteps() {
    return makeRoutine({makeStep(Sides::None, 10), makeStep(Sides::Both, 10)});
}

struct Fixture {
    explicit Fixture(const Routine& routine = twoSteps())
        : session(routine, buildTimeline(routine), clock) {
        session.addObserver(&recorder);
    }
    // Starts, then forgets the start events so a test sees only what it caused.
    Fixture& started() {
        session.start();
        recorder.take();
        return *this;
    }
    void at(long long ms) { // moves the clock to `ms` after start and updates
        clock.advanceMs(ms - now);
        now = ms;
        session.update();
    }
    void runToEnd(long long stepMs) {
        while (!session.finished())
            at(now + stepMs);
    }

    ManualClock clock;
    RecordingObserver recorder;
    Session session;
    long long now = 0;
};

TEST(Session, NothingHappensBeforeStart) {
    Fixture f;
    f.at(10000);
    EXPECT_FALSE(f.session.started());
    EXPECT_TRUE(f.recorder.lines.empty());
    EXPECT_FALSE(f.session.nextWakeup());
    EXPECT_FALSE(f.session.nextPhase());
}

TEST(Session, StartEmitsPhaseZeroAndItsCue) {
    Fixture f;
    f.session.start();
    EXPECT_EQ(f.recorder.take(), (Lines{"phase 0 due 0 at 0", "cue prepare due 0 at 0"}));
    EXPECT_EQ(f.session.phaseIndex(), 0);
    EXPECT_EQ(f.session.countdownSeconds(), 5);
}

TEST(Session, PhaseChangesExactlyAtItsDeadline) {
    Fixture f;
    f.started().at(4999);
    EXPECT_EQ(f.session.phaseIndex(), 0);
    EXPECT_TRUE(f.recorder.lines.empty());
    f.at(5000);
    EXPECT_EQ(f.session.phaseIndex(), 1);
    EXPECT_EQ(f.recorder.take(), (Lines{"phase 1 due 5000 at 5000", "cue hold due 5000 at 5000"}));
}

TEST(Session, LateUpdateEmitsEverySkippedPhaseInOrderWithItsDueTime) {
    Fixture f;
    f.started().at(21000);
    EXPECT_EQ(f.recorder.take(),
              (Lines{"phase 1 due 5000 at 21000", "cue hold due 5000 at 21000",
                     "cue tick due 12000 at 21000", "cue tick due 13000 at 21000",
                     "cue tick due 14000 at 21000", "phase 2 due 15000 at 21000",
                     "cue prepare due 15000 at 21000", "phase 3 due 20000 at 21000",
                     "cue hold due 20000 at 21000"}));
    EXPECT_EQ(f.session.phaseRemainingMs(), 9000); // the phase began at 20000, not at 21000
}

TEST(Session, TicksAtThreeTwoOneSecondsOfHoldsOnly) {
    Fixture f;
    f.started().runToEnd(100);
    EXPECT_EQ(f.recorder.only("cue tick"),
              (Lines{"cue tick due 12000 at 12000", "cue tick due 13000 at 13000",
                     "cue tick due 14000 at 14000", "cue tick due 27000 at 27000",
                     "cue tick due 28000 at 28000", "cue tick due 29000 at 29000",
                     "cue tick due 42000 at 42000", "cue tick due 43000 at 43000",
                     "cue tick due 44000 at 44000"}));
}

TEST(Session, HoldsOfThreeSecondsOrLessDoNotTick) {
    Fixture f(makeRoutine({makeStep(Sides::None, 3, 1, 0)}));
    f.started().runToEnd(100);
    EXPECT_TRUE(f.recorder.only("cue tick").empty());
}

TEST(Session, EndEmitsDoneThenFinishedAtThePlannedEnd) {
    Fixture f;
    f.started().at(44999);
    EXPECT_FALSE(f.session.finished());
    f.recorder.take();
    f.at(45000);
    EXPECT_EQ(f.recorder.take(),
              (Lines{"cue done due 45000 at 45000", "end completed due 45000 at 45000"}));
    EXPECT_EQ(f.session.status(), SessionStatus::Completed);
    EXPECT_EQ(f.recorder.finish.holdSecondsDone, 30);
    EXPECT_EQ(f.recorder.finish.stepsSkipped, 0);
}

TEST(Session, PauseStopsTheCountdown) {
    Fixture f;
    f.started().at(2000);
    EXPECT_TRUE(f.session.pause());
    f.at(60000);
    EXPECT_TRUE(f.session.paused());
    EXPECT_EQ(f.session.phaseIndex(), 0);
    EXPECT_EQ(f.session.countdownSeconds(), 3);
    EXPECT_EQ(f.recorder.take(), (Lines{"pause at 2000"}));
    EXPECT_FALSE(f.session.nextWakeup());
}

TEST(Session, ResumeShiftsEveryLaterDeadline) {
    Fixture f;
    f.started().at(2000);
    EXPECT_TRUE(f.session.togglePause());
    f.at(5000);
    EXPECT_TRUE(f.session.togglePause());
    f.at(7999);
    EXPECT_EQ(f.session.phaseIndex(), 0);
    f.at(8000);
    f.runToEnd(1000);
    EXPECT_EQ(f.recorder.lines[0], "pause at 2000");
    EXPECT_EQ(f.recorder.lines[1], "resume at 5000");
    EXPECT_EQ(f.recorder.lines[2], "phase 1 due 8000 at 8000");
    EXPECT_EQ(f.recorder.lines.back(), "end completed due 48000 at 48000"); // total + paused
}

TEST(Session, PauseAndResumeReportFailureWhenNothingChanges) {
    Fixture f;
    f.started().at(1000);
    EXPECT_FALSE(f.session.resume());
    EXPECT_TRUE(f.session.pause());
    EXPECT_FALSE(f.session.pause());
}

TEST(Session, SkippingWhilePausedStaysPausedAtTheStartOfThePhase) {
    Fixture f;
    f.started().at(1000);
    EXPECT_TRUE(f.session.pause());
    f.at(3000);
    EXPECT_TRUE(f.session.nextPhase());
    EXPECT_TRUE(f.session.paused());
    EXPECT_EQ(f.session.phaseRemainingMs(), 10000);
    f.at(3499);
    EXPECT_FALSE(f.session.resume()); // the new phase is guarded on the clock
    f.at(4000);
    EXPECT_TRUE(f.session.resume());
    f.at(13999);
    EXPECT_EQ(f.session.phaseIndex(), 1);
    f.at(14000);
    EXPECT_EQ(f.session.phaseIndex(), 2);
    EXPECT_EQ(f.session.holdSecondsDone(), 10);
}

TEST(Session, NextPhaseStartsTheNextPhaseNow) {
    Fixture f;
    f.started().at(1000);
    EXPECT_TRUE(f.session.nextPhase());
    EXPECT_EQ(f.recorder.take(), (Lines{"phase 1 due 1000 at 1000", "cue hold due 1000 at 1000"}));
    f.at(10999);
    EXPECT_EQ(f.session.phaseIndex(), 1);
    f.at(11000);
    EXPECT_EQ(f.session.phaseIndex(), 2);
}

TEST(Session, NextPhaseOnTheLastPhaseCompletes) {
    Fixture f;
    f.started().at(36000); // in the last hold
    f.recorder.take();
    EXPECT_TRUE(f.session.nextPhase());
    EXPECT_EQ(f.recorder.take(),
              (Lines{"cue done due 36000 at 36000", "end completed due 36000 at 36000"}));
    EXPECT_DOUBLE_EQ(f.session.progress(), 1.0);
}

TEST(Session, BackWithinTwoSecondsGoesToThePreviousPhase) {
    Fixture f;
    f.started().at(6999);
    f.recorder.take();
    EXPECT_TRUE(f.session.back());
    EXPECT_EQ(f.recorder.take(),
              (Lines{"phase 0 due 6999 at 6999", "cue prepare due 6999 at 6999"}));
    EXPECT_EQ(f.session.countdownSeconds(), 5);
}

TEST(Session, BackAfterTwoSecondsRestartsThePhase) {
    Fixture f;
    f.started().at(7000);
    f.recorder.take();
    EXPECT_TRUE(f.session.back());
    EXPECT_EQ(f.recorder.take(), (Lines{"phase 1 due 7000 at 7000", "cue hold due 7000 at 7000"}));
    EXPECT_EQ(f.session.phaseRemainingMs(), 10000);
}

TEST(Session, BackOnTheFirstPhaseRestartsIt) {
    Fixture f;
    f.started().at(1000);
    EXPECT_TRUE(f.session.back());
    EXPECT_EQ(f.session.phaseIndex(), 0);
    EXPECT_EQ(f.recorder.take(),
              (Lines{"phase 0 due 1000 at 1000", "cue prepare due 1000 at 1000"}));
}

TEST(Session, NextStepGoesToTheFirstPhaseOfTheNextStep) {
    Fixture f;
    f.started().at(6000);
    f.recorder.take();
    EXPECT_TRUE(f.session.nextStep());
    EXPECT_EQ(f.recorder.take(),
              (Lines{"phase 2 due 6000 at 6000", "cue prepare due 6000 at 6000"}));
    EXPECT_EQ(f.session.stepsSkipped(), 1);
}

TEST(Session, NextStepOnTheLastStepCompletes) {
    Fixture f;
    f.started().at(21000); // step 2, first hold
    f.recorder.take();
    EXPECT_TRUE(f.session.nextStep());
    EXPECT_EQ(f.recorder.take(),
              (Lines{"cue done due 21000 at 21000", "end completed due 21000 at 21000"}));
    EXPECT_EQ(f.recorder.finish.stepsSkipped, 1);
    EXPECT_EQ(f.recorder.finish.holdSecondsDone, 11);
}

TEST(Session, StepsSkippedCountsEachStepLeftBeforeItsHoldsWereDone) {
    Fixture f;
    f.started().at(1000);
    EXPECT_TRUE(f.session.nextStep()); // from step 1's prepare
    f.at(2000);
    EXPECT_TRUE(f.session.nextStep()); // from step 2's prepare: the end
    EXPECT_EQ(f.recorder.finish.stepsSkipped, 2);
    EXPECT_EQ(f.recorder.finish.holdSecondsDone, 0);
}

TEST(Session, QuitEndsWithStatusQuitAndNoChime) {
    Fixture f;
    f.started().at(8000);
    f.recorder.take();
    f.session.quit();
    EXPECT_EQ(f.recorder.take(), (Lines{"end quit due 8000 at 8000"}));
    EXPECT_EQ(f.session.status(), SessionStatus::Quit);
    EXPECT_EQ(f.recorder.finish.holdSecondsDone, 3);
}

TEST(Session, InterruptEndsWithStatusInterrupted) {
    Fixture f;
    f.started().at(100); // even within the input guard
    f.session.interrupt();
    EXPECT_EQ(f.recorder.take(), (Lines{"end interrupted due 100 at 100"}));
}

TEST(Session, QuitAfterThePlannedEndHasCompleted) {
    Fixture f;
    f.session.start();
    f.clock.advanceMs(50000);
    f.session.quit();
    EXPECT_EQ(f.session.status(), SessionStatus::Completed);
    EXPECT_EQ(f.recorder.lines.back(), "end completed due 45000 at 50000");
}

TEST(Session, InputGuardIgnoresControlsInTheFirst500MsOfAPhase) {
    Fixture f;
    f.started().at(499);
    EXPECT_TRUE(f.session.inputGuarded());
    EXPECT_FALSE(f.session.togglePause());
    EXPECT_FALSE(f.session.pause());
    EXPECT_FALSE(f.session.nextPhase());
    EXPECT_FALSE(f.session.back());
    EXPECT_FALSE(f.session.nextStep());
    EXPECT_TRUE(f.recorder.lines.empty());
    f.at(500);
    EXPECT_TRUE(f.session.nextPhase());
    EXPECT_FALSE(f.session.nextPhase()); // the new phase is guarded in turn
}

TEST(Session, QuitWorksDuringTheInputGuard) {
    Fixture f;
    f.started().at(10);
    f.session.quit();
    EXPECT_EQ(f.session.status(), SessionStatus::Quit);
}

TEST(Session, ControlsAfterTheEndDoNothing) {
    Fixture f;
    f.started().at(45000);
    f.recorder.take();
    f.at(46000);
    EXPECT_FALSE(f.session.togglePause());
    EXPECT_FALSE(f.session.nextPhase());
    EXPECT_FALSE(f.session.back());
    EXPECT_FALSE(f.session.nextStep());
    f.session.quit();
    f.session.interrupt();
    EXPECT_TRUE(f.recorder.lines.empty());
    EXPECT_EQ(f.session.status(), SessionStatus::Completed);
    EXPECT_EQ(f.recorder.finishCount, 1);
}

TEST(Session, HoldSecondsDoneExcludesPausesAndOtherPhases) {
    Fixture f;
    f.started().at(9000); // 4 s into the first hold
    EXPECT_EQ(f.session.holdSecondsDone(), 4);
    f.session.pause();
    f.at(19000);
    EXPECT_EQ(f.session.holdSecondsDone(), 4);
    f.session.resume();
    f.at(21500); // 2.5 s more of the same hold
    EXPECT_EQ(f.session.holdSecondsDone(), 6);
    f.at(30000); // the rest of it, then 5 s of prepare and 0 s of the next hold
    EXPECT_EQ(f.session.holdSecondsDone(), 10);
    f.at(31000);
    f.session.quit();
    EXPECT_EQ(f.recorder.finish.holdSecondsDone, 11);
}

TEST(Session, HoldSecondsDoneCountsWholeHoldsCrossedByALateUpdate) {
    Fixture f;
    f.started().at(100000);
    EXPECT_EQ(f.recorder.finish.holdSecondsDone, 30);
}

TEST(Session, CountdownIsTheCeilingOfTheRemainingSeconds) {
    Fixture f;
    f.started();
    EXPECT_EQ(f.session.countdownSeconds(), 5);
    f.at(1);
    EXPECT_EQ(f.session.countdownSeconds(), 5);
    f.at(999);
    EXPECT_EQ(f.session.countdownSeconds(), 5);
    f.at(1000);
    EXPECT_EQ(f.session.countdownSeconds(), 4);
    f.at(4999);
    EXPECT_EQ(f.session.countdownSeconds(), 1);
    EXPECT_EQ(f.session.phaseRemainingMs(), 1);
}

TEST(Session, NextWakeupIsTheNextCountdownChangeTickOrDeadline) {
    Fixture f;
    EXPECT_FALSE(f.session.nextWakeup()); // not started
    const TimePoint t0 = f.clock.now();
    f.started();
    EXPECT_EQ(*f.session.nextWakeup(), t0 + Millis(1000));
    f.at(1500);
    EXPECT_EQ(*f.session.nextWakeup(), t0 + Millis(2000));
    f.at(4200);
    EXPECT_EQ(*f.session.nextWakeup(), t0 + Millis(5000));  // the deadline
    f.at(11500);                                            // hold: remaining 3.5 s
    EXPECT_EQ(*f.session.nextWakeup(), t0 + Millis(12000)); // the first tick
    f.clock.advanceMs(4000); // past the deadline, not yet updated: wake at once
    EXPECT_LE(*f.session.nextWakeup(), f.clock.now());
    f.session.pause();
    EXPECT_FALSE(f.session.nextWakeup());
}

TEST(Session, NextWakeupIsEmptyAfterTheEnd) {
    Fixture f;
    f.started().at(45000);
    EXPECT_FALSE(f.session.nextWakeup());
}

TEST(Session, TotalRemainingAndProgress) {
    Fixture f;
    f.started();
    EXPECT_EQ(f.session.totalRemainingMs(), 45000);
    EXPECT_DOUBLE_EQ(f.session.progress(), 0.0);
    f.at(9000);
    EXPECT_EQ(f.session.totalRemainingMs(), 36000);
    EXPECT_NEAR(f.session.progress(), 0.2, 1e-9);
    EXPECT_EQ(f.session.elapsedMs(), 9000);
}

TEST(Session, ElapsedIncludesPauses) {
    Fixture f;
    f.started().at(1000);
    f.session.pause();
    f.at(4000);
    EXPECT_EQ(f.session.elapsedMs(), 4000);
    EXPECT_EQ(f.session.phaseElapsedMs(), 1000);
}

TEST(Session, NextPhaseInfoIsThePhaseAfterThisOne) {
    Fixture f;
    f.started();
    ASSERT_NE(f.session.nextPhaseInfo(), nullptr);
    EXPECT_EQ(f.session.nextPhaseInfo()->kind, PhaseKind::Hold);
    f.at(36000);
    EXPECT_EQ(f.session.nextPhaseInfo(), nullptr);
}

TEST(Session, FullRunWithUpdateEvery16MsStaysOnThePlan) {
    const Routine routine = makeRoutine({makeStep(Sides::Both, 30, 2, 5, 10, 5),
                                         makeStep(Sides::None, 45, 3), makeStep(Sides::Left, 20)});
    Fixture f(routine);
    f.session.start();
    f.runToEnd(16);
    const Timeline& timeline = f.session.timeline();
    for (const std::string& line : f.recorder.only("phase ")) {
        const int index = std::stoi(line.substr(6));
        const long long due = timeline.phases[static_cast<size_t>(index)].startSeconds * 1000LL;
        EXPECT_NE(line.find(" due " + std::to_string(due) + " "), std::string::npos) << line;
    }
    EXPECT_EQ(f.recorder.only("phase ").size(), timeline.phases.size());
    EXPECT_EQ(f.recorder.finish.dueMs, timeline.totalSeconds * 1000LL);
    EXPECT_GE(f.recorder.finish.atMs, f.recorder.finish.dueMs);
    EXPECT_LT(f.recorder.finish.atMs - f.recorder.finish.dueMs, 16);
    EXPECT_EQ(f.recorder.finish.holdSecondsDone, timeline.holdSeconds);
}

TEST(Session, RemovedObserversHearNothing) {
    Fixture f;
    f.session.removeObserver(&f.recorder);
    f.session.start();
    EXPECT_TRUE(f.recorder.lines.empty());
}

TEST(Session, NamesOfStatusesAndCues) {
    EXPECT_STREQ(toString(SessionStatus::Running), "running");
    EXPECT_STREQ(toString(SessionStatus::Completed), "completed");
    EXPECT_STREQ(toString(SessionStatus::Quit), "quit");
    EXPECT_STREQ(toString(SessionStatus::Interrupted), "interrupted");
    EXPECT_STREQ(toString(Cue::Tick), "tick");
    EXPECT_STREQ(toString(Cue::Done), "done");
    EXPECT_STREQ(toString(Cue::Switch), "switch");
}

} // namespace
} // namespace ns
