// Stopping a routine, one rule for the window and the terminal: the stop key (Esc or Q) asks
// "Stop the routine?" and the countdown holds still while it asks; Enter or Q stops, any other key
// goes on (running again, unless it was paused before the question). Both then end by saying
// what was saved (session_end.hpp).
#pragma once

#include "session.hpp"

namespace ns {

class StopQuestion {
  public:
    static constexpr const char* kQuestion = "Stop the routine?";

    // Asks: the session holds still, even in a phase's first moment (a question is no stray key).
    explicit StopQuestion(Session& session);

    void stop();      // the session ends as "quit"
    void keepGoing(); // back to where it was: running, or paused when it was before
    Session& session() const { return m_session; }

  private:
    Session& m_session;
    bool m_resumeAfter; // the question paused it, so going on resumes it
};

} // namespace ns
