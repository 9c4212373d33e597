// The calm end of a routine: a figure resting in bed under the moon, "Well done. Sleep well.", how
// long was held, and what the keys do.
#pragma once

#include "figure.hpp"
#include "scene.hpp"
#include "theme.hpp"

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/Text.hpp>

#include <optional>
#include <string>

namespace ns {

class DoneScene final : public Scene {
  public:
    explicit DoneScene(const Theme& theme);

    // `holdSeconds` held of `plannedHoldSeconds`; `routineName` as shown on the home screen.
    void setResult(const std::string& routineName, int holdSeconds, int plannedHoldSeconds);

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
    std::string m_routineName;
    int m_holdSeconds = 0;
    int m_plannedHoldSeconds = 0;

    Figure m_figure;
    bool m_hasFigure = false;
    sf::CircleShape m_moon;
    sf::CircleShape m_moonShadow; // a circle of background colour that makes the crescent
    sf::Text m_title;
    sf::Text m_summary;
    sf::Text m_routine;
    sf::Text m_hint;
};

} // namespace ns
