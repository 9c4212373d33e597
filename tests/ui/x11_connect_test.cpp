// SFML's own connection to the X server goes through the app's XOpenDisplay (the one that
// retries a refused connection), and its socket is there to wait on.
#include "x11_connect.hpp"

#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Window/Event.hpp>
#include <SFML/Window/Window.hpp>
#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>

#include <cstdlib>

namespace ns {
namespace {

TEST(X11Connect, TheDisplaySfmlOpensIsKnownAndItsSocketIsValid) {
    if (!std::getenv("DISPLAY")) GTEST_SKIP() << "no DISPLAY";
    // No test calls XOpenDisplay itself and displayReachable() closes what it opens: only SFML
    // keeps a display open, so a known display proves that SFML's call came through the override.
    sf::RenderTexture texture;
    ASSERT_TRUE(texture.create(64, 64));
    const int fd = displayConnectionFd();
    ASSERT_GE(fd, 0);
    EXPECT_NE(::fcntl(fd, F_GETFD), -1) << "an open descriptor";
    struct stat info {};
    ASSERT_EQ(::fstat(fd, &info), 0);
    EXPECT_TRUE(S_ISSOCK(info.st_mode));
}

// Waits on the display's socket until `window` has events, then lets SFML take them until none is
// left; false if some never went. No time is asserted: the waits only end early.
::testing::AssertionResult eventsArriveAndSfmlTakesThemAll(sf::Window& window) {
    const int fd = displayConnectionFd();
    if (fd < 0) return ::testing::AssertionFailure() << "no display connection";
    const unsigned long handle = window.getSystemHandle();
    bool events = displayHasQueuedEvents(handle);
    for (int i = 0; i < 100 && !events; ++i) {
        pollfd socket{fd, POLLIN, 0};
        ::poll(&socket, 1, 100);
        events = displayHasQueuedEvents(handle);
    }
    if (!events) return ::testing::AssertionFailure() << "a new window got no event";
    // More may arrive while SFML reads, but none may stay: an event SFML never takes would keep
    // a loop that polls the socket awake.
    bool left = true;
    for (int i = 0; i < 100 && left; ++i) {
        sf::Event event;
        while (window.pollEvent(event)) {
        }
        left = displayHasQueuedEvents(handle);
    }
    if (left) return ::testing::AssertionFailure() << "SFML left an event in the queue";
    return ::testing::AssertionSuccess();
}

TEST(X11Connect, AWindowsEventsShowOnTheSocketAndSfmlTakesThemAll) {
    if (!std::getenv("DISPLAY")) GTEST_SKIP() << "no DISPLAY";
    sf::Window window(sf::VideoMode(200, 100), "x11 connect test");
    EXPECT_TRUE(eventsArriveAndSfmlTakesThemAll(window));
}

// SFML 2.5 leaves a closed window's last events (UnmapNotify, ...) in Xlib's queue for good; they
// must not look like news for the next window, or a poll loop would never sleep again.
TEST(X11Connect, AClosedWindowsLeftoverEventsDoNotCountForTheNextOne) {
    if (!std::getenv("DISPLAY")) GTEST_SKIP() << "no DISPLAY";
    {
        sf::Window first(sf::VideoMode(200, 100), "first");
        ASSERT_TRUE(eventsArriveAndSfmlTakesThemAll(first));
    }
    sf::Window second(sf::VideoMode(200, 100), "second");
    EXPECT_TRUE(eventsArriveAndSfmlTakesThemAll(second));
}

TEST(X11Connect, AMissingDisplayIsUnreachableWithoutAborting) {
    const char* old = std::getenv("DISPLAY");
    const std::string saved = old ? old : "";
    const int before = displayConnectionFd();
    setenv("DISPLAY", ":4999", 1); // no server there: refused, not retried
    const bool reachable = displayReachable();
    if (old)
        setenv("DISPLAY", saved.c_str(), 1);
    else
        unsetenv("DISPLAY");
    EXPECT_FALSE(reachable);
    EXPECT_EQ(displayConnectionFd(), before) << "a failed connection is not remembered";
}

} // namespace
} // namespace ns
