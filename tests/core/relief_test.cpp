// The relief guides: in bed first, standing only after a light, the edge of the bed and a slow
// rise holding on; no rubbing of a swollen, red or warm leg; a warm towel, not a bath; and the
// shin guide's picture shows the foot easing down with the front of the shin picked out.
#include "about_text.hpp"
#include "pose.hpp"
#include "relief.hpp"

#include <gtest/gtest.h>

#include <string>

namespace ns {
namespace {

std::string allText(const ReliefStep& step) {
    std::string text = step.title + "\n" + step.spoken;
    for (const std::string& line : step.lines)
        text += "\n" + line;
    return text;
}

bool has(const std::string& text, const char* fragment) {
    return text.find(fragment) != std::string::npos;
}

// The index of the first step that mentions `fragment`, or the number of steps.
std::size_t stepWith(const std::vector<ReliefStep>& steps, const char* fragment) {
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (has(allText(steps[i]), fragment)) return i;
    return steps.size();
}

const ReliefVariant kVariants[] = {ReliefVariant::Calf, ReliefVariant::ShinOrFoot};

TEST(ReliefSteps, TheFirstStepStaysInBed) {
    for (ReliefVariant variant : kVariants) {
        const std::vector<ReliefStep> steps = reliefSteps(variant);
        ASSERT_FALSE(steps.empty());
        const std::string first = allText(steps.front());
        EXPECT_TRUE(has(first, "in bed")) << first;
        for (const char* standing : {"stand", "Stand", "wall", "get up", "Get up"})
            EXPECT_FALSE(has(first, standing)) << standing << " in: " << first;
    }
}

TEST(ReliefSteps, StandingComesAfterALightTheEdgeOfTheBedAndHoldingOn) {
    for (ReliefVariant variant : kVariants) {
        const std::vector<ReliefStep> steps = reliefSteps(variant);
        const std::size_t light = stepWith(steps, "Turn on a light");
        ASSERT_LT(light, steps.size()) << reliefVariantName(variant);
        std::string text; // the lines, in the order shown
        for (const std::string& line : steps[light].lines)
            text += line + "\n";
        const std::size_t lightAt = text.find("Turn on a light");
        const std::size_t edgeAt = text.find("edge of the bed");
        const std::size_t upAt = text.find("Get up slowly, holding on");
        ASSERT_NE(edgeAt, std::string::npos) << text;
        ASSERT_NE(upAt, std::string::npos) << text;
        EXPECT_LT(lightAt, edgeAt);
        EXPECT_LT(edgeAt, upAt);
        // No step before it offers standing.
        for (std::size_t i = 0; i < light; ++i)
            for (const char* standing : {"stand", "Stand", "wall"})
                EXPECT_FALSE(has(allText(steps[i]), standing)) << allText(steps[i]);
        if (variant == ReliefVariant::Calf) {
            const std::size_t wallAt = text.find("knee straight, and lean toward a wall");
            ASSERT_NE(wallAt, std::string::npos) << text;
            EXPECT_LT(upAt, wallAt);
        }
    }
}

TEST(ReliefSteps, ASwollenRedOrWarmLegIsNotRubbedAndSeesADoctorSoon) {
    for (ReliefVariant variant : kVariants) {
        const std::vector<ReliefStep> steps = reliefSteps(variant);
        const std::size_t rub = stepWith(steps, "Rub");
        ASSERT_LT(rub, steps.size());
        const std::string text = allText(steps[rub]);
        EXPECT_TRUE(has(text, "swollen, red or warm, don't rub it")) << text;
        EXPECT_TRUE(has(text, "please see a doctor soon")) << text;
        EXPECT_TRUE(has(steps[rub].spoken, "swollen, red or warm")) << steps[rub].spoken;
    }
}

TEST(ReliefSteps, AWarmTowelNotABathAndNoHeatOnNumbSkin) {
    for (ReliefVariant variant : kVariants) {
        const std::vector<ReliefStep> steps = reliefSteps(variant);
        for (const ReliefStep& step : steps)
            EXPECT_FALSE(has(allText(step), "bath")) << allText(step);
        const std::size_t warmth = stepWith(steps, "warm towel");
        ASSERT_LT(warmth, steps.size());
        EXPECT_TRUE(has(allText(steps[warmth]), "No heat on skin that feels numb"));
    }
}

TEST(ReliefSteps, TheShinPictureEasesTheFootDownWithTheShinPickedOut) {
    const ReliefStep first = reliefSteps(ReliefVariant::ShinOrFoot).front();
    ASSERT_FALSE(first.poseId.empty());
    EXPECT_NE(first.poseId, "bed-ankle-flex") << "that one pulls the toes up";
    const PoseLoadResult loaded =
        loadPoseFile(std::string(NS_POSES_DIR) + "/" + first.poseId + ".toml");
    for (const Diagnostic& d : loaded.diagnostics)
        ADD_FAILURE() << d.format();
    ASSERT_TRUE(loaded.pose);
    EXPECT_EQ(loaded.pose->muscle, Muscle::Shin);
    // Lying, the leg along the bed toward +x: a pointed foot's toes reach on past the ankle.
    const Skeleton start = skeletonOf(loaded.pose->start);
    const Skeleton hold = skeletonOf(loaded.pose->hold);
    EXPECT_LE(start.nearLimb.toe.x, start.nearLimb.ankle.x + 0.01) << "pulled up by the cramp";
    EXPECT_GT(hold.nearLimb.toe.x, hold.nearLimb.ankle.x + 0.08) << "eased gently down";
    EXPECT_GT(loaded.pose->hold.nearLimbs.ankle, 30) << "gently, not pointed hard";
}

TEST(ReliefSteps, TheAboutScreenSaysTheSameInTheSameOrder) {
    std::string during;
    for (const AboutSection& section : aboutSections())
        if (section.heading.rfind("During a cramp", 0) == 0)
            for (const std::string& line : section.sentences)
                during += line + "\n";
    ASSERT_FALSE(during.empty());
    const std::size_t inBed = during.find("in bed first");
    const std::size_t swollen = during.find("swollen, red or warm, don't rub it");
    const std::size_t light = during.find("turn on a light");
    const std::size_t wall = during.find("knee straight, lean in, holding on");
    for (const std::size_t at : {inBed, swollen, light, wall})
        ASSERT_NE(at, std::string::npos) << during;
    EXPECT_LT(inBed, light);
    EXPECT_LT(light, wall);
    EXPECT_NE(during.find("please see a doctor soon"), std::string::npos);
    EXPECT_NE(during.find("no heat on skin that feels numb"), std::string::npos);
    EXPECT_EQ(during.find("bath"), std::string::npos);
}

} // namespace
} // namespace ns
