// The session screen of every stretch of `nightly`, getting ready and holding, left and right leg,
// at the sizes people use: saved under build/test-artifacts/figures-session/ for a person to look
// at, and each checked: the figure inside, clear of every word, smaller than the countdown, which
// stays a quarter of the height.
#include "session_scene.hpp"
#include "ui_test_support.hpp"

#include "clock.hpp"
#include "routine_loader.hpp"
#include "session.hpp"
#include "timeline.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <iterator>
#include <set>
#include <string>

namespace ns {
namespace {

const sf::Vector2u kSizes[] = {{800, 600}, {1280, 800}, {1920, 1080}, {768, 1024}};
// Into a phase: getting ready is seen once the figure is in position, a hold mid-breath.
constexpr long long kIntoGetReadyMs = 2000;
constexpr long long kIntoHoldMs = 5000;

std::string sideName(Side side) {
    return side == Side::Right ? "right" : side == Side::Left ? "left" : "none";
}

TEST(FigureScreenshots, EveryStretchOfNightlyGettingReadyAndHoldingAtEverySize) {
    Theme theme;
    std::string error;
    ASSERT_TRUE(theme.loadFonts(Theme::fontFolders(NS_ASSETS_DIR), &error)) << error;
    theme.setPoseFolder(std::string(NS_ASSETS_DIR) + "/poses");
    const CatalogLoadResult catalog = loadCatalogFile(NS_ROUTINES_DIR "/stretches.toml");
    RoutineLoadResult loaded = loadRoutineFile(NS_ROUTINES_DIR "/nightly.toml", catalog.catalog);
    ASSERT_TRUE(loaded.ok());
    const std::filesystem::path folder =
        std::filesystem::path(NS_ARTIFACTS_DIR) / "figures-session";
    std::filesystem::create_directories(folder);

    const Routine routine = *loaded.routine;
    const Timeline timeline = buildTimeline(routine);
    ManualClock clock;
    Session session(routine, timeline, clock);
    session.start();
    SessionScene scene(theme, session);
    long long nowMs = 0;
    std::set<std::string> shown; // the first of each: stretch, ready or hold, side
    int pictures = 0;
    for (const Phase& phase : timeline.phases) {
        // A switch is getting ready for the other leg.
        const bool ready = phase.kind == PhaseKind::Prepare || phase.kind == PhaseKind::Switch;
        if (!ready && phase.kind != PhaseKind::Hold) continue;
        const Step& step = routine.steps[static_cast<std::size_t>(phase.step)];
        const std::string what =
            std::to_string(phase.step + 1) + "-" + step.stretch.id + "-" +
            (ready ? "ready" : "hold") + "-" +
            sideName(phase.kind == PhaseKind::Prepare && step.sides == Sides::Both ? Side::Left
                                                                                   : phase.side);
        if (!shown.insert(what).second) continue;
        const long long at = phase.startSeconds * 1000LL + (ready ? kIntoGetReadyMs : kIntoHoldMs);
        clock.advanceMs(at - nowMs);
        nowMs = at;
        session.update();
        scene.refresh();
        ASSERT_EQ(session.phaseIndex(), &phase - timeline.phases.data());
        for (const sf::Vector2u size : kSizes) {
            const std::string name =
                std::to_string(size.x) + "x" + std::to_string(size.y) + "-" + what;
            const sf::Image image = test::render({&scene}, size);
            image.saveToFile((folder / (name + ".png")).string());
            ++pictures;
            test::expectFitsAndCalm(scene, image, size, name);
            const auto figure = scene.figureBounds();
            ASSERT_TRUE(figure) << name;
            EXPECT_TRUE(test::inside(*figure, size)) << name;
            const sf::FloatRect countdown = scene.countdownBounds();
            EXPECT_GE(countdown.height, size.y / 4.f) << name;
            EXPECT_LE(figure->height, countdown.height * 1.25f) << name << ": not over the clock";
            for (const sf::FloatRect& text : scene.textBounds())
                EXPECT_FALSE(figure->intersects(text))
                    << name << ": the figure covers a text at " << text.left << "," << text.top;
        }
    }
    // Four stretches, three on both legs: ready and hold for each leg, or once.
    EXPECT_EQ(shown.size(), 14u);
    EXPECT_EQ(pictures, 14 * static_cast<int>(std::size(kSizes)));
}

} // namespace
} // namespace ns
