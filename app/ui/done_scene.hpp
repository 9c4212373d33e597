// The calm end of a routine: a figure resting in bed under the moon, "Well done. Sleep well." (or
// "Stopped."), how long was held, whether the history kept it (and what to do when it did not),
// and what the keys do.
#pragma once

#include "figure.hpp"
#include "scene.hpp"
#include "session_end.hpp"
#include "theme.hpp"

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/Text.hpp>

#include <optional>
#include <string>
#include <vector>

namespace ns {

class DoneScene final : public Scene {
  public:
    explicit DoneScene(const Theme& theme);

    void setResult(const SessionEnd& end);
    const SessionEnd& result() const { return m_end; }

    void layout(sf::Vector2f size) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<sf::FloatRect> textBounds() const override;

    // Where the resting figure is drawn; nullopt in a window too small for it.
    std::optional<sf::FloatRect> figureBounds() const {
        return m_hasFigure ? std::optional<sf::FloatRect>(m_figure.bounds()) : std::nullopt;
    }

  private:
    const Theme& m_theme;
    sf::Vector2f m_size{1280.f, 800.f};
    SessionEnd m_end;

    Figure m_figure;
    bool m_hasFigure = false;
    sf::CircleShape m_moon;
    sf::CircleShape m_moonShadow; // a circle of background colour that makes the crescent
    sf::Text m_title;
    sf::Text m_summary;
    sf::Text m_routine;
    sf::Text m_kept;                // saved in the history, or not
    std::vector<sf::Text> m_action; // when not: what to do, wrapped
    sf::Text m_hint;
};

} // namespace ns
