// SIGINT, SIGTERM and SIGHUP turned into a flag a loop can look at, for as long as it runs.
#pragma once

#include <csignal>

namespace ns {

// While one lives, the three signals only set a flag (and make wakeFd() readable); the handlers
// that were there before are put back when it goes. One at a time: the flag is the process's.
class InterruptSignals {
  public:
    InterruptSignals();
    ~InterruptSignals();
    InterruptSignals(const InterruptSignals&) = delete;
    InterruptSignals& operator=(const InterruptSignals&) = delete;

    // Whether one of the signals came since this object was made.
    bool requested() const;

    // Readable once a signal came: poll() it beside other descriptors so a signal that arrives
    // just before the poll still wakes it. -1 if the pipe could not be made.
    int wakeFd() const { return m_wakeRead; }

  private:
    struct sigaction m_previous[3];
    int m_wakeRead = -1;
};

} // namespace ns
