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

void DoneScene::setResult(const std::string& routineName, int holdSeconds, int plannedHoldSeconds) {
    m_routineName = routineName;
    m_holdSeconds = holdSeconds;
    m_plannedHoldSeconds = plannedHoldSeconds;
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

    m_title =
        makeText("Well done. Sleep well.", m_theme.bold(), scaledSize(0.085f, h), palette::kText);
    shrinkToWidth(m_title, contentWidth);
    placeLine(m_title, w / 2.f, 0.33f * h, Align::Center);

    std::string summary = "You held your stretches for " + formatMinutes(m_holdSeconds) + ".";
    m_summary = makeText(summary, m_theme.regular(), scaledSize(0.047f, h), palette::kTextSoft);
    shrinkToWidth(m_summary, contentWidth);
    placeLine(m_summary, w / 2.f, 0.5f * h, Align::Center);

    m_routine =
        makeText(m_routineName, m_theme.regular(), scaledSize(0.036f, h), palette::kTextDim);
    m_routine.setString(ellipsize(m_routine.getString(), m_theme.regular(),
                                  m_routine.getCharacterSize(), contentWidth));
    placeLine(m_routine, w / 2.f, 0.59f * h, Align::Center);

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
    target.draw(m_hint);
}

std::vector<sf::FloatRect> DoneScene::textBounds() const {
    return {m_title.getGlobalBounds(), m_summary.getGlobalBounds(), m_routine.getGlobalBounds(),
            m_hint.getGlobalBounds()};
}

} // namespace ns
