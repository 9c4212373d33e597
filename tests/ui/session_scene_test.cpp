// The session screen rendered into a texture at the sizes people use: the countdown is the
// largest thing, nothing is cut off, the palette stays dark and warm.
#include "format.hpp"
#include "layout.hpp"
#include "overlays.hpp"
#include "routine_loader.hpp"
#include "session_scene.hpp"
#include "timeline.hpp"
#include "ui_test_support.hpp"

#include "clock.hpp"
#include "session.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

namespace ns {
namespace {

const sf::Vector2u kSizes[] = {{1280, 800}, {800, 600}, {1920, 1080}};

std::string sizeName(sf::Vector2u size) {
    return std::to_string(size.x) + "x" + std::to_string(size.y);
}

class SessionSceneTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_NE(test::theme(), nullptr);
        Routine routine = test::sampleRoutine();
        Timeline timeline = buildTimeline(routine);
        m_session = std::make_unique<Session>(std::move(routine), std::move(timeline), m_clock);
        m_session->start();
        m_scene = std::make_unique<SessionScene>(*test::theme(), *m_session);
    }

    // Moves the manual clock and lets the engine and the view catch up.
    void advance(long long ms) {
        m_elapsedMs += ms;
        m_clock.advanceMs(ms);
        m_session->update();
        m_scene->refresh();
    }

    // Lays out at `size` and checks what every session screen must hold.
    void expectReadable(sf::Vector2u size, const std::string& artifact) {
        const sf::Image image = test::render({m_scene.get()}, size);
        test::saveArtifact(image, artifact);

        const sf::FloatRect countdown = m_scene->countdownBounds();
        EXPECT_GE(countdown.height, size.y / 4.f) << artifact << ": countdown too small";
        for (const auto& bounds : m_scene->textBounds()) {
            EXPECT_TRUE(test::inside(bounds, size))
                << artifact << ": text cut off at " << bounds.left << "," << bounds.top << " "
                << bounds.width << "x" << bounds.height;
            if (bounds != countdown) {
                EXPECT_LT(bounds.height, countdown.height) << artifact;
            }
        }

        const test::PixelStats stats = test::measure(image);
        EXPECT_LT(stats.meanLuminance, 60.0) << artifact;
        EXPECT_GE(stats.meanRed, stats.meanBlue) << artifact;
        EXPECT_LT(stats.brightFraction, 0.06) << artifact;
        EXPECT_LT(stats.blueFraction, 0.001) << artifact;
    }

    ManualClock m_clock;
    long long m_elapsedMs = 0;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<SessionScene> m_scene;
};

TEST_F(SessionSceneTest, GetReadyShowsTheStretchAndWhatComesNext) {
    advance(1200);
    const SessionView& view = m_scene->view();
    EXPECT_EQ(view.phaseLabel, "Get ready");
    EXPECT_EQ(view.stretchName, "Wall calf stretch");
    EXPECT_EQ(view.countdown, "4");
    EXPECT_EQ(view.next, "Next: Hold — left leg 30 s");
    EXPECT_EQ(view.instructions.size(), 4u);
    EXPECT_FALSE(view.caution.empty());
    for (auto size : kSizes)
        expectReadable(size, "session-prepare-" + sizeName(size));
}

TEST_F(SessionSceneTest, HoldShowsTheSideAndTheCountdown) {
    advance(5000);
    const SessionView& view = m_scene->view();
    EXPECT_EQ(view.kind, PhaseKind::Hold);
    EXPECT_EQ(view.phaseLabel, "Hold — left leg");
    EXPECT_EQ(view.countdown, "30");
    EXPECT_EQ(view.next, "Next: Switch sides 5 s");
    EXPECT_EQ(view.position, "Stretch 1 of 2 · round 1 of 2");
    advance(5500);
    EXPECT_EQ(m_scene->countdownText(), "25");
    for (auto size : kSizes)
        expectReadable(size, "session-hold-" + sizeName(size));
}

TEST_F(SessionSceneTest, SwitchAndRestSayWhatToDo) {
    advance(5000 + 30000);
    EXPECT_EQ(m_scene->view().phaseLabel, "Switch sides");
    EXPECT_EQ(m_scene->view().instructions.at(0), "Change to your right leg.");
    advance(5000);
    EXPECT_EQ(m_scene->view().phaseLabel, "Hold — right leg");
    EXPECT_EQ(m_scene->view().next, "Next: Rest 10 s");
    advance(30000);
    EXPECT_EQ(m_scene->view().phaseLabel, "Rest");
    for (auto size : kSizes)
        expectReadable(size, "session-rest-" + sizeName(size));
}

