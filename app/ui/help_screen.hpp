// The help overlay: the keys of the screen under it, drawn from the keymap. Keys it does not take
// (Space during a session) reach the screen under it; clicks do not.
#pragma once

#include "overlays.hpp"
#include "screen.hpp"

namespace ns {

class HelpScreen final : public Screen {
  public:
    // `context`: the screen whose keys are listed.
    HelpScreen(const Theme& theme, KeyContext context);

    KeyContext keyContext() const override { return KeyContext::Help; }
    bool handle(const sf::Event& event, ScreenHost& host) override;
    void layout(sf::Vector2f size) override { m_overlay.layout(size); }
    void draw(sf::RenderTarget& target) const override { m_overlay.draw(target); }
    bool opaque() const override { return false; }
    std::vector<sf::FloatRect> dialogParts() const override { return m_overlay.textBounds(); }
    bool staysOnTop() const override { return true; }

    const HelpOverlay& overlay() const { return m_overlay; }

  private:
    HelpOverlay m_overlay;
};

} // namespace ns
