#include "progress_screen.hpp"

namespace ns {

ProgressScreen::ProgressScreen(const Theme& theme, const Stats& stats) : m_scene(theme) {
    m_scene.setStats(stats);
}

void ProgressScreen::statsChanged(const Stats* stats) {
    if (stats) m_scene.setStats(*stats);
}

bool ProgressScreen::handle(const sf::Event& event, ScreenHost& host) {
    if (event.type == sf::Event::MouseButtonPressed) {
        if (event.mouseButton.button != sf::Mouse::Left) return false;
        // A click chooses a night; a click on the chosen one opens its diary.
        const auto night = m_scene.nightAt(clickPoint(event));
        if (night && !m_scene.selectNight(*night)) host.openCheckIn(*night);
        return true;
    }
    if (event.type != sf::Event::KeyPressed) return false;
    const Command command = commandFor(keyContext(), event.key);
    switch (command) {
    case Command::PreviousWeek:
        return m_scene.moveSelection(-7);
    case Command::NextWeek:
        return m_scene.moveSelection(7);
    case Command::PreviousNight:
        return m_scene.moveSelection(-1);
    case Command::NextNight:
        return m_scene.moveSelection(1);
    case Command::OpenDiary:
        if (const auto night = m_scene.selectedNight()) host.openCheckIn(*night);
        return true;
    case Command::RemoveSession:
        if (const auto night = m_scene.selectedNight()) host.askToRemoveSession(*night);
        return true;
    case Command::GoHome:
        host.remove(*this); // home is under it, as it was left
        return true;
    default:
        return handleCommonCommand(command, keyContext(), host);
    }
}

} // namespace ns
