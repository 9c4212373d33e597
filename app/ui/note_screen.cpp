#include "note_screen.hpp"

#include "layout.hpp"

#include <SFML/Graphics/RenderTarget.hpp>

namespace ns {

NoteOverlay::NoteOverlay(const Theme& theme, std::string heading,
                         std::vector<std::string> paragraphs, std::string keys)
    : m_theme(theme), m_heading(std::move(heading)), m_paragraphs(std::move(paragraphs)),
      m_keys(std::move(keys)) {}

void NoteOverlay::layout(sf::Vector2f size) {
    const float w = size.x;
    const float h = size.y;
    m_shade.setSize(size);
    m_shade.setFillColor(palette::kShade);
    // Room under it for the indicator ("Saved in your diary").
    const sf::FloatRect box{0.08f * w, 0.06f * h, 0.84f * w, 0.74f * h};
    m_panel = roundedRect({box.width, box.height}, 0.025f * h, palette::kSurface);
    m_panel.setPosition(box.left, box.top);
    m_panel.setOutlineColor(palette::kAccentDim);
    m_panel.setOutlineThickness(-std::max(1.f, 0.003f * h));
    const float left = box.left + 0.04f * w;
    const float width = box.width - 0.08f * w;

    const float keysTop = box.top + box.height - 0.07f * h;
    // Smaller words until everything is above the keys.
    for (float scale = 1.f;; scale -= 0.08f) {
        m_texts.clear();
        float y = box.top + 0.045f * h;
        auto addWrapped = [&](const std::string& words, const sf::Font& font, unsigned size,
                              sf::Color colour) {
            const float spacing = font.getLineSpacing(size) * 1.1f;
            for (const sf::String& line : wrapText(words, font, size, width)) {
                sf::Text text(line, font, size);
                text.setFillColor(colour);
                placeLine(text, left, y);
                m_texts.push_back(text);
                y += spacing;
            }
            y += 0.5f * spacing;
        };
        addWrapped(m_heading, m_theme.bold(), scaledSize(0.045f * scale, h), palette::kAccent);
        for (const std::string& paragraph : m_paragraphs)
            addWrapped(paragraph, m_theme.regular(), scaledSize(0.036f * scale, h), palette::kText);
        if (y <= keysTop || scale < 0.7f) break;
    }
    sf::Text keys = makeText(m_keys, m_theme.regular(), scaledSize(0.03f, h), palette::kTextDim);
    shrinkToWidth(keys, width);
    placeLine(keys, w / 2.f, keysTop, Align::Center);
    m_texts.push_back(keys);
}

void NoteOverlay::draw(sf::RenderTarget& target) const {
    target.draw(m_shade);
    target.draw(m_panel);
    for (const auto& text : m_texts)
        target.draw(text);
}

std::vector<sf::FloatRect> NoteOverlay::textBounds() const {
    std::vector<sf::FloatRect> bounds;
    for (const auto& text : m_texts)
        bounds.push_back(text.getGlobalBounds());
    return bounds;
}

bool NoteScreen::handle(const sf::Event& event, ScreenHost& host) {
    if (event.type == sf::Event::MouseButtonPressed) {
        host.remove(*this);
        return true;
    }
    if (event.type != sf::Event::KeyPressed) return event.type == sf::Event::MouseMoved;
    const Command command = commandFor(keyContext(), event.key);
    if (command == Command::CloseScreen) {
        host.remove(*this);
        return true;
    }
    handleCommonCommand(command, keyContext(), host);
    return true; // the screen under the note waits
}

} // namespace ns
