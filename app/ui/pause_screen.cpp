#include "pause_screen.hpp"

#include "stop_question_screen.hpp"

namespace ns {

PauseScreen::PauseScreen(const Theme& theme, Session& session)
    : m_theme(theme), m_session(session),
      m_overlay(theme,
                "Paused — " + keyFor(KeyContext::Paused, Command::TogglePause) + " to continue",
                keyFor(KeyContext::Paused, Command::AskToStop) + " to stop the routine") {}

bool PauseScreen::handle(const sf::Event& event, ScreenHost& host) {
    if (event.type != sf::Event::KeyPressed) return false;
    switch (commandFor(keyContext(), event.key)) {
    case Command::TogglePause:
        m_session.resume();
        host.remove(*this);
        return true;
    case Command::AskToStop:
        // The question takes the place of "Paused"; "keep going" brings it back.
        host.remove(*this);
        host.push(std::make_unique<StopQuestionScreen>(m_theme, m_session));
        return true;
    default:
        return false;
    }
}

bool PauseScreen::update(ScreenHost& host) {
    if (m_session.paused()) return false;
    host.remove(*this);
    return true;
}

} // namespace ns
