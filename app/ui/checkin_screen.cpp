#include "checkin_screen.hpp"

#include "night_text.hpp"
#include "note_screen.hpp"
#include "question_screen.hpp"

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
    if (form.focused() == CheckInForm::Field::Symptoms &&
        (key.code == K::Space || key.code == K::Y || key.code == K::N))
        return true; // the answers, typed as text
    return typesIntoANumber(key.code);
}

CheckInScreen::CheckInScreen(const Theme& theme, HistoryStore& history, Date night, Date tonight)
    : m_theme(theme), m_history(history), m_overlay(theme), m_tonight(tonight) {
    m_overlay.open(night, tonight, history.checkInFor(night.str()),
                   history.reliefCountFor(night.str()));
}

// A note that the diary or an answer calls for shows at once.
void CheckInScreen::showDoctorNote(ScreenHost& host) {
    const auto note =
        doctorNote(computeStats(m_history.nightRecords(), m_tonight), m_history.symptomAnswers());
    if (note)
        host.push(std::make_unique<NoteScreen>(
            m_theme, note->reason, std::vector<std::string>{note->text},
            "Enter to close     I what helps, when to see a doctor"));
}

// The check-in with its symptom answers, in one write. When it cannot be written, the form stays
// with everything typed in it and says so; Enter tries again.
bool CheckInScreen::save(ScreenHost& host) {
    CheckInForm& form = m_overlay.form();
    form.save();
    if (!m_history.putCheckIn(form.result(std::time(nullptr)))) {
        spdlog::warn("check-in not saved: {}", m_history.lastError());
        form.keepOpen();
        m_overlay.showNotSaved();
        return false;
    }
    host.remove(*this);
    host.showIndicator("Saved in your diary", -1.f);
    host.historyChanged();
    showDoctorNote(host);
    return true;
}

void CheckInScreen::leave(ScreenHost& host, bool closeWindowAfter) {
    CheckInForm& form = m_overlay.form();
    if (!form.hasChanges()) {
        form.dismiss();
        host.remove(*this);
        if (closeWindowAfter) host.closeWindow();
        return;
    }
    if (m_asking) return; // the question is up already
    m_asking = true;
    auto then = [this, closeWindowAfter](ScreenHost& h) {
        m_asking = false;
        if (closeWindowAfter) h.closeWindow();
    };
    host.push(std::make_unique<QuestionScreen>(
        m_theme, "Save what you entered?",
        "Your diary of " + longDate(form.night()) + " is not saved yet.", "Save", "Discard", "Back",
        [this, then](ScreenHost& h) {
            if (save(h)) {
                then(h);
            } else {
                m_asking = false; // not saved: the form stays, saying so
            }
        },
        [this, then](ScreenHost& h) {
            m_overlay.form().dismiss();
            h.remove(*this);
            then(h);
        },
        [this](ScreenHost&) { m_asking = false; })); // Back: the form as it was
}

bool CheckInScreen::closeRequested(ScreenHost& host) {
    if (!m_overlay.form().hasChanges()) return false;
    leave(host, true);
    return true;
}

bool CheckInScreen::handle(const sf::Event& event, ScreenHost& host) {
    CheckInForm& form = m_overlay.form();
    bool changed = false;
    switch (event.type) {
    case sf::Event::KeyPressed: {
        const Command command = commandFor(KeyContext::CheckIn, event.key);
        // In the note, H and ? are letters; F1 is help everywhere.
        if (command == Command::ShowHelp &&
            (form.focused() != CheckInForm::Field::Note || event.key.code == K::F1)) {
            host.showHelp(keyContext());
            return true;
        }
        if (command == Command::Dismiss) {
            leave(host, false);
            return true;
        }
        if (!usesKey(event.key)) {
            if (form.hasChanges()) return true; // what was entered is never lost on a key
            // Meant for the screen behind (P, a sound key): "not now", and the key goes on.
            form.dismiss();
            host.remove(*this);
            return false;
        }
        changed = form.keyPressed(event.key);
        break;
    }
    case sf::Event::TextEntered:
        changed = form.textEntered(event.text.unicode);
        break;
    case sf::Event::MouseButtonPressed:
        if (event.mouseButton.button != sf::Mouse::Left) return true;
        if (m_overlay.hitAt(clickPoint(event)).target == CheckInOverlay::Target::NotNow) {
            leave(host, false);
            return true;
        }
        changed = m_overlay.click(clickPoint(event));
        break;
    case sf::Event::MouseMoved:
    case sf::Event::MouseWheelScrolled:
        return true; // nothing under the form reacts
    default:
        return false;
    }
    if (form.outcome() == CheckInForm::Outcome::Saved) {
        save(host);
    } else if (changed) {
        m_overlay.refresh();
    }
    return true;
}

} // namespace ns
