// The figure's motion: eased weights between two poses, and a safe march to the next visible
// change that never steps past it (the joints' speed has a hard bound).
#include "figure_motion.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace ns {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kBreathShoulderDegrees = 3, kBreathNeckDegrees = 2;
// A march that has not met the threshold after this many looks wakes the window once more and
// looks again: the cost of a search stays small even for a movement just under a pixel.
constexpr int kMaxLooks = 4000;

double radians(double degrees) {
    return degrees * kPi / 180.0;
}

std::vector<Point> jointsOf(const Pose& pose) {
    const Skeleton s = skeletonOf(pose);
    std::vector<Point> out{s.pelvis, s.neck, s.head};
    for (const Skeleton::Limb* limb : {&s.nearLimb, &s.farLimb})
        out.insert(out.end(), {limb->elbow, limb->hand, limb->knee, limb->ankle, limb->toe});
    return out;
}

// How far one limb's far joints can move per unit of weight from `a` to `b`: each segment turns
// with its absolute angle, which changes linearly with the weight.
double limbReach(const Pose& a, const Pose& b, const LimbAngles& la, const LimbAngles& lb) {
    using L = SegmentLengths;
    const double trunk = std::abs(radians(b.trunk - a.trunk));
    const double upperArm = radians((b.trunk - a.trunk) + (lb.shoulder - la.shoulder));
    const double forearm = upperArm + radians(lb.elbow - la.elbow);
    const double thigh = radians((b.trunk - a.trunk) + (lb.hip - la.hip));
    const double shin = thigh + radians(lb.knee - la.knee);
    const double foot = shin + radians(lb.ankle - la.ankle);
    const double hand = L::kTrunk * 0.92 * trunk + L::kUpperArm * std::abs(upperArm) +
                        L::kForearm * std::abs(forearm);
    const double toe =
        L::kThigh * std::abs(thigh) + L::kShin * std::abs(shin) + L::kFoot * std::abs(foot);
    return std::max(hand, toe);
}

double reachBetween(const Pose& a, const Pose& b) {
    using L = SegmentLengths;
    const double pelvis = std::hypot(b.pelvis.x - a.pelvis.x, b.pelvis.y - a.pelvis.y);
    const double trunk = std::abs(radians(b.trunk - a.trunk));
    const double head =
        L::kTrunk * trunk +
        (L::kNeck + L::kHeadRadius) * std::abs(radians((b.trunk - a.trunk) + (b.neck - a.neck)));
    return pelvis + std::max({head, limbReach(a, b, a.nearLimbs, b.nearLimbs),
                              limbReach(a, b, a.farLimbs, b.farLimbs)});
}

} // namespace

Pose defaultBreath(const Pose& hold) {
    Pose breath = hold;
    breath.nearLimbs.shoulder += kBreathShoulderDegrees;
    breath.farLimbs.shoulder += kBreathShoulderDegrees;
    breath.neck += kBreathNeckDegrees;
    return breath;
}

double largestJointMove(const Pose& a, const Pose& b) {
    const std::vector<Point> pa = jointsOf(a);
    const std::vector<Point> pb = jointsOf(b);
    double largest = 0;
    for (std::size_t i = 0; i < pa.size(); ++i)
        largest = std::max(largest, std::hypot(pa[i].x - pb[i].x, pa[i].y - pb[i].y));
    return largest;
}

FigureMotion::FigureMotion(const PoseData& data, PhaseKind kind, bool reduceMotion)
    : m_from(data.hold), m_to(data.hold) {
    if (reduceMotion) return;                                      // the hold pose at once, still
    if (kind == PhaseKind::Prepare || kind == PhaseKind::Switch) { // a switch: the other leg
        m_kind = Kind::GetReady;
        m_from = data.start;
    } else if (kind == PhaseKind::Hold) {
        m_kind = Kind::Breathe;
        m_to = data.breathe ? *data.breathe : defaultBreath(data.hold);
    }
    m_reach = reachBetween(m_from, m_to);
    if (m_reach <= 0) m_kind = Kind::Still;
}

double FigureMotion::weightAt(long long ms) const {
    const auto t = static_cast<double>(std::max(0LL, ms));
    switch (m_kind) {
    case Kind::GetReady: {
        const double u = std::min(1.0, t / kGetReadyMs);
        return (1 - std::cos(kPi * u)) / 2; // eased in and out
    }
    case Kind::Breathe: // from the hold at rest, in, and out again
        return (1 - std::cos(2 * kPi * std::fmod(t, kBreathMs) / kBreathMs)) / 2;
    case Kind::Still:
        break;
    }
    return 1;
}

Pose FigureMotion::poseAtWeight(double weight) const {
    if (m_kind == Kind::Still) return m_to;
    return blend(m_from, m_to, weight);
}

Pose FigureMotion::poseAt(long long phaseElapsedMs) const {
    return poseAtWeight(weightAt(phaseElapsedMs));
}

std::optional<long long> FigureMotion::nextChangeMs(long long fromMs, const Pose& shown,
                                                    double threshold) const {
    long long t = fromMs + 1;
    // After getting ready the pose stays; still figures never change by themselves.
    const bool constant = m_kind == Kind::Still || (m_kind == Kind::GetReady && t >= kGetReadyMs);
    if (constant) {
        if (largestJointMove(poseAt(t), shown) >= threshold) return t;
        return std::nullopt;
    }
    // The weight's fastest rate, per ms (the derivative of the eased cosines at their middle).
    const double rate = m_kind == Kind::GetReady ? kPi / (2.0 * kGetReadyMs) : kPi / kBreathMs;
    const double speed = m_reach * rate; // metres per ms, at most, for any joint
    const long long horizon = m_kind == Kind::GetReady ? kGetReadyMs : fromMs + kBreathMs;
    for (int look = 0; look < kMaxLooks; ++look) {
        const double moved = largestJointMove(poseAt(t), shown);
        if (moved >= threshold) return t;
        if (t >= horizon) return std::nullopt; // a breath's whole cycle, or the pose now stays
        // No joint can reach the threshold sooner than this.
        const auto step = static_cast<long long>(std::floor((threshold - moved) / speed));
        t = std::min(horizon, t + std::max(1LL, step));
    }
    return t;
}

} // namespace ns
