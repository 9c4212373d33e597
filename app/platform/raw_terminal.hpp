// Single keys from a terminal: no line editing, no echo, for as long as the object lives; and
// the width text is wrapped to.
#pragma once

#include <termios.h>
#include <unistd.h>

#include <cstddef>

namespace ns {

// Puts the terminal on `fd` in non-canonical, no-echo mode, reads returning at once (VMIN 0,
// VTIME 0), and always restores what was there. Not a terminal: nothing changes, active() false.
class RawTerminal {
  public:
    explicit RawTerminal(int fd = STDIN_FILENO);
    ~RawTerminal();
    RawTerminal(const RawTerminal&) = delete;
    RawTerminal& operator=(const RawTerminal&) = delete;

    bool active() const { return m_active; }

  private:
    int m_fd;
    termios m_saved{};
    bool m_active = false;
};

// The columns to wrap text printed on `fd` to: the width of the terminal on `fd` now (it may have
// been resized); not a terminal, COLUMNS when it holds a number, else 80.
std::size_t terminalColumns(int fd = STDOUT_FILENO);

} // namespace ns
