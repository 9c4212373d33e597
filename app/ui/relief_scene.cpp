#include "relief_scene.hpp"

#include "layout.hpp"

#include <SFML/Graphics/RenderTarget.hpp>

#include <algorithm>

namespace ns {

ReliefScene::ReliefScene(const Theme& theme, const ReliefGuide& guide)
    : m_theme(theme), m_guide(guide) {}

void ReliefScene::layout(sf::Vector2f size) {
    m_size = size;
    const float w = size.x;
    const float h = size.y;
    const float mx = 0.05f * w;
    const float contentWidth = w - 2.f * mx;
    const sf::Font& regular = m_theme.regular();
    const sf::Font& bold = m_theme.bold();

    m_heading = makeText(reliefVariantTitle(m_guide.variant()), bold, scaledSize(0.048f, h),
                         palette::kAccent);
    shrinkToWidth(m_heading, contentWidth * 0.6f);
    placeLine(m_heading, mx, 0.04f * h);
    const std::string position = m_guide.finished()
                                     ? ""
                                     : "Step " + std::to_string(m_guide.index() + 1) + " of " +
                                           std::to_string(m_guide.steps().size());
    m_position = makeText(position, regular, scaledSize(0.034f, h), palette::kTextDim);
    shrinkToWidth(m_position, contentWidth * 0.36f);
    placeLine(m_position, w - mx, 0.05f * h, Align::Right);

    const ReliefStep* step = m_guide.finished() ? nullptr : &m_guide.current();
    m_stepTitle =
        makeText(step ? step->title : "Well done", bold, scaledSize(0.075f, h), palette::kText);
    shrinkToWidth(m_stepTitle, contentWidth);
    placeLine(m_stepTitle, w / 2.f, 0.13f * h, Align::Center);

    // The figure on the left when the window is wide enough; the words beside it.
    m_hasFigure = false;
    float textLeft = mx;
    float textWidthAvailable = contentWidth;
    const float bandTop = 0.27f * h;
    const float bandBottom = 0.76f * h;
    if (step && !step->poseId.empty() && w >= 1.2f * h) {
        const float figureWidth = 0.34f * w;
        m_figure.set(m_theme.poses().forStretch(step->poseId), FigureSide::Left,
                     {mx, bandTop, figureWidth, bandBottom - bandTop});
        m_hasFigure = true;
        textLeft = mx + figureWidth + 0.04f * w;
        textWidthAvailable = w - mx - textLeft;
    }

    std::vector<std::string> words;
    if (step)
        words = step->lines;
    else
        words = {"Sleep well."};
    m_lines.clear();
    unsigned lineSize = scaledSize(0.046f, h);
    const unsigned minSize = scaledSize(0.032f, h);
    // Each sentence wrapped on its own, a little space between sentences; smaller until it fits.
    for (;;) {
        struct Placed {
            sf::String text;
            float top;
        };
        std::vector<Placed> placed;
        const float spacing = regular.getLineSpacing(lineSize) * 1.12f;
        float y = bandTop;
        for (const std::string& sentence : words) {
            for (auto& part : wrapText(sentence, regular, lineSize, textWidthAvailable)) {
                placed.push_back({part, y});
                y += spacing;
            }
            y += 0.4f * spacing;
        }
        if (y - 0.4f * spacing <= bandBottom || lineSize <= minSize) {
            for (const Placed& line : placed) {
                sf::Text text(line.text, regular, lineSize);
                text.setFillColor(palette::kTextSoft);
                placeLine(text, textLeft, line.top);
                if (text.getGlobalBounds().top + text.getGlobalBounds().height > bandBottom) break;
                m_lines.push_back(text);
            }
            break;
        }
        lineSize = std::max(minSize, lineSize - std::max(1u, lineSize / 14));
    }

    const std::string keys =
        m_guide.finished()
            ? "Enter or Esc to close"
            : std::string("Space or \u2192 when it eases     \u2190 back     S ") +
                  (m_guide.variant() == ReliefVariant::Calf ? "shin or foot" : "calf") +
                  "     Esc close";
    m_keys = makeText(keys, regular, scaledSize(0.032f, h), palette::kTextDim);
    shrinkToWidth(m_keys, contentWidth);
    placeLine(m_keys, w / 2.f, 0.79f * h, Align::Center);

    m_urgent.clear();
    const unsigned urgentSize = scaledSize(0.03f, h);
    const auto urgentLines = wrapText(kReliefUrgentLine, regular, urgentSize, contentWidth);
    for (std::size_t i = 0; i < urgentLines.size(); ++i) {
        sf::Text text(urgentLines[i], regular, urgentSize);
        text.setFillColor(palette::kAccentDim);
        placeLine(text, w / 2.f,
                  0.87f * h + static_cast<float>(i) * regular.getLineSpacing(urgentSize) * 1.1f,
                  Align::Center);
        m_urgent.push_back(text);
    }
}

void ReliefScene::draw(sf::RenderTarget& target) const {
    target.draw(m_heading);
    target.draw(m_position);
    target.draw(m_stepTitle);
    if (m_hasFigure) target.draw(m_figure);
    for (const auto& line : m_lines)
        target.draw(line);
    target.draw(m_keys);
    for (const auto& line : m_urgent)
        target.draw(line);
}

std::vector<sf::FloatRect> ReliefScene::textBounds() const {
    std::vector<sf::FloatRect> bounds{m_heading.getGlobalBounds(), m_position.getGlobalBounds(),
                                      m_stepTitle.getGlobalBounds(), m_keys.getGlobalBounds()};
    for (const auto& line : m_lines)
        bounds.push_back(line.getGlobalBounds());
    for (const auto& line : m_urgent)
        bounds.push_back(line.getGlobalBounds());
    return bounds;
}

sf::FloatRect ReliefScene::urgentBounds() const {
    sf::FloatRect all = m_urgent.empty() ? sf::FloatRect() : m_urgent.front().getGlobalBounds();
    for (const auto& line : m_urgent) {
        const sf::FloatRect b = line.getGlobalBounds();
        const float right = std::max(all.left + all.width, b.left + b.width);
        const float bottom = std::max(all.top + all.height, b.top + b.height);
        all.left = std::min(all.left, b.left);
        all.top = std::min(all.top, b.top);
        all.width = right - all.left;
        all.height = bottom - all.top;
    }
    return all;
}

} // namespace ns
