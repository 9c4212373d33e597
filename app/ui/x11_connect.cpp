// An X server under load (Xvfb on a busy machine, say) now and then refuses a connection with
// EAGAIN or ECONNRESET. SFML 2.5 answers a failed XOpenDisplay with std::abort(), so this file
// defines XOpenDisplay itself: the dynamic linker finds the executable's definition before
// libX11's, so SFML's calls come here, and a refused connection is retried for up to a second.
// It also keeps the display it returned, so the window loop can wait on its connection.
#include "x11_connect.hpp"

#include <dlfcn.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>

struct _XDisplay;

namespace {

constexpr int kAttempts = 50;
constexpr useconds_t kPauseMicroseconds = 20000;

using OpenDisplayFunction = _XDisplay* (*)(const char*);

// The display opened last (SFML opens one and shares it); cleared when it is closed here.
std::atomic<_XDisplay*> g_lastDisplay{nullptr};

OpenDisplayFunction realOpenDisplay() {
    static const OpenDisplayFunction real = [] {
        OpenDisplayFunction function = nullptr;
        void* symbol = dlsym(RTLD_NEXT, "XOpenDisplay");
        static_assert(sizeof symbol == sizeof function);
        __builtin_memcpy(&function, &symbol, sizeof function);
        return function;
    }();
    return real;
}

} // namespace

extern "C" _XDisplay* XOpenDisplay(const char* name) {
    const OpenDisplayFunction real = realOpenDisplay();
    if (real == nullptr) return nullptr;
    for (int attempt = 1;; ++attempt) {
        errno = 0;
        _XDisplay* display = real(name);
        // Only a momentary refusal (seen as EAGAIN or ECONNRESET) is worth waiting for; a
        // missing server (ENOENT, ECONNREFUSED) fails at once.
        const bool momentary = errno == EAGAIN || errno == ECONNRESET || errno == EINTR;
        if (display != nullptr) g_lastDisplay = display;
        if (display != nullptr || !momentary || attempt == kAttempts) return display;
        usleep(kPauseMicroseconds);
    }
}

extern "C" int XCloseDisplay(_XDisplay* display);
extern "C" int XConnectionNumber(_XDisplay* display);
extern "C" int XEventsQueued(_XDisplay* display, int mode);

namespace ns {

bool displayReachable() {
    _XDisplay* display = XOpenDisplay(nullptr);
    if (display == nullptr) return false;
    _XDisplay* expected = display;
    g_lastDisplay.compare_exchange_strong(expected, nullptr);
    XCloseDisplay(display);
    return true;
}

int displayConnectionFd() {
    _XDisplay* display = g_lastDisplay;
    return display != nullptr ? XConnectionNumber(display) : -1;
}

bool displayHasQueuedEvents() {
    constexpr int kQueuedAfterFlush = 2; // Xlib's QueuedAfterFlush
    _XDisplay* display = g_lastDisplay;
    return display != nullptr && XEventsQueued(display, kQueuedAfterFlush) > 0;
}

} // namespace ns
