// Time comes into the engine only through a Clock, so tests can step it by hand.
#pragma once

#include <chrono>

namespace ns {

using TimePoint = std::chrono::steady_clock::time_point;
using Millis = std::chrono::milliseconds;

class Clock {
  public:
    virtual ~Clock() = default;
    virtual TimePoint now() const = 0;
};

class SteadyClock final : public Clock {
  public:
    TimePoint now() const override { return std::chrono::steady_clock::now(); }
};

// A clock that moves only when told to.
class ManualClock final : public Clock {
  public:
    TimePoint now() const override { return m_now; }
    void advance(std::chrono::steady_clock::duration d) { m_now += d; }
    void advanceMs(long long ms) { m_now += Millis(ms); }

  private:
    TimePoint m_now{}; // starts at the epoch of steady_clock
};

} // namespace ns
