// The timer engine: a state machine over a Timeline, driven by absolute deadlines on a Clock.
// It never sleeps and never counts ticks; the front end calls update() when it wakes.
#pragma once

#include "clock.hpp"
#include "routine.hpp"
#include "timeline.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ns {

enum class SessionStatus { Running, Completed, Quit, Interrupted };
const char* toString(SessionStatus status); // "running", "completed", "quit", "interrupted"

// A sound the front ends should play: at each phase start, the ticks of a hold's last 3 seconds,
// and at the end.
enum class Cue { Prepare, Hold, Switch, Rest, Tick, Done };
const char* toString(Cue cue);   // "prepare", "hold", "switch", "rest", "tick", "done"
Cue cueForPhase(PhaseKind kind); // the chime that marks a phase's start

// Times are milliseconds since the session started, on the session's clock. `dueMs` is when the
// plan (shifted by pauses and skips) says it should happen, `atMs` when update() saw it.
struct PhaseEvent {
    int index = 0;
    const Phase* phase = nullptr;
    long long dueMs = 0;
    long long atMs = 0;
};
struct CueEvent {
    Cue cue = Cue::Hold;
    long long dueMs = 0;
    long long atMs = 0;
};
struct FinishEvent {
    SessionStatus status = SessionStatus::Completed;
    long long dueMs = 0;
    long long atMs = 0;
    int holdSecondsDone = 0;
    int stepsSkipped = 0;
};

class SessionObserver {
  public:
    virtual ~SessionObserver() = default;
    virtual void onPhaseStarted(const PhaseEvent& /*event*/) {}
    virtual void onCue(const CueEvent& /*event*/) {}
    virtual void onPaused(long long /*atMs*/) {}
    virtual void onResumed(long long /*atMs*/) {}
    virtual void onFinished(const FinishEvent& /*event*/) {}
};

class Session {
  public:
    // The timeline must have at least one phase. Nothing happens until start().
    Session(Routine routine, Timeline timeline, const Clock& clock);

    void addObserver(SessionObserver* observer);
    void removeObserver(SessionObserver* observer);

    void start(); // phase 0 begins now
    // Moves the engine to clock.now(): emits every cue, phase change and the end that are due, in
    // order, each with its due time. Call it whenever the front end wakes.
    void update();

    // Controls. Those that change the phase return false (and do nothing) during the first
    // kInputGuardMs of a phase, so that a stray key does not skip it.
    bool togglePause();
    bool pause();
    bool resume();
    // While the app asks a question ("Stop the routine?"): the countdown holds still even in a
    // phase's first moment (a question is no stray key); keepGoing() lets it run on.
    bool holdForQuestion();
    bool keepGoing();
    bool nextPhase(); // "I'm ready": the next phase starts now
    bool back();      // restart this phase, or the one before within its first 2 seconds
    bool nextStep();  // the first phase of the next step (the end after the last step)
    void quit();      // ends with status Quit
    void interrupt(); // ends with status Interrupted (the process is going away)

    static constexpr long long kInputGuardMs = 500;
    static constexpr long long kBackToPreviousMs = 2000;
    static constexpr int kTickSeconds = 3;

    // What the views show.
    const Routine& routine() const { return m_routine; }
    const Timeline& timeline() const { return m_timeline; }
    bool started() const { return m_started; }
    bool paused() const { return m_paused; }
    bool finished() const { return m_status != SessionStatus::Running; }
    SessionStatus status() const { return m_status; }
    int phaseIndex() const { return m_index; }
    const Phase& phase() const { return m_timeline.phases[static_cast<size_t>(m_index)]; }
    const Phase* nextPhaseInfo() const; // the phase after this one, or nullptr
    bool inputGuarded() const;          // within the first kInputGuardMs of the phase

    long long phaseRemainingMs() const; // never negative
    long long phaseElapsedMs() const;
    int countdownSeconds() const;       // ceil(phaseRemainingMs / 1000): what the countdown shows
    long long totalRemainingMs() const; // this phase's remainder plus every later phase
    long long elapsedMs() const;        // since start, pauses included
    double progress() const;            // 0..1 of the planned total
    int holdSecondsDone() const;        // seconds actually spent in hold phases (not paused)
    int stepsSkipped() const;
    const Clock& clock() const { return m_clock; }
    // The moment start() was called, on the clock: what every ...Ms time counts from.
    TimePoint startTime() const { return m_startTime; }

    // When update() next has something to do (a cue, a phase change, or a new countdown second),
    // so the front end can sleep until then. nullopt when paused or finished.
    std::optional<TimePoint> nextWakeup() const;

  private:
    using Duration = std::chrono::steady_clock::duration;

    void enterPhase(int index, TimePoint startedAt, long long dueMs, long long atMs);
    void leavePhase(); // counts the hold time of the phase being left
    void finish(SessionStatus status, long long dueMs, long long atMs);
    void emitCue(Cue cue, long long dueMs, long long atMs);
    bool canChangePhase() const; // started, running, past the input guard
    long long msSinceStart(TimePoint t) const;
    TimePoint effectiveNow() const; // now; the moment of pausing while paused; the end once over
    TimePoint phaseDeadline() const;
    Duration phaseElapsed() const; // pauses excluded, within 0..duration
    std::optional<TimePoint> nextTickTime() const;

    Routine m_routine;
    Timeline m_timeline;
    const Clock& m_clock;
    std::vector<SessionObserver*> m_observers;

    bool m_started = false;
    bool m_paused = false;
    SessionStatus m_status = SessionStatus::Running;
    int m_index = 0;
    TimePoint m_startTime{};
    TimePoint m_phaseStart{}; // shifted forward by pauses
    TimePoint m_pausedAt{};
    TimePoint m_endTime{};
    TimePoint m_guardUntil{}; // the phase's start + kInputGuardMs, on the clock (not shifted)
    int m_ticksDone = 0;      // ticks already emitted in this phase
    Duration m_holdDone{};    // hold time of the phases already left
    int m_stepsSkipped = 0;
};

} // namespace ns
