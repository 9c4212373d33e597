// The figures drawn from the pose data: every catalog stretch's fits its area, the right leg's is
// the left's mirror image, the stretched leg shows in the accent colour, and all stay night-calm.
#include "figure.hpp"
#include "theme.hpp"
#include "ui_test_support.hpp"

#include "pose.hpp"
#include "routine_loader.hpp"

#include <gtest/gtest.h>

#include <SFML/Graphics/RenderTexture.hpp>

#include <cstdlib>

namespace ns {
namespace {

constexpr unsigned kSize = 400;

sf::Image drawFigure(const PoseData& data, FigureSide side, const Pose& pose,
                     sf::FloatRect* bounds = nullptr) {
    sf::RenderTexture texture;
    EXPECT_TRUE(texture.create(kSize, kSize));
    texture.clear(palette::kBackground);
    Figure figure;
    figure.set(data, side, {20, 20, kSize - 40.f, kSize - 40.f});
    figure.show(pose);
    texture.draw(figure);
    texture.display();
    if (bounds) *bounds = figure.bounds();
    return texture.getTexture().copyToImage();
}

std::size_t countNear(const sf::Image& image, sf::Color colour, int tolerance) {
    std::size_t n = 0;
    for (unsigned y = 0; y < image.getSize().y; ++y)
        for (unsigned x = 0; x < image.getSize().x; ++x) {
            const sf::Color c = image.getPixel(x, y);
            if (std::abs(c.r - colour.r) <= tolerance && std::abs(c.g - colour.g) <= tolerance &&
                std::abs(c.b - colour.b) <= tolerance)
                ++n;
        }
    return n;
}

std::vector<std::pair<std::string, PoseData>> catalogPoses() {
    std::vector<std::pair<std::string, PoseData>> out;
    const CatalogLoadResult catalog = loadCatalogFile(NS_ROUTINES_DIR "/stretches.toml");
    for (const auto& [id, stretch] : catalog.catalog.stretches) {
        PoseLoadResult loaded = loadPoseFile(std::string(NS_ASSETS_DIR) + "/poses/" + id + ".toml");
        EXPECT_TRUE(loaded.pose) << id;
        out.emplace_back(id, loaded.pose.value_or(neutralPose()));
    }
    return out;
}

TEST(Figure, EveryStretchFitsItsAreaInBothPoses) {
    for (const auto& [id, data] : catalogPoses()) {
        for (const Pose* pose : {&data.start, &data.hold}) {
            sf::FloatRect bounds;
            const sf::Image image = drawFigure(data, FigureSide::Left, *pose, &bounds);
            EXPECT_GE(bounds.left, 19.f) << id;
            EXPECT_GE(bounds.top, 19.f) << id;
            EXPECT_LE(bounds.left + bounds.width, kSize - 19.f) << id;
            EXPECT_LE(bounds.top + bounds.height, kSize - 19.f) << id;
            EXPECT_GT(std::max(bounds.width, bounds.height), kSize - 41.f) << id << ": fills it";
            EXPECT_GT(countNear(image, palette::kAccent, 8), 300u) << id << ": the stretched leg";
            const test::PixelStats stats = test::measure(image);
            EXPECT_LT(stats.meanLuminance, 80) << id;
            EXPECT_LT(stats.blueFraction, 0.001) << id;
            test::saveArtifact(image,
                               "figure-" + id + (pose == &data.hold ? "-hold" : "-start") + ".png");
        }
    }
}

TEST(Figure, TheRightLegIsTheMirrorImageOfTheLeft) {
    for (const auto& [id, data] : catalogPoses()) {
        const sf::Image left = drawFigure(data, FigureSide::Left, data.hold);
        sf::Image right = drawFigure(data, FigureSide::Right, data.hold);
        right.flipHorizontally();
        // Anti-aliasing and the half-pixel of rounding may differ at edges; the shapes may not.
        EXPECT_LT(test::differingPixels(left, right), kSize * kSize / 100) << id;
        EXPECT_GT(test::differingPixels(left, drawFigure(data, FigureSide::Right, data.hold)),
                  kSize * kSize / 100)
            << id << ": the right leg's figure is not the same picture";
    }
}

TEST(Figure, GettingIntoPositionMovesTheFigure) {
    for (const auto& [id, data] : catalogPoses()) {
        const sf::Image start = drawFigure(data, FigureSide::Left, data.start);
        const sf::Image hold = drawFigure(data, FigureSide::Left, data.hold);
        EXPECT_GT(test::differingPixels(start, hold), 500u) << id;
        const sf::Image halfway =
            drawFigure(data, FigureSide::Left, blend(data.start, data.hold, 0.5));
        EXPECT_GT(test::differingPixels(start, halfway), 100u) << id;
        EXPECT_GT(test::differingPixels(halfway, hold), 100u) << id;
    }
}

// The muscle's tint (figure.cpp's kMuscle): where the stretch is felt.
const sf::Color kMuscleTint{226, 138, 100};

// The mean height (image rows, down) of the pixels in the muscle's tint; -1 when none.
double meanTintRow(const sf::Image& image) {
    double sum = 0;
    std::size_t n = 0;
    for (unsigned y = 0; y < image.getSize().y; ++y)
        for (unsigned x = 0; x < image.getSize().x; ++x) {
            const sf::Color c = image.getPixel(x, y);
            if (std::abs(c.r - kMuscleTint.r) <= 4 && std::abs(c.g - kMuscleTint.g) <= 4 &&
                std::abs(c.b - kMuscleTint.b) <= 4) {
                sum += y;
                ++n;
            }
        }
    return n == 0 ? -1 : sum / static_cast<double>(n);
}

TEST(Figure, TheShinIsTintedOnItsFrontTheCalfOnTheWholeLowerLeg) {
    // The shin relief's figure lies in bed, the leg along the bed: the front of the shin is its
    // upper half in the picture.
    const PoseLoadResult loaded =
        loadPoseFile(std::string(NS_ASSETS_DIR) + "/poses/relief-shin.toml");
    ASSERT_TRUE(loaded.pose);
    PoseData shin = *loaded.pose;
    ASSERT_EQ(shin.muscle, Muscle::Shin);
    PoseData calf = shin;
    calf.muscle = Muscle::Calf;
    const sf::Image shinImage = drawFigure(shin, FigureSide::Left, shin.hold);
    const sf::Image calfImage = drawFigure(calf, FigureSide::Left, calf.hold);
    const std::size_t shinTint = countNear(shinImage, kMuscleTint, 4);
    const std::size_t calfTint = countNear(calfImage, kMuscleTint, 4);
    EXPECT_GT(shinTint, 40u) << "the shin is tinted";
    EXPECT_LT(shinTint, calfTint * 3 / 4) << "only its front";
    EXPECT_LT(meanTintRow(shinImage), meanTintRow(calfImage) - 1.0) << "on the upper side";
    // Mirrored for the right leg, still on the front.
    const sf::Image right = drawFigure(shin, FigureSide::Right, shin.hold);
    EXPECT_NEAR(meanTintRow(right), meanTintRow(shinImage), 1.0);
}

TEST(Figure, TheNeutralFigureStandsAtEase) {
    const PoseData neutral = neutralPose();
    const sf::Image image = drawFigure(neutral, FigureSide::Left, neutral.hold);
    EXPECT_GT(countNear(image, palette::kAccent, 8), 300u);
}

} // namespace
} // namespace ns
