// An X server under load (Xvfb on a busy machine, say) now and then refuses a connection with
// EAGAIN or ECONNRESET. SFML 2.5 answers a failed XOpenDisplay with std::abort(), so this file
// defines XOpenDisplay itself: the dynamic linker finds the executable's definition before
// libX11's, so SFML's calls come here, and a refused connection is retried for up to a second.
#include "x11_connect.hpp"

#include <dlfcn.h>
#include <unistd.h>

#include <cerrno>

struct _XDisplay;

namespace {

constexpr int kAttempts = 50;
constexpr useconds_t kPauseMicroseconds = 20000;

using OpenDisplayFunction = _XDisplay* (*)(const char*);

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
        if (display != nullptr || !momentary || attempt == kAttempts) return display;
        usleep(kPauseMicroseconds);
    }
}

extern "C" int XCloseDisplay(_XDisplay* display);

namespace ns {

bool displayReachable() {
    _XDisplay* display = XOpenDisplay(nullptr);
    if (display == nullptr) return false;
    XCloseDisplay(display);
    return true;
}

} // namespace ns
