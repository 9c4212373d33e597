// Nights in words, and the home screen's line about tonight and the streak.
#include "home_scene.hpp"
#include "night_text.hpp"
#include "progress_test_data.hpp"
#include "ui_test_support.hpp"

#include <gtest/gtest.h>

namespace ns {
namespace {

TEST(NightText, DatesReadAsPeopleSayThem) {
    const Date date = *Date::parse("2026-03-11");
    EXPECT_EQ(longDate(date), "Wednesday 11 March");
    EXPECT_EQ(shortDate(date), "Wed 11 Mar");
    EXPECT_EQ(dayAndMonth(*Date::parse("2026-01-02")), "2 Jan");
}

TEST(NightText, TonightLineSaysTheStateTheStreakAndTheProgrammeNight) {
    Stats stats;
    stats.tonightState = NightState::NotYet;
    stats.currentStreak = 5;
    stats.bestStreak = 9;
    stats.programmeNight = 12;
    EXPECT_EQ(tonightLine(stats),
              "Tonight: not done yet \u00b7 streak 5 nights (best 9) \u00b7 night 12 of 42");
    stats.tonightState = NightState::Done;
    stats.currentStreak = 9;
    EXPECT_EQ(tonightLine(stats),
              "Tonight: done \u2713 \u00b7 streak 9 nights \u00b7 night 12 of 42");
    stats.currentStreak = 1;
    stats.bestStreak = 1;
    stats.programmeNight.reset();
    EXPECT_EQ(tonightLine(stats), "Tonight: done \u2713 \u00b7 streak 1 night");
    stats = Stats{};
    EXPECT_EQ(tonightLine(stats), "Tonight: not done yet");
    stats.bestStreak = 4;
    stats.tonightState = NightState::Skipped;
    EXPECT_EQ(tonightLine(stats), "Tonight: skipped \u00b7 best streak 4 nights");
    stats.tonightState = NightState::Partial;
    EXPECT_EQ(tonightLine(stats), "Tonight: partly done \u00b7 best streak 4 nights");
}

TEST(NightText, HomeShowsTheLineUnderTheTitleInsideTheWindow) {
    ASSERT_NE(test::theme(), nullptr);
    HomeScene home(*test::theme());
    home.setEntries({{"nightly", "Nightly leg-cramp routine", "Calves and shins.", 500, true, {}},
                     {"quick", "Quick calf stretch", "", 145, true, {}}});
    home.setNotice("sound unavailable");
    const auto before = home.textBounds().size();
    home.setTonightLine(tonightLine(test::sampleStats()));
    EXPECT_EQ(home.textBounds().size(), before + 1);
    for (auto size : {sf::Vector2u{1280, 800}, sf::Vector2u{800, 600}}) {
        const sf::Image image = test::render({&home}, size);
        const std::string name =
            "home-streak-" + std::to_string(size.x) + "x" + std::to_string(size.y);
        test::saveArtifact(image, name);
        const auto bounds = home.textBounds();
        for (const auto& b : bounds)
            EXPECT_TRUE(test::inside(b, size)) << name;
        // The line sits between the title and the first row, touching neither.
        for (std::size_t i = 0; i < bounds.size(); ++i)
            for (std::size_t j = i + 1; j < bounds.size(); ++j)
                EXPECT_FALSE(bounds[i].intersects(bounds[j])) << name << " " << i << "," << j;
    }
    home.setTonightLine("");
    EXPECT_EQ(home.textBounds().size(), before);
}

} // namespace
} // namespace ns
