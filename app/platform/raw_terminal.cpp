// termios, set and restored; the terminal's width.
#include "raw_terminal.hpp"

#include <sys/ioctl.h>

#include <cstdlib>

namespace ns {

RawTerminal::RawTerminal(int fd) : m_fd(fd) {
    if (::isatty(m_fd) == 0 || ::tcgetattr(m_fd, &m_saved) != 0) return;
    termios raw = m_saved;
    raw.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO));
    raw.c_cc[VMIN] = 0;
    raw.c_cc[VTIME] = 0;
    m_active = ::tcsetattr(m_fd, TCSANOW, &raw) == 0;
}

RawTerminal::~RawTerminal() {
    if (m_active) ::tcsetattr(m_fd, TCSANOW, &m_saved);
}

std::size_t terminalColumns(int fd) {
    constexpr std::size_t kFallback = 80;
    constexpr std::size_t kNarrowest = 20; // narrower than this, wrapping helps no one
    std::size_t columns = kFallback;
    winsize size{};
    if (::isatty(fd) != 0 && ::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
        columns = size.ws_col;
    } else if (const char* text = std::getenv("COLUMNS")) {
        char* end = nullptr;
        const unsigned long value = std::strtoul(text, &end, 10);
        if (end != text && *end == '\0' && value > 0) columns = value;
    }
    return columns < kNarrowest ? kNarrowest : columns;
}

} // namespace ns
