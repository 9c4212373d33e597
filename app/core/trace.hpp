// The trace (start --trace FILE): one JSON object per line, how timing is measured.
#pragma once

#include "session.hpp"

#include <fstream>
#include <string>

namespace ns {

class TraceWriter final : public SessionObserver {
  public:
    explicit TraceWriter(const std::string& path); // check ok() after
    bool ok() const { return m_out.good(); }

    void onPhaseStarted(const PhaseEvent& e) override;
    void onCue(const CueEvent& e) override;
    void onPaused(long long atMs) override;
    void onResumed(long long atMs) override;
    void onFinished(const FinishEvent& e) override;

    // From the window: the countdown text changed on screen; the first frame was shown.
    void frame(const std::string& shown, long long atMs);
    void firstFrame(long long atMs, long long sinceProcessStartMs);
    // From the voice: a phrase started (due after its phase's chime); `muted`: it was due but not
    // played, since the sound is muted (written as "muted":true).
    void say(const std::string& text, long long dueMs, long long atMs, bool muted = false);

  private:
    void write(const std::string& line);
    std::ofstream m_out;
};

} // namespace ns
