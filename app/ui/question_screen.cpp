#include "question_screen.hpp"

namespace ns {

QuestionScreen::QuestionScreen(const Theme& theme, std::string title, std::string detail,
                               std::string acceptLabel, std::string declineLabel, Action onAccept)
    : m_overlay(
          theme, std::move(title), std::move(detail),
          std::move(acceptLabel) + "  (" + keyFor(KeyContext::Question, Command::Accept) + ")",
          std::move(declineLabel) + "  (" + keyFor(KeyContext::Question, Command::Decline) + ")"),
      m_onAccept(std::move(onAccept)) {}

void QuestionScreen::answer(bool accept, ScreenHost& host) {
    host.remove(*this); // first: what the answer does may put another screen on top
    if (accept && m_onAccept) m_onAccept(host);
}

bool QuestionScreen::handle(const sf::Event& event, ScreenHost& host) {
    switch (event.type) {
    case sf::Event::KeyPressed:
        switch (commandFor(keyContext(), event.key)) {
        case Command::Accept:
            answer(true, host);
            return true;
        case Command::Decline:
            answer(false, host);
            return true;
        default:
            return true;
        }
    case sf::Event::MouseButtonPressed: {
        if (event.mouseButton.button != sf::Mouse::Left) return true;
        const QuestionOverlay::Answer chosen = m_overlay.buttonAt(clickPoint(event));
        if (chosen != QuestionOverlay::Answer::None)
            answer(chosen == QuestionOverlay::Answer::Accept, host);
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
