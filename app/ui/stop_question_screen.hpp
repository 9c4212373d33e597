// "Stop the routine?" over a session, which holds still while it asks: Enter stops, Esc keeps
// going (and resumes when the question paused it). Nothing else reaches the session meanwhile.
#pragma once

#include "overlays.hpp"
#include "screen.hpp"
#include "session.hpp"

namespace ns {

class StopQuestionScreen final : public Screen {
  public:
    // `resumeAfter`: the question paused the session, so "keep going" resumes it.
    StopQuestionScreen(const Theme& theme, Session& session, bool resumeAfter);

    KeyContext keyContext() const override { return KeyContext::StopQuestion; }
    bool handle(const sf::Event& event, ScreenHost& host) override;
    void layout(sf::Vector2f size) override { m_overlay.layout(size); }
    void draw(sf::RenderTarget& target) const override { m_overlay.draw(target); }
    bool opaque() const override { return false; }
    std::vector<sf::FloatRect> dialogParts() const override { return m_overlay.textBounds(); }

  private:
    const Theme& m_theme;
    Session& m_session;
    bool m_resumeAfter;
    MessageOverlay m_overlay;
};

} // namespace ns
