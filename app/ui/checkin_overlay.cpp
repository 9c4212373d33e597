#include "checkin_overlay.hpp"

#include "layout.hpp"
#include "night_text.hpp"

#include <algorithm>
#include <iterator>

namespace ns {

namespace {

using Field = CheckInForm::Field;

constexpr Field kNumberFields[] = {Field::Cramps, Field::Pain, Field::Sleep};

constexpr float kRowsTop = 0.18f; // of the height, below the panel's top
constexpr float kRowHeight = 0.1f;
constexpr float kRowGap = 0.012f;
constexpr float kLabelSize = 0.04f;
constexpr float kHintSize = 0.026f;
constexpr float kValueSize = 0.062f;
constexpr float kTargetSize = 0.085f; // − and + squares, of the height

const char* labelOf(Field field) {
    switch (field) {
    case Field::Cramps:
        return "Cramps (painful tightening)";
    case Field::Pain:
        return "Worst pain";
    case Field::Sleep:
        return "Sleep disturbed";
    case Field::Note:
        break;
    case Field::Symptoms:
        return "Any of these?";
    }
    return "Note";
}

const char* hintOf(Field field) {
    switch (field) {
    case Field::Cramps:
        return "an urge to move is restless legs, not a cramp";
    case Field::Pain:
        return "0 = none, 10 = the worst";
    case Field::Sleep:
        return "0 = not at all, 10 = very much";
    case Field::Symptoms:
        return "yes or no, if you like";
    case Field::Note:
        break;
    }
    return "if you like: a few words";
}

} // namespace

CheckInOverlay::CheckInOverlay(const Theme& theme) : m_theme(theme) {}

void CheckInOverlay::open(Date night, Date tonight, const std::optional<CheckIn>& existing,
                          int reliefsThatNight) {
    m_form.open(night, existing, reliefsThatNight);
    m_tonight = tonight;
    layout(m_size);
}

CheckInOverlay::Button CheckInOverlay::makeButton(sf::FloatRect box, const std::string& label,
                                                  unsigned size, sf::Color fill,
                                                  sf::Color text) const {
    Button button;
    button.box = box;
    button.shape = roundedRect({box.width, box.height}, 0.18f * box.height, fill);
    button.shape.setPosition(box.left, box.top);
    button.label = makeText(label, m_theme.bold(), size, text);
    shrinkToWidth(button.label, box.width * 0.84f);
    placeText(button.label, box.left + box.width / 2.f,
              box.top + (box.height - button.label.getLocalBounds().height) / 2.f, Align::Center);
    return button;
}

void CheckInOverlay::layout(sf::Vector2f size) {
    m_size = size;
    const float w = size.x;
    const float h = size.y;
    m_shade.setSize(size);
    m_shade.setFillColor(palette::kShade);

    const sf::FloatRect box{0.06f * w, 0.035f * h, 0.88f * w, 0.93f * h};
    m_panel = roundedRect({box.width, box.height}, 0.025f * h, palette::kSurface);
    m_panel.setPosition(box.left, box.top);
    m_panel.setOutlineColor(palette::kAccentDim);
    m_panel.setOutlineThickness(-std::max(1.f, 0.003f * h));
    const float left = box.left + 0.04f * w;
    const float right = box.left + box.width - 0.04f * w;
    const float inner = right - left;

    const Date night = m_form.night();
    std::string title = "How was last night?";
    if (night != m_tonight.plus(-1))
        title = night == m_tonight ? "How is tonight?" : "How was that night?";
    m_title = makeText(title, m_theme.bold(), scaledSize(0.058f, h), palette::kAccent);
    shrinkToWidth(m_title, inner);
    placeLine(m_title, w / 2.f, box.top + 0.03f * h, Align::Center);
    if (m_notSaved)
        m_subtitle =
            makeText("Not saved: the history cannot be written. Your answers are still here.",
                     m_theme.bold(), scaledSize(0.034f, h), palette::kAccent);
    else
        m_subtitle =
            makeText("The night of " + longDate(night) +
                         (m_form.editing() ? " \u00b7 change what you like, then Save" : ""),
                     m_theme.regular(), scaledSize(0.034f, h), palette::kTextSoft);
    shrinkToWidth(m_subtitle, inner);
    placeLine(m_subtitle, w / 2.f, box.top + 0.112f * h, Align::Center);

    m_shapes.clear();
    m_texts.clear();
    const float rowHeight = kRowHeight * h;
    const float rowLeft = left - 0.015f * w;
    const float rowWidth = inner + 0.03f * w;
    const unsigned labelSize = scaledSize(kLabelSize, h);
    const unsigned hintSize = scaledSize(kHintSize, h);
    for (int i = 0; i < CheckInForm::kFieldCount; ++i) {
        const auto field = static_cast<Field>(i);
        const bool focused = m_form.focused() == field;
        const float y = box.top + kRowsTop * h + static_cast<float>(i) * (rowHeight + kRowGap * h);
        const sf::FloatRect row{rowLeft, y, rowWidth, rowHeight};
        m_rowBoxes[static_cast<std::size_t>(i)] = row;
        sf::ConvexShape background =
            roundedRect({row.width, row.height}, 0.015f * h,
                        focused ? palette::kSurfaceRaised : palette::kBackground);
        background.setPosition(row.left, row.top);
        if (focused) {
            background.setOutlineColor(palette::kAccent);
            background.setOutlineThickness(-std::max(2.f, 0.004f * h));
        }
        m_shapes.push_back(background);

        // The controls on the right: − value + for numbers, a text box for the note.
        const float controlsRight = row.left + row.width - 0.015f * w;
        float labelRight = 0.f;
        if (field == Field::Symptoms) {
            labelRight = layoutSymptoms(row, focused) - 0.02f * w;
        } else if (field != Field::Note) {
            labelRight = layoutNumber(static_cast<std::size_t>(i), row, focused) - 0.02f * w;
        } else {
            const float boxLeft = left + 0.3f * inner;
            const float boxHeight = rowHeight - 0.03f * h;
            const sf::FloatRect noteBox{boxLeft, y + (rowHeight - boxHeight) / 2.f,
                                        controlsRight - boxLeft, boxHeight};
            sf::ConvexShape noteShape =
                roundedRect({noteBox.width, noteBox.height}, 0.01f * h, palette::kBackground);
            noteShape.setPosition(noteBox.left, noteBox.top);
            noteShape.setOutlineColor(focused ? palette::kAccentDim : palette::kTrack);
            noteShape.setOutlineThickness(-std::max(1.f, 0.003f * h));
            m_shapes.push_back(noteShape);
            const unsigned noteSize = scaledSize(0.036f, h);
            const float textLeft = noteBox.left + 0.015f * w;
            const float textRoom = noteBox.width - 0.03f * w;
            sf::Text note(m_form.note(), m_theme.regular(), noteSize);
            note.setFillColor(palette::kText);
            if (m_form.note().isEmpty() && !focused) {
                note = makeText("type here", m_theme.regular(), noteSize, palette::kTextDim);
            } else {
                // Show the end of a long note, where the typing is.
                sf::String shown = m_form.note();
                const sf::String dots(sf::Uint32(0x2026));
                while (shown.getSize() > 0 &&
                       textWidth((shown.getSize() < m_form.note().getSize() ? dots : sf::String()) +
                                     shown,
                                 m_theme.regular(), noteSize) > textRoom)
                    shown.erase(0);
                if (shown.getSize() < m_form.note().getSize()) shown = dots + shown;
                note.setString(shown);
            }
            const float lineTop = noteBox.top + (noteBox.height - 1.17f * noteSize) / 2.f;
            placeLine(note, textLeft, lineTop);
            m_texts.push_back(note);
            if (focused) {
                const float caretX =
                    m_form.note().isEmpty()
                        ? textLeft
                        : note.getGlobalBounds().left + note.getGlobalBounds().width + 3.f;
                sf::ConvexShape caret = roundedRect({std::max(2.f, 0.003f * h), 1.1f * noteSize},
                                                    1.f, palette::kAccent);
                caret.setPosition(caretX, lineTop + 0.05f * noteSize);
                m_shapes.push_back(caret);
            }
            labelRight = noteBox.left - 0.02f * w;
        }

        const float labelLeft = row.left + 0.02f * w;
        sf::Text label = makeText(labelOf(field), m_theme.bold(), labelSize,
                                  focused ? palette::kText : palette::kTextSoft);
        shrinkToWidth(label, labelRight - labelLeft);
        const float labelTop = y + (rowHeight - 1.22f * labelSize - 1.2f * hintSize) / 2.f;
        placeLine(label, labelLeft, labelTop);
        m_texts.push_back(label);
        sf::Text hint = makeText(hintOf(field), m_theme.regular(), hintSize, palette::kTextDim);
        shrinkToWidth(hint, labelRight - labelLeft);
        placeLine(hint, labelLeft, labelTop + 1.22f * labelSize);
        m_texts.push_back(hint);
    }

    const float buttonsTop =
        box.top + kRowsTop * h +
        static_cast<float>(CheckInForm::kFieldCount) * (rowHeight + kRowGap * h) + 0.012f * h;
    const float buttonWidth = std::min(0.24f * w, inner * 0.45f);
    const float buttonHeight = 0.085f * h;
    const float gap = 0.04f * w;
    const unsigned buttonText = scaledSize(0.042f, h);
    m_save = makeButton({w / 2.f - gap / 2.f - buttonWidth, buttonsTop, buttonWidth, buttonHeight},
                        "Save", buttonText, palette::kAccent, palette::kBackground);
    m_notNow = makeButton({w / 2.f + gap / 2.f, buttonsTop, buttonWidth, buttonHeight}, "Not now",
                          buttonText, palette::kTrack, palette::kText);

    m_hint = keysLine(scaledSize(0.031f, h));
    shrinkToWidth(m_hint, inner);
    placeLine(m_hint, w / 2.f, buttonsTop + buttonHeight + 0.03f * h, Align::Center);
}

// The keys; on the symptom questions, the chosen question in full; after a failed save, what
// Enter and Esc do now.
sf::Text CheckInOverlay::keysLine(unsigned size) const {
    if (m_notSaved)
        return makeText("Enter tries again     Esc asks whether to discard them", m_theme.regular(),
                        size, palette::kText);
    if (m_form.focused() == Field::Symptoms)
        return makeText(std::string(symptomQuestion(m_form.symptomInFocus())) +
                            "     Space yes / no     \u2190 \u2192 the others",
                        m_theme.regular(), size, palette::kText);
    return makeText("\u2191 \u2193 choose     \u2190 \u2192 change     Enter save     Esc not now",
                    m_theme.regular(), size, palette::kTextDim);
}

// A number's − value + at the right of its row (a dash while empty: nothing is saved for it);
// returns their left.
float CheckInOverlay::layoutNumber(std::size_t index, const sf::FloatRect& row, bool focused) {
    const float w = m_size.x;
    const float h = m_size.y;
    const Field field = kNumberFields[index];
    const float target = kTargetSize * h;
    const float valueWidth = 0.09f * w;
    const float targetTop = row.top + (row.height - target) / 2.f;
    const sf::FloatRect plusBox{row.left + row.width - 0.015f * w - target, targetTop, target,
                                target};
    const sf::FloatRect minusBox{plusBox.left - valueWidth - target, targetTop, target, target};
    const unsigned signSize = scaledSize(0.05f, h);
    const std::optional<int> value = m_form.value(field);
    const bool canLower = !value || *value > 0; // from empty, − gives 0
    const bool canRaise = !value || *value < CheckInForm::maximum(field);
    m_minus[index] =
        makeButton(minusBox, "\u2212", signSize, canLower ? palette::kTrack : palette::kSurface,
                   canLower ? palette::kText : palette::kTextDim);
    m_plus[index] =
        makeButton(plusBox, "+", signSize, canRaise ? palette::kTrack : palette::kSurface,
                   canRaise ? palette::kText : palette::kTextDim);
    sf::Color colour = focused ? palette::kAccent : palette::kText;
    if (!value) colour = palette::kTextDim;
    sf::Text number = makeText(value ? std::to_string(*value) : "\u2013", m_theme.bold(),
                               scaledSize(kValueSize, h), colour);
    placeText(number, minusBox.left + target + valueWidth / 2.f,
              row.top + (row.height - number.getLocalBounds().height) / 2.f, Align::Center);
    m_texts.push_back(number);
    return minusBox.left;
}

// The four yes/no answers at the right of their row, the chosen one outlined; returns their left.
float CheckInOverlay::layoutSymptoms(const sf::FloatRect& row, bool focused) {
    const float w = m_size.x;
    const float h = m_size.y;
    const float right = row.left + row.width - 0.015f * w;
    const float left = row.left + 0.34f * row.width;
    const float gap = 0.01f * w;
    const float chipWidth = (right - left - 3.f * gap) / 4.f;
    const float chipHeight = 0.065f * h;
    const float top = row.top + (row.height - chipHeight) / 2.f;
    const char* const names[] = {"Swelling", "Weakness", "Numbness", "Medicine"};
    for (std::size_t i = 0; i < std::size(kSymptoms); ++i) {
        const Symptom symptom = kSymptoms[i];
        const bool yes = m_form.symptom(symptom);
        const sf::FloatRect chip{left + static_cast<float>(i) * (chipWidth + gap), top, chipWidth,
                                 chipHeight};
        m_chipBoxes[i] = chip;
        sf::ConvexShape shape = roundedRect({chip.width, chip.height}, 0.012f * h,
                                            yes ? palette::kAccentDim : palette::kTrack);
        shape.setPosition(chip.left, chip.top);
        if (focused && m_form.symptomInFocus() == symptom) {
            shape.setOutlineColor(palette::kAccent);
            shape.setOutlineThickness(-std::max(2.f, 0.004f * h));
        }
        m_shapes.push_back(shape);
        sf::Text label =
            makeText(std::string(yes ? "✓ " : "") + names[i], m_theme.bold(), scaledSize(0.03f, h),
                     yes ? palette::kBackground : palette::kText);
        shrinkToWidth(label, chip.width * 0.9f);
        placeText(label, chip.left + chip.width / 2.f,
                  chip.top + (chip.height - label.getLocalBounds().height) / 2.f, Align::Center);
        m_texts.push_back(label);
    }
    return left;
}

CheckInOverlay::Hit CheckInOverlay::hitAt(sf::Vector2f point) const {
    if (m_save.box.contains(point)) return {Target::Save, Field::Cramps};
    for (std::size_t i = 0; i < m_chipBoxes.size(); ++i)
        if (m_chipBoxes[i].contains(point)) return {Target::Symptom, Field::Symptoms, kSymptoms[i]};
    if (m_notNow.box.contains(point)) return {Target::NotNow, Field::Cramps};
    for (std::size_t i = 0; i < 3; ++i) {
        if (m_minus[i].box.contains(point)) return {Target::Minus, kNumberFields[i]};
        if (m_plus[i].box.contains(point)) return {Target::Plus, kNumberFields[i]};
    }
    for (std::size_t i = 0; i < m_rowBoxes.size(); ++i)
        if (m_rowBoxes[i].contains(point)) return {Target::Field, static_cast<Field>(i)};
    return {};
}

bool CheckInOverlay::click(sf::Vector2f point) {
    const Hit hit = hitAt(point);
    bool changed = false;
    switch (hit.target) {
    case Target::None:
        return false;
    case Target::Minus:
    case Target::Plus:
        m_form.focus(hit.field);
        m_form.change(hit.field, hit.target == Target::Plus ? 1 : -1);
        changed = true;
        break;
    case Target::Field:
        changed = m_form.focused() != hit.field;
        m_form.focus(hit.field);
        break;
    case Target::Symptom:
        m_form.focus(Field::Symptoms);
        m_form.focusSymptom(hit.symptom);
        m_form.setSymptom(hit.symptom, !m_form.symptom(hit.symptom));
        changed = true;
        break;
    case Target::Save:
        m_form.save();
        return true;
    case Target::NotNow:
        m_form.dismiss();
        return true;
    }
    if (changed) refresh();
    return changed;
}

void CheckInOverlay::draw(sf::RenderTarget& target) const {
    target.draw(m_shade);
    target.draw(m_panel);
    target.draw(m_title);
    target.draw(m_subtitle);
    for (const auto& shape : m_shapes)
        target.draw(shape);
    for (const auto& text : m_texts)
        target.draw(text);
    for (const auto* buttons : {&m_minus, &m_plus})
        for (const auto& button : *buttons) {
            target.draw(button.shape);
            target.draw(button.label);
        }
    for (const auto* button : {&m_save, &m_notNow}) {
        target.draw(button->shape);
        target.draw(button->label);
    }
    target.draw(m_hint);
}

std::vector<sf::FloatRect> CheckInOverlay::textBounds() const {
    std::vector<sf::FloatRect> bounds{m_title.getGlobalBounds(), m_subtitle.getGlobalBounds(),
                                      m_hint.getGlobalBounds(), m_save.label.getGlobalBounds(),
                                      m_notNow.label.getGlobalBounds()};
    for (const auto& text : m_texts)
        bounds.push_back(text.getGlobalBounds());
    for (const auto* buttons : {&m_minus, &m_plus})
        for (const auto& button : *buttons)
            bounds.push_back(button.label.getGlobalBounds());
    return bounds;
}

} // namespace ns
