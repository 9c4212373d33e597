#include "frame_damage.hpp"

#include <SFML/Graphics/Font.hpp>

#include <algorithm>
#include <cmath>
#include <optional>

namespace ns {

namespace {

// SFML draws each glyph's quad a pixel beyond its bounds, and smooth filtering can reach one more.
constexpr float kGlyphMargin = 3.f;
// Shapes are drawn without anti-aliasing: a pixel is theirs when its centre is inside.
constexpr float kShapeMargin = 2.f;

struct GlyphSpan {
    sf::Uint32 character;
    float left;  // pen position plus the glyph's left bearing, in the text's local coordinates
    float right; // zero-width for spaces, which SFML draws nothing for
};

// Each character's horizontal extent the way SFML 2.5 lays out one line (kerning, then the glyph
// at the pen, then its advance); nothing when the text is not a plain single line.
std::optional<std::vector<GlyphSpan>> glyphSpans(const sf::Text& text) {
    const sf::Font* font = text.getFont();
    if (!font || text.getStyle() != sf::Text::Regular || text.getOutlineThickness() != 0.f ||
        text.getLetterSpacing() != 1.f)
        return std::nullopt;
    const sf::String& string = text.getString();
    const unsigned size = text.getCharacterSize();
    std::vector<GlyphSpan> spans;
    float x = 0.f;
    sf::Uint32 previous = 0;
    float inkLeft = 0.f;
    float inkRight = 0.f;
    bool anyInk = false;
    for (std::size_t i = 0; i < string.getSize(); ++i) {
        const sf::Uint32 c = string[i];
        if (c == '\n' || c == '\t' || c == '\r' || c == '\v') return std::nullopt;
        x += font->getKerning(previous, c, size);
        previous = c;
        const sf::Glyph& glyph = font->getGlyph(c, size, false);
        if (c == ' ') {
            spans.push_back({c, x, x});
        } else {
            const float left = x + glyph.bounds.left;
            const float right = left + glyph.bounds.width;
            spans.push_back({c, left, right});
            inkLeft = anyInk ? std::min(inkLeft, left) : left;
            inkRight = anyInk ? std::max(inkRight, right) : right;
            anyInk = true;
        }
        x += glyph.advance;
    }
    // Checked against SFML's own bounds, so a different layout rule falls back to the whole text.
    const sf::FloatRect bounds = text.getLocalBounds();
    if (anyInk && (std::abs(bounds.left - inkLeft) > 0.5f ||
                   std::abs(bounds.left + bounds.width - inkRight) > 0.5f))
        return std::nullopt;
    return spans;
}

bool sameMatrix(const sf::Transform& a, const sf::Transform& b) {
    return std::equal(a.getMatrix(), a.getMatrix() + 16, b.getMatrix());
}

sf::FloatRect inflate(const sf::FloatRect& r, float by) {
    return {r.left - by, r.top - by, r.width + 2.f * by, r.height + 2.f * by};
}

} // namespace

FrameDamage FrameDamage::everything() {
    FrameDamage damage;
    damage.addEverything();
    return damage;
}

void FrameDamage::add(const sf::FloatRect& rect) {
    if (m_everything || rect.width <= 0.f || rect.height <= 0.f) return;
    m_rects.push_back(rect);
}

void FrameDamage::add(const FrameDamage& other) {
    if (other.m_everything) {
        addEverything();
        return;
    }
    for (const auto& rect : other.m_rects)
        add(rect);
}

void FrameDamage::addEverything() {
    m_everything = true;
    m_rects.clear();
}

void FrameDamage::clear() {
    m_everything = false;
    m_rects.clear();
}

sf::FloatRect unite(const sf::FloatRect& a, const sf::FloatRect& b) {
    if (a.width <= 0.f || a.height <= 0.f) return b;
    if (b.width <= 0.f || b.height <= 0.f) return a;
    const float left = std::min(a.left, b.left);
    const float top = std::min(a.top, b.top);
    const float right = std::max(a.left + a.width, b.left + b.width);
    const float bottom = std::max(a.top + a.height, b.top + b.height);
    return {left, top, right - left, bottom - top};
}

FrameDamage textChange(const sf::Text& before, const sf::Text& after) {
    FrameDamage damage;
    const bool samePlace = before.getFont() == after.getFont() &&
                           before.getCharacterSize() == after.getCharacterSize() &&
                           before.getFillColor() == after.getFillColor() &&
                           before.getString().getSize() == after.getString().getSize() &&
                           sameMatrix(before.getTransform(), after.getTransform());
    if (samePlace && before.getString() == after.getString() &&
        before.getStyle() == after.getStyle() &&
        before.getOutlineThickness() == after.getOutlineThickness() &&
        before.getOutlineColor() == after.getOutlineColor() &&
        before.getLetterSpacing() == after.getLetterSpacing() &&
        before.getLineSpacing() == after.getLineSpacing())
        return damage; // drawn the same
    const auto oldSpans = samePlace ? glyphSpans(before) : std::nullopt;
    const auto newSpans = samePlace ? glyphSpans(after) : std::nullopt;
    if (!oldSpans || !newSpans) {
        damage.add(inflate(before.getGlobalBounds(), kGlyphMargin));
        damage.add(inflate(after.getGlobalBounds(), kGlyphMargin));
        return damage;
    }
    // Every glyph sits within the line's ink, top to bottom, before and after.
    const sf::FloatRect oldInk = before.getLocalBounds();
    const sf::FloatRect newInk = after.getLocalBounds();
    const float top = std::min(oldInk.top, newInk.top);
    const float bottom = std::max(oldInk.top + oldInk.height, newInk.top + newInk.height);
    const sf::Transform& transform = after.getTransform();
    for (std::size_t i = 0; i < oldSpans->size(); ++i) {
        const GlyphSpan& o = (*oldSpans)[i];
        const GlyphSpan& n = (*newSpans)[i];
        if (o.character == n.character && o.left == n.left && o.right == n.right) continue;
        for (const GlyphSpan& span : {o, n})
            if (span.right > span.left)
                damage.add(inflate(
                    transform.transformRect({span.left, top, span.right - span.left, bottom - top}),
                    kGlyphMargin));
    }
    return damage;
}

bool mayTouch(const sf::FloatRect& drawn, const sf::FloatRect& part) {
    return inflate(drawn, kGlyphMargin).intersects(part);
}

FrameDamage shapeChange(const sf::Shape& before, const sf::Shape& after) {
    FrameDamage damage;
    const std::size_t count = before.getPointCount();
    const bool comparable =
        count == after.getPointCount() && count >= 3 &&
        before.getFillColor() == after.getFillColor() && before.getOutlineThickness() == 0.f &&
        after.getOutlineThickness() == 0.f && before.getTexture() == after.getTexture() &&
        before.getTextureRect() == after.getTextureRect() &&
        sameMatrix(before.getTransform(), after.getTransform());
    if (!comparable) {
        damage.add(inflate(before.getGlobalBounds(), kShapeMargin));
        damage.add(inflate(after.getGlobalBounds(), kShapeMargin));
        return damage;
    }
    // A convex outline's pixels change only around the corners that moved, and along an edge
    // from a still corner to a moved one unless the edge stays on its line (a bar growing: only
    // its end changes).
    float left = 0.f;
    float top = 0.f;
    float right = 0.f;
    float bottom = 0.f;
    bool any = false;
    auto grow = [&](sf::Vector2f p) {
        left = any ? std::min(left, p.x) : p.x;
        right = any ? std::max(right, p.x) : p.x;
        top = any ? std::min(top, p.y) : p.y;
        bottom = any ? std::max(bottom, p.y) : p.y;
        any = true;
    };
    auto moved = [&](std::size_t i) { return before.getPoint(i) != after.getPoint(i); };
    for (std::size_t i = 0; i < count; ++i) {
        if (!moved(i)) continue;
        grow(before.getPoint(i));
        grow(after.getPoint(i));
        for (const std::size_t neighbour : {(i + 1) % count, (i + count - 1) % count}) {
            if (moved(neighbour)) continue;
            const sf::Vector2f still = after.getPoint(neighbour);
            const sf::Vector2f a = before.getPoint(i) - still;
            const sf::Vector2f b = after.getPoint(i) - still;
            const float cross = a.x * b.y - a.y * b.x;
            const float scale = std::max(1.f, std::abs(a.x) + std::abs(a.y)) *
                                std::max(1.f, std::abs(b.x) + std::abs(b.y));
            if (std::abs(cross) > 1e-5f * scale) grow(still);
        }
    }
    if (!any) return damage;
    damage.add(inflate(after.getTransform().transformRect({left, top, right - left, bottom - top}),
                       kShapeMargin));
    return damage;
}

} // namespace ns
