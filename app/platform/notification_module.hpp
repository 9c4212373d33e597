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
    int waitSeconds; // how long to wait for a choice before closing it
};

// Posts the notification and waits (a GLib main loop) for one of its actions, the notification
// being closed, or waitSeconds. Returns the chosen action's index, kNightstretchNotifyNoChoice,
// or kNightstretchNotifyNotPosted with the reason in `error` (no notification service, say).
int nightstretch_notify(const NightstretchNotification* notification, char* error,
                        std::size_t errorSize);

// The version of this interface, checked by the loader.
int nightstretch_notify_module_version();
}

inline constexpr int kNightstretchNotifyModuleVersion = 1;
// Results of nightstretch_notify besides an action's index.
inline constexpr int kNightstretchNotifyNoChoice = -1;
inline constexpr int kNightstretchNotifyNotPosted = -2;
