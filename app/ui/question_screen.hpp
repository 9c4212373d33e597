// A question with two answers over the screen under it (restore the history? remove this
// session?): Enter or the left button does it, Esc or the right button leaves things as they are.
// A third answer, if given, sits between them with its own key (D: "Discard"). It takes every key
// and click while open, so nothing reaches the screen behind it by mistake.
#pragma once

#include "question_overlay.hpp"
#include "screen.hpp"

#include <functional>

namespace ns {

class QuestionScreen final : public Screen {
  public:
    using Action = std::function<void(ScreenHost&)>;
    QuestionScreen(const Theme& theme, std::string title, std::string detail,
                   std::string acceptLabel, std::string declineLabel, Action onAccept);
    // With a third answer, `otherLabel`, that does `onOther`; `onDecline` follows the decline.
    QuestionScreen(const Theme& theme, std::string title, std::string detail,
                   std::string acceptLabel, std::string otherLabel, std::string declineLabel,
                   Action onAccept, Action onOther, Action onDecline);

    KeyContext keyContext() const override { return KeyContext::Question; }
    bool handle(const sf::Event& event, ScreenHost& host) override;
    void layout(sf::Vector2f size) override { m_overlay.layout(size); }
    void draw(sf::RenderTarget& target) const override { m_overlay.draw(target); }
    bool opaque() const override { return false; }
    std::vector<sf::FloatRect> dialogParts() const override { return m_overlay.textBounds(); }

    const QuestionOverlay& overlay() const { return m_overlay; }

  private:
    void answer(QuestionOverlay::Answer chosen, ScreenHost& host);
    QuestionOverlay m_overlay;
    Action m_onAccept;
    Action m_onOther;
    Action m_onDecline;
};

} // namespace ns
