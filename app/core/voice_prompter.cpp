// The voice prompter: one pending phrase at a time, due a chime's strike after its phase began.
#include "voice_prompter.hpp"

#include "trace.hpp"

#include <algorithm>
#include <utility>

namespace ns {

VoicePrompter::VoicePrompter(const Session& session, const Clock& clock, PhrasePlan plan,
                             Speaker& speaker, TraceWriter* trace)
    : m_session(session), m_clock(clock), m_plan(std::move(plan)), m_speaker(speaker),
      m_trace(trace) {}

long long VoicePrompter::nowMs() const {
    return std::chrono::duration_cast<Millis>(m_clock.now() - m_session.startTime()).count();
}

void VoicePrompter::schedule(const PlannedPhrase& phrase, long long anchorMs) {
    // A phrase still sounding when a new phase begins (a skip) must not run under its chime.
    stopSpeaking();
    if (phrase.text.empty()) return;
    m_pending = Pending{phrase.text, anchorMs + phrase.offsetMs, phrase.lengthMs};
}

void VoicePrompter::stopSpeaking() {
    m_pending.reset();
    if (m_clock.now() < m_quietAt) m_speaker.stop();
    m_quietAt = m_clock.now();
}

void VoicePrompter::onPhaseStarted(const PhaseEvent& event) {
    const auto index = static_cast<std::size_t>(event.index);
    if (index < m_plan.phases.size())
        schedule(m_plan.phases[index], event.dueMs);
    else
        schedule({}, event.dueMs);
}

// A phrase not yet started is dropped: the person paused, and resuming rings no new chime.
void VoicePrompter::onPaused(long long /*atMs*/) {
    m_pending.reset();
}

void VoicePrompter::onFinished(const FinishEvent& event) {
    schedule(event.status == SessionStatus::Completed ? m_plan.end : PlannedPhrase{}, event.dueMs);
}

void VoicePrompter::update() {
    if (!m_pending || m_session.paused()) return;
    const long long now = nowMs();
    if (now < m_pending->dueMs) return;
    const Pending phrase = std::move(*m_pending);
    m_pending.reset();
    m_speaker.say(phrase.text);
    m_quietAt = m_clock.now() + Millis(phrase.lengthMs);
    if (m_trace != nullptr) m_trace->say(phrase.text, phrase.dueMs, now);
}

std::optional<TimePoint> VoicePrompter::nextWakeup() const {
    if (!m_pending || m_session.paused()) return std::nullopt;
    return m_session.startTime() + Millis(m_pending->dueMs);
}

} // namespace ns
