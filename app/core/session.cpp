// The timer engine: every moment is computed from absolute deadlines on the injected clock, so
// how often update() runs changes when events are seen (atMs), never when they are due (dueMs).
#include "session.hpp"

#include <algorithm>
#include <utility>

namespace ns {

using std::chrono::seconds;

const char* toString(SessionStatus status) {
    switch (status) {
    case SessionStatus::Running:
        return "running";
    case SessionStatus::Completed:
        return "completed";
    case SessionStatus::Quit:
        return "quit";
    case SessionStatus::Interrupted:
        return "interrupted";
    }
    return "running";
}

const char* toString(Cue cue) {
    switch (cue) {
    case Cue::Prepare:
        return "prepare";
    case Cue::Hold:
        return "hold";
    case Cue::Switch:
        return "switch";
    case Cue::Rest:
        return "rest";
    case Cue::Tick:
        return "tick";
    case Cue::Done:
        return "done";
    }
    return "done";
}

Cue cueForPhase(PhaseKind kind) {
    switch (kind) {
    case PhaseKind::Prepare:
        return Cue::Prepare;
    case PhaseKind::Hold:
        return Cue::Hold;
    case PhaseKind::Switch:
        return Cue::Switch;
    case PhaseKind::Rest:
        return Cue::Rest;
    }
    return Cue::Hold;
}

namespace {

std::chrono::steady_clock::duration phaseDuration(const Phase& phase) {
    return seconds(std::max(0, phase.durationSeconds));
}

} // namespace

Session::Session(Routine routine, Timeline timeline, const Clock& clock)
    : m_routine(std::move(routine)), m_timeline(std::move(timeline)), m_clock(clock) {}

void Session::addObserver(SessionObserver* observer) {
    if (observer != nullptr &&
        std::find(m_observers.begin(), m_observers.end(), observer) == m_observers.end())
        m_observers.push_back(observer);
}

void Session::removeObserver(SessionObserver* observer) {
    m_observers.erase(std::remove(m_observers.begin(), m_observers.end(), observer),
                      m_observers.end());
}

void Session::start() {
    if (m_started) return;
    m_started = true;
    m_startTime = m_clock.now();
    if (m_timeline.phases.empty()) {
        finish(SessionStatus::Completed, 0, 0);
        return;
    }
    enterPhase(0, m_startTime, 0, 0);
}

void Session::update() {
    if (!m_started || finished() || m_paused) return;
    const TimePoint now = m_clock.now();
    const long long atMs = msSinceStart(now);
    while (!finished()) {
        // Ticks come before the deadline, so the first one not yet due ends the catch-up.
        if (const auto tick = nextTickTime()) {
            if (*tick > now) return;
            ++m_ticksDone;
            emitCue(Cue::Tick, msSinceStart(*tick), atMs);
            continue;
        }
        const TimePoint deadline = phaseDeadline();
        if (deadline > now) return;
        leavePhase();
        // The next phase starts at this one's deadline, not when we noticed: no drift.
        if (m_index + 1 < static_cast<int>(m_timeline.phases.size()))
            enterPhase(m_index + 1, deadline, msSinceStart(deadline), atMs);
        else
            finish(SessionStatus::Completed, msSinceStart(deadline), atMs);
    }
}

bool Session::togglePause() {
    return m_paused ? resume() : pause();
}

bool Session::pause() {
    update();
    if (!canChangePhase() || m_paused) return false;
    return holdForQuestion();
}

bool Session::holdForQuestion() {
    update();
    if (!m_started || finished() || m_paused) return false;
    m_paused = true;
    m_pausedAt = m_clock.now();
    const long long atMs = msSinceStart(m_pausedAt);
    for (SessionObserver* o : std::vector<SessionObserver*>(m_observers))
        o->onPaused(atMs);
    return true;
}

bool Session::resume() {
    if (!canChangePhase() || !m_paused) return false;
    return keepGoing();
}

bool Session::keepGoing() {
    if (!m_started || finished() || !m_paused) return false;
    const TimePoint now = m_clock.now();
    m_phaseStart += now - m_pausedAt; // every later deadline follows from this one
    m_paused = false;
    const long long atMs = msSinceStart(now);
    for (SessionObserver* o : std::vector<SessionObserver*>(m_observers))
        o->onResumed(atMs);
    return true;
}

bool Session::nextPhase() {
    update();
    if (!canChangePhase()) return false;
    const TimePoint now = m_clock.now();
    const long long nowMs = msSinceStart(now);
    leavePhase();
    if (m_index + 1 < static_cast<int>(m_timeline.phases.size()))
        enterPhase(m_index + 1, now, nowMs, nowMs);
    else
        finish(SessionStatus::Completed, nowMs, nowMs);
    return true;
}

bool Session::back() {
    update();
    if (!canChangePhase()) return false;
    const bool restart = phaseElapsedMs() >= kBackToPreviousMs || m_index == 0;
    const int target = restart ? m_index : m_index - 1;
    const TimePoint now = m_clock.now();
    const long long nowMs = msSinceStart(now);
    leavePhase();
    enterPhase(target, now, nowMs, nowMs);
    return true;
}

bool Session::nextStep() {
    update();
    if (!canChangePhase()) return false;
    const int step = phase().step;
    const int count = static_cast<int>(m_timeline.phases.size());
    int lastHold = -1;
    int next = count;
    for (int i = m_index; i < count; ++i) {
        const Phase& p = m_timeline.phases[static_cast<size_t>(i)];
        if (p.step != step) {
            next = i;
            break;
        }
        if (p.kind == PhaseKind::Hold) lastHold = i;
    }
    // Leaving before the step's last hold has finished skips (part of) its holds.
    if (lastHold >= m_index) ++m_stepsSkipped;

    const TimePoint now = m_clock.now();
    const long long nowMs = msSinceStart(now);
    leavePhase();
    if (next < count)
        enterPhase(next, now, nowMs, nowMs);
    else
        finish(SessionStatus::Completed, nowMs, nowMs);
    return true;
}

void Session::quit() {
    update(); // a routine whose end is already due has completed, not been quit
    if (!m_started || finished()) return;
    const long long nowMs = msSinceStart(m_clock.now());
    leavePhase();
    finish(SessionStatus::Quit, nowMs, nowMs);
}

void Session::interrupt() {
    update();
    if (!m_started || finished()) return;
    const long long nowMs = msSinceStart(m_clock.now());
    leavePhase();
    finish(SessionStatus::Interrupted, nowMs, nowMs);
}

const Phase* Session::nextPhaseInfo() const {
    const size_t next = static_cast<size_t>(m_index) + 1;
    return next < m_timeline.phases.size() ? &m_timeline.phases[next] : nullptr;
}

bool Session::inputGuarded() const {
    return m_started && !finished() && m_clock.now() < m_guardUntil;
}

long long Session::phaseRemainingMs() const {
    if (m_timeline.phases.empty()) return 0;
    const auto remaining = phaseDuration(phase()) - phaseElapsed();
    return std::chrono::ceil<Millis>(remaining).count(); // elapsed rounds down, remaining up
}

long long Session::phaseElapsedMs() const {
    return std::chrono::floor<Millis>(phaseElapsed()).count();
}

int Session::countdownSeconds() const {
    return static_cast<int>((phaseRemainingMs() + 999) / 1000);
}

long long Session::totalRemainingMs() const {
    if (m_status == SessionStatus::Completed || m_timeline.phases.empty()) return 0;
    long long later = 0;
    for (size_t i = static_cast<size_t>(m_index) + 1; i < m_timeline.phases.size(); ++i)
        later += m_timeline.phases[i].durationSeconds * 1000LL;
    return phaseRemainingMs() + later;
}

long long Session::elapsedMs() const {
    if (!m_started) return 0;
    return msSinceStart(finished() ? m_endTime : m_clock.now());
}

double Session::progress() const {
    if (m_status == SessionStatus::Completed) return 1.0;
    const long long total = m_timeline.totalSeconds * 1000LL;
    if (total <= 0) return 0.0;
    const double done = 1.0 - static_cast<double>(totalRemainingMs()) / static_cast<double>(total);
    return std::clamp(done, 0.0, 1.0);
}

int Session::holdSecondsDone() const {
    Duration done = m_holdDone;
    if (m_started && !finished() && phase().kind == PhaseKind::Hold) done += phaseElapsed();
    return static_cast<int>(std::chrono::floor<seconds>(done).count());
}

int Session::stepsSkipped() const {
    return m_stepsSkipped;
}

std::optional<TimePoint> Session::nextWakeup() const {
    if (!m_started || m_paused || finished()) return std::nullopt;
    const TimePoint deadline = phaseDeadline();
    const TimePoint now = m_clock.now();
    TimePoint wakeup = deadline;
    if (now < deadline) {
        // The countdown shows ceil(remaining): it next changes when remaining reaches k - 1 s.
        const auto shown = std::chrono::ceil<seconds>(deadline - now);
        wakeup = deadline - (shown - seconds(1));
    }
    if (const auto tick = nextTickTime()) wakeup = std::min(wakeup, *tick);
    return wakeup; // in the past when update() is overdue
}

// --- internals ---

void Session::enterPhase(int index, TimePoint startedAt, long long dueMs, long long atMs) {
    m_index = index;
    m_phaseStart = startedAt;
    if (m_paused) m_pausedAt = startedAt; // a phase entered while paused waits, untouched
    m_ticksDone = 0;
    // Measured on the clock, not in phase time: a phase entered while paused still unguards.
    m_guardUntil = startedAt + Millis(kInputGuardMs);

    PhaseEvent event;
    event.index = index;
    event.phase = &phase();
    event.dueMs = dueMs;
    event.atMs = atMs;
    for (SessionObserver* o : std::vector<SessionObserver*>(m_observers))
        o->onPhaseStarted(event);
    emitCue(cueForPhase(phase().kind), dueMs, atMs);
}

void Session::leavePhase() {
    if (phase().kind == PhaseKind::Hold) m_holdDone += phaseElapsed();
}

void Session::finish(SessionStatus status, long long dueMs, long long atMs) {
    m_endTime = m_clock.now();
    if (m_paused) m_phaseStart += m_endTime - m_pausedAt; // keep the phase frozen where it paused
    m_paused = false;
    m_status = status;
    if (status == SessionStatus::Completed) emitCue(Cue::Done, dueMs, atMs);

    FinishEvent event;
    event.status = status;
    event.dueMs = dueMs;
    event.atMs = atMs;
    event.holdSecondsDone = holdSecondsDone();
    event.stepsSkipped = m_stepsSkipped;
    for (SessionObserver* o : std::vector<SessionObserver*>(m_observers))
        o->onFinished(event);
}

void Session::emitCue(Cue cue, long long dueMs, long long atMs) {
    CueEvent event;
    event.cue = cue;
    event.dueMs = dueMs;
    event.atMs = atMs;
    for (SessionObserver* o : std::vector<SessionObserver*>(m_observers))
        o->onCue(event);
}

bool Session::canChangePhase() const {
    return m_started && !finished() && !inputGuarded();
}

long long Session::msSinceStart(TimePoint t) const {
    return std::chrono::floor<Millis>(t - m_startTime).count();
}

TimePoint Session::effectiveNow() const {
    if (finished()) return m_endTime;
    if (m_paused) return m_pausedAt;
    return m_clock.now();
}

TimePoint Session::phaseDeadline() const {
    return m_phaseStart + phaseDuration(phase());
}

Session::Duration Session::phaseElapsed() const {
    if (!m_started || m_timeline.phases.empty()) return Duration::zero();
    const Duration elapsed = effectiveNow() - m_phaseStart;
    return std::clamp(elapsed, Duration::zero(), Duration(phaseDuration(phase())));
}

std::optional<TimePoint> Session::nextTickTime() const {
    const Phase& current = phase();
    if (current.kind != PhaseKind::Hold || current.durationSeconds <= kTickSeconds) return {};
    if (m_ticksDone >= kTickSeconds) return {};
    // Ticks at kTickSeconds, ..., 1 seconds remaining.
    return phaseDeadline() - seconds(kTickSeconds - m_ticksDone);
}

} // namespace ns
