// What changed between two versions of a text or a shape, and what the session screen says changed
// when a second goes by or the phase changes. No window needed.
#include "frame_damage.hpp"
#include "history_problem.hpp"
#include "layout.hpp"
#include "session_scene.hpp"
#include "timeline.hpp"
#include "ui_test_support.hpp"

#include "clock.hpp"
#include "session.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>
#include <memory>

namespace ns {
namespace {

sf::FloatRect unionOf(const FrameDamage& damage) {
    sf::FloatRect all;
    for (const auto& rect : damage.rects())
        all = unite(all, rect);
    return all;
}

bool overlapsAny(const FrameDamage& damage, const sf::FloatRect& area) {
    return std::any_of(damage.rects().begin(), damage.rects().end(),
                       [&area](const sf::FloatRect& rect) { return rect.intersects(area); });
}

sf::Text countdownText(const std::string& digits) {
    sf::Text text = makeText(digits, test::theme()->bold(), 200, palette::kCountdown);
    text.setPosition(100.f, 50.f); // the same place before and after, as when the ink allows it
    return text;
}

TEST(TextChange, TheSameTextDrawnTheSameWayChangesNothing) {
    ASSERT_NE(test::theme(), nullptr);
    const FrameDamage damage = textChange(countdownText("25"), countdownText("25"));
    EXPECT_TRUE(damage.empty());
}

TEST(TextChange, OneDigitChangingInPlaceDamagesOnlyThatDigit) {
    ASSERT_NE(test::theme(), nullptr);
    const sf::Text before = countdownText("25");
    const sf::Text after = countdownText("24");
    const FrameDamage damage = textChange(before, after);
    ASSERT_FALSE(damage.empty());
    ASSERT_FALSE(damage.isEverything());
    // Nothing over the "2", which did not change: its ink ends before the second pen position.
    const sf::FloatRect firstDigit(before.getGlobalBounds().left, before.getGlobalBounds().top,
                                   before.findCharacterPos(1).x - 10.f -
                                       before.getGlobalBounds().left,
                                   before.getGlobalBounds().height);
    EXPECT_FALSE(overlapsAny(damage, firstDigit));
    // All of both versions of the last digit, and not much more.
    const sf::FloatRect all = unionOf(damage);
    const sf::FloatRect both = unite(before.getGlobalBounds(), after.getGlobalBounds());
    EXPECT_GE(all.left + all.width, both.left + both.width);
    EXPECT_LE(all.left + all.width, both.left + both.width + 4.f);
    EXPECT_LE(all.top, both.top);
    EXPECT_GE(all.top + all.height, both.top + both.height);
}

TEST(TextChange, TextThatMovedDamagesBothWholeTexts) {
    ASSERT_NE(test::theme(), nullptr);
    const sf::Text before = countdownText("10");
    sf::Text after = countdownText("9");
    after.move(40.f, 0.f);
    const FrameDamage damage = textChange(before, after);
    const sf::FloatRect all = unionOf(damage);
    for (const sf::Text* text : std::initializer_list<const sf::Text*>{&before, &after}) {
        const sf::FloatRect bounds = text->getGlobalBounds();
        EXPECT_LE(all.left, bounds.left);
        EXPECT_LE(all.top, bounds.top);
        EXPECT_GE(all.left + all.width, bounds.left + bounds.width);
        EXPECT_GE(all.top + all.height, bounds.top + bounds.height);
    }
}

TEST(ShapeChange, ABarGettingShorterDamagesOnlyItsEnd) {
    sf::ConvexShape before = roundedRect({400.f, 12.f}, 6.f, palette::kAccent);
    sf::ConvexShape after = roundedRect({380.f, 12.f}, 6.f, palette::kAccent);
    before.setPosition(50.f, 300.f);
    after.setPosition(50.f, 300.f);
    const FrameDamage damage = shapeChange(before, after);
    ASSERT_FALSE(damage.empty());
    const sf::FloatRect all = unionOf(damage);
    EXPECT_GE(all.left, 50.f + 380.f - 6.f - 3.f) << "the unchanged start is left alone";
    EXPECT_LE(all.left, 50.f + 380.f - 6.f) << "the new round end is covered";
    EXPECT_GE(all.left + all.width, 50.f + 400.f) << "the old end is covered";
    EXPECT_LE(all.top, 300.f);
    EXPECT_GE(all.top + all.height, 312.f);
}

TEST(ShapeChange, AShapeThatMovedDamagesBothPlaces) {
    sf::ConvexShape before = roundedRect({100.f, 20.f}, 10.f, palette::kTrack);
    sf::ConvexShape after = before;
    before.setPosition(10.f, 10.f);
    after.setPosition(300.f, 200.f);
    const FrameDamage damage = shapeChange(before, after);
    EXPECT_TRUE(overlapsAny(damage, before.getGlobalBounds()));
    EXPECT_TRUE(overlapsAny(damage, after.getGlobalBounds()));
    EXPECT_TRUE(shapeChange(after, after).empty());
}

TEST(FrameDamage, EverythingAbsorbsRectanglesAndClearEmpties) {
    FrameDamage damage;
    EXPECT_TRUE(damage.empty());
    damage.add(sf::FloatRect(0.f, 0.f, 10.f, 10.f));
    damage.add(sf::FloatRect(5.f, 5.f, 0.f, 3.f)); // empty: ignored
    EXPECT_EQ(damage.rects().size(), 1u);
    damage.add(FrameDamage::everything());
    EXPECT_TRUE(damage.isEverything());
    damage.add(sf::FloatRect(0.f, 0.f, 10.f, 10.f));
    EXPECT_TRUE(damage.rects().empty());
    damage.clear();
    EXPECT_TRUE(damage.empty());
}

class SessionSceneDamageTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_NE(test::theme(), nullptr);
        Routine routine = test::sampleRoutine();
        Timeline timeline = buildTimeline(routine);
        m_session = std::make_unique<Session>(std::move(routine), std::move(timeline), m_clock);
        m_session->start();
        m_scene = std::make_unique<SessionScene>(*test::theme(), *m_session);
        m_scene->layout({1280.f, 800.f});
    }

