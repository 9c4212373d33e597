// The desktop notification module's C interface: libnotify (and GLib's main loop) live in
// lib/nightstretch/libnightstretch_notify.so, loaded only by `remind --notify`, so no other
// command maps them.
#pragma once

#include <cstddef>

extern "C" {

struct NightstretchNotification {
    const char* appName;
    const char* desktopEntry; // the desktop entry's id, without ".desktop"
    const char* icon;
    const char* title;
    const char* body;
    const char* const* actionIds;
    const char* const* actionLabels;
    int actionCount;
    int waitSeconds;              // how long to wait for a choice
    const char* unansweredBody;   // after waitSeconds: the body it keeps, its buttons gone
    void (*shown)(void* context); // called once it is posted, before the wait (may be null)
    void* shownContext;
};

// Posts the notification and waits (a GLib main loop) for one of its actions, the notification
// being closed, or waitSeconds; after that it is shown again in place with unansweredBody and no
// actions (nothing is left to answer them), and stays. Returns the chosen action's index,
// kNightstretchNotifyClosed, kNightstretchNotifyUnanswered, or, with the library's own words in
// `error` (for the log), kNightstretchNotifyNoBus or kNightstretchNotifyNotPosted.
int nightstretch_notify(const NightstretchNotification* notification, char* error,
                        std::size_t errorSize);

// The version of this interface, checked by the loader.
int nightstretch_notify_module_version();
}

inline constexpr int kNightstretchNotifyModuleVersion = 2;
// Results of nightstretch_notify besides an action's index.
inline constexpr int kNightstretchNotifyClosed = -1;     // the person closed it
inline constexpr int kNightstretchNotifyNotPosted = -2;  // the bus is there; no service took it
inline constexpr int kNightstretchNotifyNoBus = -3;      // the session bus cannot be reached
inline constexpr int kNightstretchNotifyUnanswered = -4; // waitSeconds passed; it stays, quiet
