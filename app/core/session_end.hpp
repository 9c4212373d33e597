// The end of a session, said the same way by the window's done screen and the terminal: done or
// stopped, how long was held, whether the history kept it, and what to do when it did not.
#pragma once

#include <string>

namespace ns {

class SessionRun;

struct SessionEnd {
    bool completed = false;
    bool saved = false;      // the history has it (there is one, and every write reached it)
    std::string routineName; // as home shows it
    int holdSeconds = 0;
    int plannedHoldSeconds = 0;

    std::string title;  // "Well done. Sleep well." or "Stopped."
    std::string held;   // "You held your stretches for 1 min 20 s."
    std::string kept;   // "Saved in your history." or "Not saved: the history could not be ..."
    std::string action; // when not saved: what to do, so tonight still counts; else empty
};

// How `run`'s finished session ended.
SessionEnd describeEnd(const SessionRun& run);

} // namespace ns
