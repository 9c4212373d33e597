#include "overlays.hpp"

#include "layout.hpp"

#include <algorithm>
#include <optional>

namespace ns {

namespace {

sf::RectangleShape shade(sf::Vector2f size) {
    sf::RectangleShape rect(size);
    rect.setFillColor(palette::kShade);
    return rect;
}

sf::ConvexShape panel(sf::FloatRect box, float h) {
    auto shape = roundedRect({box.width, box.height}, 0.025f * h, palette::kSurface);
    shape.setPosition(box.left, box.top);
    shape.setOutlineColor(palette::kAccentDim);
    shape.setOutlineThickness(-std::max(1.f, 0.003f * h));
    return shape;
}

} // namespace

MessageOverlay::MessageOverlay(const Theme& theme, std::string title, std::string detail)
    : m_theme(theme), m_titleText(std::move(title)), m_detailText(std::move(detail)) {}

void MessageOverlay::layout(sf::Vector2f size) {
    const float w = size.x;
    const float h = size.y;
    m_shade = shade(size);
    const sf::FloatRect box{0.07f * w, 0.355f * h, 0.86f * w, 0.29f * h};
    m_panel = panel(box, h);
    const float inner = box.width * 0.9f;

    m_title = makeText(m_titleText, m_theme.bold(), scaledSize(0.072f, h), palette::kAccent);
    shrinkToWidth(m_title, inner);
    placeLine(m_title, w / 2.f, box.top + 0.055f * h, Align::Center);

    m_detail = makeText(m_detailText, m_theme.regular(), scaledSize(0.045f, h), palette::kText);
    shrinkToWidth(m_detail, inner);
    placeLine(m_detail, w / 2.f, box.top + 0.165f * h, Align::Center);
}

void MessageOverlay::draw(sf::RenderTarget& target) const {
    target.draw(m_shade);
    target.draw(m_panel);
    target.draw(m_title);
    if (!m_detailText.empty()) target.draw(m_detail);
}

std::vector<sf::FloatRect> MessageOverlay::textBounds() const {
    return {m_title.getGlobalBounds(), m_detail.getGlobalBounds()};
}

HelpOverlay::HelpOverlay(const Theme& theme, std::vector<HelpLine> lines)
    : m_theme(theme), m_lines(std::move(lines)) {}

void HelpOverlay::layout(sf::Vector2f size) {
    const float w = size.x;
    const float h = size.y;
    m_shade = shade(size);
    const sf::FloatRect box{0.1f * w, 0.06f * h, 0.8f * w, 0.88f * h};
    m_panel = panel(box, h);

    m_title = makeText("Keys", m_theme.bold(), scaledSize(0.058f, h), palette::kAccent);
    placeLine(m_title, w / 2.f, box.top + 0.03f * h, Align::Center);

    const auto& list = m_lines;
    const float top = box.top + 0.13f * h;
    const float bottom = box.top + box.height - 0.11f * h;
    const float spacing =
        (bottom - top) / static_cast<float>(std::max<std::size_t>(list.size(), 1));
    unsigned textSize = scaledSize(std::min(0.04f, spacing / h * 0.78f), h);
    const float keyColumn = box.left + box.width * 0.36f; // keys end here, right-aligned
    const float actionColumn = keyColumn + 0.04f * w;
    const float actionWidth = box.left + box.width * 0.95f - actionColumn;
    m_texts.clear();
    for (std::size_t i = 0; i < list.size(); ++i) {
        const float y = top + static_cast<float>(i) * spacing;
        sf::Text key = makeText(list[i].keys, m_theme.bold(), textSize, palette::kText);
        shrinkToWidth(key, keyColumn - box.left - 0.03f * w);
        placeLine(key, keyColumn, y, Align::Right);
        sf::Text action = makeText(list[i].words, m_theme.regular(), textSize, palette::kTextSoft);
        shrinkToWidth(action, actionWidth);
        placeLine(action, actionColumn, y);
        m_texts.push_back(key);
        m_texts.push_back(action);
    }

    m_footer = makeText("Press H or Esc to close this", m_theme.regular(), scaledSize(0.032f, h),
                        palette::kTextDim);
    shrinkToWidth(m_footer, box.width * 0.9f);
    placeLine(m_footer, w / 2.f, box.top + box.height - 0.075f * h, Align::Center);
}

void HelpOverlay::draw(sf::RenderTarget& target) const {
    target.draw(m_shade);
    target.draw(m_panel);
    target.draw(m_title);
    for (const auto& text : m_texts)
        target.draw(text);
    target.draw(m_footer);
}

std::vector<sf::FloatRect> HelpOverlay::textBounds() const {
    std::vector<sf::FloatRect> bounds{m_title.getGlobalBounds(), m_footer.getGlobalBounds()};
    for (const auto& text : m_texts)
        bounds.push_back(text.getGlobalBounds());
    return bounds;
}

Indicator::Indicator(const Theme& theme) : m_theme(theme) {}

void Indicator::show(const std::string& message, float level) {
    m_message = message;
    m_level = level;
    layout(m_size);
}

bool Indicator::keepClearOf(std::vector<sf::FloatRect> texts) {
    if (texts == m_avoid) return false;
    const sf::FloatRect before = box();
    m_avoid = std::move(texts);
    layout(m_size);
    return box() != before;
}

void Indicator::layout(sf::Vector2f size) {
    m_size = size;
    const float w = size.x;
    const float h = size.y;
    const unsigned textSize = scaledSize(0.042f, h);
    m_text = makeText(m_message, m_theme.bold(), textSize, palette::kText);
    shrinkToWidth(m_text, 0.5f * w);
    const float barWidth = m_level >= 0.f ? 0.22f * w : 0.f;
    const float gap = m_level >= 0.f ? 0.025f * w : 0.f;
    const float padX = 0.03f * w;
    const float textWidth = m_text.getLocalBounds().width;
    const float panelWidth = std::min(0.9f * w, textWidth + gap + barWidth + 2.f * padX);
    // Over the session's instructions: never over the phase, the countdown or "Next" (which tell
    // a person where they are), nor over a question's panel (above 0.645 h); gone in a moment.
    const float panelHeight = 0.085f * h;
    const float left = (w - panelWidth) / 2.f;
    auto clear = [&](float top) {
        const sf::FloatRect at{left, top, panelWidth, panelHeight};
        return std::none_of(m_avoid.begin(), m_avoid.end(),
                            [&at](const sf::FloatRect& text) { return at.intersects(text); });
    };
    // Its usual place, else the nearest clear one below it, else above it.
    const float usual = 0.66f * h;
    const float step = 0.005f * h;
    std::optional<float> top;
    if (clear(usual)) top = usual;
    for (float t = usual + step; !top && t + panelHeight <= 0.99f * h; t += step)
        if (clear(t)) top = t;
    for (float t = usual - step; !top && t >= 0.01f * h; t -= step)
        if (clear(t)) top = t;
    const sf::FloatRect box{left, top.value_or(usual), panelWidth, panelHeight};
    m_panel = panel(box, h);
    m_panel.setFillColor(palette::kSurfaceRaised);
    placeText(m_text, box.left + padX,
              box.top + (panelHeight - m_text.getLocalBounds().height) / 2.f);

    m_hasFill = m_level > 0.f;
    if (m_level >= 0.f) {
        const float barHeight = std::max(6.f, 0.018f * h);
        const sf::Vector2f barPos{box.left + padX + textWidth + gap,
                                  box.top + (panelHeight - barHeight) / 2.f};
        m_track = roundedRect({barWidth, barHeight}, barHeight / 2.f, palette::kTrack);
        m_track.setPosition(barPos);
        m_fill = roundedRect({std::max(barHeight, barWidth * std::min(1.f, m_level)), barHeight},
                             barHeight / 2.f, palette::kAccent);
        m_fill.setPosition(barPos);
    }
}

void Indicator::draw(sf::RenderTarget& target) const {
    target.draw(m_panel);
    target.draw(m_text);
    if (m_level >= 0.f) {
        target.draw(m_track);
        if (m_hasFill) target.draw(m_fill);
    }
}

std::vector<sf::FloatRect> Indicator::textBounds() const {
    return {m_text.getGlobalBounds()};
}

} // namespace ns
