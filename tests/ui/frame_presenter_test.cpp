// Frames shown in part under the test display: after seconds shown only where they changed, the
// window holds exactly the pixels a whole frame of the same moment gives; anything else (a new
// phase) is a whole frame.
#include "frame_presenter.hpp"
#include "session_scene.hpp"
#include "timeline.hpp"
#include "ui_test_support.hpp"

#include "clock.hpp"
#include "session.hpp"

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/OpenGL.hpp>
#include <SFML/Window/Event.hpp>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <thread>
#include <vector>

// Last: Xlib's macros clash with SFML's names.
#include <GL/glx.h>
#include <X11/extensions/Xcomposite.h>

namespace ns {
namespace {

bool hasDisplay() {
    const char* display = std::getenv("DISPLAY");
    return display != nullptr && *display != '\0';
}

class FramePresenterTest : public ::testing::Test {
  protected:
    static constexpr unsigned kWidth = 800;
    static constexpr unsigned kHeight = 600;

    void SetUp() override {
        if (!hasDisplay()) GTEST_SKIP() << "no DISPLAY";
        ASSERT_NE(test::theme(), nullptr);
        Routine routine = test::sampleRoutine();
        Timeline timeline = buildTimeline(routine);
        m_session = std::make_unique<Session>(std::move(routine), std::move(timeline), m_clock);
        m_session->start();
        m_scene = std::make_unique<SessionScene>(*test::theme(), *m_session);

        m_window.create(sf::VideoMode(kWidth, kHeight), "Nightstretch frames test");
        ASSERT_TRUE(m_window.isOpen());
        m_window.setPosition({0, 0}); // wholly on the screen, or the X server refuses to read it
        m_reader = XOpenDisplay(nullptr);
        ASSERT_NE(m_reader, nullptr);
        ASSERT_TRUE(waitUntilViewable());
        // Kept off screen by the server, so the windows of tests running beside this one cannot
        // cover it and wipe what it shows.
        int eventBase = 0;
        int errorBase = 0;
        ASSERT_TRUE(XCompositeQueryExtension(m_reader, &eventBase, &errorBase))
            << "the test display has no Composite extension";
        XCompositeRedirectWindow(m_reader, xWindow(), CompositeRedirectAutomatic);
        XSync(m_reader, False);
        m_presenter = std::make_unique<FramePresenter>(m_window);
        m_presenter->windowCreated();
        ASSERT_TRUE(m_presenter->canShowPart())
            << "GLX_MESA_copy_sub_buffer is missing on this display (Mesa has it)";
        m_scene->layout({static_cast<float>(kWidth), static_cast<float>(kHeight)});
    }

    void TearDown() override {
        if (m_reader) XCloseDisplay(m_reader);
        m_window.close();
    }

    ::Window xWindow() const { return static_cast<::Window>(m_window.getSystemHandle()); }

