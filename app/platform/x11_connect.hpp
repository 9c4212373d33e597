// The X display: connecting without the process being aborted for a momentary refusal, and the
// connection SFML uses, so a loop can wait on its socket.
#pragma once

namespace ns {

// Whether the display in DISPLAY accepts a connection (retrying a momentary refusal). SFML 2.5
// aborts the process when it cannot connect, so the window asks this first.
bool displayReachable();

// The socket of the display opened last (by SFML or anyone) and not yet closed; -1 if none.
// poll() it for POLLIN to sleep until the X server has something to say.
int displayConnectionFd();

// Whether events for `window` (an sf::WindowHandle; 0: for any window) are waiting in Xlib's
// queue or on that socket; it flushes pending requests first, so nothing is left unsent before a
// poll. Ask with the window: SFML 2.5 takes only its live window's events, so those of a window
// it destroyed stay in the queue for good, and "any" would then stay true. False without a
// display.
bool displayHasQueuedEvents(unsigned long window = 0);

} // namespace ns
