// The end of a routine, done or stopped: what was held and whether the history kept it (the same
// words as the terminal's end). Enter goes back to the routines, Esc closes the window.
#pragma once

#include "done_scene.hpp"
#include "screen.hpp"

namespace ns {

class DoneScreen final : public Screen {
  public:
    DoneScreen(const Theme& theme, const SessionEnd& end);

    KeyContext keyContext() const override { return KeyContext::Done; }
    bool handle(const sf::Event& event, ScreenHost& host) override;
    void layout(sf::Vector2f size) override { m_scene.layout(size); }
    void draw(sf::RenderTarget& target) const override { m_scene.draw(target); }
    const DoneScene& scene() const { return m_scene; }

  private:
    DoneScene m_scene;
};

} // namespace ns
