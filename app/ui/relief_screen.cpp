#include "relief_screen.hpp"

#include "voice_prompter.hpp"

#include <spdlog/spdlog.h>

#include <ctime>

namespace ns {

ReliefScreen::ReliefScreen(const Theme& theme, ReliefVariant variant, HistoryStore* history,
                           DayStart dayStart, Speaker* speaker)
    : m_guide(variant), m_scene(theme, m_guide), m_history(history), m_speaker(speaker) {
    const std::time_t now = std::time(nullptr);
    m_record.night = nightOf(now, dayStart).str();
    m_record.startedAt = now;
    m_record.variant = reliefVariantName(variant);
    if (m_history) {
        m_reliefId = m_history->addRelief(m_record);
        if (m_reliefId == 0) spdlog::warn("relief not recorded: {}", m_history->lastError());
    }
    speak();
}

void ReliefScreen::record() {
    if (m_history && m_reliefId != 0 &&
        !m_history->updateRelief(m_reliefId, m_guide.stepsDone(), m_record.variant))
        spdlog::warn("relief not updated: {}", m_history->lastError());
}

void ReliefScreen::speak() {
    if (!m_speaker) return;
    m_speaker->stop(); // the last step's words stop with it
    m_speakPending = true;
}

void ReliefScreen::presented() {
    if (!m_speakPending) return;
    m_speakPending = false;
    const std::string text =
        m_guide.finished() ? "Well done. Sleep well." : m_guide.current().spoken;
    const long long lengthMs = m_speaker->prepare(text);
    m_speaker->donePreparing(); // one phrase at a time: a step lasts as long as the cramp
    if (lengthMs >= 0) m_speaker->say(text);
}

bool ReliefScreen::handle(const sf::Event& event, ScreenHost& host) {
    if (event.type == sf::Event::MouseButtonPressed || event.type == sf::Event::MouseMoved ||
        event.type == sf::Event::MouseWheelScrolled)
        return true;
    if (event.type != sf::Event::KeyPressed) return false;
    const Command command = commandFor(keyContext(), event.key);
    bool changed = false;
    switch (command) {
    case Command::StepEased:
        if (m_guide.finished()) {
            host.remove(*this);
            return true;
        }
        changed = m_guide.next();
        record();
        break;
    case Command::StepBack:
        changed = m_guide.back();
        break;
    case Command::OtherCramp: {
        const ReliefVariant other = m_guide.variant() == ReliefVariant::Calf
                                        ? ReliefVariant::ShinOrFoot
                                        : ReliefVariant::Calf;
        m_guide.switchVariant(other);
        m_record.variant = reliefVariantName(other);
        record(); // the cramp is where the person said
        changed = true;
        break;
    }
    case Command::CloseScreen:
        if (m_speaker) m_speaker->stop();
        host.remove(*this);
        return true;
    case Command::ShowRelief:
        return true; // already here
    default:
        return handleCommonCommand(command, keyContext(), host);
    }
    if (changed) {
        m_scene.layout(m_size);
        speak();
    }
    return true;
}

} // namespace ns
