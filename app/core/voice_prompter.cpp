// The voice prompter: one pending phrase at a time, due a chime's strike after its chime rang.
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

// The chime rings when the phase is seen to begin (a few ms after it was due, on a busy machine),
// so its strike, and the phrase after it, count from then.
void VoicePrompter::onPhaseStarted(const PhaseEvent& event) {
    const auto index = static_cast<std::size_t>(event.index);
    const long long chimeMs = std::max(event.dueMs, event.atMs);
    if (index < m_plan.phases.size())
        schedule(m_plan.phases[index], chimeMs);
    else
        schedule({}, chimeMs);
}

// Pausing silences the voice at once: a phrase sounding is cut and one not yet started dropped.
// Neither is said on resume (which rings no chime); the next phase speaks as usual.
void VoicePrompter::onPaused(long long /*atMs*/) {
    stopSpeaking();
}

void VoicePrompter::onFinished(const FinishEvent& event) {
    schedule(event.status == SessionStatus::Completed ? m_plan.end : PlannedPhrase{},
             std::max(event.dueMs, event.atMs));
}

void VoicePrompter::update() {
    if (!m_pending || m_session.paused()) return;
    const long long now = nowMs();
    if (now < m_pending->dueMs) return;
    const Pending phrase = std::move(*m_pending);
    m_pending.reset();
    // Muted, nothing is played; the trace still says what would have been said, marked muted.
    const bool audible = m_speaker.audible();
    if (audible) m_speaker.say(phrase.text);
    m_quietAt = m_clock.now() + Millis(audible ? phrase.lengthMs : 0);
    if (m_trace != nullptr) m_trace->say(phrase.text, phrase.dueMs, now, !audible);
}

std::optional<TimePoint> VoicePrompter::nextWakeup() const {
    if (!m_pending || m_session.paused()) return std::nullopt;
    return m_session.startTime() + Millis(m_pending->dueMs);
}

} // namespace ns
