// Pose data: every catalog stretch has a figure that loads, and each figure holds the stretch its
// instructions describe (measured on the skeleton); a broken pose file says where, never crashes.
#include "pose.hpp"
#include "routine_loader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace ns {
namespace {

constexpr double kFloorSlack = 0.06; // metres: a foot "on the floor" has its ankle this low
constexpr double kAnkleOnFloor = 0.07 + kFloorSlack;

PoseData loadOrFail(const std::string& id) {
    const PoseLoadResult result = loadPoseFile(std::string(NS_POSES_DIR) + "/" + id + ".toml");
    for (const Diagnostic& d : result.diagnostics)
        ADD_FAILURE() << d.format();
    return result.pose.value_or(neutralPose());
}

double distance(Point a, Point b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

bool hasProp(const PoseData& pose, PropKind kind) {
    return std::any_of(pose.props.begin(), pose.props.end(),
                       [kind](const Prop& prop) { return prop.kind == kind; });
}

void expectFails(const std::string& toml, int line, const std::string& fragment) {
    const PoseLoadResult result = parsePose(toml, "pose.toml");
    EXPECT_FALSE(result.pose) << toml;
    ASSERT_FALSE(result.diagnostics.empty()) << toml;
    EXPECT_EQ(result.diagnostics.front().line, line) << result.diagnostics.front().format();
    EXPECT_NE(result.diagnostics.front().message.find(fragment), std::string::npos)
        << result.diagnostics.front().format();
}

const char* const kMinimal = "[start]\ntrunk = 90\n[hold]\ntrunk = 80\n";

TEST(PoseFiles, EveryCatalogStretchHasOneThatLoads) {
    const CatalogLoadResult catalog = loadCatalogFile(NS_ROUTINES_DIR "/stretches.toml");
    ASSERT_TRUE(catalog.diagnostics.empty());
    ASSERT_GE(catalog.catalog.stretches.size(), 9u);
    for (const auto& [id, stretch] : catalog.catalog.stretches) {
        const PoseLoadResult result = loadPoseFile(std::string(NS_POSES_DIR) + "/" + id + ".toml");
        EXPECT_TRUE(result.pose) << id;
        for (const Diagnostic& d : result.diagnostics)
            ADD_FAILURE() << d.format();
    }
}

TEST(PoseFiles, TheCatalogMarksAsStandingExactlyTheStretchesWhosePoseStands) {
    const CatalogLoadResult catalog = loadCatalogFile(NS_ROUTINES_DIR "/stretches.toml");
    for (const auto& [id, stretch] : catalog.catalog.stretches) {
        const PoseData pose = loadOrFail(id);
        const bool stands = pose.hold.pelvis.y > 0.75 && !hasProp(pose, PropKind::Bed);
        EXPECT_EQ(stretch.standing, stands) << id;
    }
}

TEST(PoseFiles, WallCalfBackKneeStraightHeelDownHandsOnTheWall) {
    const PoseData pose = loadOrFail("wall-calf");
    const Skeleton s = skeletonOf(pose.hold);
    EXPECT_NEAR(pose.hold.nearLimbs.knee, 0, 3) << "the back knee straight";
    EXPECT_LT(s.nearLimb.ankle.x, s.pelvis.x - 0.25) << "the near foot stepped back";
    EXPECT_LT(s.nearLimb.ankle.y, kAnkleOnFloor) << "the back heel down";
    EXPECT_NEAR(s.nearLimb.toe.y, s.nearLimb.ankle.y, 0.03) << "the foot flat, toes forward";
    EXPECT_GT(s.nearLimb.toe.x, s.nearLimb.ankle.x);
    ASSERT_TRUE(hasProp(pose, PropKind::Wall));
    for (const Prop& prop : pose.props) {
        if (prop.kind == PropKind::Wall) {
            EXPECT_NEAR(s.nearLimb.hand.x, prop.x, 0.03) << "the hands on the wall";
        }
    }
    EXPECT_LT(pose.hold.trunk, 85) << "leaning in";
}

TEST(PoseFiles, WallSoleusBendsTheBackKneeWithTheHeelDown) {
    const PoseData pose = loadOrFail("wall-soleus");
    const Skeleton s = skeletonOf(pose.hold);
    EXPECT_LE(pose.hold.nearLimbs.knee, -15) << "the back knee bent";
    EXPECT_LT(s.nearLimb.ankle.y, kAnkleOnFloor);
    EXPECT_LT(s.nearLimb.ankle.x, s.pelvis.x - 0.2);
}

TEST(PoseFiles, SeatedForwardBendReachesTowardTheToes) {
    const PoseData pose = loadOrFail("seated-forward-bend");
    const Skeleton start = skeletonOf(pose.start);
    const Skeleton hold = skeletonOf(pose.hold);
    EXPECT_LT(distance(hold.nearLimb.hand, hold.nearLimb.toe),
              distance(start.nearLimb.hand, start.nearLimb.toe) - 0.3);
    EXPECT_LT(distance(hold.nearLimb.hand, hold.nearLimb.toe), 0.2);
    EXPECT_NEAR(pose.hold.nearLimbs.knee, 0, 3) << "the legs straight";
}

TEST(PoseFiles, TowelStretchLoopsATowelAroundTheFootInBed) {
    const PoseData pose = loadOrFail("towel-stretch");
    EXPECT_TRUE(hasProp(pose, PropKind::Towel));
    EXPECT_TRUE(hasProp(pose, PropKind::Bed));
    const Skeleton s = skeletonOf(pose.hold);
    EXPECT_NEAR(pose.hold.nearLimbs.knee, 0, 3);
    EXPECT_LT(s.nearLimb.toe.x, s.nearLimb.ankle.x + 0.02) << "the toes pulled back";
}

TEST(PoseFiles, ShinStretchPutsTheTopOfTheFootDownBehind) {
    const PoseData pose = loadOrFail("tibialis-anterior");
    const Skeleton s = skeletonOf(pose.hold);
    EXPECT_LT(s.nearLimb.toe.x, s.nearLimb.ankle.x) << "the foot behind, pointing back";
    EXPECT_LT(s.nearLimb.toe.y, 0.08) << "the top of the foot on the floor";
    EXPECT_TRUE(hasProp(pose, PropKind::Chair));
}

TEST(PoseFiles, StandingHamstringHeelForwardToesUpKneeStraight) {
    const PoseData pose = loadOrFail("standing-hamstring");
    const Skeleton s = skeletonOf(pose.hold);
    EXPECT_NEAR(pose.hold.nearLimbs.knee, 0, 3);
    EXPECT_GT(s.nearLimb.ankle.x, s.pelvis.x + 0.2) << "the heel forward";
    EXPECT_LT(s.nearLimb.ankle.y, kAnkleOnFloor);
    EXPECT_GT(s.nearLimb.toe.y, s.nearLimb.ankle.y + 0.1) << "the toes up";
    EXPECT_LT(pose.hold.farLimbs.knee, -20) << "the other knee bent";
    // "Hold a chair or wall": a hand on the top of a chair's back, in front of the toes.
    ASSERT_TRUE(hasProp(pose, PropKind::Chair));
    for (const Prop& prop : pose.props) {
        if (prop.kind != PropKind::Chair) continue;
        const Point backTop{prop.x + 0.02, prop.top + Prop::kChairBack};
        EXPECT_LT(distance(s.nearLimb.hand, backTop), 0.04) << "the hand on the chair";
        EXPECT_LT(distance(skeletonOf(pose.start).nearLimb.hand, backTop), 0.04)
            << "holding it before the stretch too";
        EXPECT_GT(prop.x, s.nearLimb.toe.x) << "the chair clear of the foot";
    }
}

TEST(PoseFiles, KneelingShinKneelsOnACushion) {
    const PoseData pose = loadOrFail("kneeling-shin");
    ASSERT_TRUE(hasProp(pose, PropKind::Cushion));
    const Prop cushion = *std::find_if(pose.props.begin(), pose.props.end(),
                                       [](const Prop& p) { return p.kind == PropKind::Cushion; });
    EXPECT_GT(cushion.top, 0.02) << "a cushion has some thickness";
    for (const Pose* p : {&pose.start, &pose.hold}) {
        const Skeleton s = skeletonOf(*p);
        for (const Skeleton::Limb* limb : {&s.nearLimb, &s.farLimb}) {
            EXPECT_GE(limb->knee.x, cushion.x) << "the knee over the cushion";
            EXPECT_LE(limb->knee.x, cushion.x + cushion.width);
            // The knee (about 0.05 m to its skin) rests on the cushion's top.
            EXPECT_NEAR(limb->knee.y - 0.05, cushion.top, 0.02);
        }
    }
}

TEST(PoseFiles, LyingHamstringRaisesTheStraightLegWithATowel) {
    const PoseData pose = loadOrFail("bed-hamstring");
    const Skeleton s = skeletonOf(pose.hold);
    EXPECT_GT(s.nearLimb.ankle.y, s.pelvis.y + 0.6) << "the leg raised";
    EXPECT_NEAR(pose.hold.nearLimbs.knee, 0, 5);
    EXPECT_TRUE(hasProp(pose, PropKind::Towel));
}

TEST(PoseGeometry, StandingUprightPutsTheHeadAboveTheFeet) {
    Pose pose;
    const Skeleton s = skeletonOf(pose);
    EXPECT_NEAR(s.head.x, s.nearLimb.ankle.x, 1e-9);
    EXPECT_NEAR(s.nearLimb.ankle.y, 0.95 - SegmentLengths::kThigh - SegmentLengths::kShin, 1e-9);
    EXPECT_GT(s.head.y, 1.6);
    EXPECT_NEAR(s.nearLimb.toe.x - s.nearLimb.ankle.x, SegmentLengths::kFoot, 1e-9);
}

TEST(PoseGeometry, BlendGoesFromStartToHold) {
    const PoseData pose = loadOrFail("wall-calf");
    EXPECT_EQ(blend(pose.start, pose.hold, 0).trunk, pose.start.trunk);
    EXPECT_EQ(blend(pose.start, pose.hold, 1).nearLimbs.hip, pose.hold.nearLimbs.hip);
    EXPECT_DOUBLE_EQ(blend(pose.start, pose.hold, 0.5).trunk,
                     (pose.start.trunk + pose.hold.trunk) / 2);
}

TEST(PoseLoader, AMinimalPoseLoadsWithDefaults) {
    const PoseLoadResult result = parsePose(kMinimal, "pose.toml");
    ASSERT_TRUE(result.pose);
    EXPECT_EQ(result.pose->hold.trunk, 80);
    EXPECT_EQ(result.pose->hold.nearLimbs.ankle, 90);
    EXPECT_FALSE(result.pose->breathe);
}

TEST(PoseLoader, UnknownKeysSayWhereAndSuggest) {
    expectFails(std::string(kMinimal) + "[hold.near]\nkneee = 3\n", 6, "did you mean 'knee'");
    expectFails("musle = \"calf\"\n" + std::string(kMinimal), 1, "did you mean 'muscle'");
}

TEST(PoseLoader, AnglesAndPlacesOutOfRangeAreRefused) {
    expectFails("[start]\ntrunk = 900\n[hold]\n", 2, "from -360 to 360 degrees");
    expectFails("[start]\npelvis = [0, 5]\n[hold]\n", 2, "from 0 to 2 metres");
    expectFails("[start]\npelvis = 3\n[hold]\n", 2, "two numbers");
    expectFails("[start]\ntrunk = \"up\"\n[hold]\n", 2, "not a string");
}

TEST(PoseLoader, ABreathIsASmallChange) {
    const PoseLoadResult ok = parsePose(std::string(kMinimal) + "[breathe]\ntrunk = -2\n", "p");
    ASSERT_TRUE(ok.pose);
    EXPECT_EQ(ok.pose->breathe->trunk, 78);
    expectFails(std::string(kMinimal) + "[breathe]\ntrunk = 40\n", 6, "from -10 to 10 degrees");
}

TEST(PoseLoader, StartAndHoldAreRequired) {
    const PoseLoadResult result = parsePose("[start]\n", "pose.toml");
    EXPECT_FALSE(result.pose);
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics.front().line, 0);
    EXPECT_NE(result.diagnostics.front().message.find("[hold]"), std::string::npos);
}

TEST(PoseLoader, ACushionIsAProp) {
    const PoseLoadResult result = parsePose(
        std::string(kMinimal) + "[[props]]\nkind = \"cushion\"\nx = 0\nwidth = 0.3\ntop = "
                                "0.05\n",
        "pose.toml");
    ASSERT_TRUE(result.pose);
    ASSERT_EQ(result.pose->props.size(), 1u);
    EXPECT_EQ(result.pose->props[0].kind, PropKind::Cushion);
    EXPECT_STREQ(toString(PropKind::Cushion), "cushion");
}

TEST(PoseLoader, PropsAreChecked) {
    expectFails(std::string(kMinimal) + "[[props]]\nkind = \"sofa\"\n", 6, "\"chair\"");
    expectFails(std::string(kMinimal) + "[[props]]\nkind = \"wall\"\nx = 9\n", 7, "metres");
}

TEST(PoseLoader, AMissingOrHugeFileIsUnreadableNotACrash) {
    const PoseLoadResult missing = loadPoseFile(std::string(NS_POSES_DIR) + "/no-such.toml");
    ASSERT_EQ(missing.diagnostics.size(), 1u);
    EXPECT_EQ(missing.diagnostics.front().kind, DiagnosticKind::Unreadable);
    const PoseLoadResult folder = loadPoseFile(NS_POSES_DIR);
    ASSERT_EQ(folder.diagnostics.size(), 1u);
    EXPECT_EQ(folder.diagnostics.front().kind, DiagnosticKind::Unreadable);
}

} // namespace
} // namespace ns
