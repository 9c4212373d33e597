// The morning check-in drawn over a screen: "How was last night?" with cramps, worst pain and
// sleep as large numbers with − and + targets, a short note, and Save / Not now.
#pragma once

#include "checkin_form.hpp"
#include "scene.hpp"
#include "theme.hpp"

#include <SFML/Graphics/ConvexShape.hpp>
#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/Text.hpp>

#include <array>
#include <string>
#include <vector>

namespace ns {

class CheckInOverlay final : public Scene {
  public:
    explicit CheckInOverlay(const Theme& theme);

    // Opens the form for `night`; `tonight` decides the words ("last night" or a date).
    void open(Date night, Date tonight, const std::optional<CheckIn>& existing,
              int reliefsThatNight = 0);
    CheckInForm& form() { return m_form; }
    const CheckInForm& form() const { return m_form; }

    // What a click at a point (window coordinates) means.
    enum class Target { None, Minus, Plus, Field, Save, NotNow, Symptom };
    struct Hit {
        Target target = Target::None;
        CheckInForm::Field field = CheckInForm::Field::Cramps;
        Symptom symptom = Symptom::Swelling; // for Target::Symptom: the answer clicked
    };
    Hit hitAt(sf::Vector2f point) const;
    // Applies a click to the form; true when anything shown changed.
    bool click(sf::Vector2f point);

    // After a save that failed: says so at the top, and what Enter and Esc do at the bottom.
    void showNotSaved() {
        m_notSaved = true;
        refresh();
    }
    bool notSavedShown() const { return m_notSaved; }
    std::string subtitle() const { return m_subtitle.getString().toAnsiString(); }
    std::string keysHint() const { return m_hint.getString().toAnsiString(); }

    // Re-lays out after the form changed.
    void refresh() { layout(m_size); }

    void layout(sf::Vector2f size) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<sf::FloatRect> textBounds() const override;

  private:
    struct Button {
        sf::FloatRect box;
        sf::ConvexShape shape;
        sf::Text label;
    };
    float layoutNumber(std::size_t index, const sf::FloatRect& row, bool focused);
    float layoutSymptoms(const sf::FloatRect& row, bool focused);
    sf::Text keysLine(unsigned size) const;
    Button makeButton(sf::FloatRect box, const std::string& label, unsigned size, sf::Color fill,
                      sf::Color text) const;

    const Theme& m_theme;
    CheckInForm m_form;
    Date m_tonight;
    sf::Vector2f m_size{1280.f, 800.f};

    sf::RectangleShape m_shade;
    sf::ConvexShape m_panel;
    sf::Text m_title;
    sf::Text m_subtitle;
    std::array<sf::FloatRect, CheckInForm::kFieldCount> m_rowBoxes;
    std::array<sf::FloatRect, 4> m_chipBoxes; // the symptom answers
    std::vector<sf::ConvexShape> m_shapes;    // row backgrounds, the note box, the caret
    std::vector<sf::Text> m_texts;            // labels, hints, values, the note
    std::array<Button, 3> m_minus;
    std::array<Button, 3> m_plus;
    Button m_save;
    Button m_notNow;
    sf::Text m_hint;
    bool m_notSaved = false;
};

} // namespace ns
