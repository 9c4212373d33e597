#include "layout.hpp"

#include <algorithm>
#include <cmath>

namespace ns {

std::string formatCountdown(int seconds) {
    if (seconds < 0) seconds = 0;
    if (seconds < 60) return std::to_string(seconds);
    const int minutes = seconds / 60;
    const int rest = seconds % 60;
    return std::to_string(minutes) + (rest < 10 ? ":0" : ":") + std::to_string(rest);
}

sf::Text makeText(const std::string& utf8, const sf::Font& font, unsigned size, sf::Color color) {
    sf::Text text(sf::String::fromUtf8(utf8.begin(), utf8.end()), font, size);
    text.setFillColor(color);
    return text;
}

std::string utf8Of(const sf::Text& text) {
    const std::basic_string<sf::Uint8> bytes = text.getString().toUtf8();
    return std::string(bytes.begin(), bytes.end());
}

float textWidth(const sf::String& s, const sf::Font& font, unsigned size) {
    sf::Text text(s, font, size);
    return text.getLocalBounds().left + text.getLocalBounds().width;
}

namespace {

// Splits a word that is too wide on its own into pieces that fit, preferring to break after '/'.
void breakLongWord(const sf::String& word, const sf::Font& font, unsigned size, float maxWidth,
                   std::vector<sf::String>& lines) {
    sf::String piece;
    std::size_t lastSlash = sf::String::InvalidPos;
    for (std::size_t i = 0; i < word.getSize(); ++i) {
        sf::String candidate = piece + sf::String(word[i]);
        if (!piece.isEmpty() && textWidth(candidate, font, size) > maxWidth) {
            if (lastSlash != sf::String::InvalidPos && lastSlash + 1 < piece.getSize()) {
                lines.push_back(piece.substring(0, lastSlash + 1));
                piece = piece.substring(lastSlash + 1);
            } else {
                lines.push_back(piece);
                piece.clear();
            }
            lastSlash = sf::String::InvalidPos;
            candidate = piece + sf::String(word[i]);
        }
        piece = candidate;
        if (word[i] == '/') lastSlash = piece.getSize() - 1;
    }
    if (!piece.isEmpty()) lines.push_back(piece);
}

} // namespace

std::vector<sf::String> wrapText(const std::string& utf8, const sf::Font& font, unsigned size,
                                 float maxWidth) {
    const sf::String all = sf::String::fromUtf8(utf8.begin(), utf8.end());
    std::vector<sf::String> words;
    sf::String word;
    for (std::size_t i = 0; i < all.getSize(); ++i) {
        if (all[i] == ' ' || all[i] == '\n' || all[i] == '\t') {
            if (!word.isEmpty()) words.push_back(word);
            word.clear();
        } else {
            word += all[i];
        }
    }
    if (!word.isEmpty()) words.push_back(word);

    std::vector<sf::String> lines;
    sf::String line;
    for (const auto& w : words) {
        const sf::String candidate = line.isEmpty() ? w : line + sf::String(" ") + w;
        if (textWidth(candidate, font, size) <= maxWidth) {
            line = candidate;
            continue;
        }
        if (!line.isEmpty()) lines.push_back(line);
        line.clear();
        if (textWidth(w, font, size) <= maxWidth) {
            line = w;
        } else {
            breakLongWord(w, font, size, maxWidth, lines);
            line = lines.back();
            lines.pop_back();
        }
    }
    if (!line.isEmpty()) lines.push_back(line);
    return lines;
}

sf::String ellipsize(const sf::String& s, const sf::Font& font, unsigned size, float maxWidth) {
    if (textWidth(s, font, size) <= maxWidth) return s;
    const sf::String dots(sf::Uint32(0x2026));
    sf::String cut = s;
    while (!cut.isEmpty()) {
        cut.erase(cut.getSize() - 1);
        if (textWidth(cut + dots, font, size) <= maxWidth) return cut + dots;
    }
    return dots;
}

void shrinkToWidth(sf::Text& text, float maxWidth, unsigned minSize) {
    for (int attempt = 0; attempt < 8; ++attempt) {
        const sf::FloatRect b = text.getLocalBounds();
        const float width = b.left + b.width;
        const unsigned size = text.getCharacterSize();
        if (width <= maxWidth || size <= minSize) return;
        auto next = static_cast<unsigned>(std::floor(size * maxWidth / width));
        if (next >= size) next = size - 1;
        text.setCharacterSize(std::max(minSize, next));
    }
}

void placeText(sf::Text& text, float x, float top, Align align) {
    const sf::FloatRect b = text.getLocalBounds();
    float originX = b.left;
    if (align == Align::Center) originX = b.left + b.width / 2.f;
    if (align == Align::Right) originX = b.left + b.width;
    text.setOrigin(std::round(originX), std::round(b.top));
    text.setPosition(std::round(x), std::round(top));
}

void placeLine(sf::Text& text, float x, float lineTop, Align align) {
    const sf::FloatRect b = text.getLocalBounds();
    float originX = 0.f;
    if (align == Align::Center) originX = b.left + b.width / 2.f;
    if (align == Align::Right) originX = b.left + b.width;
    text.setOrigin(std::round(originX), 0.f);
    text.setPosition(std::round(x), std::round(lineTop));
}

std::vector<sf::Vector2f> roundedRectPoints(sf::Vector2f size, float radius,
                                            unsigned pointsPerCorner) {
    radius = std::max(0.f, std::min(radius, std::min(size.x, size.y) / 2.f));
    if (pointsPerCorner < 2) pointsPerCorner = 2;
    std::vector<sf::Vector2f> points;
    points.reserve(std::size_t{pointsPerCorner} * 4);
    const float pi = 3.14159265f;
    const sf::Vector2f centres[4] = {{size.x - radius, radius},
                                     {size.x - radius, size.y - radius},
                                     {radius, size.y - radius},
                                     {radius, radius}};
    for (unsigned corner = 0; corner < 4; ++corner) {
        const float start = -pi / 2.f + corner * (pi / 2.f);
        for (unsigned i = 0; i < pointsPerCorner; ++i) {
            const float angle = start + (pi / 2.f) * i / (pointsPerCorner - 1);
            points.emplace_back(centres[corner].x + radius * std::cos(angle),
                                centres[corner].y + radius * std::sin(angle));
        }
    }
    return points;
}

sf::ConvexShape roundedRect(sf::Vector2f size, float radius, sf::Color fill,
                            unsigned pointsPerCorner) {
    const std::vector<sf::Vector2f> points = roundedRectPoints(size, radius, pointsPerCorner);
    sf::ConvexShape shape(points.size());
    for (std::size_t i = 0; i < points.size(); ++i)
        shape.setPoint(i, points[i]);
    shape.setFillColor(fill);
    return shape;
}

RoundedRect::RoundedRect(sf::Vector2f size, float radius, sf::Color fill, unsigned pointsPerCorner)
    : m_points(roundedRectPoints(size, radius, pointsPerCorner)) {
    update();
    setFillColor(fill);
}

unsigned scaledSize(float fraction, float height, unsigned minimum) {
    return std::max(minimum, static_cast<unsigned>(std::lround(fraction * height)));
}

} // namespace ns
