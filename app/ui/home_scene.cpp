#include "home_scene.hpp"

#include "format.hpp"
#include "layout.hpp"
#include "timeline.hpp"

#include <algorithm>
#include <map>

namespace ns {
namespace {

constexpr const char* kNightlyId = "nightly";

constexpr float kMarginX = 0.06f; // of the width
constexpr float kTitleTop = 0.045f;
constexpr float kTitleSize = 0.062f;
constexpr float kNoticeSize = 0.027f;
constexpr float kTonightTop = 0.118f;
constexpr float kListTopUnderTonight = 0.19f; // the list moves down a little for that line
constexpr float kTonightSize = 0.032f;
constexpr float kListTop = 0.165f;
constexpr float kListBottom = 0.875f;
constexpr float kFooterTop = 0.905f;
constexpr float kFooterSize = 0.033f;
constexpr float kCrampHintTop = 0.949f; // the sound badge's line, at the left
constexpr float kCrampHintSize = 0.032f;
constexpr float kRowGap = 0.018f;
constexpr float kRowPadY = 0.02f;
constexpr float kRowPadX = 0.03f; // of the width
constexpr float kNameSize = 0.048f;
constexpr float kDescriptionSize = 0.03f;
constexpr float kErrorSize = 0.029f;
constexpr std::size_t kErrorsShown = 2;
constexpr float kErrorGap = 0.35f; // of a line, between two errors
constexpr std::size_t kLinesPerError = 3;

float lineHeight(unsigned size) {
    return static_cast<float>(size) * 1.22f;
}

} // namespace

std::vector<HomeEntry> homeEntries(const RoutineLibrary& library) {
    std::vector<HomeEntry> entries;
    if (!library.catalogDiagnostics.empty()) {
        HomeEntry catalog;
        catalog.id = "stretches";
        catalog.name = "Stretch catalog (stretches.toml)";
        catalog.valid = false;
        for (const auto& d : library.catalogDiagnostics)
            catalog.errors.push_back(d.format());
        entries.push_back(std::move(catalog));
    }
    for (const auto& e : library.entries) {
        HomeEntry entry;
        entry.id = e.id;
        if (e.result.ok()) {
            const Routine& routine = *e.result.routine;
            entry.name = routine.name.empty() ? e.id : routine.name;
            entry.description = routine.description;
            entry.totalSeconds = buildTimeline(routine).totalSeconds;
        } else if (e.lastGood) {
            // The file broke after it last loaded: it still starts, in its last good version.
            entry.name = e.lastGood->name.empty() ? e.id : e.lastGood->name;
            entry.totalSeconds = buildTimeline(*e.lastGood).totalSeconds;
            for (const auto& d : e.result.diagnostics)
                entry.errors.push_back(d.format());
            if (entry.errors.empty()) entry.errors.push_back(e.path.string() + ": cannot be used");
        } else {
            entry.name = e.id;
            entry.valid = false;
            for (const auto& d : e.result.diagnostics)
                entry.errors.push_back(d.format());
            if (entry.errors.empty()) entry.errors.push_back(e.path.string() + ": cannot be used");
        }
        if (e.replacedBuiltIn) {
            entry.name += "  (yours, from built-in)";
            entry.description += (entry.description.empty() ? "" : "  ") +
                                 std::string("Back to the built-in one: nightstretch reset ") +
                                 e.id;
        }
        entries.push_back(std::move(entry));
    }
    // Two routines with the same name are told apart by their ids.
    std::map<std::string, int> names;
    for (const HomeEntry& entry : entries)
        ++names[entry.name];
    for (HomeEntry& entry : entries)
        if (names[entry.name] > 1 && entry.name != entry.id) entry.name += "  [" + entry.id + "]";
    // The nightly routine is what most people start: first in the list, so Enter starts it.
    std::stable_partition(entries.begin(), entries.end(),
                          [](const HomeEntry& entry) { return entry.id == kNightlyId; });
    return entries;
}

HomeScene::HomeScene(const Theme& theme)
    : m_theme(theme), m_sound(theme, kMarginX), m_banner(theme) {}

void HomeScene::setEntries(std::vector<HomeEntry> entries) {
    m_entries = std::move(entries);
    m_selected = -1;
    m_first = 0;
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].valid) {
            m_selected = static_cast<int>(i);
            break;
        }
    layout(m_size);
}

