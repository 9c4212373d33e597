// Formats shown on screen and the text helpers that keep long lines inside the window.
#include "layout.hpp"
#include "ui_test_support.hpp"

#include <gtest/gtest.h>

namespace ns {
namespace {

TEST(Format, CountdownShowsSecondsThenMinutes) {
    EXPECT_EQ(formatCountdown(0), "0");
    EXPECT_EQ(formatCountdown(25), "25");
    EXPECT_EQ(formatCountdown(59), "59");
    EXPECT_EQ(formatCountdown(60), "1:00");
    EXPECT_EQ(formatCountdown(65), "1:05");
    EXPECT_EQ(formatCountdown(300), "5:00");
    EXPECT_EQ(formatCountdown(-3), "0");
}

TEST(TextLayout, WrapsAtSpacesWithinTheWidth) {
    ASSERT_NE(test::theme(), nullptr);
    const sf::Font& font = test::theme()->regular();
    const std::string text = "Sit with your legs straight and loop a towel around the ball of "
                             "one foot — gently pull it toward you.";
    const auto lines = wrapText(text, font, 30, 400.f);
    EXPECT_GT(lines.size(), 1u);
    sf::String joined;
    for (const auto& line : lines) {
        EXPECT_LE(textWidth(line, font, 30), 400.f);
        joined += (joined.isEmpty() ? sf::String() : sf::String(" ")) + line;
    }
    EXPECT_EQ(joined, sf::String::fromUtf8(text.begin(), text.end()));
}

TEST(TextLayout, BreaksAPathThatIsWiderThanTheLine) {
    ASSERT_NE(test::theme(), nullptr);
    const sf::Font& font = test::theme()->regular();
    const std::string path =
        "/home/someone/.config/nightstretch/routines/a-very-long-name.toml:7:1:";
    const auto lines = wrapText(path, font, 30, 250.f);
    EXPECT_GT(lines.size(), 1u);
    for (const auto& line : lines)
        EXPECT_LE(textWidth(line, font, 30), 250.f);
}

TEST(TextLayout, ShrinksAndEllipsizesToFit) {
    ASSERT_NE(test::theme(), nullptr);
    const sf::Font& font = test::theme()->bold();
    sf::Text text = makeText("Seated forward bend, with a towel", font, 80, palette::kText);
    shrinkToWidth(text, 300.f);
    EXPECT_LE(text.getLocalBounds().left + text.getLocalBounds().width, 300.f);
    EXPECT_LT(text.getCharacterSize(), 80u);
    const sf::String cut = ellipsize(text.getString(), font, 40, 200.f);
    EXPECT_LE(textWidth(cut, font, 40), 200.f);
    EXPECT_EQ(cut[cut.getSize() - 1], sf::Uint32(0x2026));
}

TEST(TextLayout, NonAsciiIsNotABox) {
    ASSERT_NE(test::theme(), nullptr);
    const sf::Text text = makeText("Hold — left leg", test::theme()->bold(), 40, palette::kText);
    EXPECT_EQ(text.getString().getSize(), 15u) << "the em dash is one character";
    EXPECT_TRUE(test::theme()->bold().getGlyph(0x2014, 40, false).advance > 0.f);
}

} // namespace
} // namespace ns
