// Connecting to the X display without the process being aborted for a momentary refusal.
#pragma once

namespace ns {

// Whether the display in DISPLAY accepts a connection (retrying a momentary refusal). SFML 2.5
// aborts the process when it cannot connect, so the window asks this first.
bool displayReachable();

// The file descriptor of the connection SFML's window uses (the last display opened and still
// open), or -1: the window loop waits on it instead of waking to look for input.
int displayConnectionFd();

// Sends what is buffered for the server and reads what has arrived; true when events are queued
// (then the loop must not wait on the descriptor: their bytes have already been read from it).
bool displayHasQueuedEvents();

} // namespace ns
