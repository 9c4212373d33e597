#include "question_screen.hpp"

namespace ns {

namespace {

// "Save  (Enter)": an answer with the key that gives it.
std::string withKey(std::string label, Command command) {
    return std::move(label) + "  (" + keyFor(KeyContext::Question, command) + ")";
}

} // namespace

QuestionScreen::QuestionScreen(const Theme& theme, std::string title, std::string detail,
                               std::string acceptLabel, std::string declineLabel, Action onAccept)
    : m_overlay(theme, std::move(title), std::move(detail),
                withKey(std::move(acceptLabel), Command::Accept),
                withKey(std::move(declineLabel), Command::Decline)),
      m_onAccept(std::move(onAccept)) {}

QuestionScreen::QuestionScreen(const Theme& theme, std::string title, std::string detail,
                               std::string acceptLabel, std::string otherLabel,
                               std::string declineLabel, Action onAccept, Action onOther,
                               Action onDecline)
    : m_overlay(theme, std::move(title), std::move(detail),
                withKey(std::move(acceptLabel), Command::Accept),
                withKey(std::move(declineLabel), Command::Decline),
                withKey(std::move(otherLabel), Command::Discard)),
      m_onAccept(std::move(onAccept)), m_onOther(std::move(onOther)),
      m_onDecline(std::move(onDecline)) {}

void QuestionScreen::answer(QuestionOverlay::Answer chosen, ScreenHost& host) {
    host.remove(*this); // first: what the answer does may put another screen on top
    if (chosen == QuestionOverlay::Answer::Accept && m_onAccept) m_onAccept(host);
    if (chosen == QuestionOverlay::Answer::Other && m_onOther) m_onOther(host);
    if (chosen == QuestionOverlay::Answer::Decline && m_onDecline) m_onDecline(host);
}

bool QuestionScreen::handle(const sf::Event& event, ScreenHost& host) {
    switch (event.type) {
    case sf::Event::KeyPressed:
        switch (commandFor(keyContext(), event.key)) {
        case Command::Accept:
            answer(QuestionOverlay::Answer::Accept, host);
            return true;
        case Command::Decline:
            answer(QuestionOverlay::Answer::Decline, host);
            return true;
        case Command::Discard:
            if (m_onOther) answer(QuestionOverlay::Answer::Other, host);
            return true;
        default:
            return true;
        }
    case sf::Event::MouseButtonPressed: {
        if (event.mouseButton.button != sf::Mouse::Left) return true;
        const QuestionOverlay::Answer chosen = m_overlay.buttonAt(clickPoint(event));
        if (chosen != QuestionOverlay::Answer::None) answer(chosen, host);
        return true;
    }
    case sf::Event::TextEntered:
    case sf::Event::KeyReleased:
    case sf::Event::MouseMoved:
    case sf::Event::MouseWheelScrolled:
        return true;
    default:
        return false;
    }
}

} // namespace ns
