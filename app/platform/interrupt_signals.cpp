// The signal handler only stores a flag and writes one byte to a pipe: both async-signal-safe.
#include "interrupt_signals.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

namespace ns {

namespace {

constexpr int kSignals[3] = {SIGINT, SIGTERM, SIGHUP};

volatile std::sig_atomic_t g_requested = 0;
volatile int g_wakeWrite = -1;

extern "C" void onInterrupt(int /*signal*/) {
    const int savedErrno = errno;
    g_requested = 1;
    if (g_wakeWrite >= 0) {
        const char byte = 1;
        [[maybe_unused]] const ssize_t ignored = ::write(g_wakeWrite, &byte, 1);
    }
    errno = savedErrno;
}

} // namespace

InterruptSignals::InterruptSignals() {
    g_requested = 0;
    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC | O_NONBLOCK) == 0) {
        m_wakeRead = pipeFds[0];
        g_wakeWrite = pipeFds[1];
    }
    struct sigaction action {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    // Like signal(): interrupted reads and writes restart; poll() still returns EINTR.
    action.sa_flags = SA_RESTART;
    for (int i = 0; i < 3; ++i)
        ::sigaction(kSignals[i], &action, &m_previous[i]);
}

InterruptSignals::~InterruptSignals() {
    for (int i = 0; i < 3; ++i)
        ::sigaction(kSignals[i], &m_previous[i], nullptr);
    const int wakeWrite = g_wakeWrite;
    g_wakeWrite = -1;
    if (wakeWrite >= 0) ::close(wakeWrite);
    if (m_wakeRead >= 0) ::close(m_wakeRead);
}

// NOLINTNEXTLINE(readability-convert-member-functions-to-static): asks while this object handles
bool InterruptSignals::requested() const {
    return g_requested != 0;
}

} // namespace ns
