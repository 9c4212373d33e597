// What is drawn over a screen: a message (paused, "stop the routine?"), the list of keys, and a
// brief indicator (volume, mute) that disappears by itself.
#pragma once

#include "keymap.hpp"
#include "scene.hpp"
#include "theme.hpp"

#include <SFML/Graphics/ConvexShape.hpp>
#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/Text.hpp>

#include <string>
#include <utility>
#include <vector>

namespace ns {

// A shaded screen with a panel: a large title and a quieter line under it.
class MessageOverlay final : public Scene {
  public:
    MessageOverlay(const Theme& theme, std::string title, std::string detail);

    void layout(sf::Vector2f size) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<sf::FloatRect> textBounds() const override;
    sf::FloatRect box() const { return m_panel.getGlobalBounds(); }

  private:
    const Theme& m_theme;
    std::string m_titleText;
    std::string m_detailText;
    sf::RectangleShape m_shade;
    sf::ConvexShape m_panel;
    sf::Text m_title;
    sf::Text m_detail;
};

// The keys and what they do, as the keymap says for one screen.
class HelpOverlay final : public Scene {
  public:
    HelpOverlay(const Theme& theme, std::vector<HelpLine> lines);

    void layout(sf::Vector2f size) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<sf::FloatRect> textBounds() const override;

    const std::vector<HelpLine>& lines() const { return m_lines; }
    void setLines(std::vector<HelpLine> lines) { m_lines = std::move(lines); } // then layout()

  private:
    const Theme& m_theme;
    std::vector<HelpLine> m_lines;
    sf::RectangleShape m_shade;
    sf::ConvexShape m_panel;
    sf::Text m_title;
    std::vector<sf::Text> m_texts;
    sf::Text m_footer;
};

// A small panel under the session's draining bar and under a question's panel: "Volume 70 %"
// with a bar, or "Sound off". Over a dialog with lines lower down (a note), it moves below them,
// or above them when there is no room below: it never covers the dialog's words.
class Indicator final : public Scene {
  public:
    explicit Indicator(const Theme& theme);

    // `level` 0..1 draws a bar; a negative level draws the message alone.
    void show(const std::string& message, float level);
    // What the dialogs shown under it must keep in sight; true when that moved the panel.
    bool keepClearOf(std::vector<sf::FloatRect> texts);

    void layout(sf::Vector2f size) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<sf::FloatRect> textBounds() const override;
    sf::FloatRect box() const { return m_panel.getGlobalBounds(); }

  private:
    const Theme& m_theme;
    sf::Vector2f m_size{1280.f, 800.f};
    std::string m_message;
    float m_level = -1.f;
    std::vector<sf::FloatRect> m_avoid;
    sf::ConvexShape m_panel;
    sf::Text m_text;
    sf::ConvexShape m_track;
    sf::ConvexShape m_fill;
    bool m_hasFill = false;
};

} // namespace ns
