// "Leg cramps: what helps, when to see a doctor" drawn: the title, then the sections in pages that
// fit the window (a heading never ends a page), and the keys. Every sentence comes from
// about_text (sources in docs/sources.md).
#pragma once

#include "scene.hpp"
#include "theme.hpp"

#include <SFML/Graphics/Text.hpp>

#include <vector>

namespace ns {

class AboutScene final : public Scene {
  public:
    explicit AboutScene(const Theme& theme);

    void layout(sf::Vector2f size) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<sf::FloatRect> textBounds() const override;

    int page() const { return m_page; }
    int pageCount() const { return static_cast<int>(m_pages.size()); }
    bool showPage(int page); // false when there is no such page
    // Every line of every page, for tests: nothing may be lost between pages.
    std::vector<std::string> allLines() const;

  private:
    void placeFooter();

    const Theme& m_theme;
    sf::Vector2f m_size{1280.f, 800.f};
    sf::Text m_title;
    std::vector<std::vector<sf::Text>> m_pages;
    sf::Text m_footer;
    int m_page = 0;
};

} // namespace ns
