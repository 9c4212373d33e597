// The done scene's layout: the figure and the moon above, the words centred below.
#include "done_scene.hpp"

#include "format.hpp"
#include "layout.hpp"

#include <algorithm>

namespace ns {

namespace {

// The resting figure's band, as fractions of the height: above "Well done".
constexpr float kFigureTop = 0.07f;
constexpr float kFigureBottom = 0.28f;
constexpr float kSmallestFigurePixels = 72.f;

} // namespace

DoneScene::DoneScene(const Theme& theme) : m_theme(theme) {}

void DoneScene::setResult(const SessionEnd& end) {
    m_end = end;
    layout(m_size);
}

void DoneScene::layout(sf::Vector2f size) {
    m_size = size;
    const float w = size.x;
    const float h = size.y;
    const float contentWidth = w * 0.88f;

    const float radius = 0.055f * h;
    // The figure at rest, and the moon above its feet; in a window too small for a figure that
    // can be made out, the moon alone.
    const sf::FloatRect area(0.5f * (w - contentWidth), kFigureTop * h, contentWidth,
                             (kFigureBottom - kFigureTop) * h);
    m_hasFigure = area.height >= kSmallestFigurePixels;
    sf::Vector2f moon(w / 2.f, 0.2f * h);
    if (m_hasFigure) {
        m_figure.set(restingPose(), FigureSide::Left, area, false);
        const sf::FloatRect drawn = m_figure.bounds();
        moon = {std::min(w - radius * 2.f, drawn.left + drawn.width + radius * 1.2f),
                drawn.top + radius};
    }
    m_moon.setRadius(radius);
    m_moon.setPointCount(60);
    m_moon.setFillColor(palette::kAccent);
    m_moon.setOrigin(radius, radius);
    m_moon.setPosition(moon);
    m_moonShadow = m_moon;
    m_moonShadow.setFillColor(palette::kBackground);
    m_moonShadow.setPosition(moon.x + 0.42f * radius, moon.y - 0.28f * radius);

    m_title = makeText(m_end.title, m_theme.bold(), scaledSize(0.085f, h), palette::kText);
    shrinkToWidth(m_title, contentWidth);
    placeLine(m_title, w / 2.f, 0.33f * h, Align::Center);

    m_summary = makeText(m_end.held, m_theme.regular(), scaledSize(0.047f, h), palette::kTextSoft);
    shrinkToWidth(m_summary, contentWidth);
    placeLine(m_summary, w / 2.f, 0.5f * h, Align::Center);

    m_routine =
        makeText(m_end.routineName, m_theme.regular(), scaledSize(0.036f, h), palette::kTextDim);
    m_routine.setString(ellipsize(m_routine.getString(), m_theme.regular(),
                                  m_routine.getCharacterSize(), contentWidth));
    placeLine(m_routine, w / 2.f, 0.59f * h, Align::Center);

    // Whether it counts: the history has it, or why not and what to do (above the hint).
    const unsigned keptSize = scaledSize(0.036f, h);
    m_kept = makeText(m_end.kept, m_end.saved ? m_theme.regular() : m_theme.bold(), keptSize,
                      m_end.saved ? palette::kTextSoft : palette::kText);
    shrinkToWidth(m_kept, contentWidth);
    placeLine(m_kept, w / 2.f, 0.665f * h, Align::Center);
    m_action.clear();
    const unsigned actionSize = scaledSize(0.03f, h);
    const float lineHeight = 1.3f * static_cast<float>(actionSize);
    float top = 0.665f * h + 1.5f * static_cast<float>(keptSize);
    for (const sf::String& line :
         wrapText(m_end.action, m_theme.regular(), actionSize, contentWidth)) {
        if (top + lineHeight > 0.86f * h - 0.5f * lineHeight) break; // the hint's room
        sf::Text text("", m_theme.regular(), actionSize);
        text.setString(line);
        text.setFillColor(palette::kTextSoft);
        placeLine(text, w / 2.f, top, Align::Center);
        m_action.push_back(text);
        top += lineHeight;
    }

    m_hint = makeText("Enter: back to the list      Esc: close", m_theme.regular(),
                      scaledSize(0.036f, h), palette::kTextDim);
    shrinkToWidth(m_hint, contentWidth);
    placeLine(m_hint, w / 2.f, 0.86f * h, Align::Center);
}

void DoneScene::draw(sf::RenderTarget& target) const {
    if (m_hasFigure) target.draw(m_figure);
    target.draw(m_moon);
    target.draw(m_moonShadow);
    target.draw(m_title);
    target.draw(m_summary);
    target.draw(m_routine);
    target.draw(m_kept);
    for (const sf::Text& line : m_action)
        target.draw(line);
    target.draw(m_hint);
}

std::vector<sf::FloatRect> DoneScene::textBounds() const {
    std::vector<sf::FloatRect> bounds = {m_title.getGlobalBounds(), m_summary.getGlobalBounds(),
                                         m_routine.getGlobalBounds(), m_kept.getGlobalBounds(),
                                         m_hint.getGlobalBounds()};
    for (const sf::Text& line : m_action)
        bounds.push_back(line.getGlobalBounds());
    return bounds;
}

} // namespace ns
