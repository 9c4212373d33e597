// One routine being done, wired once: the session, its history recorder and its trace, and the
// front end's observers attached for exactly as long as their registrations live. Both front ends
// (window, terminal) run sessions through this; a new channel is one more observer.
#pragma once

#include "clock.hpp"
#include "nights.hpp"
#include "phrase_plan.hpp"
#include "routine.hpp"
#include "session.hpp"

#include <memory>
#include <optional>
#include <string>

namespace ns {

class HistoryRecorder;
class HistoryStore;
class Speaker;
class TraceWriter;
class VoicePrompter;

// Keeps one observer attached to a session; detaches it when destroyed or reset. It never touches a
// session that is gone. Movable, not copyable.
class ObserverRegistration {
  public:
    ObserverRegistration() = default;
    ObserverRegistration(const std::shared_ptr<Session>& session, SessionObserver& observer);
    ~ObserverRegistration();
    ObserverRegistration(ObserverRegistration&& other) noexcept;
    ObserverRegistration& operator=(ObserverRegistration&& other) noexcept;
    ObserverRegistration(const ObserverRegistration&) = delete;
    ObserverRegistration& operator=(const ObserverRegistration&) = delete;

    void reset(); // detaches now
    bool active() const;

  private:
    std::weak_ptr<Session> m_session;
    SessionObserver* m_observer = nullptr;
};

struct SessionRunOptions {
    std::optional<std::string> tracePath; // write the timing trace here
    HistoryStore* history = nullptr;      // record the session here (null: not recorded)
    DayStart dayStart;
    std::string source = "window"; // "window" or "text", stored with the session
    Speaker* speaker = nullptr;    // speak the prompts (null: no voice); must outlive the run
    CueStrikes strikes{};          // how long each chime strikes, so speech waits for it
};

class SessionRun {
  public:
    // Builds the timeline, opens the trace, attaches the history recorder and the trace writer.
    // nullptr, with one sentence in `*error` and the exit code in `*exitCode`, when the routine has
    // nothing to do (1) or the trace file cannot be written (2).
    static std::unique_ptr<SessionRun> create(Routine routine, const Clock& clock,
                                              SessionRunOptions options, std::string* error,
                                              int* exitCode);
    ~SessionRun(); // a session still running ends as "quit"; everything is detached
    SessionRun(const SessionRun&) = delete;
    SessionRun& operator=(const SessionRun&) = delete;

    Session& session() { return *m_session; }
    const Session& session() const { return *m_session; }

    // Attaches `observer` until the returned registration is destroyed (or this run ends).
    [[nodiscard]] ObserverRegistration attach(SessionObserver& observer);

    void start();
    // Moves the session to now, saves the hold time when it is due, and starts a phrase that is.
    void update();
    // When update() next has something to do: the session's next wakeup or a phrase's start
    // (which may come after the session has finished: "Well done").
    std::optional<TimePoint> nextWakeup() const;
    // True while a phrase is still to start or still sounding; `now` on the run's clock.
    bool voiceBusy(TimePoint now) const;
    const VoicePrompter* voice() const { return m_voice.get(); } // null without a speaker
    // Speaks the prompts through `speaker` from now on (its phrases are prepared here), or stops
    // speaking with nullptr. Turned on mid-phase, the voice speaks from the next phase on.
    void setVoice(Speaker* speaker, const CueStrikes& strikes);

    TraceWriter* trace() { return m_trace.get(); } // null without a trace
    bool historyFailed() const;
    const std::string& historyError() const;
    // The history has this session: there is one, and no write to it failed.
    bool historyKept() const;

  private:
    explicit SessionRun(const Clock& clock);

    const Clock& m_clock;
    // Declared so that registrations go first, then the observers, then the session.
    std::shared_ptr<Session> m_session;
    std::unique_ptr<TraceWriter> m_trace;
    std::unique_ptr<HistoryRecorder> m_recorder;
    std::unique_ptr<VoicePrompter> m_voice;
    ObserverRegistration m_traceRegistration;
    ObserverRegistration m_recorderRegistration;
    ObserverRegistration m_voiceRegistration;
};

} // namespace ns
