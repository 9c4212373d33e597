#include "progress_scene.hpp"

#include "doctor_note.hpp"
#include "layout.hpp"
#include "night_text.hpp"
#include "six_week_review.hpp"

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/ConvexShape.hpp>

#include <algorithm>
#include <cmath>

namespace ns {

namespace {

constexpr int kMinWeeks = 6;
constexpr int kMaxWeeks = 12;

constexpr float kMarginX = 0.05f; // of the width
constexpr float kTitleTop = 0.035f;
constexpr float kTitleSize = 0.055f;
constexpr float kStreakSize = 0.042f;
constexpr float kSubSize = 0.03f;
constexpr float kHeadingSize = 0.034f;
constexpr float kBodySize = 0.03f;
constexpr float kSmallSize = 0.026f;
constexpr float kNoteSize = 0.029f;
constexpr float kFooterTop = 0.925f;
constexpr float kFooterSize = 0.03f;
constexpr float kLeftShare = 0.42f; // of the content width, for the calendar
constexpr float kColumnGap = 0.045f;
constexpr float kCellFill = 0.88f; // of the pitch

// Cramps are marked in the soft terracotta the app already uses; never a red.
const sf::Color kCrampColour = palette::kError;
const sf::Color kPainColour = palette::kCountdown;
const sf::Color kBeforeStart{33, 27, 23};

// Sources A, C, D, NHS (docs/sources.md): several times a week *or* nightly is reason enough;
// C, E, NHS: a new medicine: ask, and never stop it alone. The screen's short form of the note;
// doctor_note.hpp says why it shows.
const char* const kDoctorNote =
    "It would be good to see a doctor if cramps come several times a week or nightly, disturb "
    "your sleep, or come with swelling, redness or warmth of a leg, weakness, numbness or "
    "tingling. If they began with a new medicine, ask a doctor or pharmacist; don't stop a "
    "medicine on your own.";

float lineHeight(unsigned size) {
    return static_cast<float>(size) * 1.25f;
}

Date mondayOf(Date night) {
    return night.plus(-night.weekday());
}

sf::CircleShape circle(sf::Vector2f centre, float radius, sf::Color fill) {
    sf::CircleShape shape(radius, 48);
    shape.setOrigin(radius, radius);
    shape.setPosition(centre);
    shape.setFillColor(fill);
    return shape;
}

sf::CircleShape ring(sf::Vector2f centre, float radius, float thickness, sf::Color colour) {
    sf::CircleShape shape = circle(centre, radius, sf::Color::Transparent);
    shape.setOutlineColor(colour);
    shape.setOutlineThickness(-thickness); // inside the radius
    return shape;
}

// The lower half of a disc: the "partly done" mark inside its ring.
sf::ConvexShape halfDisc(sf::Vector2f centre, float radius, sf::Color fill) {
    constexpr unsigned kPoints = 24;
    sf::ConvexShape shape(kPoints + 1);
    const float pi = 3.14159265f;
    for (unsigned i = 0; i <= kPoints; ++i) {
        const float angle = pi * static_cast<float>(i) / kPoints; // 0..pi: right, down, left
        shape.setPoint(i,
                       {centre.x + radius * std::cos(angle), centre.y + radius * std::sin(angle)});
    }
    shape.setFillColor(fill);
    return shape;
}

// A straight line of some thickness from `a` to `b`.
sf::ConvexShape segment(sf::Vector2f a, sf::Vector2f b, float thickness, sf::Color colour) {
    const sf::Vector2f d = b - a;
    const float length = std::sqrt(d.x * d.x + d.y * d.y);
    sf::ConvexShape shape(4);
    if (length <= 0.f) return shape;
    const sf::Vector2f n{-d.y / length * thickness / 2.f, d.x / length * thickness / 2.f};
    shape.setPoint(0, a + n);
    shape.setPoint(1, b + n);
    shape.setPoint(2, b - n);
    shape.setPoint(3, a - n);
    shape.setFillColor(colour);
    return shape;
}

sf::ConvexShape box(sf::FloatRect r, float radius, sf::Color fill) {
    sf::ConvexShape shape = roundedRect({r.width, r.height}, radius, fill);
    shape.setPosition(r.left, r.top);
    return shape;
}

} // namespace

ProgressScene::ProgressScene(const Theme& theme) : m_theme(theme) {}

void ProgressScene::setStats(const Stats& stats) {
    m_stats = stats;
    m_weekly = weeklySummary(m_stats);
    m_comparison = compareFirstAndLastTwoWeeks(m_stats);
    m_doctorNote = doctorNote(m_stats, m_stats.symptoms); // what shouldSuggestDoctor() asks

    // Six weeks, or up to twelve when the history is longer: whole weeks, Monday first.
    const Date first = m_stats.nights.empty() ? m_stats.tonight : m_stats.nights.front().night;
    const int spanWeeks = (mondayOf(m_stats.tonight).days - mondayOf(first).days) / 7 + 1;
    m_weeks = std::clamp(spanWeeks, kMinWeeks, kMaxWeeks);
    m_firstNight = mondayOf(m_stats.tonight).plus(-7 * (m_weeks - 1));

    if (!m_selected || *m_selected < m_firstNight || *m_selected > m_stats.tonight)
        m_selected =
            m_stats.tonight.plus(-1) >= m_firstNight ? m_stats.tonight.plus(-1) : m_stats.tonight;
    layout(m_size);
}

void ProgressScene::setInteractive(bool interactive) {
    m_interactive = interactive;
    layout(m_size);
}

bool ProgressScene::selectNight(Date night) {
    if (night < m_firstNight || night > m_stats.tonight) return false;
    if (m_selected && *m_selected == night) return false;
    m_selected = night;
    layout(m_size);
    return true;
}

bool ProgressScene::moveSelection(int days) {
    const Date from = m_selected.value_or(m_stats.tonight);
    Date to = from.plus(days);
    if (to > m_stats.tonight) to = m_stats.tonight;
    if (to < m_firstNight) to = m_firstNight;
    return selectNight(to);
}

std::optional<Date> ProgressScene::selectedNight() const {
    return m_interactive ? m_selected : std::nullopt;
}

std::optional<sf::FloatRect> ProgressScene::cellBox(Date night) const {
    const int index = night.days - m_firstNight.days;
    if (index < 0 || index >= 7 * m_weeks || m_pitch <= 0.f) return std::nullopt;
    const float inset = m_pitch * (1.f - kCellFill) / 2.f;
    const int column = index % 7;
    const int row = index / 7;
    return sf::FloatRect{m_gridOrigin.x + static_cast<float>(column) * m_pitch + inset,
                         m_gridOrigin.y + static_cast<float>(row) * m_pitch + inset,
                         m_pitch * kCellFill, m_pitch * kCellFill};
}

std::optional<Date> ProgressScene::nightAt(sf::Vector2f point) const {
    if (m_pitch <= 0.f) return std::nullopt;
    const float x = (point.x - m_gridOrigin.x) / m_pitch;
    const float y = (point.y - m_gridOrigin.y) / m_pitch;
    if (x < 0.f || y < 0.f || x >= 7.f || y >= static_cast<float>(m_weeks)) return std::nullopt;
    const Date night = m_firstNight.plus(static_cast<int>(y) * 7 + static_cast<int>(x));
    if (night > m_stats.tonight) return std::nullopt;
    return night;
}

const NightSummary* ProgressScene::summaryOf(Date night) const {
    const auto it = std::lower_bound(
        m_stats.nights.begin(), m_stats.nights.end(), night,
        [](const NightSummary& summary, Date wanted) { return summary.night < wanted; });
    return it != m_stats.nights.end() && it->night == night ? &*it : nullptr;
}

sf::Text& ProgressScene::addText(const std::string& utf8, bool bold, unsigned size,
                                 sf::Color color) {
    m_texts.push_back(makeText(utf8, bold ? m_theme.bold() : m_theme.regular(), size, color));
    return m_texts.back();
}

void ProgressScene::addNightMark(NightState state, sf::Vector2f centre, float cell) {
    switch (state) {
    case NightState::Done:
        add(circle(centre, 0.28f * cell, palette::kAccent));
        break;
    case NightState::Partial: {
        const float radius = 0.28f * cell;
        const float thickness = std::max(2.f, 0.07f * cell);
        add(halfDisc(centre, radius - thickness / 2.f, palette::kAccent));
        add(ring(centre, radius, thickness, palette::kAccent));
        break;
    }
    case NightState::Skipped: {
        const float width = 0.5f * cell;
        const float height = std::max(3.f, 0.08f * cell);
        add(box({centre.x - width / 2.f, centre.y - height / 2.f, width, height}, height / 2.f,
                palette::kTextSoft));
        break;
    }
    case NightState::Missed:
        add(ring(centre, std::max(3.f, 0.12f * cell), std::max(1.5f, 0.04f * cell),
                 palette::kTextDim));
        break;
    case NightState::NotYet:
        break; // tonight before bedtime: no mark yet
    }
}

void ProgressScene::addCrampBadge(int cramps, sf::Vector2f centre, float radius) {
    sf::CircleShape badge = circle(centre, radius, kCrampColour);
    badge.setOutlineColor(palette::kSurface);
    badge.setOutlineThickness(std::max(1.f, 0.12f * radius));
    add(badge);
    if (radius >= 7.5f) { // the number only where it can be read
        sf::Text& count =
            addText(std::to_string(cramps), true,
                    static_cast<unsigned>(std::lround(radius * 1.15f)), palette::kBackground);
        shrinkToWidth(count, radius * 1.7f);
        placeText(count, centre.x, centre.y - count.getLocalBounds().height / 2.f, Align::Center);
    }
}

float ProgressScene::wrapInto(const std::string& text, sf::FloatRect area, unsigned size,
                              sf::Color color, bool bold) {
    const sf::Font& font = bold ? m_theme.bold() : m_theme.regular();
    float y = area.top;
    for (const auto& line : wrapText(text, font, size, area.width)) {
        if (y + lineHeight(size) > area.top + area.height + 0.5f) break;
        sf::Text t(line, font, size);
        t.setFillColor(color);
        placeLine(t, area.left, y);
        m_texts.push_back(t);
        y += lineHeight(size);
    }
    return y - area.top;
}

float ProgressScene::layoutHeader(float top) {
    const float w = m_size.x;
    const float h = m_size.y;
    const float mx = kMarginX * w;
    const float contentWidth = w - 2.f * mx;

    const unsigned titleSize = scaledSize(kTitleSize, h);
    sf::Text& title = addText("Your progress", true, titleSize, palette::kText);
    shrinkToWidth(title, contentWidth * 0.45f);
    placeLine(title, mx, top);
    const float titleWidth = title.getLocalBounds().left + title.getLocalBounds().width;

    std::string streak = m_stats.currentStreak > 0 ? "Streak: " + streakWords(m_stats.currentStreak)
                                                   : std::string("No streak yet");
    if (m_stats.bestStreak > 0) streak += " \u00b7 best " + std::to_string(m_stats.bestStreak);
    const unsigned streakSize = scaledSize(kStreakSize, h);
    sf::Text& streakText = addText(streak, true, streakSize, palette::kAccent);
    shrinkToWidth(streakText, contentWidth - titleWidth - 0.04f * w);
    placeLine(streakText, w - mx,
              top + static_cast<float>(titleSize) -
                  static_cast<float>(streakText.getCharacterSize()),
              Align::Right);

    std::string sub;
    if (inMaintenance(m_stats))
        sub = "Six weeks done: the routine goes on as maintenance";
    else if (m_stats.programmeNight)
        sub = "Night " + std::to_string(*m_stats.programmeNight) + " of " +
              std::to_string(kProgrammeNights) + " of the programme";
    else
        sub = "The " + std::to_string(kProgrammeNights) +
              "-night programme starts with your first full routine";
    sub += " \u00b7 " + std::to_string(m_stats.nightsDone) + " done";
    if (m_stats.nightsPartial > 0) sub += ", " + std::to_string(m_stats.nightsPartial) + " partly";
    if (m_stats.nightsSkipped > 0) sub += ", " + std::to_string(m_stats.nightsSkipped) + " skipped";
    const unsigned subSize = scaledSize(kSubSize, h);
    sf::Text& subText = addText(sub, false, subSize, palette::kTextSoft);
    shrinkToWidth(subText, contentWidth);
    const float subTop = top + lineHeight(titleSize) + 0.005f * h;
    placeLine(subText, mx, subTop);
    return subTop + lineHeight(subSize);
}

// Why the note shows (its rule, in bold, from doctor_note.hpp), then when to see a doctor.
float ProgressScene::layoutDoctorNote(float bottom) {
    const float w = m_size.x;
    const float h = m_size.y;
    const float mx = kMarginX * w;
    const float padX = 0.025f * w;
    const float padY = 0.018f * h;
    const float barWidth = std::max(3.f, 0.005f * h);
    const unsigned size = scaledSize(kNoteSize, h);
    const float textWidth = w - 2.f * mx - 2.f * padX - barWidth;
    const std::string& reason = m_doctorNote->reason;
    const std::string text = kDoctorNote;
    const float reasonHeight =
        static_cast<float>(wrapText(reason, m_theme.bold(), size, textWidth).size()) *
        lineHeight(size);
    const float textHeight =
        static_cast<float>(wrapText(text, m_theme.regular(), size, textWidth).size()) *
        lineHeight(size);
    const float height = reasonHeight + textHeight + 2.f * padY;
    const float top = bottom - height;
    add(box({mx, top, w - 2.f * mx, height}, 0.015f * h, palette::kSurface));
    add(box({mx + 0.008f * w, top + padY, barWidth, height - 2.f * padY}, barWidth / 2.f,
            palette::kAccentDim));
    const float left = mx + padX + barWidth;
    wrapInto(reason, {left, top + padY, textWidth, reasonHeight + 1.f}, size, palette::kText, true);
    wrapInto(text, {left, top + padY + reasonHeight, textWidth, textHeight + 1.f}, size,
             palette::kTextSoft);
    return top;
}

void ProgressScene::layoutCalendar(sf::FloatRect area) {
    const float w = m_size.x;
    const unsigned small = scaledSize(kSmallSize, m_size.y);
    const float headerHeight = lineHeight(small) + 0.006f * m_size.y;
    const float labelWidth = textWidth("30 Sep", m_theme.regular(), small) + 0.015f * w;
    m_pitch = std::min((area.width - labelWidth) / 7.f,
                       (area.height - headerHeight) / static_cast<float>(m_weeks));
    m_pitch = std::max(m_pitch, 1.f);
    m_gridOrigin = {area.left + labelWidth, area.top + headerHeight};
    const float cell = m_pitch * kCellFill;

    // Weekday names over the columns: "Mon", or "M" when the cells are narrow.
    static const char* kShortDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char* kLetters[] = {"M", "T", "W", "T", "F", "S", "S"};
    const bool letters = textWidth("Wed", m_theme.regular(), small) > m_pitch * 0.85f;
    for (int day = 0; day < 7; ++day) {
        sf::Text& name =
            addText(letters ? kLetters[day] : kShortDays[day], false, small, palette::kTextDim);
        placeLine(name, m_gridOrigin.x + (static_cast<float>(day) + 0.5f) * m_pitch, area.top,
                  Align::Center);
    }

    const unsigned daySize =
        static_cast<unsigned>(std::lround(std::min(0.22f * cell, 0.8f * small)));
    const bool dayNumbers = daySize >= 9;
    for (int week = 0; week < m_weeks; ++week) {
        const Date monday = m_firstNight.plus(7 * week);
        sf::Text& label = addText(dayAndMonth(monday), false, small, palette::kTextDim);
        placeText(label, m_gridOrigin.x - 0.012f * w,
                  m_gridOrigin.y + (static_cast<float>(week) + 0.5f) * m_pitch -
                      label.getLocalBounds().height / 2.f,
                  Align::Right);
        for (int day = 0; day < 7; ++day) {
            const Date night = monday.plus(day);
            if (night > m_stats.tonight) continue; // the future: nothing
            const sf::FloatRect r = *cellBox(night);
            const NightSummary* summary = summaryOf(night);
            const bool isTonight = night == m_stats.tonight;
            const bool selected = m_interactive && m_selected && *m_selected == night;
            sf::ConvexShape background = box(
                r, 0.14f * cell,
                selected ? palette::kSurfaceRaised : (summary ? palette::kSurface : kBeforeStart));
            if (selected) {
                background.setOutlineColor(palette::kAccent);
                background.setOutlineThickness(-std::max(2.f, 0.06f * cell));
            } else if (isTonight) {
                background.setOutlineColor(palette::kAccentDim);
                background.setOutlineThickness(-std::max(2.f, 0.045f * cell));
            }
            add(background);
            if (dayNumbers) {
                sf::Text& number =
                    addText(std::to_string(night.ymd().day), false, daySize, palette::kTextDim);
                placeText(number, r.left + 0.1f * cell, r.top + 0.09f * cell);
            }
            if (!summary) continue;
            const sf::Vector2f centre{r.left + 0.45f * cell, r.top + 0.56f * cell};
            addNightMark(summary->state, centre, cell);
            if (summary->cramps.value_or(0) > 0)
                addCrampBadge(*summary->cramps, {r.left + 0.8f * cell, r.top + 0.2f * cell},
                              0.19f * cell);
        }
    }
}

float ProgressScene::layoutLegend(sf::FloatRect area) {
    const unsigned small = scaledSize(kSmallSize, m_size.y);
    unsigned size = scaledSize(kSmallSize * 1.05f, m_size.y);
    const float icon = lineHeight(size);
    struct Item {
        int kind; // 0..3 night states, 4 cramps
        const char* words;
    };
    const Item rows[2][3] = {
        {{0, stateWords(NightState::Done)},
         {1, stateWords(NightState::Partial)},
         {2, stateWords(NightState::Skipped)}},
        {{3, stateWords(NightState::Missed)}, {4, "cramps (how many)"}, {-1, ""}}};
    const float gap = 0.02f * m_size.x;
    // One size for both rows, small enough for the wider one.
    for (int attempt = 0; attempt < 6; ++attempt) {
        float widest = 0.f;
        for (const auto& row : rows) {
            float width = 0.f;
            for (const auto& item : row)
                if (item.kind >= 0)
                    width += icon * 1.2f + textWidth(item.words, m_theme.regular(), size) + gap;
            widest = std::max(widest, width);
        }
        if (widest <= area.width || size <= small * 3 / 4) break;
        size = size * 9 / 10;
    }
    float y = area.top;
    for (const auto& row : rows) {
        float x = area.left;
        for (const auto& item : row) {
            if (item.kind < 0) continue;
            const sf::Vector2f centre{x + icon / 2.f, y + icon / 2.f};
            if (item.kind == 4) {
                addCrampBadge(2, centre, 0.3f * icon);
            } else {
                add(box({x, y, icon, icon}, 0.14f * icon, palette::kSurface));
                addNightMark(static_cast<NightState>(item.kind), centre, icon);
            }
            sf::Text& words = addText(item.words, false, size, palette::kTextSoft);
            placeText(words, x + icon * 1.2f, y + (icon - words.getLocalBounds().height) / 2.f);
            x += icon * 1.2f + words.getLocalBounds().width + gap;
        }
        y += icon * 1.25f;
    }
    return y - area.top;
}

void ProgressScene::layoutDetail(sf::FloatRect area) {
    if (!m_interactive || !m_selected) return;
    const Date night = *m_selected;
    const NightSummary* summary = summaryOf(night);
    std::string text = shortDate(night) + ": ";
    if (night == m_stats.tonight)
        text += std::string("tonight, ") + stateWords(m_stats.tonightState);
    else
        text += summary ? stateWords(summary->state) : std::string("nothing recorded");
    if (summary && (summary->cramps || summary->pain || summary->sleep)) {
        const int cramps = summary->cramps.value_or(0);
        text += " \u00b7 " + (cramps == 0
                                  ? std::string("no cramps")
                                  : std::to_string(cramps) + (cramps == 1 ? " cramp" : " cramps"));
        if (summary->pain) text += " \u00b7 pain " + std::to_string(*summary->pain);
        if (summary->sleep) text += " \u00b7 sleep " + std::to_string(*summary->sleep);
        if (!summary->note.empty()) text += " \u00b7 \u201c" + summary->note + "\u201d";
    } else if (night != m_stats.tonight) {
        text += " \u00b7 no diary yet";
    }
    // At most two lines: a smaller size before anything is dropped.
    unsigned size = scaledSize(kBodySize, m_size.y);
    const unsigned smallest = scaledSize(kSmallSize, m_size.y);
    while (size > smallest &&
           wrapText(text, m_theme.regular(), size, area.width).size() * lineHeight(size) >
               area.height)
        --size;
    wrapInto(text, area, size, palette::kText);
}

void ProgressScene::layoutChart(sf::FloatRect area) {
    const float w = m_size.x;
    const float h = m_size.y;
    const unsigned small = scaledSize(kSmallSize, h);
    const float axis = textWidth("10", m_theme.regular(), small) + 0.01f * w;
    const float labelsHeight = lineHeight(small) + 0.006f * h;
    // What each axis counts, over its numbers: nights of the week on the left, pain on the right.
    const float namesHeight = lineHeight(small) + 0.004f * h;
    const sf::FloatRect plot{area.left + axis, area.top + namesHeight + 0.5f * lineHeight(small),
                             area.width - 2.f * axis,
                             area.height - namesHeight - labelsHeight - 0.5f * lineHeight(small)};
    if (plot.height < 10.f || plot.width < 10.f) return;
    const float bottom = plot.top + plot.height;
    sf::Text& nightsName = addText("nights out of 7", false, small, palette::kTextDim);
    shrinkToWidth(nightsName, 0.45f * area.width);
    placeLine(nightsName, area.left, area.top);
    sf::Text& painName = addText("pain out of 10", false, small, kPainColour);
    shrinkToWidth(painName, 0.45f * area.width);
    placeLine(painName, area.left + area.width, area.top, Align::Right);

    // Guide lines at 0 and 7 nights (pain 0 and 10), with their numbers.
    const float line = std::max(1.f, 0.0015f * h);
    add(box({plot.left, plot.top, plot.width, line}, 0.f, palette::kTrack));
    add(box({plot.left, plot.top + plot.height / 2.f, plot.width, line}, 0.f, palette::kSurface));
    add(box({plot.left, bottom, plot.width, line}, 0.f, palette::kTrack));
    sf::Text& seven = addText("7", false, small, palette::kTextDim);
    placeText(seven, plot.left - 0.008f * w, plot.top - seven.getLocalBounds().height / 2.f,
              Align::Right);
    sf::Text& zero = addText("0", false, small, palette::kTextDim);
    placeText(zero, plot.left - 0.008f * w, bottom - zero.getLocalBounds().height / 2.f,
              Align::Right);
    sf::Text& ten = addText("10", false, small, kPainColour);
    placeText(ten, plot.left + plot.width + 0.008f * w,
              plot.top - ten.getLocalBounds().height / 2.f);
    sf::Text& painZero = addText("0", false, small, kPainColour);
    placeText(painZero, plot.left + plot.width + 0.008f * w,
              bottom - painZero.getLocalBounds().height / 2.f);

    const int count = static_cast<int>(m_weekly.size());
    if (count == 0) return;
    const float group = plot.width / static_cast<float>(count);
    const float barWidth = std::min(0.3f * group, 0.03f * w);
    const float labelWidth = std::max(textWidth("30 Sep", m_theme.regular(), small),
                                      textWidth("this week", m_theme.regular(), small)) +
                             0.01f * w;
    const int labelEvery = std::max(1, static_cast<int>(std::ceil(labelWidth / group)));
    bool hasPrevious = false; // the pain line joins neighbouring weeks that have a value
    sf::Vector2f previousPain;
    std::vector<sf::Vector2f> painPoints;
    for (int i = 0; i < count; ++i) {
        const WeekSummary& week = m_weekly[static_cast<std::size_t>(i)];
        const float centre = plot.left + (static_cast<float>(i) + 0.5f) * group;
        const float doneHeight = plot.height * static_cast<float>(week.nightsDone) / 7.f;
        if (week.nightsDone > 0)
            add(box(
                {centre - barWidth - 0.1f * barWidth, bottom - doneHeight, barWidth, doneHeight},
                std::min(0.2f * barWidth, 4.f), palette::kAccent));
        if (week.checkIns > 0) {
            // A recorded week without cramps still shows a thin line: "none", not "unknown".
            const float crampHeight =
                std::max(line * 2.f, plot.height * static_cast<float>(week.crampNights) / 7.f);
            add(box({centre + 0.1f * barWidth, bottom - crampHeight, barWidth, crampHeight},
                    std::min(0.2f * barWidth, 4.f), kCrampColour));
        }
        if (week.meanPain) {
            const sf::Vector2f point{
                centre, bottom - plot.height * static_cast<float>(*week.meanPain) / 10.f};
            if (hasPrevious)
                add(segment(previousPain, point, std::max(2.f, 0.003f * h), kPainColour));
            previousPain = point;
            hasPrevious = true;
            painPoints.push_back(point);
        } else {
            hasPrevious = false;
        }
        // Dates under the weeks: the latest week always, others when there is room.
        if ((count - 1 - i) % labelEvery == 0) {
            sf::Text& date = addText(i == count - 1 ? "this week" : dayAndMonth(week.firstNight),
                                     false, small, palette::kTextDim);
            shrinkToWidth(date,
                          std::max(group * static_cast<float>(labelEvery) - 0.01f * w, labelWidth));
            const float half = date.getLocalBounds().width / 2.f;
            const float x = std::clamp(centre, area.left + half, area.left + area.width - half);
            placeLine(date, x, bottom + 0.008f * h, Align::Center);
        }
    }
    for (const auto& point : painPoints) {
        sf::CircleShape dot = circle(point, std::max(3.f, 0.009f * h), kPainColour);
        dot.setOutlineColor(palette::kBackground);
        dot.setOutlineThickness(std::max(1.f, 0.002f * h));
        add(dot);
    }
}

void ProgressScene::layout(sf::Vector2f size) {
    m_size = size;
    m_shapes.clear();
    m_texts.clear();
    const float w = size.x;
    const float h = size.y;
    const float mx = kMarginX * w;
    const float contentWidth = w - 2.f * mx;

    const float headerBottom = layoutHeader(kTitleTop * h);

    const unsigned footerSize = scaledSize(kFooterSize, h);
    sf::Text& footer = addText(
        m_interactive
            ? "\u2190 \u2192 \u2191 \u2193 choose a night     Enter its diary     Delete a "
              "session     Esc back"
            : "Nightstretch \u00b7 " + longDate(m_firstNight) + " to " + longDate(m_stats.tonight) +
                  " " + std::to_string(m_stats.tonight.ymd().year),
        false, footerSize, palette::kTextDim);
    shrinkToWidth(footer, contentWidth);
    placeLine(footer, mx, kFooterTop * h);

    m_doctorShown = m_doctorNote.has_value();
    float columnsBottom = kFooterTop * h - 0.02f * h;
    if (m_doctorShown) columnsBottom = layoutDoctorNote(columnsBottom) - 0.03f * h;

    const float columnsTop = headerBottom + 0.035f * h;
    const float leftWidth = contentWidth * kLeftShare;
    const float rightLeft = mx + leftWidth + kColumnGap * w;
    const float rightWidth = w - mx - rightLeft;

    // Left: the calendar, its legend, and the selected night in words.
    const unsigned body = scaledSize(kBodySize, h);
    const float detailHeight = m_interactive ? 2.f * lineHeight(body) : 0.f;
    const float legendHeight = 2.f * 1.25f * lineHeight(scaledSize(kSmallSize * 1.05f, h));
    const float calendarHeight =
        columnsBottom - columnsTop - legendHeight - detailHeight - 0.05f * h;
    layoutCalendar({mx, columnsTop, leftWidth, calendarHeight});
    const float gridBottom = m_gridOrigin.y + m_pitch * static_cast<float>(m_weeks);
    const float legendTop = gridBottom + 0.025f * h;
    const float usedLegend = layoutLegend({mx, legendTop, leftWidth, legendHeight});
    layoutDetail({mx, legendTop + usedLegend + 0.015f * h, leftWidth,
                  columnsBottom - (legendTop + usedLegend + 0.015f * h)});

    // Right: the weekly chart, its legend in words, and the two-week comparison.
    const unsigned heading = scaledSize(kHeadingSize, h);
    const unsigned small = scaledSize(kSmallSize, h);
    sf::Text& chartTitle = addText("Week by week", true, heading, palette::kText);
    shrinkToWidth(chartTitle, rightWidth);
    placeLine(chartTitle, rightLeft, columnsTop);

    std::string compare = m_comparison.sentence;
    if (!m_comparison.painSentence.empty()) compare += " " + m_comparison.painSentence;
    const auto compareLines = wrapText(compare, m_theme.regular(), body, rightWidth);
    const float compareHeight = lineHeight(heading) + 0.008f * h +
                                static_cast<float>(compareLines.size()) * lineHeight(body);
    const float compareTop = columnsBottom - compareHeight;
    // The chart's legend flows over as many lines as the column needs.
    const float swatch = 0.7f * static_cast<float>(small);
    const char* legendWords[] = {"nights stretched", "nights with cramps",
                                 "worst pain, on average"};
    int legendLines = 1;
    float x = 0.f;
    for (const char* words : legendWords) {
        const float width = swatch * 1.6f + textWidth(words, m_theme.regular(), small);
        if (x > 0.f && x + width > rightWidth) {
            ++legendLines;
            x = 0.f;
        }
        x += width + 0.03f * w;
    }
    const float chartLegendHeight = static_cast<float>(legendLines) * lineHeight(small) * 1.15f;
    const float chartTop = columnsTop + lineHeight(heading) + 0.01f * h;
    const float chartBottom = compareTop - 0.025f * h - chartLegendHeight - 0.015f * h;
    layoutChart({rightLeft, chartTop, rightWidth, chartBottom - chartTop});

    // The chart's legend, in words.
    float legendY = chartBottom + 0.015f * h;
    float legendX = rightLeft;
    auto legendItem = [&](int kind, const std::string& words) {
        const float width = swatch * 1.6f + textWidth(words, m_theme.regular(), small);
        if (legendX > rightLeft && legendX + width > rightLeft + rightWidth) {
            legendX = rightLeft;
            legendY += lineHeight(small) * 1.15f;
        }
        const float middle = legendY + 0.62f * static_cast<float>(small);
        if (kind == 2)
            add(circle({legendX + swatch / 2.f, middle}, swatch / 2.f, kPainColour));
        else
            add(box({legendX, middle - swatch / 2.f, swatch, swatch}, 2.f,
                    kind == 0 ? palette::kAccent : kCrampColour));
        sf::Text& text = addText(words, false, small, palette::kTextSoft);
        shrinkToWidth(text, rightWidth - swatch * 1.6f);
        placeLine(text, legendX + swatch * 1.6f, legendY);
        legendX += swatch * 1.6f + text.getLocalBounds().width + 0.03f * w;
    };
    for (int kind = 0; kind < 3; ++kind)
        legendItem(kind, legendWords[kind]);

    sf::Text& compareTitle =
        addText("First two weeks and the last two", true, heading, palette::kText);
    shrinkToWidth(compareTitle, rightWidth);
    placeLine(compareTitle, rightLeft, compareTop);
    wrapInto(compare,
             {rightLeft, compareTop + lineHeight(heading) + 0.008f * h, rightWidth,
              columnsBottom - compareTop},
             body, palette::kTextSoft);
}

void ProgressScene::draw(sf::RenderTarget& target) const {
    for (const auto& shape : m_shapes)
        target.draw(*shape);
    for (const auto& text : m_texts)
        target.draw(text);
}

std::vector<std::string> ProgressScene::texts() const {
    std::vector<std::string> strings;
    for (const auto& text : m_texts)
        strings.push_back(utf8Of(text));
    return strings;
}

std::vector<sf::FloatRect> ProgressScene::textBounds() const {
    std::vector<sf::FloatRect> bounds;
    for (const auto& text : m_texts)
        bounds.push_back(text.getGlobalBounds());
    return bounds;
}

} // namespace ns
