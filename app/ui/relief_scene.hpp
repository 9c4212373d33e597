// The relief guide drawn: where the cramp is, the step and its few lines, the figure of the
// stretch where there is one, the keys, and when to get help at once. No countdown: the person
// says when a step eases.
#pragma once

#include "figure.hpp"
#include "relief.hpp"
#include "scene.hpp"
#include "theme.hpp"

#include <SFML/Graphics/Text.hpp>

#include <optional>
#include <vector>

namespace ns {

class ReliefScene final : public Scene {
  public:
    ReliefScene(const Theme& theme, const ReliefGuide& guide);

    void layout(sf::Vector2f size) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<sf::FloatRect> textBounds() const override;

    // For tests: what is shown.
    std::string stepTitle() const { return m_stepTitle.getString().toAnsiString(); }
    std::optional<sf::FloatRect> figureBounds() const {
        return m_hasFigure ? std::optional<sf::FloatRect>(m_figure.bounds()) : std::nullopt;
    }
    sf::FloatRect urgentBounds() const;

  private:
    const Theme& m_theme;
    const ReliefGuide& m_guide;
    sf::Vector2f m_size{1280.f, 800.f};
    sf::Text m_heading;
    sf::Text m_position;
    sf::Text m_stepTitle;
    std::vector<sf::Text> m_lines;
    std::vector<sf::Text> m_urgent;
    sf::Text m_keys;
    Figure m_figure;
    bool m_hasFigure = false;
};

} // namespace ns
