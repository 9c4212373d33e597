// "Paused" over a session: Space continues, Esc asks whether to stop; the session's other keys
// reach it underneath. It goes by itself once the session runs again.
#pragma once

#include "overlays.hpp"
#include "screen.hpp"
#include "session.hpp"

namespace ns {

class PauseScreen final : public Screen {
  public:
    PauseScreen(const Theme& theme, Session& session);

    KeyContext keyContext() const override { return KeyContext::Paused; }
    bool handle(const sf::Event& event, ScreenHost& host) override;
    bool update(ScreenHost& host) override;
    void layout(sf::Vector2f size) override { m_overlay.layout(size); }
    void draw(sf::RenderTarget& target) const override { m_overlay.draw(target); }
    bool opaque() const override { return false; }
    std::vector<sf::FloatRect> dialogParts() const override { return m_overlay.textBounds(); }

  private:
    const Theme& m_theme;
    Session& m_session;
    MessageOverlay m_overlay;
};

} // namespace ns
