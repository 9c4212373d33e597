// Text and shape helpers shared by the scenes: wrapping, fitting to a width, placing by the
// visible glyph box, rounded bars, and the time formats shown on screen.
#pragma once

#include <SFML/Graphics/ConvexShape.hpp>
#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/Shape.hpp>
#include <SFML/Graphics/Text.hpp>

#include <string>
#include <vector>

namespace ns {

// "25" under a minute, "1:05" from a minute on: what the countdown shows for `seconds`.
std::string formatCountdown(int seconds);
// (formatClock "4:30" and formatMinutes "8 min 20 s" come from the core's format.hpp.)

// A text from UTF-8 (every string on screen goes through here, so "—" is not a box).
sf::Text makeText(const std::string& utf8, const sf::Font& font, unsigned size, sf::Color color);

// What a text says, back in UTF-8 (tests read the words a scene laid out).
std::string utf8Of(const sf::Text& text);

// Width of `s` set in `font` at `size`.
float textWidth(const sf::String& s, const sf::Font& font, unsigned size);

// Breaks `utf8` into lines no wider than `maxWidth`: at spaces when it can, and inside a word
// (after '/', or anywhere) when a single word is too long, as file paths are.
std::vector<sf::String> wrapText(const std::string& utf8, const sf::Font& font, unsigned size,
                                 float maxWidth);

// Shortens `s` with a trailing "…" until it fits `maxWidth`.
sf::String ellipsize(const sf::String& s, const sf::Font& font, unsigned size, float maxWidth);

// Lowers the character size of `text` until it is no wider than `maxWidth` (never below
// `minSize`).
void shrinkToWidth(sf::Text& text, float maxWidth, unsigned minSize = 8);

enum class Align { Left, Center, Right };

// Places `text` so that its visible glyph box starts at `top` and is aligned on `x`.
void placeText(sf::Text& text, float x, float top, Align align = Align::Left);

// Places `text` on a line box whose top is `lineTop`, so lines of one size share a baseline.
void placeLine(sf::Text& text, float x, float lineTop, Align align = Align::Left);

// The outline of a rectangle with round corners (radius clamped to half the shorter side),
// clockwise from the top of the right edge.
std::vector<sf::Vector2f> roundedRectPoints(sf::Vector2f size, float radius,
                                            unsigned pointsPerCorner = 8);

// A rectangle with round corners.
sf::ConvexShape roundedRect(sf::Vector2f size, float radius, sf::Color fill,
                            unsigned pointsPerCorner = 8);

// The same shape for what changes every second (the session's bars): sf::ConvexShape works out
// its whole outline again for each point set, this works it out once.
class RoundedRect final : public sf::Shape {
  public:
    RoundedRect() { update(); }
    RoundedRect(sf::Vector2f size, float radius, sf::Color fill, unsigned pointsPerCorner = 8);

    std::size_t getPointCount() const override { return m_points.size(); }
    sf::Vector2f getPoint(std::size_t index) const override { return m_points[index]; }

  private:
    std::vector<sf::Vector2f> m_points;
};

// A character size as a fraction of the window height, never tiny.
unsigned scaledSize(float fraction, float height, unsigned minimum = 10);

} // namespace ns
