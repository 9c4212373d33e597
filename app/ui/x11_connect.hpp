// Connecting to the X display without the process being aborted for a momentary refusal.
#pragma once

namespace ns {

// Whether the display in DISPLAY accepts a connection (retrying a momentary refusal). SFML 2.5
// aborts the process when it cannot connect, so the window asks this first.
bool displayReachable();

} // namespace ns
