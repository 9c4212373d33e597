// The stop question's effect on the session: held while asking, quit or back as it was.
#include "stop_question.hpp"

namespace ns {

StopQuestion::StopQuestion(Session& session)
    : m_session(session), m_resumeAfter(!session.paused() && session.holdForQuestion()) {}

void StopQuestion::stop() {
    m_session.quit();
}

void StopQuestion::keepGoing() {
    if (m_resumeAfter) m_session.keepGoing();
    m_resumeAfter = false;
}

} // namespace ns
