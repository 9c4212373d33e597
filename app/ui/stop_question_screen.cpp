#include "stop_question_screen.hpp"

#include "pause_screen.hpp"

namespace ns {

StopQuestionScreen::StopQuestionScreen(const Theme& theme, Session& session, bool resumeAfter)
    : m_theme(theme), m_session(session), m_resumeAfter(resumeAfter),
      m_overlay(theme, "Stop the routine?",
                keyFor(KeyContext::StopQuestion, Command::ConfirmStop) + " = stop, " +
                    keyFor(KeyContext::StopQuestion, Command::KeepGoing) + " = keep going") {}

bool StopQuestionScreen::handle(const sf::Event& event, ScreenHost& host) {
    if (event.type != sf::Event::KeyPressed) return true;
    switch (commandFor(keyContext(), event.key)) {
    case Command::ConfirmStop:
        m_session.quit();
        host.routineStopped();
        return true;
    case Command::KeepGoing:
        if (m_resumeAfter) m_session.keepGoing();
        host.remove(*this);
        if (m_session.paused()) host.push(std::make_unique<PauseScreen>(m_theme, m_session));
        return true;
    default:
        return true;
    }
}

} // namespace ns
