// The banner: wrapped lines in a framed panel with a terracotta edge, sized to its words.
#include "banner.hpp"

#include "layout.hpp"

#include <algorithm>

namespace ns {

namespace {

constexpr float kHeadlineSize = 0.036f; // of the window height
constexpr float kDetailSize = 0.029f;
constexpr float kMinDetailSize = 0.022f;

float lineHeight(unsigned size) {
    return static_cast<float>(size) * 1.25f;
}

} // namespace

float Banner::layout(float left, float bottom, float width, float maxHeight, float height) {
    m_lines.clear();
    m_box = {};
    if (!shown()) return 0.f;
    const float padX = std::max(10.f, 0.022f * height);
    const float padY = std::max(6.f, 0.016f * height);
    const float edge = std::max(4.f, 0.008f * height);
    const float textWidth = width - 2.f * padX - edge;

    // Smaller detail text until everything fits the room given.
    float detailFraction = kDetailSize;
    float total = 0.f;
    for (int attempt = 0; attempt < 6; ++attempt) {
        m_lines.clear();
        const unsigned headSize = scaledSize(kHeadlineSize * detailFraction / kDetailSize, height);
        const unsigned detailSize = scaledSize(detailFraction, height);
        float y = 0.f;
        auto addLines = [&](const std::string& words, const sf::Font& font, unsigned size,
                            sf::Color colour) {
            if (words.empty()) return;
            for (const sf::String& line : wrapText(words, font, size, textWidth)) {
                sf::Text text(line, font, size);
                text.setFillColor(colour);
                placeLine(text, left + edge + padX, y);
                m_lines.push_back(text);
                y += lineHeight(size);
            }
        };
        addLines(m_text.headline, m_theme.bold(), headSize, palette::kError);
        if (!m_compact) addLines(m_text.detail, m_theme.regular(), detailSize, palette::kText);
        addLines(m_text.action, m_theme.bold(), detailSize, palette::kAccent);
        total = y + 2.f * padY;
        if (total <= maxHeight || detailFraction <= kMinDetailSize) break;
        detailFraction = std::max(kMinDetailSize, detailFraction * 0.9f);
    }
    const float top = bottom - total;
    for (sf::Text& line : m_lines)
        line.move(0.f, top + padY);
    m_box = {left, top, width, total};
    const float radius = 0.012f * height;
    m_frame = roundedRect({width, total}, radius, palette::kSurfaceRaised);
    m_frame.setOutlineColor(palette::kError);
    m_frame.setOutlineThickness(-std::max(1.f, 0.0025f * height));
    m_frame.setPosition(left, top);
    m_edge = roundedRect({edge, total}, std::min(radius, edge / 2.f), palette::kError);
    m_edge.setPosition(left, top);
    return total;
}

void Banner::draw(sf::RenderTarget& target) const {
    if (!shown()) return;
    target.draw(m_frame);
    target.draw(m_edge);
    for (const sf::Text& line : m_lines)
        target.draw(line);
}

std::vector<sf::FloatRect> Banner::textBounds() const {
    std::vector<sf::FloatRect> bounds;
    for (const sf::Text& line : m_lines)
        bounds.push_back(line.getGlobalBounds());
    return bounds;
}

std::vector<std::string> Banner::texts() const {
    std::vector<std::string> strings;
    for (const sf::Text& line : m_lines)
        strings.push_back(utf8Of(line));
    return strings;
}

} // namespace ns
