// Records a running session in the history store: a row at start (as "interrupted"), kept up to
// date at every phase change, pause and every few seconds, and finished at the end.
#pragma once

#include "history.hpp"
#include "nights.hpp"
#include "session.hpp"

#include <ctime>
#include <functional>
#include <string>

namespace ns {

class HistoryRecorder final : public SessionObserver {
  public:
    using WallClock = std::function<std::time_t()>;

    // `store` may be null (no history available): then nothing is recorded. `source` is
    // "window" or "text".
    HistoryRecorder(
        HistoryStore* store, const Session& session, DayStart dayStart, std::string source,
        WallClock wallClock = [] { return std::time(nullptr); });

    void onPhaseStarted(const PhaseEvent& event) override;
    void onPaused(long long atMs) override;
    void onFinished(const FinishEvent& event) override;

    // Call from the front end's loop: writes the hold time so far when kCheckpointMs have passed
    // since the last write.
    void checkpoint();
    static constexpr long long kCheckpointMs = 5000;

    bool recording() const { return m_store != nullptr; } // there is a history to write to
    bool failed() const { return m_failed; }              // a write failed: show it
    const std::string& error() const { return m_error; }
    long long sessionId() const { return m_id; }

  private:
    void write(const std::string& status, std::optional<std::time_t> endedAt);

    HistoryStore* m_store;
    const Session& m_session;
    DayStart m_dayStart;
    std::string m_source;
    WallClock m_wallClock;
    long long m_id = 0;
    std::time_t m_startedAt = 0; // the wall clock at the start; the night comes from it alone
    long long m_lastWriteMs = 0;
    bool m_failed = false;
    std::string m_error;
};

} // namespace ns
