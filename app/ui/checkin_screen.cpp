#include "checkin_screen.hpp"

#include "note_screen.hpp"

#include <spdlog/spdlog.h>

#include <ctime>
#include <memory>

namespace ns {

namespace {

using K = sf::Keyboard;

// Keys the form uses in a number: digits, + and − (typed as text), and the modifiers before them.
bool typesIntoANumber(K::Key code) {
    if ((code >= K::Num0 && code <= K::Num9) || (code >= K::Numpad0 && code <= K::Numpad9))
        return true;
    switch (code) {
    case K::Add:
    case K::Subtract:
    case K::Equal:
    case K::Hyphen:
    case K::LShift:
    case K::RShift:
    case K::LControl:
    case K::RControl:
    case K::LAlt:
    case K::RAlt:
    case K::LSystem:
    case K::RSystem:
    case K::Unknown:
        return true;
    default:
        return false;
    }
}

} // namespace

bool CheckInScreen::usesKey(const sf::Event::KeyEvent& key) const {
    const CheckInForm& form = m_overlay.form();
    if (commandFor(KeyContext::CheckIn, key) != Command::None) return true;
    if (form.focused() == CheckInForm::Field::Note) return true; // letters are the note
    return typesIntoANumber(key.code);
}

CheckInScreen::CheckInScreen(const Theme& theme, HistoryStore& history, Date night, Date tonight)
    : m_theme(theme), m_history(history), m_overlay(theme), m_tonight(tonight) {
    m_overlay.open(night, tonight, history.checkInFor(night.str()),
                   history.reliefCountFor(night.str()));
}

// The symptom answers go with the check-in; a note that the diary or an answer calls for shows
// at once.
void CheckInScreen::saveSymptomsAndShowNote(ScreenHost& host) {
    const CheckInForm& form = m_overlay.form();
    const std::vector<Symptom> yes = form.symptomsAnsweredYes();
    if (!yes.empty() && !m_history.addSymptoms(form.night().str(), yes, std::time(nullptr)))
        spdlog::warn("symptom answers not saved: {}", m_history.lastError());
    const auto note =
        doctorNote(computeStats(m_history.nightRecords(), m_tonight), m_history.symptomAnswers());
    if (note)
        host.push(std::make_unique<NoteScreen>(
            m_theme, note->reason, std::vector<std::string>{note->text},
            "Enter to close     I what helps, when to see a doctor"));
}

bool CheckInScreen::handle(const sf::Event& event, ScreenHost& host) {
    CheckInForm& form = m_overlay.form();
    bool changed = false;
    switch (event.type) {
    case sf::Event::KeyPressed:
        if (!usesKey(event.key)) {
            // Meant for the screen behind (P, H, a sound key): "not now", and the key goes on.
            form.dismiss();
            host.remove(*this);
            return false;
        }
        changed = form.keyPressed(event.key);
        break;
    case sf::Event::TextEntered:
        changed = form.textEntered(event.text.unicode);
        break;
    case sf::Event::MouseButtonPressed:
        if (event.mouseButton.button != sf::Mouse::Left) return true;
        changed = m_overlay.click(clickPoint(event));
        break;
    case sf::Event::MouseMoved:
    case sf::Event::MouseWheelScrolled:
        return true; // nothing under the form reacts
    default:
        return false;
    }
    if (form.outcome() == CheckInForm::Outcome::Saved) {
        host.remove(*this);
        if (m_history.putCheckIn(form.result(std::time(nullptr)))) {
            host.showIndicator("Saved in your diary", -1.f);
        } else {
            host.showIndicator("Diary not saved: " + m_history.lastError(), -1.f);
            spdlog::warn("check-in not saved: {}", m_history.lastError());
        }
        host.historyChanged();
        saveSymptomsAndShowNote(host);
    } else if (form.outcome() == CheckInForm::Outcome::Dismissed) {
        host.remove(*this);
    } else if (changed) {
        m_overlay.refresh();
    }
    return true;
}

} // namespace ns
