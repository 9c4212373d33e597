// A desktop notification with actions through libnotify, waiting for the person's choice in a
// GLib main loop with a time limit, then left on screen without its actions. Built into the notify
// module only.
#include "notification_module.hpp"

#include <glib.h>
#include <libnotify/notify.h>

#include <cstdio>
#include <string>
#include <vector>

namespace {

struct Wait {
    GMainLoop* loop = nullptr;
    int chosen = kNightstretchNotifyClosed;
    bool timedOut = false;
    bool closed = false;
};

struct ActionTag {
    Wait* wait = nullptr;
    int index = 0;
};

void onAction(NotifyNotification* /*notification*/, char* /*action*/, gpointer data) {
    auto* tag = static_cast<ActionTag*>(data);
    tag->wait->chosen = tag->index;
    g_main_loop_quit(tag->wait->loop);
}

void onClosed(NotifyNotification* /*notification*/, gpointer data) {
    auto* wait = static_cast<Wait*>(data);
    wait->closed = true;
    g_main_loop_quit(wait->loop);
}

gboolean onTimeout(gpointer data) {
    auto* wait = static_cast<Wait*>(data);
    wait->timedOut = true;
    g_main_loop_quit(wait->loop);
    return G_SOURCE_REMOVE;
}

void writeError(char* error, std::size_t size, const std::string& text) {
    if (error != nullptr && size > 0) std::snprintf(error, size, "%s", text.c_str());
}

} // namespace

extern "C" __attribute__((visibility("default"))) int
nightstretch_notify(const NightstretchNotification* n, char* error, std::size_t errorSize) {
    // The session bus first, so that "no bus" is told apart from "no notification service"
    // (libnotify shares this connection).
    GError* busError = nullptr;
    GDBusConnection* bus = g_bus_get_sync(G_BUS_TYPE_SESSION, nullptr, &busError);
    if (bus == nullptr) {
        writeError(error, errorSize, busError != nullptr ? busError->message : "no session bus");
        if (busError != nullptr) g_error_free(busError);
        return kNightstretchNotifyNoBus;
    }
    g_object_unref(bus);
    if (notify_is_initted() == FALSE && notify_init(n->appName) == FALSE) {
        writeError(error, errorSize, "libnotify could not start");
        return kNightstretchNotifyNotPosted;
    }
    NotifyNotification* notification = notify_notification_new(n->title, n->body, n->icon);
    notify_notification_set_hint(notification, "desktop-entry",
                                 g_variant_new_string(n->desktopEntry));
    notify_notification_set_urgency(notification, NOTIFY_URGENCY_NORMAL);
    // It stays until the person answers it or closes it.
    notify_notification_set_timeout(notification, NOTIFY_EXPIRES_NEVER);

    Wait wait;
    wait.loop = g_main_loop_new(nullptr, FALSE);
    std::vector<ActionTag> tags(static_cast<std::size_t>(n->actionCount));
    for (int i = 0; i < n->actionCount; ++i) {
        tags[static_cast<std::size_t>(i)] = ActionTag{&wait, i};
        notify_notification_add_action(notification, n->actionIds[i], n->actionLabels[i], onAction,
                                       &tags[static_cast<std::size_t>(i)], nullptr);
    }
    g_signal_connect(notification, "closed", G_CALLBACK(onClosed), &wait);

    GError* showError = nullptr;
    int result = kNightstretchNotifyClosed;
    if (notify_notification_show(notification, &showError) == FALSE) {
        writeError(error, errorSize,
                   showError != nullptr ? showError->message : "no notification service");
        if (showError != nullptr) g_error_free(showError);
        result = kNightstretchNotifyNotPosted;
    } else {
        const guint timer =
            g_timeout_add_seconds(static_cast<guint>(n->waitSeconds), onTimeout, &wait);
        if (n->shown != nullptr) n->shown(n->shownContext);
        g_main_loop_run(wait.loop);
        result = wait.chosen;
        if (!wait.timedOut) g_source_remove(timer);
        if (wait.timedOut && result < 0 && !wait.closed) {
            // No answer: shown again in its place without the buttons (this process ends, so
            // nothing would answer them), and left for the person to see.
            result = kNightstretchNotifyUnanswered;
            notify_notification_clear_actions(notification);
            notify_notification_update(notification, n->title, n->unansweredBody, n->icon);
            notify_notification_show(notification, nullptr);
        }
    }
    g_signal_handlers_disconnect_by_data(notification, &wait);
    g_object_unref(notification);
    g_main_loop_unref(wait.loop);
    return result;
}

extern "C" __attribute__((visibility("default"))) int nightstretch_notify_module_version() {
    return kNightstretchNotifyModuleVersion;
}
