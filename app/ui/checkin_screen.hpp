// "How was last night?" over home or progress: the cramp diary of one night. It takes its keys,
// every letter while the note is chosen, and every click; Enter saves, Esc closes. Any other key
// closes it as "not now" and goes on to the screen behind, so no key meant there is lost.
#pragma once

#include "checkin_overlay.hpp"
#include "history.hpp"
#include "screen.hpp"

namespace ns {

class CheckInScreen final : public Screen {
  public:
    // The form for `night`, prefilled from what `history` holds for it.
    CheckInScreen(const Theme& theme, HistoryStore& history, Date night, Date tonight);

    KeyContext keyContext() const override { return KeyContext::CheckIn; }
    bool handle(const sf::Event& event, ScreenHost& host) override;
    void layout(sf::Vector2f size) override { m_overlay.layout(size); }
    void draw(sf::RenderTarget& target) const override { m_overlay.draw(target); }
    bool opaque() const override { return false; }
    std::vector<sf::FloatRect> dialogParts() const override { return m_overlay.textBounds(); }

    const CheckInForm& form() const { return m_overlay.form(); }

  private:
    bool usesKey(const sf::Event::KeyEvent& key) const;
    void saveSymptomsAndShowNote(ScreenHost& host);

    const Theme& m_theme;
    HistoryStore& m_history;
    CheckInOverlay m_overlay;
    Date m_tonight;
};

} // namespace ns
