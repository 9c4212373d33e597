// The home screen: the routines with their length, the ones that fail to load with their errors,
// and a selection moved with the arrow keys or the mouse.
#pragma once

#include "banner.hpp"
#include "routine_loader.hpp"
#include "scene.hpp"
#include "sound_badge.hpp"
#include "theme.hpp"

#include <SFML/Graphics/ConvexShape.hpp>
#include <SFML/Graphics/Text.hpp>

#include <string>
#include <vector>

namespace ns {

struct HomeEntry {
    std::string id;
    std::string name;
    std::string description;
    int totalSeconds = 0;
    bool valid = true; // can be started
    // Formatted diagnostics: for the invalid ones, and for a valid one whose file broke after it
    // loaded (it starts in its last good version).
    std::vector<std::string> errors;
};

// One entry per routine of the library (and one for a broken stretch catalog).
std::vector<HomeEntry> homeEntries(const RoutineLibrary& library);

class HomeScene final : public Scene {
  public:
    explicit HomeScene(const Theme& theme);

    void setEntries(std::vector<HomeEntry> entries);
    void setEmptyHint(const std::string& hint); // shown when there is no routine at all
    void setNotice(const std::string& notice);  // a history made private, discreet, top right
    const std::string& notice() const { return m_notice; }
    // "Tonight: not done yet · streak 5 nights (best 9)" under the title, and "P progress" in the
    // footer; empty when there is no history to show.
    void setTonightLine(const std::string& line);
    // The steady sound badge in the bottom-right corner; not shown until set.
    void setSoundState(const SoundState& state);
    const SoundBadge* soundBadge() const { return m_soundShown ? &m_sound : nullptr; }
    // A history that cannot be used: a framed block above the footer (the list makes room).
    void setBanner(const BannerText& banner);
    const Banner& banner() const { return m_banner; }
    // "C a cramp now   I about cramps": always on home, on the sound badge's line.
    const sf::Text& crampHint() const { return m_crampHint; }
    // "Bedtime reminder 21:45 · R", small, at the right of the tonight line; empty: none.
    void setReminderLine(const std::string& line);
    const std::string& reminderLine() const { return m_reminderLine; }

    // Moves the selection among the valid entries; true when it moved.
    bool moveSelection(int delta);
    bool select(int index);
    int selected() const { return m_selected; } // -1 when nothing can be started
    const HomeEntry* selectedEntry() const;
    // The entry under a point in window coordinates, or -1.
    int entryAt(sf::Vector2f point) const;
    // Whether a point is on the "Edit" button of the selected row.
    bool editButtonAt(sf::Vector2f point) const;

    void layout(sf::Vector2f size) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<sf::FloatRect> textBounds() const override;

  private:
    struct Row {
        int entry = 0;
        sf::FloatRect box;
        sf::ConvexShape background;
        std::vector<sf::Text> texts;
        sf::FloatRect editBox; // empty unless the row is selected
        sf::ConvexShape editButton;
    };
    float rowHeight(const HomeEntry& entry, float width) const;
    Row buildRow(int index, sf::Vector2f position, float width) const;
    void appendErrors(Row& row, const HomeEntry& entry, float x, float y, float innerWidth) const;

    const Theme& m_theme;
    std::vector<HomeEntry> m_entries;
    std::string m_emptyHint;
    std::string m_notice;
    std::string m_tonightLine;
    std::string m_reminderLine;
    int m_selected = -1;
    int m_first = 0; // first entry shown when the list scrolls
    sf::Vector2f m_size{1280.f, 800.f};

    sf::Text m_title;
    sf::Text m_noticeText;
    sf::Text m_tonightText;
    sf::Text m_reminderText;
    sf::Text m_footer;
    sf::Text m_crampHint; // "C a cramp now   I about cramps", bottom left, always there
    sf::Text m_more;
    std::vector<sf::Text> m_emptyLines;
    std::vector<Row> m_rows;
    SoundBadge m_sound;
    bool m_soundShown = false;
    Banner m_banner;
};

} // namespace ns
