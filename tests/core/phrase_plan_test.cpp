// Phrase planning: the words of each phase, and the cut to the name when a phase is too short.
#include "phrase_plan.hpp"
#include "test_routines.hpp"
#include "timeline.hpp"

#include <gtest/gtest.h>

#include <string>

namespace ns {
namespace {

using test::makeRoutine;
using test::makeStep;

// Every chime strikes for 400 ms, the tick for 80 ms.
CueStrikes testStrikes() {
    CueStrikes strikes{};
    strikes.fill(400);
    strikes[static_cast<std::size_t>(Cue::Tick)] = 80;
    return strikes;
}

Step namedStep(Sides sides, int prepare) {
    Step step = makeStep(sides, 30, 2, prepare);
    step.stretch.name = "Wall calf stretch";
    step.stretch.instructions = {"Face a wall, hands on it at shoulder height",
                                 "Step one foot back."};
    return step;
}

PhrasePlan plan(const Routine& routine) {
    return planPhrases(routine, buildTimeline(routine), testStrikes(), estimatePhraseMs);
}

TEST(PhrasePlan, EachPhaseKindHasItsPhrase) {
    const Routine routine = makeRoutine({namedStep(Sides::Both, 5)});
    const Timeline timeline = buildTimeline(routine);
    const PhrasePlan p = plan(routine);
    ASSERT_EQ(p.phases.size(), timeline.phases.size());
    for (std::size_t i = 0; i < timeline.phases.size(); ++i) {
        const Phase& phase = timeline.phases[i];
        if (phase.kind == PhaseKind::Hold) {
            EXPECT_EQ(p.phases[i].text, "Hold.");
        } else if (phase.kind == PhaseKind::Rest) {
            EXPECT_EQ(p.phases[i].text, "Relax.");
        } else if (phase.kind == PhaseKind::Switch) {
            EXPECT_EQ(p.phases[i].text, "Change to your right leg.");
        }
        EXPECT_EQ(p.phases[i].offsetMs, 400);
    }
    EXPECT_EQ(p.end.text, "Well done. Sleep well.");
}

TEST(PhrasePlan, LongGetReadySaysNameSideAndFirstInstruction) {
    const PhrasePlan p = plan(makeRoutine({namedStep(Sides::Both, 20)}));
    EXPECT_EQ(p.phases[0].text,
              "Wall calf stretch. Left leg first. Face a wall, hands on it at shoulder height.");
}

TEST(PhrasePlan, ShortGetReadyIsCutToNameAndSide) {
    const PhrasePlan p = plan(makeRoutine({namedStep(Sides::Both, 5)}));
    EXPECT_EQ(p.phases[0].text, "Wall calf stretch. Left leg first.");
}

TEST(PhrasePlan, VeryShortGetReadyIsCutToTheName) {
    const PhrasePlan p = plan(makeRoutine({namedStep(Sides::Both, 3)}));
    EXPECT_EQ(p.phases[0].text, "Wall calf stretch.");
}

TEST(PhrasePlan, NothingFitsNothingIsSaid) {
    const PhrasePlan p = plan(makeRoutine({namedStep(Sides::None, 1)}));
    EXPECT_EQ(p.phases[0].text, "");
}

TEST(PhrasePlan, OneSidedStepNamesItsSide) {
    EXPECT_EQ(plan(makeRoutine({namedStep(Sides::Right, 5)})).phases[0].text,
              "Wall calf stretch. Right leg.");
    EXPECT_EQ(plan(makeRoutine({namedStep(Sides::None, 5)})).phases[0].text, "Wall calf stretch.");
}

TEST(PhrasePlan, InstructionOnlyOnTheStretchsFirstRound) {
    const PhrasePlan p =
        plan(makeRoutine({namedStep(Sides::None, 20), namedStep(Sides::None, 20)}));
    const Timeline timeline = buildTimeline(makeRoutine({namedStep(Sides::None, 20)}));
    EXPECT_EQ(p.phases[0].text, "Wall calf stretch. Face a wall, hands on it at shoulder height.");
    const std::size_t second = timeline.phases.size(); // the second step's get ready
    EXPECT_EQ(p.phases[second].text, "Wall calf stretch.");
}

TEST(PhrasePlan, HoldPhraseEndsBeforeTheFirstTick) {
    // A 5 s hold: ticks from 2 s on; "Hold." (~1 s at the estimate) after a 1.5 s strike does not
    // fit.
    Routine routine = makeRoutine({makeStep(Sides::None, 5, 1, 0)});
    CueStrikes strikes = testStrikes();
    strikes[static_cast<std::size_t>(Cue::Hold)] = 1500;
    const PhrasePlan p = planPhrases(routine, buildTimeline(routine), strikes, estimatePhraseMs);
    EXPECT_EQ(p.phases[0].text, "");
    strikes[static_cast<std::size_t>(Cue::Hold)] = 400;
    EXPECT_EQ(
        planPhrases(routine, buildTimeline(routine), strikes, estimatePhraseMs).phases[0].text,
        "Hold.");
}

TEST(PhrasePlan, PhraseThatCannotBeSaidIsLeftOut) {
    const Routine routine = makeRoutine({namedStep(Sides::Both, 20)});
    const PhrasePlan p = planPhrases(routine, buildTimeline(routine), testStrikes(),
                                     [](const std::string&) { return -1LL; });
    for (const PlannedPhrase& phrase : p.phases)
        EXPECT_EQ(phrase.text, "");
    EXPECT_EQ(p.end.text, "");
}

TEST(PhrasePlan, EstimateGrowsWithWords) {
    EXPECT_EQ(estimatePhraseMs(""), 0);
    EXPECT_LT(estimatePhraseMs("Hold."), estimatePhraseMs("Change to your right leg."));
    EXPECT_GT(estimatePhraseMs("Hold."), 500);
}

} // namespace
} // namespace ns