    void advance(long long ms) {
        m_clock.advanceMs(ms);
        m_session->update();
        m_scene->refresh();
    }

    ManualClock m_clock;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<SessionScene> m_scene;
};

TEST_F(SessionSceneDamageTest, ANewSecondDamagesTheCountdownAndTheBarsNotTheWords) {
    advance(5500); // the first hold: 30
    EXPECT_TRUE(m_scene->takeDamage().isEverything()) << "laid out and a new phase";
    const sf::FloatRect countdownBefore = m_scene->countdownBounds();
    advance(1000); // 29
    const FrameDamage damage = m_scene->takeDamage();
    ASSERT_FALSE(damage.empty());
    ASSERT_FALSE(damage.isEverything());
    EXPECT_TRUE(overlapsAny(damage, countdownBefore));
    EXPECT_TRUE(overlapsAny(damage, m_scene->countdownBounds()));
    // The phase, the position, the stretch's name, the instructions and "Next:" stay as they were.
    for (const auto& bounds : m_scene->textBounds()) {
        if (bounds == m_scene->countdownBounds()) continue;
        if (bounds.top > 0.8f * 800.f && bounds.left > 640.f) continue; // the time left
        EXPECT_FALSE(overlapsAny(damage, bounds))
            << "text at " << bounds.left << "," << bounds.top << " damaged";
    }
    EXPECT_TRUE(m_scene->takeDamage().empty()) << "taken once";
}

// A new second changes only what follows the clock; the rest is left as it was laid out. What is
// then on screen is what a whole layout at that moment gives.
TEST_F(SessionSceneDamageTest, ANewSecondLeavesTheSceneAsAWholeLayoutWould) {
    advance(5500);
    for (int second = 0; second < 12; ++second) {
        advance(1000);
        SessionScene whole(*test::theme(), *m_session);
        whole.layout({1280.f, 800.f});
        EXPECT_EQ(m_scene->textBounds(), whole.textBounds()) << "second " << second;
        EXPECT_EQ(m_scene->countdownBounds(), whole.countdownBounds()) << "second " << second;
    }
}

// The countdown stays in place from one second to the next, so when only its last digit changes
// the first is not drawn again.
TEST_F(SessionSceneDamageTest, ANewSecondRedrawsOnlyTheDigitThatChanged) {
    advance(5500); // the first hold: 30
    advance(1000); // 29
    m_scene->takeDamage();
    for (int second = 28; second >= 21; --second) {
        const sf::FloatRect countdown = m_scene->countdownBounds();
        advance(1000);
        ASSERT_EQ(m_scene->countdownText(), std::to_string(second));
        const FrameDamage damage = m_scene->takeDamage();
        ASSERT_FALSE(damage.isEverything());
        EXPECT_EQ(m_scene->countdownBounds().top, countdown.top) << second;
        // The "2" stays as it was: nothing is redrawn over the left part of the countdown.
        const sf::FloatRect firstDigit(countdown.left, countdown.top, 0.3f * countdown.width,
                                       countdown.height);
        EXPECT_FALSE(overlapsAny(damage, firstDigit)) << second;
    }
}

TEST_F(SessionSceneDamageTest, APhaseChangeDamagesEverything) {
    advance(5500);
    m_scene->takeDamage();
    advance(29000); // the last second of the hold
    ASSERT_FALSE(m_scene->takeDamage().isEverything());
    advance(1000); // switch sides
    EXPECT_EQ(m_scene->view().kind, PhaseKind::Switch);
    EXPECT_TRUE(m_scene->takeDamage().isEverything());
}

TEST_F(SessionSceneDamageTest, PausingAndABannerDamageEverything) {
    advance(5500);
    m_scene->takeDamage();
    m_session->togglePause();
    EXPECT_TRUE(m_scene->refresh());
    EXPECT_TRUE(m_scene->takeDamage().isEverything()) << "paused";
    m_scene->setBanner(sessionNotSaved("database or disk is full"));
    EXPECT_TRUE(m_scene->takeDamage().isEverything()) << "a banner";
}

} // namespace
} // namespace ns
