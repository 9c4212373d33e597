#include "ui_test_support.hpp"

#include <gtest/gtest.h>

#include <memory>

namespace ns::test {

const Theme* theme() {
    static std::unique_ptr<Theme> loaded = [] {
        auto t = std::make_unique<Theme>();
        std::string error;
        if (!t->loadFonts(Theme::fontFolders(NS_ASSETS_DIR), &error)) {
            ADD_FAILURE() << error;
            return std::unique_ptr<Theme>();
        }
        return t;
    }();
    return loaded.get();
}

Routine sampleRoutine() {
    Routine routine;
    routine.id = "sample";
    routine.name = "Sample routine";

    Step calf;
    calf.stretch.id = "wall-calf";
    calf.stretch.name = "Wall calf stretch";
    calf.stretch.sides = Sides::Both;
    calf.stretch.instructions = {
        "Stand facing a wall, hands flat on it.", "Step one foot back, heel down, toes forward.",
        "Keep the back knee straight.", "Lean in until you feel the back calf stretch."};
    calf.stretch.caution = "Hold the wall for balance. A mild pull is right; no bouncing. "
                           "Breathe. Stop if it hurts or a cramp starts.";
    calf.prepare = 5;
    calf.hold = 30;
    calf.reps = 2;
    calf.rest = 10;
    calf.switchSeconds = 5;
    calf.sides = Sides::Both;

    Step towel;
    towel.stretch.name = "Towel stretch";
    towel.stretch.instructions = {
        "Sit with your legs straight and loop a towel around the ball of one foot, then gently "
        "pull the towel toward you while keeping the knee straight and the back tall."};
    towel.prepare = 5;
    towel.hold = 65;
    towel.reps = 1;
    towel.rest = 0;
    towel.switchSeconds = 0;
    towel.sides = Sides::None;

    routine.steps = {calf, towel};
    return routine;
}

sf::Image render(const std::vector<Scene*>& scenes, sf::Vector2u size) {
    sf::RenderTexture texture;
    if (!texture.create(size.x, size.y)) {
        ADD_FAILURE() << "cannot create a render texture";
        return {};
    }
    texture.clear(palette::kBackground);
    for (Scene* scene : scenes) {
        scene->layout({static_cast<float>(size.x), static_cast<float>(size.y)});
        scene->draw(texture);
    }
    texture.display();
    return texture.getTexture().copyToImage();
}

void saveArtifact(const sf::Image& image, const std::string& name) {
    std::filesystem::create_directories(NS_ARTIFACTS_DIR);
    image.saveToFile(std::string(NS_ARTIFACTS_DIR) + "/" + name + ".png");
}

PixelStats measure(const sf::Image& image) {
    PixelStats stats;
    const sf::Vector2u size = image.getSize();
    const double count = static_cast<double>(size.x) * size.y;
    if (count == 0) return stats;
    for (unsigned y = 0; y < size.y; ++y)
        for (unsigned x = 0; x < size.x; ++x) {
            const sf::Color c = image.getPixel(x, y);
            const double luminance = 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
            stats.meanLuminance += luminance;
            stats.meanRed += c.r;
            stats.meanGreen += c.g;
            stats.meanBlue += c.b;
            if (luminance > 200) stats.brightFraction += 1;
            if (c.b > c.r + 16 && c.b > c.g + 16) stats.blueFraction += 1;
        }
    stats.meanLuminance /= count;
    stats.meanRed /= count;
    stats.meanGreen /= count;
    stats.meanBlue /= count;
    stats.brightFraction /= count;
    stats.blueFraction /= count;
    return stats;
}

std::size_t differingPixels(const sf::Image& a, const sf::Image& b) {
    if (a.getSize() != b.getSize()) return static_cast<std::size_t>(-1);
    std::size_t n = 0;
    for (unsigned y = 0; y < a.getSize().y; ++y)
        for (unsigned x = 0; x < a.getSize().x; ++x)
            if (a.getPixel(x, y) != b.getPixel(x, y)) ++n;
    return n;
}

bool inside(const sf::FloatRect& r, sf::Vector2u size) {
    return r.left >= -1.f && r.top >= -1.f && r.left + r.width <= size.x + 1.f &&
           r.top + r.height <= size.y + 1.f;
}

void expectFitsAndCalm(const Scene& scene, const sf::Image& image, sf::Vector2u size,
                       const std::string& name) {
    for (const auto& bounds : scene.textBounds())
        EXPECT_TRUE(inside(bounds, size))
            << name << ": text cut off at " << bounds.left << "," << bounds.top << " "
            << bounds.width << "x" << bounds.height;
    const PixelStats stats = measure(image);
    EXPECT_LT(stats.meanLuminance, 60.0) << name;
    EXPECT_GE(stats.meanRed, stats.meanBlue) << name;
    EXPECT_LT(stats.brightFraction, 0.05) << name;
    EXPECT_LT(stats.blueFraction, 0.001) << name;
}

} // namespace ns::test
