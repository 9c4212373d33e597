#include "help_screen.hpp"

namespace ns {

HelpScreen::HelpScreen(const Theme& theme, KeyContext context)
    : m_overlay(theme, helpLines(context)) {}

bool HelpScreen::handle(const sf::Event& event, ScreenHost& host) {
    switch (event.type) {
    case sf::Event::KeyPressed:
        if (commandFor(keyContext(), event.key) != Command::CloseHelp) return false;
        host.remove(*this);
        return true;
    case sf::Event::MouseMoved:
    case sf::Event::MouseButtonPressed:
    case sf::Event::MouseWheelScrolled:
        return true; // nothing under the list reacts to the mouse
    default:
        return false;
    }
}

} // namespace ns