void HomeScene::setEmptyHint(const std::string& hint) {
    m_emptyHint = hint;
    layout(m_size);
}

void HomeScene::setNotice(const std::string& notice) {
    if (notice == m_notice) return;
    m_notice = notice;
    layout(m_size);
}

void HomeScene::setSoundState(const SoundState& state) {
    const bool changed = m_sound.set(state) || !m_soundShown;
    m_soundShown = true;
    if (changed) m_sound.layout(m_size);
}

void HomeScene::setBanner(const BannerText& banner) {
    m_banner.set(banner);
    layout(m_size);
}

void HomeScene::setTonightLine(const std::string& line) {
    if (line == m_tonightLine) return;
    m_tonightLine = line;
    layout(m_size);
}

void HomeScene::setReminderLine(const std::string& line) {
    if (line == m_reminderLine) return;
    m_reminderLine = line;
    layout(m_size);
}

bool HomeScene::moveSelection(int delta) {
    if (m_selected < 0 || delta == 0) return false;
    const int step = delta > 0 ? 1 : -1;
    int candidate = m_selected;
    for (int i = m_selected + step; i >= 0 && i < static_cast<int>(m_entries.size()); i += step)
        if (m_entries[static_cast<std::size_t>(i)].valid) {
            candidate = i;
            break;
        }
    return select(candidate);
}

bool HomeScene::select(int index) {
    if (index < 0 || index >= static_cast<int>(m_entries.size()) || index == m_selected)
        return false;
    if (!m_entries[static_cast<std::size_t>(index)].valid) return false;
    m_selected = index;
    layout(m_size);
    return true;
}

const HomeEntry* HomeScene::selectedEntry() const {
    if (m_selected < 0) return nullptr;
    return &m_entries[static_cast<std::size_t>(m_selected)];
}

bool HomeScene::editButtonAt(sf::Vector2f point) const {
    return std::any_of(m_rows.begin(), m_rows.end(), [point](const auto& row) {
        return row.editBox.width > 0.f && row.editBox.contains(point);
    });
}

int HomeScene::entryAt(sf::Vector2f point) const {
    for (const auto& row : m_rows)
        if (row.box.contains(point)) return row.entry;
    return -1;
}

float HomeScene::rowHeight(const HomeEntry& entry, float width) const {
    const float h = m_size.y;
    float height = 2.f * kRowPadY * h + lineHeight(scaledSize(kNameSize, h));
    if (entry.valid && entry.errors.empty()) {
        if (!entry.description.empty()) height += lineHeight(scaledSize(kDescriptionSize, h));
        return height;
    }
    if (entry.valid) height += lineHeight(scaledSize(kErrorSize, h)); // "using the last good..."
    const unsigned errorSize = scaledSize(kErrorSize, h);
    const float textWidth = width - 2.f * kRowPadX * m_size.x;
    std::size_t lines = 0;
    for (std::size_t i = 0; i < entry.errors.size() && i < kErrorsShown; ++i)
        lines +=
            std::min(kLinesPerError,
                     wrapText(entry.errors[i], m_theme.regular(), errorSize, textWidth).size());
    if (entry.errors.size() > kErrorsShown) ++lines;
    const std::size_t shown = std::min(entry.errors.size(), kErrorsShown);
    const std::size_t gaps = shown > 0 ? shown - 1 : 0;
    return height + static_cast<float>(lines) * lineHeight(errorSize) +
           static_cast<float>(gaps) * kErrorGap * lineHeight(errorSize);
}

