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

TEST(X11Connect, AWindowsEventsShowOnTheSocketAndInTheQueue) {
    if (!std::getenv("DISPLAY")) GTEST_SKIP() << "no DISPLAY";
    sf::Window window(sf::VideoMode(200, 100), "x11 connect test");
    const int fd = displayConnectionFd();
    ASSERT_GE(fd, 0);
    // A new window is mapped and exposed: the server tells it so. Wait for that on the socket
    // (no time is asserted: the wait only ends the test early when something is there).
    bool events = displayHasQueuedEvents();
    for (int i = 0; i < 100 && !events; ++i) {
        pollfd socket{fd, POLLIN, 0};
        ::poll(&socket, 1, 100);
        events = displayHasQueuedEvents();
    }
    EXPECT_TRUE(events);
    sf::Event event;
    while (window.pollEvent(event)) {
    }
    EXPECT_FALSE(displayHasQueuedEvents()) << "SFML took every event";
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
