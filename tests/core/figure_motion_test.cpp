// The figure's motion: start to hold while getting ready, a slow breath in a hold, still with
// reduce_motion, and the next moment the figure will have moved a pixel (never later, never
// needlessly early).
#include "figure_motion.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace ns {
namespace {

constexpr double kPixelsPerMetre = 300; // a figure about 1.3 m wide in a 1280-wide window
constexpr double kPixel = 1 / kPixelsPerMetre;

PoseData wallCalf() {
    const PoseLoadResult result = loadPoseFile(std::string(NS_POSES_DIR) + "/wall-calf.toml");
    for (const Diagnostic& d : result.diagnostics)
        ADD_FAILURE() << d.format();
    return result.pose.value_or(neutralPose());
}

TEST(FigureMotion, GetReadyStartsInTheStartPoseAndHoldsAfterOneAndAHalfSeconds) {
    const PoseData data = wallCalf();
    const FigureMotion motion(data, PhaseKind::Prepare, false);
    EXPECT_LT(largestJointMove(motion.poseAt(0), data.start), 1e-9);
    EXPECT_GT(largestJointMove(motion.poseAt(750), data.start), 0.05) << "moving at the middle";
    EXPECT_GT(largestJointMove(motion.poseAt(750), data.hold), 0.05);
    EXPECT_LT(largestJointMove(motion.poseAt(FigureMotion::kGetReadyMs), data.hold), 1e-9);
    EXPECT_LT(largestJointMove(motion.poseAt(4000), data.hold), 1e-9) << "and stays there";
}

TEST(FigureMotion, GetReadyIsEasedSlowAtBothEnds) {
    const PoseData data = wallCalf();
    const FigureMotion motion(data, PhaseKind::Prepare, false);
    const double first = largestJointMove(motion.poseAt(0), motion.poseAt(100));
    const double middle = largestJointMove(motion.poseAt(700), motion.poseAt(800));
    const double last = largestJointMove(motion.poseAt(1400), motion.poseAt(1500));
    EXPECT_LT(first, middle / 4);
    EXPECT_LT(last, middle / 4);
}

TEST(FigureMotion, AHoldBreathesSixTimesAMinuteByTheFilesBreath) {
    const PoseData data = wallCalf();
    ASSERT_TRUE(data.breathe);
    const FigureMotion motion(data, PhaseKind::Hold, false);
    EXPECT_EQ(FigureMotion::kBreathMs, 10000);
    EXPECT_LT(largestJointMove(motion.poseAt(0), data.hold), 1e-9) << "from the hold at rest";
    EXPECT_LT(largestJointMove(motion.poseAt(5000), *data.breathe), 1e-9) << "in at half";
    EXPECT_LT(largestJointMove(motion.poseAt(10000), data.hold), 1e-9) << "out again";
    EXPECT_LT(largestJointMove(motion.poseAt(25000), *data.breathe), 1e-9) << "and again";
    // The file's breath leans the trunk 2 degrees: the head moves a few centimetres, no more.
    const double amplitude = largestJointMove(data.hold, *data.breathe);
    EXPECT_GT(amplitude, 0.01);
    EXPECT_LT(amplitude, 0.06);
    EXPECT_NEAR(motion.poseAt(5000).trunk, data.hold.trunk - 2, 1e-9);
    EXPECT_NEAR(motion.poseAt(2500).trunk, data.hold.trunk - 1, 1e-9) << "a quarter: half in";
}

TEST(FigureMotion, AFigureWithoutABreathGetsASmallOne) {
    const PoseData data = neutralPose();
    ASSERT_FALSE(data.breathe);
    const FigureMotion motion(data, PhaseKind::Hold, false);
    EXPECT_TRUE(motion.moves());
    const double amplitude = largestJointMove(motion.poseAt(5000), data.hold);
    EXPECT_GT(amplitude, 0.005);
    EXPECT_LT(amplitude, 0.05);
}

TEST(FigureMotion, ReduceMotionShowsTheHoldAtOnceAndStill) {
    const PoseData data = wallCalf();
    for (const PhaseKind kind : {PhaseKind::Prepare, PhaseKind::Hold}) {
        const FigureMotion motion(data, kind, true);
        EXPECT_FALSE(motion.moves());
        for (const long long ms : {0LL, 300LL, 750LL, 2500LL, 5000LL, 12345LL})
            EXPECT_LT(largestJointMove(motion.poseAt(ms), data.hold), 1e-9) << ms;
        EXPECT_FALSE(motion.nextChangeMs(0, data.hold, kPixel)) << "never wakes the window";
    }
}

TEST(FigureMotion, RestIsStill) {
    const FigureMotion motion(wallCalf(), PhaseKind::Rest, false);
    EXPECT_FALSE(motion.moves());
    EXPECT_FALSE(motion.nextChangeMs(1000, motion.poseAt(1000), kPixel));
}

// Switching sides is getting ready for the other leg: into the stretch again.
TEST(FigureMotion, ASwitchMovesIntoTheStretchLikeGettingReady) {
    const PoseData data = wallCalf();
    const FigureMotion motion(data, PhaseKind::Switch, false);
    EXPECT_TRUE(motion.moves());
    EXPECT_LT(largestJointMove(motion.poseAt(0), data.start), 1e-9);
    EXPECT_LT(largestJointMove(motion.poseAt(FigureMotion::kGetReadyMs), data.hold), 1e-9);
    EXPECT_FALSE(FigureMotion(data, PhaseKind::Switch, true).moves());
}

// The next change is the first millisecond at which a joint has moved a pixel: one ms earlier it
// had not.
TEST(FigureMotion, TheNextChangeIsTheFirstMomentAJointHasMovedAPixel) {
    const PoseData data = wallCalf();
    for (const PhaseKind kind : {PhaseKind::Prepare, PhaseKind::Hold}) {
        const FigureMotion motion(data, kind, false);
        long long shownAt = 0;
        int changes = 0;
        while (changes < 200) {
            const Pose shown = motion.poseAt(shownAt);
            const auto next = motion.nextChangeMs(shownAt, shown, kPixel);
            if (!next) break;
            ASSERT_GT(*next, shownAt);
            EXPECT_GE(largestJointMove(motion.poseAt(*next), shown), kPixel);
            for (long long ms = shownAt + 1; ms < *next; ms += std::max(1LL, (*next - ms) / 7))
                ASSERT_LT(largestJointMove(motion.poseAt(ms), shown), kPixel)
                    << "moved a pixel at " << ms << ", before " << *next;
            EXPECT_LT(largestJointMove(motion.poseAt(*next - 1), shown), kPixel);
            shownAt = *next;
            ++changes;
            if (kind == PhaseKind::Hold && shownAt > 20000) break;
        }
        if (kind == PhaseKind::Prepare) {
            EXPECT_LE(shownAt, FigureMotion::kGetReadyMs) << "still once in the hold pose";
            EXPECT_GT(changes, 20) << "a smooth move, frame by frame";
        } else {
            // Two breaths: a few frames a second, not sixty.
            EXPECT_GT(changes, 10);
            EXPECT_LT(changes, 20 * 3);
        }
    }
}

TEST(FigureMotion, ABreathSmallerThanAPixelNeverWakesTheWindow) {
    const PoseData data = wallCalf();
    const FigureMotion motion(data, PhaseKind::Hold, false);
    const double amplitude = largestJointMove(data.hold, *data.breathe);
    EXPECT_FALSE(motion.nextChangeMs(0, data.hold, amplitude * 1.01));
    const auto next = motion.nextChangeMs(0, data.hold, amplitude * 0.9);
    ASSERT_TRUE(next);
    EXPECT_GT(*next, 2000);
    EXPECT_LT(*next, 5000);
}

TEST(FigureMotion, AfterGettingReadyAFigureBehindItsPoseCatchesUpAtOnce) {
    const PoseData data = wallCalf();
    const FigureMotion motion(data, PhaseKind::Prepare, false);
    EXPECT_EQ(motion.nextChangeMs(3000, data.start, kPixel), 3001);
    EXPECT_FALSE(motion.nextChangeMs(3000, data.hold, kPixel));
}

} // namespace
} // namespace ns
