#include "input.hpp"

namespace ns {

Command commandForKey(const sf::Event::KeyEvent& key) {
    switch (key.code) {
    case sf::Keyboard::Up:
        return Command::Up;
    case sf::Keyboard::Down:
        return Command::Down;
    case sf::Keyboard::Enter:
        return Command::Enter;
    case sf::Keyboard::Space:
        return Command::TogglePause;
    case sf::Keyboard::Right:
        return Command::NextPhase;
    case sf::Keyboard::Left:
        return Command::Back;
    case sf::Keyboard::N:
        return Command::NextStep;
    case sf::Keyboard::M:
        return Command::Mute;
    case sf::Keyboard::Add:
    case sf::Keyboard::Equal:
        return Command::VolumeUp; // '+' is Shift+'=' on most keyboards
    case sf::Keyboard::Subtract:
    case sf::Keyboard::Hyphen:
        return Command::VolumeDown;
    case sf::Keyboard::F:
        return Command::Fullscreen;
    case sf::Keyboard::H:
    case sf::Keyboard::F1:
    case sf::Keyboard::Slash:
        return Command::Help; // '?' is Shift+'/'
    case sf::Keyboard::Escape:
        return Command::Escape;
    case sf::Keyboard::Q:
        return Command::Quit;
    case sf::Keyboard::P:
        return Command::Progress;
    case sf::Keyboard::E:
        return Command::Edit;
    default:
        return Command::None;
    }
}

} // namespace ns
