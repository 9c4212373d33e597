// A question over a screen, with its answers as large buttons: a title, a sentence or two, "yes"
// on the left in the accent colour, "no" on the right, and a third answer between them if asked
// ("Save" / "Discard" / "Back").
#pragma once

#include "scene.hpp"
#include "theme.hpp"

#include <SFML/Graphics/ConvexShape.hpp>
#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/Text.hpp>

#include <string>
#include <vector>

namespace ns {

class QuestionOverlay final : public Scene {
  public:
    QuestionOverlay(const Theme& theme, std::string title, std::string detail,
                    std::string acceptLabel, std::string declineLabel,
                    std::string otherLabel = ""); // "": two buttons

    enum class Answer { None, Accept, Decline, Other };
    Answer buttonAt(sf::Vector2f point) const;
    sf::FloatRect acceptBox() const { return m_accept.box; }
    sf::FloatRect declineBox() const { return m_decline.box; }
    sf::FloatRect otherBox() const { return m_other.box; } // empty with two buttons
    const std::string& title() const { return m_titleText; }
    const std::string& detail() const { return m_detailText; }

    void layout(sf::Vector2f size) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<sf::FloatRect> textBounds() const override;

  private:
    struct Button {
        sf::FloatRect box;
        sf::ConvexShape shape;
        sf::Text label;
    };
    Button makeButton(sf::FloatRect box, const std::string& label, unsigned size, sf::Color fill,
                      sf::Color text) const;

    const Theme& m_theme;
    std::string m_titleText;
    std::string m_detailText;
    std::string m_acceptText;
    std::string m_declineText;
    std::string m_otherText;
    sf::RectangleShape m_shade;
    sf::ConvexShape m_panel;
    sf::Text m_title;
    std::vector<sf::Text> m_detail;
    Button m_accept;
    Button m_decline;
    Button m_other;
};

} // namespace ns
