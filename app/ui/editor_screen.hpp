// The routine editor over home: its controller (the model of keys and typing) and its scene.
// Leaving, or closing the window, with unsaved changes asks first.
#pragma once

#include "editor_controller.hpp"
#include "editor_scene.hpp"
#include "screen.hpp"

#include <memory>

namespace ns {

class EditorScreen final : public Screen {
  public:
    EditorScreen(const Theme& theme, std::unique_ptr<EditorController> controller);

    KeyContext keyContext() const override { return m_controller->keyContext(); }
    bool handle(const sf::Event& event, ScreenHost& host) override;
    void layout(sf::Vector2f size) override { m_scene.layout(size); }
    void draw(sf::RenderTarget& target) const override { m_scene.draw(target); }
    bool closeRequested(ScreenHost& host) override;

    const EditorController& controller() const { return *m_controller; }
    const EditorScene& scene() const { return m_scene; }

  private:
    bool afterChange(bool changed, ScreenHost& host);

    std::unique_ptr<EditorController> m_controller;
    EditorScene m_scene;
    bool m_closeAfter = false; // the window's close button asked about unsaved changes
};

} // namespace ns
