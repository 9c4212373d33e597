// How a stretch's figure moves within a phase (DESIGN "Figures (pose data)"): from its start pose
// to its hold pose while getting ready (and while switching to the other leg), a slow breath while
// holding, still when resting or when the person asked for less motion. Pure geometry and time, so
// the window can ask when the figure will next have moved a pixel and sleep until then.
#pragma once

#include "pose.hpp"
#include "timeline.hpp"

#include <optional>

namespace ns {

// The pose a stretch breathes toward when its file has no [breathe]: the arms lift a little and the
// head rises, a change of a few degrees.
Pose defaultBreath(const Pose& hold);

// The largest distance, in metres, that any joint of the skeleton lies apart in `a` and `b`.
double largestJointMove(const Pose& a, const Pose& b);

class FigureMotion {
  public:
    static constexpr long long kGetReadyMs = 1500; // start to hold, eased at both ends
    static constexpr long long kBreathMs = 10000;  // in and out: six breaths a minute

    FigureMotion() = default; // still, standing at ease
    FigureMotion(const PoseData& data, PhaseKind kind, bool reduceMotion);

    // The pose `phaseElapsedMs` into the phase.
    Pose poseAt(long long phaseElapsedMs) const;

    // The first moment after `fromMs` (phase time) at which some joint lies `threshold` metres or
    // more from where it is in `shown`; nullopt when that never happens (still, or a movement
    // smaller than the threshold). Never earlier than fromMs + 1.
    std::optional<long long> nextChangeMs(long long fromMs, const Pose& shown,
                                          double threshold) const;

    bool moves() const { return m_kind != Kind::Still; }

  private:
    enum class Kind { Still, GetReady, Breathe };

    double weightAt(long long ms) const; // 0 (from) .. 1 (to)
    Pose poseAtWeight(double weight) const;

    Kind m_kind = Kind::Still;
    Pose m_from; // the still pose, the start pose, or the hold at rest
    Pose m_to;   // the hold pose, or the breath taken in
    // The fastest any joint can move, metres per unit of weight (a bound, not an estimate).
    double m_reach = 0;
};

} // namespace ns
