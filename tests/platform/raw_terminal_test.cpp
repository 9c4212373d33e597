// Raw keys on a real pseudo-terminal: set while the object lives, the old mode back after; a
// pipe is left alone.
#include "raw_terminal.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cstdlib>

namespace ns {
namespace {

// A pseudo-terminal pair; the test works on the terminal side.
class PseudoTerminal {
  public:
    PseudoTerminal() {
        m_controller = ::posix_openpt(O_RDWR | O_NOCTTY);
        if (m_controller < 0 || ::grantpt(m_controller) != 0 || ::unlockpt(m_controller) != 0)
            return;
        const char* name = ::ptsname(m_controller);
        if (name != nullptr) m_terminal = ::open(name, O_RDWR | O_NOCTTY);
    }
    ~PseudoTerminal() {
        if (m_terminal >= 0) ::close(m_terminal);
        if (m_controller >= 0) ::close(m_controller);
    }
    PseudoTerminal(const PseudoTerminal&) = delete;
    PseudoTerminal& operator=(const PseudoTerminal&) = delete;
    int terminal() const { return m_terminal; }

  private:
    int m_controller = -1;
    int m_terminal = -1;
};

termios modeOf(int fd) {
    termios mode{};
    ::tcgetattr(fd, &mode);
    return mode;
}

TEST(RawTerminal, NoLineEditingNoEchoWhileItLivesThenTheOldModeIsBack) {
    PseudoTerminal pty;
    ASSERT_GE(pty.terminal(), 0) << "no pseudo-terminal";
    const termios before = modeOf(pty.terminal());
    ASSERT_TRUE(before.c_lflag & ICANON);
    ASSERT_TRUE(before.c_lflag & ECHO);
    {
        RawTerminal raw(pty.terminal());
        EXPECT_TRUE(raw.active());
        const termios during = modeOf(pty.terminal());
        EXPECT_FALSE(during.c_lflag & ICANON);
        EXPECT_FALSE(during.c_lflag & ECHO);
        EXPECT_EQ(during.c_cc[VMIN], 0);
        EXPECT_EQ(during.c_cc[VTIME], 0);
    }
    const termios after = modeOf(pty.terminal());
    EXPECT_EQ(after.c_lflag, before.c_lflag);
    EXPECT_EQ(after.c_cc[VMIN], before.c_cc[VMIN]);
}

TEST(RawTerminal, APipeIsNotATerminalAndIsLeftAlone) {
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    {
        RawTerminal raw(fds[0]);
        EXPECT_FALSE(raw.active());
    }
    ::close(fds[0]);
    ::close(fds[1]);
}

} // namespace
} // namespace ns
