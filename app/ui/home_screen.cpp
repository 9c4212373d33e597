#include "home_screen.hpp"

#include "editor_controller.hpp"
#include "night_text.hpp"

#include <set>

namespace ns {

HomeScreen::HomeScreen(const Theme& theme, const RoutineLibrary& library,
                       std::filesystem::path userRoutinesDir, const std::string& notice)
    : m_library(library), m_userDir(std::move(userRoutinesDir)), m_scene(theme) {
    m_scene.setNotice(notice);
    m_scene.setEmptyHint("Put routine files in " + m_userDir.string() + ".");
    m_scene.setEntries(homeEntries(m_library));
}

void HomeScreen::statsChanged(const Stats* stats) {
    m_scene.setTonightLine(stats ? tonightLine(*stats) : "");
}

// The list again from the library, on the same routine (or on `selectId`).
void HomeScreen::routinesChanged(const std::string& selectId) {
    const HomeEntry* selected = m_scene.selectedEntry();
    const std::string keepId = !selectId.empty() ? selectId : selected ? selected->id : "";
    auto entries = homeEntries(m_library);
    int keep = -1;
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (entries[i].id == keepId) keep = static_cast<int>(i);
    m_scene.setEntries(std::move(entries));
    if (keep >= 0) m_scene.select(keep);
}

bool HomeScreen::handle(const sf::Event& event, ScreenHost& host) {
    switch (event.type) {
    case sf::Event::KeyPressed:
        return command(commandFor(keyContext(), event.key), host);
    case sf::Event::MouseMoved:
        return m_scene.select(m_scene.entryAt(
            {static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y)}));
    case sf::Event::MouseButtonPressed: {
        if (event.mouseButton.button != sf::Mouse::Left) return false;
        const sf::Vector2f point = clickPoint(event);
        if (m_scene.editButtonAt(point)) {
            editSelected(host);
            return true;
        }
        // A click chooses a routine and starts it (one that cannot start is never chosen).
        const int index = m_scene.entryAt(point);
        if (index < 0) return false;
        m_scene.select(index);
        if (index == m_scene.selected()) startSelected(host);
        return true;
    }
    case sf::Event::MouseWheelScrolled:
        if (event.mouseWheelScroll.delta == 0.f) return false;
        return m_scene.moveSelection(event.mouseWheelScroll.delta > 0.f ? -1 : 1);
    default:
        return false;
    }
}

bool HomeScreen::command(Command command, ScreenHost& host) {
    switch (command) {
    case Command::SelectPrevious:
        return m_scene.moveSelection(-1);
    case Command::SelectNext:
        return m_scene.moveSelection(1);
    case Command::StartRoutine:
        startSelected(host);
        return true;
    case Command::EditRoutine:
        editSelected(host);
        return true;
    case Command::NewRoutine:
        editNew(host);
        return true;
    case Command::ShowProgress:
        host.showProgress();
        return true;
    case Command::ChangeReminder:
        m_scene.setReminderLine(host.changeReminder());
        return true;
    default:
        return handleCommonCommand(command, keyContext(), host);
    }
}

void HomeScreen::startSelected(ScreenHost& host) {
    const HomeEntry* entry = m_scene.selectedEntry();
    if (!entry) return;
    const RoutineEntry* found = m_library.find(entry->id);
    if (!found || !found->usableRoutine()) return;
    host.startRoutine(*found->usableRoutine());
}

// The chosen routine, as written in its file (a built-in one is saved as the user's copy under the
// same id; the built-in file is never written).
void HomeScreen::editSelected(ScreenHost& host) {
    const HomeEntry* entry = m_scene.selectedEntry();
    if (!entry) return;
    const RoutineEntry* found = m_library.find(entry->id);
    if (!found) return;
    RoutineDocumentLoadResult loaded = loadRoutineDocumentFile(found->path, m_library.catalog);
    if (!loaded.ok()) {
        host.showIndicator("This file has a problem: fix it in a text editor first", -1.f);
        return;
    }
    host.openEditor(std::make_unique<EditorController>(std::move(*loaded.document),
                                                       m_library.catalog, found->id, m_userDir));
}

// A new routine from a short template; its id comes from its name on saving.
void HomeScreen::editNew(ScreenHost& host) {
    std::set<std::string> ids;
    for (const auto& entry : m_library.entries)
        ids.insert(entry.id);
    host.openEditor(
        std::make_unique<EditorController>(EditorController::newRoutineTemplate(m_library.catalog),
                                           m_library.catalog, "", m_userDir, std::move(ids)));
}

} // namespace ns