    bool waitUntilViewable() {
        for (int attempt = 0; attempt < 200; ++attempt) {
            sf::Event event;
            while (m_window.pollEvent(event)) {
            }
            XWindowAttributes attributes;
            if (XGetWindowAttributes(m_reader, xWindow(), &attributes) != 0 &&
                attributes.map_state == IsViewable && attributes.x == 0 && attributes.y == 0)
                return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return false;
    }

    void advance(long long ms) {
        m_clock.advanceMs(ms);
        m_session->update();
        m_scene->refresh();
    }

    void show(const FrameDamage& damage) {
        m_presenter->present(damage, [this](const sf::FloatRect* part) {
            m_window.clear(palette::kBackground);
            if (part)
                m_scene->drawPart(m_window, *part);
            else
                m_scene->draw(m_window);
        });
    }

    // What the X server holds as the window's pixels, read through another connection once the
    // window's own connection has been served.
    std::vector<std::uint32_t> shownPixels() {
        m_window.setActive(true);
        glFinish();
        XSync(glXGetCurrentDisplay(), False);
        const sf::Vector2u size = m_window.getSize();
        const Pixmap contents = XCompositeNameWindowPixmap(m_reader, xWindow());
        XImage* image = XGetImage(m_reader, contents, 0, 0, size.x, size.y, AllPlanes, ZPixmap);
        XFreePixmap(m_reader, contents);
        std::vector<std::uint32_t> pixels;
        if (!image) {
            ADD_FAILURE() << "XGetImage failed";
            return pixels;
        }
        pixels.reserve(std::size_t{size.x} * size.y);
        for (unsigned y = 0; y < size.y; ++y)
            for (unsigned x = 0; x < size.x; ++x)
                pixels.push_back(static_cast<std::uint32_t>(
                                     XGetPixel(image, static_cast<int>(x), static_cast<int>(y))) &
                                 0xffffffu);
        XDestroyImage(image);
        return pixels;
    }

    // The same moment drawn and shown whole.
    std::vector<std::uint32_t> wholeFramePixels() {
        show(FrameDamage::everything());
        return shownPixels();
    }

    static std::size_t differing(const std::vector<std::uint32_t>& a,
                                 const std::vector<std::uint32_t>& b) {
        if (a.size() != b.size()) return std::max(a.size(), b.size());
        std::size_t count = 0;
        for (std::size_t i = 0; i < a.size(); ++i)
            count += static_cast<std::size_t>(a[i] != b[i]);
        return count;
    }

    ManualClock m_clock;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<SessionScene> m_scene;
    sf::RenderWindow m_window;
    Display* m_reader = nullptr;
    std::unique_ptr<FramePresenter> m_presenter;
};

TEST_F(FramePresenterTest, SecondsShownInPartGiveTheSamePixelsAsWholeFrames) {
    advance(5500); // the first hold, 30 seconds to go
    show(m_scene->takeDamage());
    ASSERT_EQ(m_presenter->wholeFrames(), 1);
    std::vector<std::uint32_t> previous = shownPixels();

    // 29 down to 9: one digit, both digits, the bars, the time left, and "10" becoming "9".
    for (int second = 29; second >= 9; --second) {
        advance(1000);
        const FrameDamage damage = m_scene->takeDamage();
        ASSERT_FALSE(damage.isEverything()) << second;
        const int partialBefore = m_presenter->partialFrames();
        show(damage);
        ASSERT_EQ(m_presenter->partialFrames(), partialBefore + 1) << second;
        const std::vector<std::uint32_t> partial = shownPixels();
        EXPECT_GT(differing(partial, previous), 0u)
            << second << ": the new second reached the screen";
        if (second % 5 == 0 || second == 9) {
            const std::vector<std::uint32_t> whole = wholeFramePixels();
            ASSERT_EQ(differing(partial, whole), 0u) << "at " << second << " s left";
        }
        previous = partial;
    }
    EXPECT_EQ(m_presenter->wholeFrames(), 1 + 5); // the first one and the comparisons
}

TEST_F(FramePresenterTest, ANewPhaseIsAWholeFrame) {
    advance(5500);
    show(m_scene->takeDamage());
    advance(29000); // 1 second left in the hold
    show(m_scene->takeDamage());
    const int whole = m_presenter->wholeFrames();
    const int partial = m_presenter->partialFrames();
    ASSERT_EQ(partial, 1);
    advance(1000); // switch sides
    show(m_scene->takeDamage());
    EXPECT_EQ(m_presenter->wholeFrames(), whole + 1);
    EXPECT_EQ(m_presenter->partialFrames(), partial);
    const std::vector<std::uint32_t> shown = shownPixels();
    EXPECT_EQ(differing(shown, wholeFramePixels()), 0u);
}

TEST_F(FramePresenterTest, NothingChangedShowsNothing) {
    advance(5500);
    show(m_scene->takeDamage());
    show(m_scene->takeDamage()); // empty
    EXPECT_EQ(m_presenter->wholeFrames(), 1);
    EXPECT_EQ(m_presenter->partialFrames(), 0);
}

TEST_F(FramePresenterTest, AnExposedWindowGetsAWholeFrame) {
    advance(5500);
    show(m_scene->takeDamage());
    EXPECT_FALSE(m_presenter->takeExposure());
    // What a window uncovered on a desktop without a compositor receives.
    XClearArea(m_reader, xWindow(), 0, 0, 0, 0, True);
    XSync(m_reader, False);
    bool exposed = false;
    for (int attempt = 0; attempt < 100 && !exposed; ++attempt) {
        exposed = m_presenter->takeExposure();
        if (!exposed) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_TRUE(exposed);
    advance(1000);
    const FrameDamage damage = m_scene->takeDamage();
    ASSERT_FALSE(damage.isEverything());
    show(damage);
    EXPECT_EQ(m_presenter->wholeFrames(), 2);
    EXPECT_EQ(m_presenter->partialFrames(), 0);
}

// Issue 18: resized after seconds shown in part, the window kept the old picture beside the new
// one (a second figure, a second countdown) and black where it grew, until the next phase.
TEST_F(FramePresenterTest, AResizedWindowIsShownWholeAtItsNewSize) {
    advance(5500);
    show(m_scene->takeDamage());
    advance(1000);
    show(m_scene->takeDamage());
    ASSERT_EQ(m_presenter->partialFrames(), 1) << "the last frame before the resize in part";

    // What the window does when it is resized (a desktop's frame dragged, xdotool windowsize).
    const sf::Vector2u grown{1000, 700};
    m_window.setSize(grown);
    bool resized = false;
    for (int attempt = 0; attempt < 200 && !resized; ++attempt) {
        sf::Event event;
        while (m_window.pollEvent(event))
            resized = resized || (event.type == sf::Event::Resized && event.size.width == grown.x &&
                                  event.size.height == grown.y);
        if (!resized) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_TRUE(resized);
    const sf::Vector2f size{static_cast<float>(grown.x), static_cast<float>(grown.y)};
    m_window.setView(sf::View(sf::FloatRect({0.f, 0.f}, size)));
    m_scene->layout(size);
    show(m_scene->takeDamage());
    const std::vector<std::uint32_t> afterResize = shownPixels();
    ASSERT_EQ(afterResize.size(), std::size_t{grown.x} * grown.y);
    // Where the window grew is the background, not black.
    const std::uint32_t corner = afterResize.back();
    EXPECT_NE(corner, 0u) << "black where the window grew";
    EXPECT_EQ(differing(afterResize, wholeFramePixels()), 0u) << "the frame after the resize";

    // The next seconds, shown in part again, match whole frames at the new size.
    for (int second = 0; second < 3; ++second) {
        advance(1000);
        show(m_scene->takeDamage());
        const std::vector<std::uint32_t> partial = shownPixels();
        EXPECT_EQ(differing(partial, wholeFramePixels()), 0u) << second;
    }
    EXPECT_EQ(m_presenter->partialFrames(), 1 + 3) << "seconds in part again after the resize";
}

TEST_F(FramePresenterTest, DamageIsWidenedToPixelsClippedAndMerged) {
    FrameDamage damage;
    damage.add(sf::FloatRect(10.5f, 10.5f, 20.f, 20.f));
    damage.add(sf::FloatRect(25.f, 25.f, 20.f, 20.f));     // overlaps the first
    damage.add(sf::FloatRect(700.f, 500.f, 200.f, 200.f)); // partly outside the window
    const std::vector<sf::IntRect> rects = FramePresenter::pixelRects(damage, m_window);
    ASSERT_EQ(rects.size(), 2u);
    EXPECT_TRUE(rects[0].contains(10, 10));
    EXPECT_TRUE(rects[0].contains(45, 45));
    EXPECT_FALSE(rects[0].contains(300, 300));
    EXPECT_EQ(rects[1].left + rects[1].width, static_cast<int>(kWidth));
    EXPECT_EQ(rects[1].top + rects[1].height, static_cast<int>(kHeight));

    FrameDamage most;
    most.add(sf::FloatRect(0.f, 0.f, 700.f, 550.f));
    EXPECT_TRUE(FramePresenter::pixelRects(most, m_window).empty()) << "a whole frame instead";
}

} // namespace
} // namespace ns
