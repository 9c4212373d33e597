#include "checkin_form.hpp"

#include <algorithm>
#include <iterator>

namespace ns {

namespace {

int indexOf(CheckInForm::Field field) {
    return static_cast<int>(field);
}

bool isNumber(CheckInForm::Field field) {
    return field != CheckInForm::Field::Note && field != CheckInForm::Field::Symptoms;
}

} // namespace

void CheckInForm::open(Date night, const std::optional<CheckIn>& existing, int reliefsThatNight) {
    m_night = night;
    m_values[0] = std::clamp(existing ? existing->cramps : reliefsThatNight, 0, kMaxCramps);
    for (bool& answer : m_symptoms)
        answer = false;
    if (existing)
        for (const Symptom symptom : existing->symptoms)
            setSymptom(symptom, true);
    m_symptomCursor = 0;
    const auto scale = [](const std::optional<int>& saved) -> std::optional<int> {
        if (!saved) return std::nullopt;
        return std::clamp(*saved, 0, kMaxScale);
    };
    m_values[1] = existing ? scale(existing->pain) : std::nullopt;
    m_values[2] = existing ? scale(existing->sleep) : std::nullopt;
    m_note = existing ? sf::String::fromUtf8(existing->note.begin(), existing->note.end())
                      : sf::String();
    if (m_note.getSize() > kMaxNoteLength) m_note = m_note.substring(0, kMaxNoteLength);
    m_focused = Field::Cramps;
    m_outcome = Outcome::Open;
    m_editing = existing.has_value();
    m_typed = -1;
    m_opened = result(0);
}

bool CheckInForm::hasChanges() const {
    return !checkInChanges(m_opened, result(0)).empty();
}

int CheckInForm::maximum(Field field) {
    return field == Field::Cramps ? kMaxCramps : kMaxScale;
}

std::optional<int> CheckInForm::value(Field field) const {
    return isNumber(field) ? m_values[indexOf(field)] : std::nullopt;
}

void CheckInForm::focus(Field field) {
    if (field != m_focused) m_typed = -1;
    m_focused = field;
}

bool CheckInForm::setValue(Field field, std::optional<int> value) {
    if (!isNumber(field)) return false;
    if (value)
        value = std::clamp(*value, 0, maximum(field));
    else if (field == Field::Cramps)
        value = 0; // the one number always saved
    std::optional<int>& slot = m_values[indexOf(field)];
    if (slot == value) return false;
    slot = value;
    return true;
}

bool CheckInForm::change(Field field, int delta) {
    m_typed = -1;
    return setValue(field, value(field).value_or(0) + delta); // from empty: as from 0
}

bool CheckInForm::keyPressed(const sf::Event::KeyEvent& key) {
    return command(commandFor(KeyContext::CheckIn, key));
}

bool CheckInForm::command(Command command) {
    if (m_outcome != Outcome::Open) return false;
    const int current = indexOf(m_focused);
    switch (command) {
    case Command::PreviousField:
        if (current == 0) return false;
        focus(static_cast<Field>(current - 1));
        return true;
    case Command::NextField:
        if (current + 1 >= kFieldCount) return false;
        focus(static_cast<Field>(current + 1));
        return true;
    case Command::NextFieldAround:
        focus(static_cast<Field>((current + 1) % kFieldCount));
        return true;
    case Command::PreviousFieldAround:
        focus(static_cast<Field>((current + kFieldCount - 1) % kFieldCount));
        return true;
    case Command::ValueDown:
        if (m_focused == Field::Symptoms) {
            if (m_symptomCursor == 0) return false;
            --m_symptomCursor;
            return true;
        }
        return isNumber(m_focused) && change(m_focused, -1);
    case Command::ValueUp:
        if (m_focused == Field::Symptoms) {
            if (m_symptomCursor + 1 >= static_cast<int>(std::size(kSymptoms))) return false;
            ++m_symptomCursor;
            return true;
        }
        return isNumber(m_focused) && change(m_focused, 1);
    case Command::Save:
        save();
        return true;
    case Command::Dismiss:
        dismiss();
        return true;
    case Command::Erase:
        if (m_focused == Field::Note) {
            if (m_note.isEmpty()) return false;
            m_note.erase(m_note.getSize() - 1);
            return true;
        }
        // In a number: take back the last digit typed, or go back to empty (cramps to 0).
        m_typed = m_typed >= 10 ? m_typed / 10 : -1;
        return setValue(m_focused, m_typed >= 0 ? std::optional<int>(m_typed) : std::nullopt);
    default:
        return false;
    }
}

bool CheckInForm::textEntered(sf::Uint32 unicode) {
    if (m_outcome != Outcome::Open) return false;
    if (unicode < 0x20 || unicode == 0x7f) return false; // Enter, Backspace, Escape, Tab
    if (m_focused == Field::Symptoms) {
        bool& answer = m_symptoms[m_symptomCursor];
        const bool before = answer;
        if (unicode == ' ') answer = !answer;
        if (unicode == 'y' || unicode == 'Y') answer = true;
        if (unicode == 'n' || unicode == 'N') answer = false;
        return answer != before;
    }
    if (m_focused == Field::Note) {
        if (m_note.getSize() >= kMaxNoteLength) return false;
        m_note += unicode;
        return true;
    }
    if (unicode >= '0' && unicode <= '9') {
        const int digit = static_cast<int>(unicode - '0');
        const int combined = m_typed > 0 ? m_typed * 10 + digit : digit;
        // "1" then "5" gives 15; a digit that would go past the range starts a new number.
        m_typed = combined <= maximum(m_focused) ? combined : digit;
        setValue(m_focused, m_typed);
        return true;
    }
    if (unicode == '+' || unicode == '=') return change(m_focused, 1);
    if (unicode == '-' || unicode == 0x2212) return change(m_focused, -1);
    return false;
}

std::vector<Symptom> CheckInForm::symptomsAnsweredYes() const {
    std::vector<Symptom> yes;
    for (const Symptom symptom : kSymptoms)
        if (m_symptoms[static_cast<int>(symptom)]) yes.push_back(symptom);
    return yes;
}

CheckIn CheckInForm::result(std::time_t recordedAt) const {
    CheckIn checkIn;
    checkIn.night = m_night.str();
    checkIn.cramps = m_values[0].value_or(0);
    checkIn.pain = m_values[1];
    checkIn.sleep = m_values[2];
    checkIn.symptoms = symptomsAnsweredYes();
    const auto utf8 = m_note.toUtf8();
    checkIn.note.assign(utf8.begin(), utf8.end());
    // Trailing spaces are not part of what was meant.
    while (!checkIn.note.empty() && checkIn.note.back() == ' ')
        checkIn.note.pop_back();
    checkIn.recordedAt = recordedAt;
    return checkIn;
}

} // namespace ns
