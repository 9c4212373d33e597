// "Stop the routine?" over a session, which holds still while it asks, by the one rule of core
// (stop_question.hpp): Enter or Q stops, any other key goes on (and resumes when the question
// paused it). Nothing reaches the session meanwhile; the sound keys still work.
#pragma once

#include "overlays.hpp"
#include "screen.hpp"
#include "session.hpp"
#include "stop_question.hpp"

namespace ns {

class StopQuestionScreen final : public Screen {
  public:
    // Asks at once: the session holds still from here.
    StopQuestionScreen(const Theme& theme, Session& session);

    KeyContext keyContext() const override { return KeyContext::StopQuestion; }
    bool handle(const sf::Event& event, ScreenHost& host) override;
    void layout(sf::Vector2f size) override { m_overlay.layout(size); }
    void draw(sf::RenderTarget& target) const override { m_overlay.draw(target); }
    bool opaque() const override { return false; }
    std::vector<sf::FloatRect> dialogParts() const override { return m_overlay.textBounds(); }

  private:
    const Theme& m_theme;
    StopQuestion m_question;
    MessageOverlay m_overlay;
};

} // namespace ns
