// The done screen: its keys; the scene draws the end.
#include "done_screen.hpp"

namespace ns {

DoneScreen::DoneScreen(const Theme& theme, const SessionEnd& end) : m_scene(theme) {
    m_scene.setResult(end);
}

bool DoneScreen::handle(const sf::Event& event, ScreenHost& host) {
    if (event.type != sf::Event::KeyPressed) return false;
    const Command command = commandFor(keyContext(), event.key);
    switch (command) {
    case Command::GoHome:
        host.showHome();
        return true;
    default:
        return handleCommonCommand(command, keyContext(), host);
    }
}

} // namespace ns
