// An X server under load (Xvfb on a busy machine, say) now and then refuses a connection (seen
// as EAGAIN or ECONNRESET, and once without an errno). SFML 2.5 answers a failed XOpenDisplay with
// std::abort(), so this file defines XOpenDisplay itself: the dynamic linker finds the executable's
// definition before libX11's, so SFML's calls come here, and a refused connection is retried for up
// to a second. CMake links this object into every executable that uses the UI (never through an
// archive, which would leave it out when nothing else in it is referenced).
#include "x11_connect.hpp"

#include <X11/Xlib.h>
#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

namespace {

constexpr int kAttempts = 50;
constexpr useconds_t kPauseMicroseconds = 20000;

using OpenDisplayFunction = Display* (*)(const char*);
using CloseDisplayFunction = int (*)(Display*);

// libX11's own definition of `name`, the next one after this executable's.
template <typename Function> Function realFunction(const char* name) {
    Function function = nullptr;
    void* symbol = dlsym(RTLD_NEXT, name);
    static_assert(sizeof symbol == sizeof function);
    std::memcpy(&function, &symbol, sizeof function);
    return function;
}

// The displays opened through here and not yet closed, oldest first.
std::mutex g_displaysMutex;
std::vector<Display*> g_displays;

Display* lastDisplay() {
    const std::lock_guard<std::mutex> lock(g_displaysMutex);
    return g_displays.empty() ? nullptr : g_displays.back();
}

#if defined(__SANITIZE_ADDRESS__)
// Sanitizer builds only: Mesa unloads its driver (swrast_dri.so) when the GL context goes, so the
// little it never frees shows up at exit as a leak from "<unknown module>", which no suppression
// can name. Loaded once more here and never unloaded, the driver keeps its name, and
// tests/lsan.supp suppresses exactly it. The driver folder is libX11's folder's dri/, as Mesa's
// loader looks there, or LIBGL_DRIVERS_PATH.
void keepGlDriverLoaded(void* xlibSymbol) {
    std::string folder;
    if (const char* given = std::getenv("LIBGL_DRIVERS_PATH")) {
        folder = given;
    } else {
        Dl_info info{};
        if (dladdr(xlibSymbol, &info) == 0 || info.dli_fname == nullptr) return;
        folder = info.dli_fname;
        folder = folder.substr(0, folder.rfind('/') + 1) + "dri";
    }
    dlopen((folder + "/swrast_dri.so").c_str(), RTLD_LAZY | RTLD_NODELETE);
}
#endif

} // namespace

extern "C" Display* XOpenDisplay(const char* name) {
    static const auto real = realFunction<OpenDisplayFunction>("XOpenDisplay");
    if (real == nullptr) return nullptr;
#if defined(__SANITIZE_ADDRESS__)
    static std::once_flag driverKept;
    std::call_once(driverKept, [] {
        void* symbol = nullptr;
        std::memcpy(&symbol, &real, sizeof symbol);
        keepGlDriverLoaded(symbol);
    });
#endif
    for (int attempt = 1;; ++attempt) {
        errno = 0;
        Display* display = real(name);
        if (display != nullptr) {
            const std::lock_guard<std::mutex> lock(g_displaysMutex);
            g_displays.push_back(display);
            return display;
        }
        // A missing server (no socket: ENOENT, nobody listening: ECONNREFUSED) fails at once.
        // Anything else may be a busy server's momentary refusal (seen as EAGAIN, ECONNRESET,
        // or a failure Xlib reports without an errno): worth a second of patience, as SFML
        // would abort the process on it.
        const bool absent = errno == ENOENT || errno == ECONNREFUSED;
        if (absent || attempt == kAttempts) return nullptr;
        usleep(kPauseMicroseconds);
    }
}

extern "C" int XCloseDisplay(Display* display) {
    static const auto real = realFunction<CloseDisplayFunction>("XCloseDisplay");
    {
        const std::lock_guard<std::mutex> lock(g_displaysMutex);
        g_displays.erase(std::remove(g_displays.begin(), g_displays.end(), display),
                         g_displays.end());
    }
    return real != nullptr ? real(display) : 0;
}

namespace ns {

bool displayReachable() {
    Display* display = XOpenDisplay(nullptr);
    if (display == nullptr) return false;
    XCloseDisplay(display);
    return true;
}

int displayConnectionFd() {
    Display* display = lastDisplay();
    return display != nullptr ? ConnectionNumber(display) : -1;
}

bool displayHasQueuedEvents(unsigned long window) {
    Display* display = lastDisplay();
    if (display == nullptr) return false;
    XEventsQueued(display, QueuedAfterFlush); // send what is pending, read what has arrived
    // A predicate that never accepts looks at every queued event and takes none.
    struct Search {
        unsigned long window;
        bool found;
    } search{window, false};
    const auto look = [](Display*, XEvent* event, XPointer arg) -> Bool {
        auto* wanted = reinterpret_cast<Search*>(arg);
        if (wanted->window == 0 || event->xany.window == wanted->window) wanted->found = true;
        return False;
    };
    XEvent unused;
    XCheckIfEvent(display, &unused, look, reinterpret_cast<XPointer>(&search));
    return search.found;
}

} // namespace ns