TEST_F(SessionSceneTest, LastHoldOfAStretchNamesTheNextStretch) {
    advance(5000 + 30000 + 5000 + 30000 + 10000 + 30000 + 5000 + 1000);
    EXPECT_EQ(m_scene->view().phaseLabel, "Hold — right leg");
    EXPECT_EQ(m_scene->view().next, "Next: Towel stretch");
}

TEST_F(SessionSceneTest, AMinuteOrMoreShowsMinutesAndStillFits) {
    advance(600); // past the input guard of the first phase
    ASSERT_TRUE(m_session->nextStep());
    advance(600);
    ASSERT_TRUE(m_session->nextPhase());
    m_scene->refresh();
    EXPECT_EQ(m_scene->view().phaseLabel, "Hold");
    EXPECT_EQ(m_scene->countdownText(), "1:05");
    EXPECT_EQ(m_scene->view().next, "Next: all done");
    for (auto size : kSizes)
        expectReadable(size, "session-long-hold-" + sizeName(size));
}

TEST_F(SessionSceneTest, TimeLeftAndProgressFollowTheRoutine) {
    const int total = m_session->timeline().totalSeconds;
    EXPECT_EQ(m_scene->view().timeLeft, formatClock(total) + " left");
    advance(10000);
    EXPECT_EQ(m_scene->view().remainingSeconds, total - 10);
    EXPECT_EQ(m_scene->view().timeLeft, formatClock(total - 10) + " left");
}

TEST_F(SessionSceneTest, RefreshReportsChangesOnlyOnANewSecond) {
    advance(5000);
    EXPECT_FALSE(m_scene->refresh());
    m_clock.advanceMs(400);
    m_session->update();
    EXPECT_FALSE(m_scene->refresh()) << "nothing shown changed within the second";
    m_clock.advanceMs(700);
    m_session->update();
    EXPECT_TRUE(m_scene->refresh());
}

TEST_F(SessionSceneTest, PauseOverlayChangesThePicture) {
    advance(5000 + 1000);
    const sf::Vector2u size{1280, 800};
    const sf::Image running = test::render({m_scene.get()}, size);
    ASSERT_TRUE(m_session->pause());
    EXPECT_TRUE(m_scene->refresh());
    MessageOverlay overlay(*test::theme(), "Paused — Space to continue", "Esc to stop the routine");
    const sf::Image paused = test::render({m_scene.get(), &overlay}, size);
    test::saveArtifact(paused, "session-paused-1280x800");
    EXPECT_GT(test::differingPixels(running, paused), size.x * size.y / 4);
    for (const auto& bounds : overlay.textBounds())
        EXPECT_TRUE(test::inside(bounds, size));
    EXPECT_LT(test::measure(paused).meanLuminance, 40.0);
}

// The caution is one small line, or two where even its smallest size is too wide: never cut.
TEST_F(SessionSceneTest, EveryHoldShowsTheWholeCautionInSmallLinesUnderTheInstructions) {
    for (const int ms : {1200, 5000, 5000 + 30000 + 5000}) { // get ready, left hold, right hold
        SCOPED_TRACE(ms);
        advance(ms - m_elapsedMs);
        ASSERT_NE(m_scene->view().kind, PhaseKind::Switch);
        EXPECT_FALSE(m_scene->view().caution.empty());
        for (const sf::Vector2f size :
             {sf::Vector2f{1280, 800}, sf::Vector2f{800, 600}, sf::Vector2f{640, 400}}) {
            m_scene->layout(size);
            ASSERT_TRUE(m_scene->cautionBounds()) << size.x << "x" << size.y;
            EXPECT_EQ(m_scene->cautionShown(), m_scene->view().caution) << "whole";
            EXPECT_GE(m_scene->instructionLineCount(), 1u);
            const sf::FloatRect caution = *m_scene->cautionBounds();
            EXPECT_LT(caution.height, 0.1f * size.y) << "two small lines at most";
            EXPECT_GT(caution.height, 0.012f * size.y) << "still readable";
            EXPECT_LE(caution.left + caution.width, size.x);
            EXPECT_GE(caution.left, 0.f);
            for (const sf::FloatRect& text : m_scene->textBounds()) {
                sf::FloatRect within;
                const bool itsOwnLine = caution.intersects(text, within) && within == text;
                if (!itsOwnLine) {
                    EXPECT_FALSE(text.intersects(caution)) << size.x << "x" << size.y;
                }
            }
        }
    }
    advance(5000 + 30000 + 5000 + 30000 + 1000 - m_elapsedMs); // rest: no caution
    EXPECT_EQ(m_scene->view().phaseLabel, "Rest");
    EXPECT_TRUE(m_scene->view().caution.empty());
    m_scene->layout({1280, 800});
    EXPECT_FALSE(m_scene->cautionBounds());
}

