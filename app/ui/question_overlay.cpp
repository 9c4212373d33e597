#include "question_overlay.hpp"

#include "layout.hpp"

#include <algorithm>

namespace ns {

QuestionOverlay::QuestionOverlay(const Theme& theme, std::string title, std::string detail,
                                 std::string acceptLabel, std::string declineLabel,
                                 std::string otherLabel)
    : m_theme(theme), m_titleText(std::move(title)), m_detailText(std::move(detail)),
      m_acceptText(std::move(acceptLabel)), m_declineText(std::move(declineLabel)),
      m_otherText(std::move(otherLabel)) {}

QuestionOverlay::Button QuestionOverlay::makeButton(sf::FloatRect box, const std::string& label,
                                                    unsigned size, sf::Color fill,
                                                    sf::Color text) const {
    Button button;
    button.box = box;
    button.shape = roundedRect({box.width, box.height}, 0.18f * box.height, fill);
    button.shape.setPosition(box.left, box.top);
    button.label = makeText(label, m_theme.bold(), size, text);
    shrinkToWidth(button.label, box.width * 0.86f);
    placeText(button.label, box.left + box.width / 2.f,
              box.top + (box.height - button.label.getLocalBounds().height) / 2.f, Align::Center);
    return button;
}

void QuestionOverlay::layout(sf::Vector2f size) {
    const float w = size.x;
    const float h = size.y;
    m_shade.setSize(size);
    m_shade.setFillColor(palette::kShade);
    const sf::FloatRect box{0.06f * w, 0.2f * h, 0.88f * w, 0.6f * h};
    m_panel = roundedRect({box.width, box.height}, 0.025f * h, palette::kSurface);
    m_panel.setPosition(box.left, box.top);
    m_panel.setOutlineColor(palette::kAccentDim);
    m_panel.setOutlineThickness(-std::max(1.f, 0.003f * h));
    const float inner = box.width * 0.9f;

    m_title = makeText(m_titleText, m_theme.bold(), scaledSize(0.06f, h), palette::kAccent);
    shrinkToWidth(m_title, inner);
    placeLine(m_title, w / 2.f, box.top + 0.05f * h, Align::Center);

    // The sentence wraps (at most three lines) rather than shrinking out of reach of tired eyes.
    unsigned detailSize = scaledSize(0.04f, h);
    std::vector<sf::String> lines = wrapText(m_detailText, m_theme.regular(), detailSize, inner);
    while (lines.size() > 3 && detailSize > 12) {
        --detailSize;
        lines = wrapText(m_detailText, m_theme.regular(), detailSize, inner);
    }
    m_detail.clear();
    const float lineHeight = static_cast<float>(detailSize) * 1.3f;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        sf::Text line("", m_theme.regular(), detailSize);
        line.setString(lines[i]);
        line.setFillColor(palette::kText);
        placeLine(line, w / 2.f, box.top + 0.16f * h + static_cast<float>(i) * lineHeight,
                  Align::Center);
        m_detail.push_back(line);
    }

    // Left to right: accept, the other answer if any, decline.
    const float buttonHeight = 0.11f * h;
    const float gap = (m_otherText.empty() ? 0.04f : 0.025f) * w;
    const float count = m_otherText.empty() ? 2.f : 3.f;
    const float buttonWidth = (inner - (count - 1.f) * gap) / count;
    const float left = w / 2.f - inner / 2.f;
    const float top = box.top + box.height - buttonHeight - 0.05f * h;
    const unsigned buttonText = scaledSize(0.04f, h);
    m_accept = makeButton({left, top, buttonWidth, buttonHeight}, m_acceptText, buttonText,
                          palette::kAccent, palette::kBackground);
    if (!m_otherText.empty())
        m_other = makeButton({left + buttonWidth + gap, top, buttonWidth, buttonHeight},
                             m_otherText, buttonText, palette::kTrack, palette::kText);
    m_decline = makeButton({left + inner - buttonWidth, top, buttonWidth, buttonHeight},
                           m_declineText, buttonText, palette::kTrack, palette::kText);
}

QuestionOverlay::Answer QuestionOverlay::buttonAt(sf::Vector2f point) const {
    if (m_accept.box.contains(point)) return Answer::Accept;
    if (m_decline.box.contains(point)) return Answer::Decline;
    if (!m_otherText.empty() && m_other.box.contains(point)) return Answer::Other;
    return Answer::None;
}

void QuestionOverlay::draw(sf::RenderTarget& target) const {
    target.draw(m_shade);
    target.draw(m_panel);
    target.draw(m_title);
    for (const sf::Text& line : m_detail)
        target.draw(line);
    for (const Button* button : {&m_accept, &m_decline}) {
        target.draw(button->shape);
        target.draw(button->label);
    }
    if (!m_otherText.empty()) {
        target.draw(m_other.shape);
        target.draw(m_other.label);
    }
}

std::vector<sf::FloatRect> QuestionOverlay::textBounds() const {
    std::vector<sf::FloatRect> bounds{m_title.getGlobalBounds(), m_accept.label.getGlobalBounds(),
                                      m_decline.label.getGlobalBounds()};
    for (const sf::Text& line : m_detail)
        bounds.push_back(line.getGlobalBounds());
    if (!m_otherText.empty()) bounds.push_back(m_other.label.getGlobalBounds());
    return bounds;
}

} // namespace ns
