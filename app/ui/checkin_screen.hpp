// "How was last night?" over home or progress: the cramp diary of one night. It takes its keys,
// every letter while the note is chosen, Space, Y and N on the symptom questions, and every
// click; Enter saves, H shows its keys over it. What was entered is never lost on a key: Esc (or
// "Not now", or closing the window) with changes asks "Save what you entered?" (Save / Discard /
// Back), and a key it does not use does nothing. Nor is it lost when the history cannot be
// written: the form stays open with it, saying so, and Enter tries again. Untouched, Esc closes
// it at once, and a key it does not use closes it as "not now" and goes on to the screen behind,
// so no key meant there is lost.
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
    bool closeRequested(ScreenHost& host) override;
    void layout(sf::Vector2f size) override { m_overlay.layout(size); }
    void draw(sf::RenderTarget& target) const override { m_overlay.draw(target); }
    bool opaque() const override { return false; }
    std::vector<sf::FloatRect> dialogParts() const override { return m_overlay.textBounds(); }

    const CheckInForm& form() const { return m_overlay.form(); }
    const CheckInOverlay& overlay() const { return m_overlay; }

  private:
    bool usesKey(const sf::Event::KeyEvent& key) const;
    // Esc or "Not now": closes, or asks first when something was entered.
    void leave(ScreenHost& host, bool closeWindowAfter);
    bool save(ScreenHost& host); // false: not saved, and the form stays open saying so
    void showDoctorNote(ScreenHost& host);

    const Theme& m_theme;
    HistoryStore& m_history;
    CheckInOverlay m_overlay;
    Date m_tonight;
    bool m_asking = false; // "Save what you entered?" is up
};

} // namespace ns
