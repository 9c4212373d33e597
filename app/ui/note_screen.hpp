// A calm note in a quiet panel over the screen: a heading, a few paragraphs, the keys. The doctor
// note after a check-in and the six-week review use it; Enter, Space or Esc closes it.
#pragma once

#include "scene.hpp"
#include "screen.hpp"
#include "theme.hpp"

#include <SFML/Graphics/ConvexShape.hpp>
#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/Text.hpp>

#include <string>
#include <vector>

namespace ns {

class NoteOverlay final : public Scene {
  public:
    NoteOverlay(const Theme& theme, std::string heading, std::vector<std::string> paragraphs,
                std::string keys);
    void layout(sf::Vector2f size) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<sf::FloatRect> textBounds() const override;
    const std::string& heading() const { return m_heading; }
    sf::FloatRect box() const { return m_panel.getGlobalBounds(); }
    const std::vector<std::string>& paragraphs() const { return m_paragraphs; }

  private:
    const Theme& m_theme;
    std::string m_heading;
    std::vector<std::string> m_paragraphs;
    std::string m_keys;
    sf::RectangleShape m_shade;
    sf::ConvexShape m_panel;
    std::vector<sf::Text> m_texts;
};

class NoteScreen final : public Screen {
  public:
    NoteScreen(const Theme& theme, std::string heading, std::vector<std::string> paragraphs,
               std::string keys)
        : m_overlay(theme, std::move(heading), std::move(paragraphs), std::move(keys)) {}

    KeyContext keyContext() const override { return KeyContext::Note; }
    bool handle(const sf::Event& event, ScreenHost& host) override;
    void layout(sf::Vector2f size) override { m_overlay.layout(size); }
    void draw(sf::RenderTarget& target) const override { m_overlay.draw(target); }
    bool opaque() const override { return false; }
    // The whole panel: a message goes under it, not over its last lines.
    std::vector<sf::FloatRect> dialogParts() const override { return {m_overlay.box()}; }

    const NoteOverlay& overlay() const { return m_overlay; }

  private:
    NoteOverlay m_overlay;
};

} // namespace ns