HomeScene::Row HomeScene::buildRow(int index, sf::Vector2f position, float width) const {
    const HomeEntry& entry = m_entries[static_cast<std::size_t>(index)];
    const float h = m_size.y;
    const float padX = kRowPadX * m_size.x;
    const float padY = kRowPadY * h;
    const float innerWidth = width - 2.f * padX;
    const bool selected = index == m_selected;

    Row row;
    row.entry = index;
    row.box = {position.x, position.y, width, rowHeight(entry, width)};
    row.background = roundedRect({width, row.box.height}, 0.015f * h,
                                 selected ? palette::kSurfaceRaised : palette::kSurface);
    row.background.setPosition(position);
    if (selected) {
        row.background.setOutlineColor(palette::kAccent);
        row.background.setOutlineThickness(-std::max(2.f, 0.004f * h));
    }

    const unsigned nameSize = scaledSize(kNameSize, h);
    float y = position.y + padY;
    if (entry.valid) {
        sf::Text minutes = makeText(formatMinutes(entry.totalSeconds), m_theme.bold(), nameSize,
                                    selected ? palette::kAccent : palette::kAccentDim);
        placeLine(minutes, position.x + width - padX, y, Align::Right);
        float nameWidth = innerWidth - minutes.getLocalBounds().width - 0.03f * m_size.x;
        if (selected) {
            // "Edit  E": a target of its own, left of the length.
            const unsigned editSize = scaledSize(kDescriptionSize, h);
            sf::Text edit = makeText("Edit  E", m_theme.bold(), editSize, palette::kAccent);
            const float editW = edit.getLocalBounds().width + 0.03f * m_size.x;
            const float editH = lineHeight(nameSize) * 1.05f;
            const float editRight =
                position.x + width - padX - minutes.getLocalBounds().width - 0.025f * m_size.x;
            row.editBox = {editRight - editW, y - 0.1f * editH, editW, editH};
            row.editButton = roundedRect({editW, editH}, 0.012f * h, palette::kBackground);
            row.editButton.setPosition(row.editBox.left, row.editBox.top);
            row.editButton.setOutlineColor(palette::kAccentDim);
            row.editButton.setOutlineThickness(-std::max(2.f, 0.003f * h));
            placeLine(edit, row.editBox.left + editW / 2.f,
                      row.editBox.top + editH / 2.f - 0.57f * static_cast<float>(editSize),
                      Align::Center);
            row.texts.push_back(edit);
            nameWidth -= editW + 0.025f * m_size.x;
        }
        sf::Text name = makeText(entry.name, m_theme.bold(), nameSize,
                                 selected ? palette::kText : palette::kTextSoft);
        // A long name gets a little smaller before it is cut: the whole name is worth reading.
        shrinkToWidth(name, nameWidth, nameSize * 4 / 5);
        name.setString(
            ellipsize(name.getString(), m_theme.bold(), name.getCharacterSize(), nameWidth));
        placeLine(name, position.x + padX, y);
        row.texts.push_back(name);
        row.texts.push_back(minutes);
        y += lineHeight(nameSize);
        if (!entry.errors.empty()) {
            const unsigned size = scaledSize(kErrorSize, h);
            sf::Text note = makeText("Using the last good version: the file has a problem",
                                     m_theme.bold(), size, palette::kAccent);
            note.setString(ellipsize(note.getString(), m_theme.bold(), size, innerWidth));
            placeLine(note, position.x + padX, y);
            row.texts.push_back(note);
            y += lineHeight(size);
            appendErrors(row, entry, position.x + padX, y, innerWidth);
            return row;
        }
        if (!entry.description.empty()) {
            const unsigned size = scaledSize(kDescriptionSize, h);
            sf::Text description =
                makeText(entry.description, m_theme.regular(), size, palette::kTextDim);
            description.setString(
                ellipsize(description.getString(), m_theme.regular(), size, innerWidth));
            placeLine(description, position.x + padX, y);
            row.texts.push_back(description);
        }
        return row;
    }

    sf::Text name =
        makeText(entry.name + " — can't be used", m_theme.bold(), nameSize, palette::kTextDim);
    name.setString(ellipsize(name.getString(), m_theme.bold(), nameSize, innerWidth));
    placeLine(name, position.x + padX, y);
    row.texts.push_back(name);
    y += lineHeight(nameSize);
    appendErrors(row, entry, position.x + padX, y, innerWidth);
    return row;
}

void HomeScene::appendErrors(Row& row, const HomeEntry& entry, float x, float y,
                             float innerWidth) const {
    const unsigned errorSize = scaledSize(kErrorSize, m_size.y);
    for (std::size_t i = 0; i < entry.errors.size() && i < kErrorsShown; ++i) {
        auto lines = wrapText(entry.errors[i], m_theme.regular(), errorSize, innerWidth);
        if (lines.size() > kLinesPerError) {
            lines.resize(kLinesPerError);
            lines.back() =
                ellipsize(lines.back() + sf::String(" ") + sf::String(sf::Uint32{0x2026}),
                          m_theme.regular(), errorSize, innerWidth);
        }
        for (const auto& line : lines) {
            sf::Text text(line, m_theme.regular(), errorSize);
            text.setFillColor(palette::kError);
            placeLine(text, x, y);
            row.texts.push_back(text);
            y += lineHeight(errorSize);
        }
        if (i + 1 < std::min(entry.errors.size(), kErrorsShown))
            y += kErrorGap * lineHeight(errorSize);
    }
    if (entry.errors.size() > kErrorsShown) {
        const auto more = entry.errors.size() - kErrorsShown;
        sf::Text text =
            makeText("and " + std::to_string(more) + " more problem" + (more == 1 ? "" : "s"),
                     m_theme.regular(), errorSize, palette::kError);
        placeLine(text, x, y);
        row.texts.push_back(text);
    }
}

