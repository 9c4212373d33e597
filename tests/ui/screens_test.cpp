// The done screen and the overlays (help, stop question, volume): inside the window at every
// size, and as calm as the rest.
#include "done_scene.hpp"
#include "history.hpp"
#include "overlays.hpp"
#include "question_overlay.hpp"
#include "session_end.hpp"
#include "session_run.hpp"
#include "ui_test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include <unistd.h>

namespace ns {
namespace {

const sf::Vector2u kSizes[] = {{1280, 800}, {800, 600}, {1920, 1080}};

// The end of the sample routine, run for real: to its end into a real history, or stopped after
// 40 s with no history at all (what the done screen says then).
SessionEnd sampleEnd(bool completed) {
    ManualClock clock;
    std::unique_ptr<HistoryStore> history;
    const std::filesystem::path folder =
        std::filesystem::temp_directory_path() / ("ns-done-" + std::to_string(::getpid()));
    SessionRunOptions options;
    if (completed) {
        history = HistoryStore::open(folder / "history.sqlite3").store;
        options.history = history.get();
    }
    auto run = SessionRun::create(test::sampleRoutine(), clock, options, nullptr, nullptr);
    run->start();
    for (int ms = 0; ms < (completed ? 600000 : 40000) && !run->session().finished(); ms += 500) {
        clock.advanceMs(500);
        run->update();
    }
    if (!completed) run->session().quit();
    SessionEnd end = describeEnd(*run);
    run.reset();
    history.reset();
    std::filesystem::remove_all(folder);
    return end;
}

std::string suffix(sf::Vector2u size) {
    return "-" + std::to_string(size.x) + "x" + std::to_string(size.y);
}

TEST(DoneScene, SaysWellDoneAndHowLongWasHeld) {
    ASSERT_NE(test::theme(), nullptr);
    DoneScene scene(*test::theme());
    scene.setResult(sampleEnd(true));
    ASSERT_TRUE(scene.result().saved);
    for (auto size : kSizes) {
        const sf::Image image = test::render({&scene}, size);
        test::saveArtifact(image, "done" + suffix(size));
        test::expectFitsAndCalm(scene, image, size, "done" + suffix(size));
    }
}

// Issue 18: a routine stopped with no history to keep it says so, and what to do, in the window.
TEST(DoneScene, AStoppedSessionThatWasNotSavedSaysWhatToDoInsideTheWindow) {
    ASSERT_NE(test::theme(), nullptr);
    DoneScene scene(*test::theme());
    const SessionEnd end = sampleEnd(false);
    ASSERT_FALSE(end.saved);
    ASSERT_FALSE(end.action.empty());
    scene.setResult(end);
    for (auto size : kSizes) {
        const sf::Image image = test::render({&scene}, size);
        test::saveArtifact(image, "done-stopped-not-saved" + suffix(size));
        test::expectFitsAndCalm(scene, image, size, "done-stopped-not-saved" + suffix(size));
        EXPECT_GE(scene.textBounds().size(), 6u) << "the action is shown: " << suffix(size);
    }
}

// A figure lying at rest above "Well done", clear of every word; a tiny window keeps the words.
TEST(DoneScene, ShowsAFigureAtRestAboveWellDone) {
    ASSERT_NE(test::theme(), nullptr);
    DoneScene scene(*test::theme());
    scene.setResult(sampleEnd(true));
    for (auto size : kSizes) {
        test::render({&scene}, size);
        const auto figure = scene.figureBounds();
        ASSERT_TRUE(figure) << suffix(size);
        EXPECT_TRUE(test::inside(*figure, size)) << suffix(size);
        EXPECT_GT(figure->height, size.y / 8.f) << suffix(size);
        const std::vector<sf::FloatRect> texts = scene.textBounds();
        EXPECT_LE(figure->top + figure->height, texts.front().top) << "above Well done";
        for (const sf::FloatRect& text : texts)
            EXPECT_FALSE(figure->intersects(text)) << suffix(size) << " at " << text.top;
    }
    test::render({&scene}, {320, 240});
    EXPECT_FALSE(scene.figureBounds());
}

TEST(HelpOverlay, ListsEveryKeyInsideTheWindow) {
    ASSERT_NE(test::theme(), nullptr);
    HelpOverlay help(*test::theme(), helpLines(KeyContext::Session));
    EXPECT_GE(help.lines().size(), 9u);
    for (auto size : kSizes) {
        const sf::Image image = test::render({&help}, size);
        test::saveArtifact(image, "help" + suffix(size));
        test::expectFitsAndCalm(help, image, size, "help" + suffix(size));
    }
}

TEST(MessageOverlay, StopQuestionFitsTheSmallestWindow) {
    ASSERT_NE(test::theme(), nullptr);
    MessageOverlay confirm(*test::theme(), "Stop the routine?", "Enter = stop, Esc = keep going");
    for (auto size : kSizes) {
        const sf::Image image = test::render({&confirm}, size);
        test::saveArtifact(image, "confirm" + suffix(size));
        test::expectFitsAndCalm(confirm, image, size, "confirm" + suffix(size));
    }
}

TEST(QuestionOverlay, TheRestoreQuestionFitsWithItsButtonsBelowTheWords) {
    ASSERT_NE(test::theme(), nullptr);
    QuestionOverlay question(*test::theme(), "Your history file was damaged",
                             "It was set aside, not deleted, and a new one started. The backup of "
                             "2026-11-28 holds 212 nights, 2026-04-01 to 2026-11-28. Restore it? "
                             "(Later: nightstretch restore)",
                             "Restore it  (Enter)", "Not now  (Esc)");
    for (auto size : kSizes) {
        const sf::Image image = test::render({&question}, size);
        test::saveArtifact(image, "question" + suffix(size));
        test::expectFitsAndCalm(question, image, size, "question" + suffix(size));
        const auto bounds = question.textBounds();
        for (std::size_t i = 3; i < bounds.size(); ++i) // the sentence's lines
            EXPECT_LT(bounds[i].top + bounds[i].height, question.acceptBox().top) << i;
        EXPECT_LT(question.acceptBox().left + question.acceptBox().width,
                  question.declineBox().left);
        const sf::Vector2f inAccept{question.acceptBox().left + 5.f,
                                    question.acceptBox().top + 5.f};
        EXPECT_EQ(question.buttonAt(inAccept), QuestionOverlay::Answer::Accept);
        EXPECT_EQ(question.buttonAt({1.f, 1.f}), QuestionOverlay::Answer::None);
    }
}

TEST(Indicator, ShowsTheVolumeBriefly) {
    ASSERT_NE(test::theme(), nullptr);
    Indicator indicator(*test::theme());
    indicator.show("Volume 70 %", 0.7f);
    for (auto size : kSizes) {
        const sf::Image image = test::render({&indicator}, size);
        test::saveArtifact(image, "volume" + suffix(size));
        test::expectFitsAndCalm(indicator, image, size, "volume" + suffix(size));
    }
    indicator.show("Sound off  (M turns it on)", -1.f);
    const sf::Image image = test::render({&indicator}, {800, 600});
    test::expectFitsAndCalm(indicator, image, {800, 600}, "muted");
}

} // namespace
} // namespace ns
