// Records a running session: the row is written at the first phase as "interrupted", so that a
// process killed at any moment leaves it with the hold time done up to its last write.
#include "history_recorder.hpp"

#include <spdlog/spdlog.h>

#include <utility>

namespace ns {
namespace {

const char* statusText(SessionStatus status) {
    switch (status) {
    case SessionStatus::Completed:
        return "completed";
    case SessionStatus::Quit:
        return "quit";
    case SessionStatus::Running:
    case SessionStatus::Interrupted:
        break;
    }
    return "interrupted";
}

} // namespace

HistoryRecorder::HistoryRecorder(HistoryStore* store, const Session& session, DayStart dayStart,
                                 std::string source, WallClock wallClock)
    : m_store(store), m_session(session), m_dayStart(dayStart), m_source(std::move(source)),
      m_wallClock(std::move(wallClock)) {}

void HistoryRecorder::onPhaseStarted(const PhaseEvent& /*event*/) {
    if (m_store == nullptr) return;
    if (m_id != 0) {
        write("interrupted", std::nullopt);
        return;
    }
    if (m_failed) return; // the row could not be made: nothing to update
    SessionRecord record;
    record.routineId = m_session.routine().id;
    record.routineName = m_session.routine().name;
    record.startedAt = m_wallClock();
    m_startedAt = record.startedAt;
    const LocalTime local = localTimeOf(record.startedAt);
    record.utcOffsetMinutes = local.utcOffsetMinutes;
    record.night = nightOf(record.startedAt, m_dayStart).str();
    record.plannedHoldSeconds = m_session.timeline().holdSeconds;
    record.holdSecondsDone = m_session.holdSecondsDone();
    record.stepsSkipped = m_session.stepsSkipped();
    record.status = "interrupted"; // until it ends: what a killed process leaves behind
    record.source = m_source;
    m_id = m_store->beginSession(record);
    m_lastWriteMs = m_session.elapsedMs();
    if (m_id == 0) {
        m_failed = true;
        m_error = m_store->lastError();
        spdlog::warn("history: this session is not being saved: {}", m_error);
    }
}

void HistoryRecorder::onPaused(long long /*atMs*/) {
    write("interrupted", std::nullopt);
}

void HistoryRecorder::checkpoint() {
    // While paused nothing changes, and onPaused has written it.
    if (m_session.finished() || m_session.paused()) return;
    if (m_session.elapsedMs() - m_lastWriteMs < kCheckpointMs) return;
    write("interrupted", std::nullopt);
}

void HistoryRecorder::onFinished(const FinishEvent& event) {
    if (m_store == nullptr || m_id == 0) return;
    // The end is the start plus the time the session ran on the steady clock: the wall clock may
    // have jumped (a time change, a corrected clock) and must not make a session look shorter.
    const std::time_t endedAt = m_startedAt + static_cast<std::time_t>((event.atMs + 500) / 1000);
    const bool ok = m_store->updateSession(m_id, event.holdSecondsDone, event.stepsSkipped,
                                           statusText(event.status), endedAt);
    m_lastWriteMs = m_session.elapsedMs();
    if (!ok) {
        if (!m_failed)
            spdlog::warn("history: the end of this session was not saved: {}",
                         m_store->lastError());
        m_failed = true;
        m_error = m_store->lastError();
    }
}

void HistoryRecorder::write(const std::string& status, std::optional<std::time_t> endedAt) {
    if (m_store == nullptr || m_id == 0) return;
    const bool ok = m_store->updateSession(m_id, m_session.holdSecondsDone(),
                                           m_session.stepsSkipped(), status, endedAt);
    m_lastWriteMs = m_session.elapsedMs();
    if (!ok) {
        // Logged once; later writes keep trying, since each carries the whole state.
        if (!m_failed)
            spdlog::warn("history: this session is not being saved: {}", m_store->lastError());
        m_failed = true;
        m_error = m_store->lastError();
    }
}

} // namespace ns
