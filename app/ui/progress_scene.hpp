// The progress screen: a calendar of the last 6 to 12 weeks (one cell a night, a distinct shape
// for each state, a mark on nights with cramps), the streaks, a weekly chart of nights stretched
// beside cramp nights and pain, the first two weeks against the last two, and, when the diary
// calls for it, a calm note on when to see a doctor that starts with why. Also drawn off-screen
// for `stats --png`.
#pragma once

#include "doctor_note.hpp"
#include "nights.hpp"
#include "progress.hpp"
#include "scene.hpp"
#include "theme.hpp"

#include <SFML/Graphics/Drawable.hpp>
#include <SFML/Graphics/Text.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ns {

class ProgressScene final : public Scene {
  public:
    explicit ProgressScene(const Theme& theme);

    // Keeps the selected night when it is still shown; else selects last night.
    void setStats(const Stats& stats);
    // The window shows a selection and the keys; the picture shows neither.
    void setInteractive(bool interactive);

    // Moves the selection by `days` (±1 a night, ±7 a week) within the calendar, never past
    // tonight. True when it moved.
    bool moveSelection(int days);
    bool selectNight(Date night);
    std::optional<Date> selectedNight() const;
    // The night under a point in window coordinates (none for empty and future cells).
    std::optional<Date> nightAt(sf::Vector2f point) const;

    // For tests and hit testing: where a night's cell is, the calendar's first night and rows.
    std::optional<sf::FloatRect> cellBox(Date night) const;
    Date firstCalendarNight() const { return m_firstNight; }
    int calendarWeeks() const { return m_weeks; }
    bool showsDoctorNote() const { return m_doctorShown; }
    // Every text as laid out, in UTF-8 (the chart's axis names, the doctor note's lines).
    std::vector<std::string> texts() const;
    const Stats& stats() const { return m_stats; }

    void layout(sf::Vector2f size) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<sf::FloatRect> textBounds() const override;

  private:
    const NightSummary* summaryOf(Date night) const;
    template <typename Shape> void add(Shape shape) {
        m_shapes.push_back(std::make_unique<Shape>(std::move(shape)));
    }
    sf::Text& addText(const std::string& utf8, bool bold, unsigned size, sf::Color color);
    void addNightMark(NightState state, sf::Vector2f centre, float cell);
    void addCrampBadge(int cramps, sf::Vector2f centre, float radius);

    float layoutHeader(float top);
    float layoutDoctorNote(float bottom); // returns the note's top
    void layoutCalendar(sf::FloatRect area);
    float layoutLegend(sf::FloatRect area); // returns the height used
    void layoutDetail(sf::FloatRect area);
    void layoutChart(sf::FloatRect area);
    float wrapInto(const std::string& text, sf::FloatRect area, unsigned size, sf::Color color,
                   bool bold = false); // returns the height used

    const Theme& m_theme;
    Stats m_stats;
    std::vector<WeekSummary> m_weekly;
    TwoWeekComparison m_comparison;
    std::optional<DoctorNote> m_doctorNote; // why and what, when the diary calls for it
    bool m_interactive = true;
    std::optional<Date> m_selected;
    sf::Vector2f m_size{1280.f, 800.f};

    // The calendar: rows of weeks, Monday first.
    Date m_firstNight;
    int m_weeks = 6;
    sf::Vector2f m_gridOrigin;
    float m_pitch = 0.f;
    bool m_doctorShown = false;

    std::vector<std::unique_ptr<sf::Drawable>> m_shapes;
    std::vector<sf::Text> m_texts;
};

} // namespace ns
