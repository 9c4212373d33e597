// The session runner: the session, its recorder, trace and voice, wired once for both front ends.
#include "session_run.hpp"

#include "diagnostic.hpp"
#include "history_recorder.hpp"
#include "timeline.hpp"
#include "trace.hpp"
#include "voice_prompter.hpp"

#include <algorithm>
#include <utility>

namespace ns {

ObserverRegistration::ObserverRegistration(const std::shared_ptr<Session>& session,
                                           SessionObserver& observer)
    : m_session(session), m_observer(&observer) {
    session->addObserver(m_observer);
}

ObserverRegistration::~ObserverRegistration() {
    reset();
}

ObserverRegistration::ObserverRegistration(ObserverRegistration&& other) noexcept
    : m_session(std::move(other.m_session)), m_observer(std::exchange(other.m_observer, nullptr)) {}

ObserverRegistration& ObserverRegistration::operator=(ObserverRegistration&& other) noexcept {
    if (this != &other) {
        reset();
        m_session = std::move(other.m_session);
        m_observer = std::exchange(other.m_observer, nullptr);
    }
    return *this;
}

void ObserverRegistration::reset() {
    if (m_observer != nullptr)
        if (const std::shared_ptr<Session> session = m_session.lock())
            session->removeObserver(m_observer);
    m_observer = nullptr;
    m_session.reset();
}

bool ObserverRegistration::active() const {
    return m_observer != nullptr && !m_session.expired();
}

std::unique_ptr<SessionRun> SessionRun::create(Routine routine, const Clock& clock,
                                               SessionRunOptions options, std::string* error,
                                               int* exitCode) {
    auto fail = [&](std::string sentence, int code) {
        if (error != nullptr) *error = std::move(sentence);
        if (exitCode != nullptr) *exitCode = code;
        return std::unique_ptr<SessionRun>();
    };
    Timeline timeline = buildTimeline(routine);
    if (timeline.phases.empty())
        return fail("the routine '" + routine.id + "' has nothing to do",
                    exitCodeFor(DiagnosticKind::NoSteps));

    std::unique_ptr<SessionRun> run(new SessionRun(clock));
    if (options.tracePath) {
        run->m_trace = std::make_unique<TraceWriter>(*options.tracePath);
        if (!run->m_trace->ok())
            return fail("cannot write the trace file '" + *options.tracePath + "'",
                        exitCodeFor(DiagnosticKind::Unreadable));
    }
    run->m_session = std::make_shared<Session>(std::move(routine), std::move(timeline), clock);
    run->m_recorder = std::make_unique<HistoryRecorder>(options.history, *run->m_session,
                                                        options.dayStart, options.source);
    run->m_recorderRegistration = run->attach(*run->m_recorder);
    if (run->m_trace) run->m_traceRegistration = run->attach(*run->m_trace);
    if (options.speaker != nullptr) run->setVoice(options.speaker, options.strikes);
    if (exitCode != nullptr) *exitCode = 0;
    return run;
}

SessionRun::SessionRun(const Clock& clock) : m_clock(clock) {}

SessionRun::~SessionRun() {
    // Still running when the front end lets go (a closed window): that is a quit, recorded.
    if (m_session && m_session->started() && !m_session->finished()) m_session->quit();
    m_voiceRegistration.reset();
    m_recorderRegistration.reset();
    m_traceRegistration.reset();
}

ObserverRegistration SessionRun::attach(SessionObserver& observer) {
    return ObserverRegistration(m_session, observer);
}

void SessionRun::start() {
    m_session->start();
}

void SessionRun::update() {
    m_session->update();
    if (m_voice) m_voice->update(); // before the history's write: a phrase never waits for a disk
    m_recorder->checkpoint();
}

void SessionRun::setVoice(Speaker* speaker, const CueStrikes& strikes) {
    if (m_voice) {
        m_voiceRegistration.reset();
        m_voice->stopSpeaking();
        m_voice.reset();
    }
    if (speaker == nullptr) return;
    // Every phrase is synthesised here, before it is due, so each starts on time.
    PhrasePlan plan =
        planPhrases(m_session->routine(), m_session->timeline(), strikes,
                    [speaker](const std::string& text) { return speaker->prepare(text); });
    speaker->donePreparing();
    m_voice = std::make_unique<VoicePrompter>(*m_session, m_clock, std::move(plan), *speaker,
                                              m_trace.get());
    m_voiceRegistration = attach(*m_voice);
}

std::optional<TimePoint> SessionRun::nextWakeup() const {
    std::optional<TimePoint> wakeup = m_session->nextWakeup();
    if (m_voice)
        if (const auto due = m_voice->nextWakeup())
            wakeup = wakeup ? std::min(*wakeup, *due) : *due;
    return wakeup;
}

bool SessionRun::voiceBusy(TimePoint now) const {
    return m_voice && (m_voice->pending() || now < m_voice->quietAt());
}

bool SessionRun::historyFailed() const {
    return m_recorder->failed();
}

bool SessionRun::historyKept() const {
    return m_recorder->recording() && !m_recorder->failed();
}

const std::string& SessionRun::historyError() const {
    return m_recorder->error();
}

} // namespace ns