void HomeScene::layout(sf::Vector2f size) {
    m_size = size;
    const float w = size.x;
    const float h = size.y;
    const float mx = kMarginX * w;
    const float contentWidth = w - 2.f * mx;
    m_sound.layout(size);

    const unsigned titleSize = scaledSize(kTitleSize, h);
    m_title = makeText("Choose tonight's routine", m_theme.bold(), titleSize, palette::kText);
    shrinkToWidth(m_title, contentWidth * (m_notice.empty() ? 1.f : 0.7f));
    placeLine(m_title, mx, kTitleTop * h);

    m_noticeText =
        makeText(m_notice, m_theme.regular(), scaledSize(kNoticeSize, h), palette::kTextDim);
    shrinkToWidth(m_noticeText, contentWidth * 0.28f);
    placeLine(m_noticeText, w - mx,
              kTitleTop * h + static_cast<float>(titleSize) -
                  static_cast<float>(m_noticeText.getCharacterSize()),
              Align::Right);

    m_tonightText =
        makeText(m_tonightLine, m_theme.regular(), scaledSize(kTonightSize, h), palette::kAccent);
    // The reminder: small and dim, at the right on the tonight line's baseline; the tonight line
    // gives up only the room it needs.
    m_reminderText =
        makeText(m_reminderLine, m_theme.regular(), scaledSize(kNoticeSize, h), palette::kTextDim);
    shrinkToWidth(m_reminderText, contentWidth * 0.32f);
    const float reminderRoom =
        m_reminderLine.empty() ? 0.f : m_reminderText.getLocalBounds().width + 0.03f * w;
    shrinkToWidth(m_tonightText, contentWidth - reminderRoom);
    placeLine(m_tonightText, mx, kTonightTop * h);
    placeLine(m_reminderText, w - mx,
              kTonightTop * h + static_cast<float>(scaledSize(kTonightSize, h)) -
                  static_cast<float>(m_reminderText.getCharacterSize()),
              Align::Right);

    const unsigned footerSize = scaledSize(kFooterSize, h);
    const bool canStart = m_selected >= 0;
    const std::string progress = m_tonightLine.empty() ? "" : "P progress     ";
    m_footer = makeText(canStart ? "↑ ↓ choose    Enter start    N new    " + progress +
                                       "H help    Esc quit"
                                 : "N new    " + progress + "H help    Esc quit",
                        m_theme.regular(), footerSize, palette::kTextDim);
    shrinkToWidth(m_footer, contentWidth * 0.78f);
    placeLine(m_footer, mx, kFooterTop * h);
    // What to do at 3 a.m. with a calf locked hard must be findable without opening help.
    m_crampHint = makeText("C  a cramp now     I  about cramps", m_theme.regular(),
                           scaledSize(kCrampHintSize, h), palette::kAccentDim);
    shrinkToWidth(m_crampHint, contentWidth * 0.5f);
    placeLine(m_crampHint, mx, kCrampHintTop * h);

    // The rows: scroll so that the selected one is in view.
    m_rows.clear();
    m_emptyLines.clear();
    const float listTop = (m_tonightLine.empty() ? kListTop : kListTopUnderTonight) * h;
    const float gap = kRowGap * h;
    // The banner takes the bottom of the list's room: it is read before a routine is chosen.
    const float bannerHeight =
        m_banner.layout(mx, kListBottom * h, contentWidth, 0.36f * (kListBottom * h - listTop), h);
    const float listBottom = kListBottom * h - (bannerHeight > 0.f ? bannerHeight + gap : 0.f);
    std::vector<float> heights;
    for (const auto& entry : m_entries)
        heights.push_back(rowHeight(entry, contentWidth));
    const int count = static_cast<int>(m_entries.size());
    m_first = std::clamp(m_first, 0, std::max(0, count - 1));
    if (m_selected >= 0) {
        if (m_selected < m_first) m_first = m_selected;
        auto spanTo = [&](int last) {
            float span = 0.f;
            for (int i = m_first; i <= last; ++i)
                span += heights[static_cast<std::size_t>(i)] + gap;
            return span - gap;
        };
        while (m_first < m_selected && spanTo(m_selected) > listBottom - listTop)
            ++m_first;
    }
    // Show earlier rows again when there is room (after a resize to a taller window).
    while (m_first > 0) {
        float span = 0.f;
        for (int i = m_first - 1; i < count; ++i)
            span += heights[static_cast<std::size_t>(i)] + gap;
        if (span - gap > listBottom - listTop) break;
        --m_first;
    }
    float y = listTop;
    int last = m_first - 1;
    for (int i = m_first; i < count; ++i) {
        const float rowH = heights[static_cast<std::size_t>(i)];
        // The first row is always shown: rows are at most about 0.4 of the height.
        if (y + rowH > listBottom && i > m_first) break;
        m_rows.push_back(buildRow(i, {mx, y}, contentWidth));
        last = i;
        y += rowH + gap;
    }

    const int hiddenAbove = m_first;
    const int hiddenBelow = count - 1 - last;
    std::string more;
    if (hiddenAbove > 0) more += "↑ " + std::to_string(hiddenAbove) + " more";
    if (hiddenBelow > 0)
        more +=
            (more.empty() ? "" : "   ") + std::string("↓ ") + std::to_string(hiddenBelow) + " more";
    m_more = makeText(more, m_theme.regular(), footerSize, palette::kAccentDim);
    shrinkToWidth(m_more, contentWidth * 0.2f);
    placeLine(m_more, w - mx, kFooterTop * h, Align::Right);

    if (m_entries.empty()) {
        const std::string text =
            m_emptyHint.empty() ? "No routines found." : "No routines found. " + m_emptyHint;
        const unsigned textSize = scaledSize(kNameSize, h);
        float lineY = listTop;
        for (const auto& line : wrapText(text, m_theme.regular(), textSize, contentWidth)) {
            sf::Text t(line, m_theme.regular(), textSize);
            t.setFillColor(palette::kTextSoft);
            placeLine(t, mx, lineY);
            m_emptyLines.push_back(t);
            lineY += lineHeight(textSize);
            if (lineY + lineHeight(textSize) > listBottom) break;
        }
    }
}

