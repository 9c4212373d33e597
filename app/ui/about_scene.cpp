#include "about_scene.hpp"

#include "about_text.hpp"
#include "layout.hpp"

#include <SFML/Graphics/RenderTarget.hpp>

#include <algorithm>

namespace ns {

namespace {

constexpr char kBullet[] = "\u2022  ";

} // namespace

AboutScene::AboutScene(const Theme& theme) : m_theme(theme) {}

void AboutScene::layout(sf::Vector2f size) {
    m_size = size;
    const float w = size.x;
    const float h = size.y;
    const float mx = 0.06f * w;
    const float width = w - 2.f * mx;
    const sf::Font& regular = m_theme.regular();
    const sf::Font& bold = m_theme.bold();

    m_title = makeText(kAboutTitle, bold, scaledSize(0.05f, h), palette::kAccent);
    shrinkToWidth(m_title, width);
    placeLine(m_title, w / 2.f, 0.04f * h, Align::Center);

    const unsigned headingSize = scaledSize(0.04f, h);
    const unsigned bodySize = scaledSize(0.034f, h);
    const float headingSpacing = bold.getLineSpacing(headingSize) * 1.1f;
    const float bodySpacing = regular.getLineSpacing(bodySize) * 1.1f;
    const float top = 0.14f * h;
    const float bottom = 0.86f * h;
    const sf::String bulletText = sf::String::fromUtf8(kBullet, kBullet + sizeof kBullet - 1);
    const float bullet = textWidth(bulletText, regular, bodySize);
    auto lineCount = [&](const std::string& sentence) {
        return static_cast<float>(wrapText(sentence, regular, bodySize, width - bullet).size());
    };

    m_pages.assign(1, {});
    float y = top;
    for (const AboutSection& section : aboutSections()) {
        if (y > top) y += 0.4f * bodySpacing;
        // The heading and its whole first sentence stay together.
        const float firstSentence =
            section.sentences.empty() ? 0.f : lineCount(section.sentences.front()) * bodySpacing;
        if (y + headingSpacing + firstSentence > bottom && !m_pages.back().empty()) {
            m_pages.emplace_back();
            y = top;
        }
        sf::Text heading = makeText(section.heading, bold, headingSize, palette::kText);
        shrinkToWidth(heading, width);
        placeLine(heading, mx, y);
        m_pages.back().push_back(heading);
        y += headingSpacing;
        for (const std::string& sentence : section.sentences) {
            const auto lines = wrapText(sentence, regular, bodySize, width - bullet);
            // A sentence is never split between pages.
            if (y + static_cast<float>(lines.size()) * bodySpacing > bottom) {
                m_pages.emplace_back();
                y = top;
                // A list that goes on says what it is again.
                sf::Text again =
                    makeText(section.heading + " (continued)", bold, headingSize, palette::kText);
                shrinkToWidth(again, width);
                placeLine(again, mx, y);
                m_pages.back().push_back(again);
                y += headingSpacing;
            }
            for (std::size_t i = 0; i < lines.size(); ++i) {
                sf::Text text((i == 0 ? bulletText : sf::String()) + lines[i], regular, bodySize);
                text.setFillColor(palette::kTextSoft);
                placeLine(text, i == 0 ? mx : mx + bullet, y);
                m_pages.back().push_back(text);
                y += bodySpacing;
            }
        }
    }
    m_page = std::clamp(m_page, 0, pageCount() - 1);
    placeFooter();
}

void AboutScene::placeFooter() {
    const float w = m_size.x;
    const float h = m_size.y;
    std::string footer;
    if (pageCount() > 1)
        footer = "Page " + std::to_string(m_page + 1) + " of " + std::to_string(pageCount()) +
                 (m_page + 1 < pageCount() ? "     \u2192 more" : "") +
                 (m_page > 0 ? "     \u2190 back" : "") + "     ";
    footer += "W welcome     Esc close";
    m_footer = makeText(footer, m_theme.regular(), scaledSize(0.032f, h), palette::kTextDim);
    shrinkToWidth(m_footer, 0.9f * w);
    placeLine(m_footer, w / 2.f, 0.91f * h, Align::Center);
}

bool AboutScene::showPage(int page) {
    if (page < 0 || page >= pageCount() || page == m_page) return false;
    m_page = page;
    placeFooter();
    return true;
}

void AboutScene::draw(sf::RenderTarget& target) const {
    target.draw(m_title);
    for (const auto& text : m_pages[static_cast<std::size_t>(m_page)])
        target.draw(text);
    target.draw(m_footer);
}

std::vector<sf::FloatRect> AboutScene::textBounds() const {
    std::vector<sf::FloatRect> bounds{m_title.getGlobalBounds(), m_footer.getGlobalBounds()};
    for (const auto& text : m_pages[static_cast<std::size_t>(m_page)])
        bounds.push_back(text.getGlobalBounds());
    return bounds;
}

std::vector<std::string> AboutScene::allLines() const {
    std::vector<std::string> out;
    for (const auto& page : m_pages)
        for (const auto& text : page) {
            const auto utf8 = text.getString().toUtf8();
            out.emplace_back(utf8.begin(), utf8.end());
        }
    return out;
}

} // namespace ns
