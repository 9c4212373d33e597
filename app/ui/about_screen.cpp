#include "about_screen.hpp"

#include "about_text.hpp"
#include "layout.hpp"

#include <SFML/Graphics/RenderTarget.hpp>

#include <memory>

namespace ns {

AboutScreen::AboutScreen(const Theme& theme) : m_theme(theme), m_scene(theme) {}

bool AboutScreen::handle(const sf::Event& event, ScreenHost& host) {
    if (event.type == sf::Event::MouseButtonPressed || event.type == sf::Event::MouseMoved ||
        event.type == sf::Event::MouseWheelScrolled)
        return true;
    if (event.type != sf::Event::KeyPressed) return false;
    const Command command = commandFor(keyContext(), event.key);
    switch (command) {
    case Command::PageDown:
        m_scene.showPage(m_scene.page() + 1);
        return true;
    case Command::PageUp:
        m_scene.showPage(m_scene.page() - 1);
        return true;
    case Command::ShowWelcome:
        host.push(std::make_unique<WelcomeScreen>(m_theme));
        return true;
    case Command::CloseScreen:
        host.remove(*this);
        return true;
    case Command::ShowAbout:
        return true;
    default:
        return handleCommonCommand(command, keyContext(), host);
    }
}

void WelcomeScene::layout(sf::Vector2f size) {
    const float w = size.x;
    const float h = size.y;
    const float width = 0.84f * w;
    m_texts.clear();
    sf::Text title = makeText("Welcome to Nightstretch", m_theme.bold(), scaledSize(0.065f, h),
                              palette::kAccent);
    shrinkToWidth(title, width);
    placeLine(title, w / 2.f, 0.1f * h, Align::Center);
    m_texts.push_back(title);
    // The largest size at which every line fits above the keys (a small window gets smaller text).
    const float top = 0.22f * h;
    const float bottom = 0.83f * h;
    unsigned size0 = scaledSize(0.042f, h);
    float spacing = 0.f;
    for (float share = 0.042f; share >= 0.024f; share -= 0.002f) {
        size0 = scaledSize(share, h);
        spacing = m_theme.regular().getLineSpacing(size0) * 1.12f;
        float height = 0.f;
        for (const std::string& line : welcomeLines())
            height += (static_cast<float>(wrapText(line, m_theme.regular(), size0, width).size()) +
                       0.5f) *
                      spacing;
        if (top + height - 0.5f * spacing <= bottom) break;
    }
    float y = top;
    for (const std::string& line : welcomeLines()) {
        for (const sf::String& part : wrapText(line, m_theme.regular(), size0, width)) {
            sf::Text text(part, m_theme.regular(), size0);
            text.setFillColor(palette::kTextSoft);
            placeLine(text, (w - width) / 2.f, y);
            m_texts.push_back(text);
            y += spacing;
        }
        y += 0.5f * spacing;
    }
    sf::Text keys = makeText("Enter to begin     I leg cramps: what helps     C during a cramp",
                             m_theme.regular(), scaledSize(0.032f, h), palette::kTextDim);
    shrinkToWidth(keys, width);
    placeLine(keys, w / 2.f, 0.88f * h, Align::Center);
    m_texts.push_back(keys);
}

void WelcomeScene::draw(sf::RenderTarget& target) const {
    for (const auto& text : m_texts)
        target.draw(text);
}

std::vector<sf::FloatRect> WelcomeScene::textBounds() const {
    std::vector<sf::FloatRect> bounds;
    for (const auto& text : m_texts)
        bounds.push_back(text.getGlobalBounds());
    return bounds;
}

bool WelcomeScreen::handle(const sf::Event& event, ScreenHost& host) {
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
    if (command == Command::ShowAbout) {
        host.remove(*this);
        host.push(std::make_unique<AboutScreen>(m_theme));
        return true;
    }
    return handleCommonCommand(command, keyContext(), host);
}

} // namespace ns
