// A problem the person must know about, as a framed block in plain view (not grey corner text):
// a headline (what is not being saved), a sentence of detail, and a line saying what to do.
// Other code may add an action line (a command to restore, a button's words) without changing
// the layout.
#pragma once

#include "history_problem.hpp"
#include "theme.hpp"

#include <SFML/Graphics/ConvexShape.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Text.hpp>

#include <string>
#include <vector>

namespace ns {

// A headline, a detail and an action line (history_problem.hpp has the words).
using BannerText = ProblemWords;

class Banner {
  public:
    explicit Banner(const Theme& theme) : m_theme(theme) {}

    void set(BannerText text) { m_text = std::move(text); }
    // Headline and action only (a session, where the instructions need the room).
    void setCompact(bool compact) { m_compact = compact; }
    const BannerText& text() const { return m_text; }
    bool shown() const { return !m_text.empty(); }

    // Lays the banner out `width` wide with its bottom edge at `bottom`, in a window `height`
    // tall; returns its height (0 when there is nothing to show). Lines shrink before they wrap
    // past `maxHeight`.
    float layout(float left, float bottom, float width, float maxHeight, float height);

    void draw(sf::RenderTarget& target) const;
    sf::FloatRect box() const { return m_box; }
    std::vector<sf::FloatRect> textBounds() const;
    std::vector<std::string> texts() const; // the lines as laid out, in the same order

  private:
    const Theme& m_theme;
    BannerText m_text;
    bool m_compact = false;
    sf::FloatRect m_box;
    sf::ConvexShape m_frame;
    sf::ConvexShape m_edge;
    std::vector<sf::Text> m_lines;
};

} // namespace ns
