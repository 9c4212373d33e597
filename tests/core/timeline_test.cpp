// The timeline rules of DESIGN "Routine files", one behaviour a test.
#include "timeline.hpp"

#include "test_routines.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ns {
namespace {

using test::makeRoutine;
using test::makeStep;

// "prepare 5", "hold L 30", ...: a compact picture of a timeline.
std::vector<std::string> describe(const Timeline& timeline) {
    std::vector<std::string> out;
    for (const Phase& p : timeline.phases) {
        std::string s = toString(p.kind);
        if (p.kind == PhaseKind::Hold && p.side != Side::None)
            s += p.side == Side::Left ? " L" : " R";
        s += " " + std::to_string(p.durationSeconds);
        out.push_back(s);
    }
    return out;
}

using Lines = std::vector<std::string>;

TEST(Timeline, DesignExampleIs145Seconds) {
    const Timeline t = buildTimeline(makeRoutine({makeStep(Sides::Both, 30, 2, 5, 10, 5)}));
    EXPECT_EQ(describe(t), (Lines{"prepare 5", "hold L 30", "switch 5", "hold R 30", "rest 10",
                                  "hold L 30", "switch 5", "hold R 30"}));
    EXPECT_EQ(t.totalSeconds, 145);
    EXPECT_EQ(t.holdSeconds, 120);
}

TEST(Timeline, SidesNoneHoldsOncePerRep) {
    const Timeline t = buildTimeline(makeRoutine({makeStep(Sides::None, 20, 2)}));
    EXPECT_EQ(describe(t), (Lines{"prepare 5", "hold 20", "rest 10", "hold 20"}));
    EXPECT_EQ(t.phases[1].side, Side::None);
}

TEST(Timeline, SidesLeftHoldsLeftOnlyWithoutSwitch) {
    const Timeline t = buildTimeline(makeRoutine({makeStep(Sides::Left, 20, 2)}));
    EXPECT_EQ(describe(t), (Lines{"prepare 5", "hold L 20", "rest 10", "hold L 20"}));
}

TEST(Timeline, SidesRightHoldsRightOnlyWithoutSwitch) {
    const Timeline t = buildTimeline(makeRoutine({makeStep(Sides::Right, 20, 1)}));
    EXPECT_EQ(describe(t), (Lines{"prepare 5", "hold R 20"}));
}

TEST(Timeline, SidesBothHoldsLeftThenRightWithSwitchBetween) {
    const Timeline t = buildTimeline(makeRoutine({makeStep(Sides::Both, 20, 1)}));
    EXPECT_EQ(describe(t), (Lines{"prepare 5", "hold L 20", "switch 5", "hold R 20"}));
    EXPECT_EQ(t.phases[2].side, Side::Right); // a switch names the side to come
}

TEST(Timeline, RestsOnlyBetweenRepsNotAfterTheLast) {
    const Timeline t = buildTimeline(makeRoutine({makeStep(Sides::None, 10, 3, 0)}));
    EXPECT_EQ(describe(t), (Lines{"hold 10", "rest 10", "hold 10", "rest 10", "hold 10"}));
}

TEST(Timeline, RepsAreNumberedFromOne) {
    const Timeline t = buildTimeline(makeRoutine({makeStep(Sides::Both, 10, 2, 0)}));
    std::vector<int> reps;
    for (const Phase& p : t.phases)
        reps.push_back(p.rep);
    EXPECT_EQ(reps, (std::vector<int>{1, 1, 1, 1, 2, 2, 2}));
}

TEST(Timeline, ZeroSecondPhasesAreLeftOut) {
    const Timeline t = buildTimeline(makeRoutine({makeStep(Sides::Both, 30, 2, 0, 0, 0)}));
    EXPECT_EQ(describe(t), (Lines{"hold L 30", "hold R 30", "hold L 30", "hold R 30"}));
    EXPECT_EQ(t.totalSeconds, 120);
}

TEST(Timeline, StepsFollowBackToBackWithOffsets) {
    const Timeline t = buildTimeline(
        makeRoutine({makeStep(Sides::None, 30, 1, 5), makeStep(Sides::Left, 20, 1, 10)}));
    EXPECT_EQ(describe(t), (Lines{"prepare 5", "hold 30", "prepare 10", "hold L 20"}));
    std::vector<int> starts;
    for (const Phase& p : t.phases)
        starts.push_back(p.startSeconds);
    EXPECT_EQ(starts, (std::vector<int>{0, 5, 35, 45}));
    EXPECT_EQ(t.phases[2].step, 1);
    EXPECT_EQ(t.phases.back().endSeconds(), t.totalSeconds);
}

TEST(Timeline, TotalIsTheSumOfPhasesAndHoldSecondsTheSumOfHolds) {
    const Timeline t = buildTimeline(
        makeRoutine({makeStep(Sides::Both, 30, 2), makeStep(Sides::None, 45, 3, 5, 15)}));
    int total = 0;
    int holds = 0;
    for (const Phase& p : t.phases) {
        total += p.durationSeconds;
        if (p.kind == PhaseKind::Hold) holds += p.durationSeconds;
    }
    EXPECT_EQ(t.totalSeconds, total);
    EXPECT_EQ(t.holdSeconds, holds);
    EXPECT_EQ(t.totalSeconds, 145 + 5 + 3 * 45 + 2 * 15);
    EXPECT_EQ(t.holdSeconds, 120 + 135);
}

TEST(Timeline, FirstPhaseOfStep) {
    const Timeline t =
        buildTimeline(makeRoutine({makeStep(Sides::Both, 30, 1), makeStep(Sides::None, 30, 1)}));
    EXPECT_EQ(t.firstPhaseOfStep(0), 0);
    EXPECT_EQ(t.firstPhaseOfStep(1), 4);
    EXPECT_EQ(t.firstPhaseOfStep(2), -1);
}

TEST(Timeline, EmptyRoutineHasNoPhases) {
    const Timeline t = buildTimeline(makeRoutine({}));
    EXPECT_TRUE(t.phases.empty());
    EXPECT_EQ(t.totalSeconds, 0);
}

TEST(Timeline, NamesOfKindsAndSides) {
    EXPECT_STREQ(toString(PhaseKind::Prepare), "prepare");
    EXPECT_STREQ(toString(PhaseKind::Hold), "hold");
    EXPECT_STREQ(toString(PhaseKind::Switch), "switch");
    EXPECT_STREQ(toString(PhaseKind::Rest), "rest");
    EXPECT_STREQ(toString(Side::None), "none");
    EXPECT_STREQ(toString(Side::Left), "left");
    EXPECT_STREQ(toString(Side::Right), "right");
}

} // namespace
} // namespace ns