// No sound device: the badge says so in its corner, once, over no other text.
TEST_F(SessionSceneTest, NoSoundIsSaidByTheBadgeClearOfEveryText) {
    advance(6000);
    SoundState none;
    none.available = false;
    m_scene->setSoundState(none);
    for (auto size : kSizes) {
        expectReadable(size, "session-no-sound-" + sizeName(size));
        ASSERT_NE(m_scene->soundBadge(), nullptr);
        const sf::FloatRect badge = m_scene->soundBadge()->bounds();
        EXPECT_EQ(m_scene->soundBadge()->text(), "Sound unavailable");
        for (const sf::FloatRect& text : m_scene->textBounds())
            if (text != badge) {
                EXPECT_FALSE(badge.intersects(text)) << sizeName(size);
            }
    }
}

// Issue 12: the volume toast used to sit over "Next"; it covers nothing that says where the
// person is: the phase, the stretch, the countdown, "Next".
TEST_F(SessionSceneTest, TheToastCoversNeitherThePhaseNorTheCountdownNorNext) {
    advance(6000);
    Indicator toast(*test::theme());
    toast.show("Volume 70 %", 0.7f);
    for (auto size : kSizes) {
        const sf::Image image = test::render({m_scene.get(), &toast}, size);
        test::saveArtifact(image, "session-toast-" + sizeName(size));
        const auto bounds = m_scene->textBounds(); // phase, position, name, countdown, next, …
        const sf::FloatRect box = toast.box();
        const char* names[] = {"the phase",     "the position", "the stretch",
                               "the countdown", "Next",         "the time left"};
        for (std::size_t i = 0; i < 6; ++i)
            EXPECT_FALSE(box.intersects(bounds[i])) << sizeName(size) << ": over " << names[i];
        EXPECT_FALSE(box.intersects(m_scene->countdownBounds())) << sizeName(size);
        // Nor over "Stop the routine?" when the volume changes while it asks.
        MessageOverlay question(*test::theme(), "Stop the routine?",
                                "Enter = stop, Esc = keep going");
        const sf::Image asking = test::render({m_scene.get(), &question, &toast}, size);
        test::saveArtifact(asking, "session-question-toast-" + sizeName(size));
        EXPECT_FALSE(toast.box().intersects(question.box())) << sizeName(size);
    }
}

// Issue 12: a session that cannot be saved says so in a banner, clear of the countdown and Next.
TEST_F(SessionSceneTest, ASessionNotSavedIsABannerClearOfTheCountdownAndNext) {
    advance(6000);
    m_scene->setBanner(sessionNotSaved("database or disk is full"));
    for (auto size : kSizes) {
        expectReadable(size, "session-banner-" + sizeName(size));
        const sf::FloatRect box = m_scene->banner().box();
        ASSERT_GT(box.height, 0.f);
        const auto bounds = m_scene->textBounds();
        EXPECT_FALSE(box.intersects(m_scene->countdownBounds())) << sizeName(size);
        EXPECT_FALSE(box.intersects(bounds[0])) << sizeName(size) << ": over the phase";
        EXPECT_FALSE(box.intersects(bounds[4])) << sizeName(size) << ": over Next";
        const std::size_t bannerLines = m_scene->banner().textBounds().size();
        EXPECT_GE(bannerLines, 2u) << "what is not saved, what to do";
        for (std::size_t i = 6; i + bannerLines < bounds.size(); ++i)
            EXPECT_FALSE(box.intersects(bounds[i])) << sizeName(size) << ": over instructions";
    }
}

} // namespace
} // namespace ns

