#include "editor_screen.hpp"

namespace ns {

EditorScreen::EditorScreen(const Theme& theme, std::unique_ptr<EditorController> controller)
    : m_controller(std::move(controller)), m_scene(theme, *m_controller) {}

bool EditorScreen::handle(const sf::Event& event, ScreenHost& host) {
    bool changed = false;
    switch (event.type) {
    case sf::Event::KeyPressed:
        changed = m_controller->keyPressed(event.key);
        break;
    case sf::Event::TextEntered:
        changed = m_controller->textEntered(event.text.unicode);
        break;
    case sf::Event::MouseButtonPressed:
        if (event.mouseButton.button != sf::Mouse::Left) return true;
        changed = m_controller->click(m_scene.hitAt(clickPoint(event)));
        break;
    case sf::Event::MouseWheelScrolled:
        if (event.mouseWheelScroll.delta != 0.f) {
            const std::size_t step = m_controller->selectedStep();
            changed = m_controller->selectStep(
                event.mouseWheelScroll.delta > 0.f ? (step > 0 ? step - 1 : 0) : step + 1);
        }
        break;
    default:
        return false;
    }
    return afterChange(changed, host);
}

// Closing the window with unsaved changes asks first, like Esc.
bool EditorScreen::closeRequested(ScreenHost& host) {
    if (!m_controller->editor().dirty()) return false;
    m_controller->requestLeave();
    m_closeAfter = true;
    afterChange(true, host);
    return true;
}

bool EditorScreen::afterChange(bool changed, ScreenHost& host) {
    if (m_controller->closed()) {
        host.remove(*this);
        host.routinesSaved(m_controller->id()); // home, on the routine just edited
        if (m_closeAfter) host.closeWindow();
        return true;
    }
    if (m_controller->prompt() != EditorController::Prompt::LeaveUnsaved)
        m_closeAfter = false; // "keep editing"
    if (changed) {
        if (m_controller->savedAny() && !m_controller->editor().dirty())
            host.routinesSaved(m_controller->id()); // the home list shows what was saved
        m_scene.refresh();
    }
    return true;
}

} // namespace ns
