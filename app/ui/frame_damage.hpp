// What changed on the screen since the last frame shown: nothing, a few rectangles, or
// everything. The window shows only the changed part of a frame when it can (FramePresenter).
#pragma once

#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/Shape.hpp>
#include <SFML/Graphics/Text.hpp>
#include <SFML/Graphics/Transformable.hpp>

#include <vector>

namespace ns {

class FrameDamage {
  public:
    static FrameDamage everything();

    // In the coordinates the scenes draw in (the window's view).
    void add(const sf::FloatRect& rect);
    void add(const FrameDamage& other);
    void addEverything();
    void clear();

    bool isEverything() const { return m_everything; }
    bool empty() const { return !m_everything && m_rects.empty(); }
    // Meaningless when isEverything().
    const std::vector<sf::FloatRect>& rects() const { return m_rects; }

  private:
    bool m_everything = false;
    std::vector<sf::FloatRect> m_rects;
};

// The smallest rectangle holding both (an empty one counts for nothing).
sf::FloatRect unite(const sf::FloatRect& a, const sf::FloatRect& b);

// Where the pixels of `before` and `after` (the same text object, before and after a change)
// can differ: only the characters that changed when the text kept its place, size and length
// (a countdown going from 25 to 24), or the whole of both texts otherwise.
FrameDamage textChange(const sf::Text& before, const sf::Text& after);

// Whether something drawn within `drawn` can reach a pixel of `part` (glyphs spill a little).
bool mayTouch(const sf::FloatRect& drawn, const sf::FloatRect& part);

// Where a shape's pixels can differ: nothing when it is the same, else the whole of both.
FrameDamage shapeChange(const sf::Shape& before, const sf::Shape& after);

} // namespace ns
