// The routine editor screen: name and description at the top, the total, the stretches as a
// large list, the chosen stretch's values (or the routine's defaults) with big − and + targets,
// the buttons, and over it the stretch picker, the "save your changes?" question and the keys.
#pragma once

#include "editor_controller.hpp"
#include "figure.hpp"
#include "layout.hpp"
#include "scene.hpp"
#include "theme.hpp"

#include <SFML/Graphics/ConvexShape.hpp>
#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/Text.hpp>

#include <string>
#include <utility>
#include <vector>

namespace ns {

class EditorScene final : public Scene {
  public:
    EditorScene(const Theme& theme, const EditorController& controller);

    // Rebuilds what is drawn from the controller (call after it changed).
    void refresh() { layout(m_size); }
    // What is under a point in window coordinates (only the open question's targets while one is
    // open).
    EditorHit hitAt(sf::Vector2f point) const;

    void layout(sf::Vector2f size) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<sf::FloatRect> textBounds() const override;
    // Where the stretches' figures are drawn: the step list's, and the picker's while it is open.
    std::vector<sf::FloatRect> figureBounds() const;

  private:
    struct Layer {
        std::vector<sf::ConvexShape> shapes;
        std::vector<sf::Text> texts;
        std::vector<Figure> figures; // built with the layout, not every frame
        std::vector<std::pair<sf::FloatRect, EditorHit>> targets;
    };
    sf::ConvexShape& box(Layer& layer, sf::FloatRect rect, sf::Color fill,
                         sf::Color outline = sf::Color::Transparent) const;
    sf::Text& text(Layer& layer, const std::string& utf8, bool bold, float sizeFraction,
                   sf::Color color, float x, float centerY, float maxWidth,
                   Align align = Align::Left);
    // A name that does not fit `maxWidth`: smaller (not below kSmallestName), then cut with "…";
    // placed again with its capitals centred on `centerY`.
    void shrinkOrCut(sf::Text& t, bool bold, float x, float centerY, float maxWidth) const;
    // The stretch's figure (neutral when it has no pose data) fitted into `area`.
    void figure(Layer& layer, const std::string& stretchId, FigureSide side, sf::FloatRect area);
    void button(Layer& layer, sf::FloatRect rect, const std::string& label, EditorHit hit,
                bool emphasis = false, unsigned textSize = 0);

    void layoutHeader();
    void layoutSteps(sf::FloatRect area);
    void layoutValues(sf::FloatRect area);
    void layoutButtons(float top, float height);
    void layoutPicker();
    void layoutLeavePrompt();
    void layoutHelp();

    const Theme& m_theme;
    const EditorController& m_controller;
    sf::Vector2f m_size{1280.f, 800.f};
    std::size_t m_firstStep = 0; // the step list scrolls
    std::size_t m_firstPick = 0; // and so does the picker
    Layer m_base;
    Layer m_overlay;
    sf::RectangleShape m_shade;
};

} // namespace ns
