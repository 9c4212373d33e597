// The voice as a session observer: each phase's planned phrase, started once the phase's chime has
// struck, on the session's clock, and written to the trace. The speech itself is a Speaker (Flite
// and SFML in app/sound; a recording one in tests), so this stays free of audio.
#pragma once

#include "clock.hpp"
#include "phrase_plan.hpp"
#include "session.hpp"

#include <optional>
#include <string>

namespace ns {

class TraceWriter;

class Speaker {
  public:
    virtual ~Speaker() = default;
    // Makes the phrase ready to say (synthesised once, cached) and returns its length in ms, or a
    // negative number when it cannot be said.
    virtual long long prepare(const std::string& text) = 0;
    // Said after a run of prepare() calls: what was kept ready for them may go.
    virtual void donePreparing() {}
    virtual void say(const std::string& text) = 0; // a prepared phrase, now
    virtual void stop() = 0;                       // the phrase sounding now, if any
    // False while a phrase said now would not be heard (sound muted or at volume 0): the
    // prompter still keeps time and traces it, marked muted.
    virtual bool audible() const { return true; }
};

class VoicePrompter final : public SessionObserver {
  public:
    // `session` must be the one this observes; `trace` may be null.
    VoicePrompter(const Session& session, const Clock& clock, PhrasePlan plan, Speaker& speaker,
                  TraceWriter* trace);

    void onPhaseStarted(const PhaseEvent& event) override;
    void onPaused(long long atMs) override;
    void onFinished(const FinishEvent& event) override;

    // Starts the pending phrase when it is due. Call it whenever the front end wakes.
    void update();
    // When the pending phrase is due; nullopt when none is.
    std::optional<TimePoint> nextWakeup() const;
    // Until then the last phrase started is still sounding.
    TimePoint quietAt() const { return m_quietAt; }
    bool pending() const { return m_pending.has_value(); }
    void stopSpeaking(); // the phrase sounding now, if any
    const PhrasePlan& plan() const { return m_plan; }

  private:
    struct Pending {
        std::string text;
        long long dueMs = 0;
        long long lengthMs = 0;
    };

    long long nowMs() const;
    void schedule(const PlannedPhrase& phrase, long long anchorMs);

    const Session& m_session;
    const Clock& m_clock;
    PhrasePlan m_plan;
    Speaker& m_speaker;
    TraceWriter* m_trace;
    std::optional<Pending> m_pending;
    TimePoint m_quietAt{};
};

} // namespace ns