namespace ns {
namespace {

// The figure from the real pose data: beside the countdown in a wide window, never over any text,
// and left out when the window is narrow (the words need the room).
TEST(SessionSceneFigure, BesideTheCountdownAndClearOfEveryText) {
    Theme theme;
    std::string error;
    ASSERT_TRUE(theme.loadFonts(Theme::fontFolders(NS_ASSETS_DIR), &error)) << error;
    theme.setPoseFolder(std::string(NS_ASSETS_DIR) + "/poses");
    ManualClock clock;
    Routine routine = test::sampleRoutine();
    Timeline timeline = buildTimeline(routine);
    Session session(std::move(routine), std::move(timeline), clock);
    session.start();
    SessionScene scene(theme, session);
    for (const sf::Vector2u size :
         {sf::Vector2u{1280, 800}, sf::Vector2u{800, 600}, sf::Vector2u{1920, 1080}}) {
        const sf::Image image = test::render({&scene}, size);
        test::saveArtifact(image, "session-figure-" + std::to_string(size.x) + "x" +
                                      std::to_string(size.y));
        const auto figure = scene.figureBounds();
        ASSERT_TRUE(figure) << size.x << "x" << size.y;
        EXPECT_TRUE(test::inside(*figure, size));
        EXPECT_GT(figure->height, size.y / 5.f) << "big enough to see from the floor";
        for (const sf::FloatRect& text : scene.textBounds())
            EXPECT_FALSE(figure->intersects(text))
                << size.x << "x" << size.y << ": the figure covers a text at " << text.left << ","
                << text.top;
        EXPECT_GE(scene.countdownBounds().height, size.y / 4.f);
        EXPECT_LT(figure->left + figure->width, scene.countdownBounds().left) << "beside it";
    }
}

// A narrow window: the figure above the countdown, which stays the largest thing and a quarter of
// the height; a window too small for both keeps the words and the countdown alone.
TEST(SessionSceneFigure, AboveTheCountdownInANarrowWindow) {
    Theme theme;
    std::string error;
    ASSERT_TRUE(theme.loadFonts(Theme::fontFolders(NS_ASSETS_DIR), &error)) << error;
    theme.setPoseFolder(std::string(NS_ASSETS_DIR) + "/poses");
    ManualClock clock;
    Routine routine = test::sampleRoutine();
    Timeline timeline = buildTimeline(routine);
    Session session(std::move(routine), std::move(timeline), clock);
    session.start();
    SessionScene scene(theme, session);
    for (const sf::Vector2u size :
         {sf::Vector2u{600, 800}, sf::Vector2u{800, 800}, sf::Vector2u{900, 1000}}) {
        const std::string name = std::to_string(size.x) + "x" + std::to_string(size.y);
        for (const long long step : {0LL, 6000LL}) { // getting ready, then the hold
            clock.advanceMs(step);
            session.update();
            scene.refresh();
            const sf::Image image = test::render({&scene}, size);
            test::saveArtifact(image, "session-figure-narrow-" + name + "-" +
                                          (step == 0 ? "ready" : "hold"));
            test::expectFitsAndCalm(scene, image, size, name);
            const auto figure = scene.figureBounds();
            ASSERT_TRUE(figure) << name;
            const sf::FloatRect countdown = scene.countdownBounds();
            EXPECT_TRUE(test::inside(*figure, size)) << name;
            EXPECT_GT(figure->height, size.y / 8.f) << name << ": big enough to make out";
            EXPECT_LE(figure->top + figure->height, countdown.top) << name << ": above it";
            EXPECT_GE(countdown.height, size.y / 4.f) << name;
            EXPECT_LT(figure->height, countdown.height) << name << ": the countdown is largest";
            for (const sf::FloatRect& text : scene.textBounds()) {
                EXPECT_FALSE(figure->intersects(text))
                    << name << ": the figure covers a text at " << text.left << "," << text.top;
                if (text != countdown) {
                    EXPECT_LT(text.height, countdown.height) << name;
                }
            }
        }
    }
    test::render({&scene}, {400, 420});
    EXPECT_FALSE(scene.figureBounds()) << "too small for both: the words and the countdown";
}

} // namespace
} // namespace ns

