#include "checkin_screen.hpp"

#include "note_screen.hpp"

#include <spdlog/spdlog.h>

#include <ctime>
#include <memory>

namespace ns {

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
