// termios, set and restored.
#include "raw_terminal.hpp"

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

} // namespace ns
