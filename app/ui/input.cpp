#include "input.hpp"

namespace ns {

WindowCommand commandForKey(const sf::Event::KeyEvent& key) {
    switch (key.code) {
    case sf::Keyboard::Up:
        return WindowCommand::Up;
    case sf::Keyboard::Down:
        return WindowCommand::Down;
    case sf::Keyboard::Enter:
        return WindowCommand::Enter;
    case sf::Keyboard::Space:
        return WindowCommand::TogglePause;
    case sf::Keyboard::Right:
        return WindowCommand::NextPhase;
    case sf::Keyboard::Left:
        return WindowCommand::Back;
    case sf::Keyboard::N:
        return WindowCommand::NextStep;
    case sf::Keyboard::M:
        return WindowCommand::Mute;
    case sf::Keyboard::Add:
    case sf::Keyboard::Equal:
        return WindowCommand::VolumeUp; // '+' is Shift+'=' on most keyboards
    case sf::Keyboard::Subtract:
    case sf::Keyboard::Hyphen:
        return WindowCommand::VolumeDown;
    case sf::Keyboard::F:
        return WindowCommand::Fullscreen;
    case sf::Keyboard::H:
    case sf::Keyboard::F1:
    case sf::Keyboard::Slash:
        return WindowCommand::Help; // '?' is Shift+'/'
    case sf::Keyboard::Escape:
        return WindowCommand::Escape;
    case sf::Keyboard::Q:
        return WindowCommand::Quit;
    case sf::Keyboard::P:
        return WindowCommand::Progress;
    case sf::Keyboard::E:
        return WindowCommand::Edit;
    default:
        return WindowCommand::None;
    }
}

} // namespace ns