namespace ns {
namespace {

// Every instruction line and the caution of `stretch` shown whole (no "…"), readable, inside the
// window and clear of every other text; a banner clear of the countdown, figure and texts.
void expectLaidOutWhole(const SessionScene& scene, const Stretch& stretch, const std::string& words,
                        sf::Vector2u size, bool banner, const std::string& name) {
    const std::string ellipsis = "\xE2\x80\xA6";
    std::string shown;
    for (const std::string& line : scene.instructionLinesShown()) {
        EXPECT_EQ(line.find(ellipsis), std::string::npos) << name << ": " << line;
        shown += (shown.empty() ? "" : " ") + line;
    }
    EXPECT_EQ(shown, words) << name;
    EXPECT_EQ(scene.cautionShown(), stretch.caution) << name;
    EXPECT_GE(scene.instructionSize(), 14u) << name << ": still readable";
    // Laid out whole means inside the window and clear of every other text.
    const auto bounds = scene.textBounds();
    for (std::size_t i = 0; i < bounds.size(); ++i) {
        EXPECT_TRUE(test::inside(bounds[i], size)) << name << ": text " << i;
        for (std::size_t j = i + 1; j < bounds.size(); ++j) {
            sf::FloatRect a = bounds[i];
            a.left += 1.f, a.top += 1.f, a.width -= 2.f, a.height -= 2.f;
            EXPECT_FALSE(a.intersects(bounds[j]))
                << name << ": texts " << i << " and " << j << " overlap";
        }
    }
    if (banner) {
        const sf::FloatRect box = scene.banner().box();
        ASSERT_GT(box.height, 0.f) << name;
        EXPECT_TRUE(test::inside(box, size)) << name;
        EXPECT_FALSE(box.intersects(scene.countdownBounds())) << name;
        if (const auto figure = scene.figureBounds()) {
            EXPECT_FALSE(box.intersects(*figure)) << name;
        }
        // Its own lines come last; it covers none of the others.
        const std::size_t own = scene.banner().textBounds().size();
        for (std::size_t i = 0; i + own < bounds.size(); ++i)
            EXPECT_FALSE(box.intersects(bounds[i])) << name << ": over text " << i;
    }
}

// Issue 18: instructions were cut with "…" (the seated forward bend lost "Stop at a mild pull";
// with the "not being saved" banner the wall calf kept 1 of its 4 lines). Every built-in stretch,
// getting ready and holding, with and without the banner: every line whole, the caution whole.
TEST(SessionSceneInstructions, EveryCatalogStretchIsShownWholeWithAndWithoutTheBanner) {
    Theme theme;
    std::string error;
    ASSERT_TRUE(theme.loadFonts(Theme::fontFolders(NS_ASSETS_DIR), &error)) << error;
    theme.setPoseFolder(std::string(NS_ASSETS_DIR) + "/poses");
    const CatalogLoadResult loaded =
        loadCatalogFile(std::filesystem::path(NS_ROUTINES_DIR) / "stretches.toml");
    ASSERT_TRUE(loaded.diagnostics.empty());
    ASSERT_GE(loaded.catalog.stretches.size(), 8u);
    for (const auto& [id, stretch] : loaded.catalog.stretches) {
        Routine routine;
        routine.id = "one-stretch";
        routine.name = stretch.name;
        Step step;
        step.stretch = stretch;
        step.sides = stretch.sides;
        routine.steps.push_back(step);
        std::string words;
        for (const std::string& instruction : stretch.instructions)
            words += (words.empty() ? "" : " ") + instruction;
        for (const bool banner : {false, true}) {
            ManualClock clock;
            Timeline timeline = buildTimeline(routine);
            Session session(routine, std::move(timeline), clock);
            session.start();
            SessionScene scene(theme, session);
            if (banner) scene.setBanner(sessionNotSaved("database or disk is full"));
            for (const long long ms : {1200LL, 5000LL}) { // getting ready, then the hold
                clock.advanceMs(ms);
                session.update();
                scene.refresh();
                ASSERT_EQ(scene.view().instructions, stretch.instructions);
                for (const sf::Vector2u size :
                     {sf::Vector2u{800, 600}, sf::Vector2u{1280, 800}, sf::Vector2u{1920, 1080}}) {
                    const std::string name = "session-instructions-" + id + "-" +
                                             std::to_string(size.x) + "x" + std::to_string(size.y) +
                                             (banner ? "-banner" : "") +
                                             (ms == 1200 ? "-ready" : "-hold");
                    const sf::Image image = test::render({&scene}, size);
                    if (ms == 5000) test::saveArtifact(image, name);
                    expectLaidOutWhole(scene, stretch, words, size, banner, name);
                }
            }
        }
    }
}

} // namespace
} // namespace ns
