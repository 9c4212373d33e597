#include "done_screen.hpp"

namespace ns {

DoneScreen::DoneScreen(const Theme& theme, const std::string& routineName, int holdSeconds,
                       int plannedSeconds)
    : m_scene(theme) {
    m_scene.setResult(routineName, holdSeconds, plannedSeconds);
}

bool DoneScreen::handle(const sf::Event& event, ScreenHost& host) {
    if (event.type != sf::Event::KeyPressed) return false;
    switch (commandFor(keyContext(), event.key)) {
    case Command::GoHome:
        host.showHome();
        return true;
    case Command::CloseWindow:
        host.closeWindow();
        return true;
    case Command::ShowHelp:
        host.showHelp(keyContext());
        return true;
    default:
        return false;
    }
}

} // namespace ns
