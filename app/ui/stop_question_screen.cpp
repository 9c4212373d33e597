// The window's side of the stop question: keys to answers, the answer to the session or the host.
#include "stop_question_screen.hpp"

#include "pause_screen.hpp"

namespace ns {

namespace {

// Shift, Ctrl and the like alone are half a key, not an answer.
bool isModifier(sf::Keyboard::Key key) {
    switch (key) {
    case sf::Keyboard::LShift:
    case sf::Keyboard::RShift:
    case sf::Keyboard::LControl:
    case sf::Keyboard::RControl:
    case sf::Keyboard::LAlt:
    case sf::Keyboard::RAlt:
    case sf::Keyboard::LSystem:
    case sf::Keyboard::RSystem:
    case sf::Keyboard::Unknown:
        return true;
    default:
        return false;
    }
}

} // namespace

StopQuestionScreen::StopQuestionScreen(const Theme& theme, Session& session)
    : m_theme(theme), m_question(session),
      m_overlay(theme, StopQuestion::kQuestion,
                keyFor(KeyContext::StopQuestion, Command::ConfirmStop) + " or Q = stop, " +
                    "any other key = keep going") {}

bool StopQuestionScreen::handle(const sf::Event& event, ScreenHost& host) {
    if (event.type != sf::Event::KeyPressed || isModifier(event.key.code)) return true;
    if (commandFor(keyContext(), event.key) == Command::ConfirmStop) {
        m_question.stop();
        host.routineStopped();
        return true;
    }
    m_question.keepGoing(); // Esc, and any other key
    host.remove(*this);
    Session& session = m_question.session();
    if (session.paused()) host.push(std::make_unique<PauseScreen>(m_theme, session));
    return true;
}

} // namespace ns