void HomeScene::draw(sf::RenderTarget& target) const {
    target.draw(m_title);
    if (!m_notice.empty()) target.draw(m_noticeText);
    if (!m_tonightLine.empty()) target.draw(m_tonightText);
    if (!m_reminderLine.empty()) target.draw(m_reminderText);
    for (const auto& row : m_rows) {
        target.draw(row.background);
        if (row.editBox.width > 0.f) target.draw(row.editButton);
        for (const auto& text : row.texts)
            target.draw(text);
    }
    for (const auto& line : m_emptyLines)
        target.draw(line);
    m_banner.draw(target);
    target.draw(m_footer);
    target.draw(m_crampHint);
    target.draw(m_more);
    if (m_soundShown) m_sound.draw(target);
}

std::vector<sf::FloatRect> HomeScene::textBounds() const {
    std::vector<sf::FloatRect> bounds{m_title.getGlobalBounds(), m_footer.getGlobalBounds(),
                                      m_crampHint.getGlobalBounds()};
    if (!m_notice.empty()) bounds.push_back(m_noticeText.getGlobalBounds());
    if (!m_tonightLine.empty()) bounds.push_back(m_tonightText.getGlobalBounds());
    if (!m_reminderLine.empty()) bounds.push_back(m_reminderText.getGlobalBounds());
    if (!m_more.getString().isEmpty()) bounds.push_back(m_more.getGlobalBounds());
    if (m_soundShown) bounds.push_back(m_sound.bounds());
    for (const auto& row : m_rows)
        for (const auto& text : row.texts)
            bounds.push_back(text.getGlobalBounds());
    for (const auto& line : m_emptyLines)
        bounds.push_back(line.getGlobalBounds());
    for (const auto& b : m_banner.textBounds())
        bounds.push_back(b);
    return bounds;
}

} // namespace ns
