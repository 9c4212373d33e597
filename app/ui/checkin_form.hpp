// The morning check-in as a model without a window: three numbers, a note and four yes/no
// symptom questions, the field in focus, and what keys and typed text do to them. Pain and sleep
// start empty and stay empty until touched. The overlay draws it; tests drive it directly.
#pragma once

#include "doctor_note.hpp"
#include "history.hpp"
#include "keymap.hpp"
#include "nights.hpp"

#include <SFML/System/String.hpp>
#include <SFML/Window/Event.hpp>

#include <ctime>
#include <optional>

namespace ns {

class CheckInForm {
  public:
    enum class Field { Cramps, Pain, Sleep, Note, Symptoms };
    static constexpr int kFieldCount = 5;
    enum class Outcome { Open, Saved, Dismissed };
    static constexpr std::size_t kMaxNoteLength = 200; // characters: a short note

    // Starts over for `night`, prefilled from an existing check-in (its symptoms too); without
    // one, the cramps start at `reliefsThatNight` (the relief guide used that night).
    void open(Date night, const std::optional<CheckIn>& existing = std::nullopt,
              int reliefsThatNight = 0);

    // Up/Down (and Tab) move between fields; Left/Right change a number; Enter saves; Escape
    // dismisses; Backspace edits (pain or sleep back to empty). True when anything shown changed.
    bool keyPressed(const sf::Event::KeyEvent& key);
    bool command(Command command); // the same, from the keymap's command
    // Digits set the number in focus (typed one after another: "1", "2" gives 12); + and - change
    // it; in the note, printable characters are added.
    bool textEntered(sf::Uint32 unicode);

    void focus(Field field);
    bool change(Field field, int delta); // clamped to the field's range; empty counts as 0
    bool setValue(Field field, std::optional<int> value); // empty only for pain and sleep
    void save() { m_outcome = Outcome::Saved; }
    void dismiss() { m_outcome = Outcome::Dismissed; }
    void keepOpen() { m_outcome = Outcome::Open; } // the save failed: everything stays as typed

    // The symptom questions (in the Symptoms field, Left/Right choose one, Space, Y or N answer).
    bool symptom(Symptom symptom) const { return m_symptoms[static_cast<int>(symptom)]; }
    void setSymptom(Symptom symptom, bool yes) { m_symptoms[static_cast<int>(symptom)] = yes; }
    Symptom symptomInFocus() const { return kSymptoms[m_symptomCursor]; }
    void focusSymptom(Symptom symptom) { m_symptomCursor = static_cast<int>(symptom); }
    std::vector<Symptom> symptomsAnsweredYes() const;

    Field focused() const { return m_focused; }
    std::optional<int> value(Field field) const; // empty: never touched (pain, sleep)
    static int maximum(Field field);
    const sf::String& note() const { return m_note; }
    Date night() const { return m_night; }
    Outcome outcome() const { return m_outcome; }
    bool editing() const { return m_editing; } // prefilled from an existing check-in
    // Anything differs from what the form opened with (closing it then would lose it).
    bool hasChanges() const;

    // What is saved: the night, the numbers, the note as UTF-8, the symptoms answered yes.
    CheckIn result(std::time_t recordedAt) const;

  private:
    Date m_night;
    std::optional<int> m_values[3] = {0, std::nullopt, std::nullopt};
    CheckIn m_opened; // what the form showed when it opened
    sf::String m_note;
    Field m_focused = Field::Cramps;
    Outcome m_outcome = Outcome::Open;
    bool m_editing = false;
    int m_typed = -1; // the digits typed so far into the focused number, -1 for none
    bool m_symptoms[4] = {false, false, false, false};
    int m_symptomCursor = 0;
};

} // namespace ns
