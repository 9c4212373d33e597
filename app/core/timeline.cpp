// Expands a routine into its phases (DESIGN: "Routine files", the timeline rules).
#include "timeline.hpp"

#include <utility>

namespace ns {

const char* toString(PhaseKind kind) {
    switch (kind) {
    case PhaseKind::Prepare:
        return "prepare";
    case PhaseKind::Hold:
        return "hold";
    case PhaseKind::Switch:
        return "switch";
    case PhaseKind::Rest:
        return "rest";
    }
    return "prepare";
}

const char* toString(Side side) {
    switch (side) {
    case Side::None:
        return "none";
    case Side::Left:
        return "left";
    case Side::Right:
        return "right";
    }
    return "none";
}

int Timeline::firstPhaseOfStep(int step) const {
    for (size_t i = 0; i < phases.size(); ++i) {
        if (phases[i].step == step) return static_cast<int>(i);
    }
    return -1;
}

namespace {

std::vector<Side> sidesHeld(Sides sides) {
    switch (sides) {
    case Sides::Both:
        return {Side::Left, Side::Right};
    case Sides::Left:
        return {Side::Left};
    case Sides::Right:
        return {Side::Right};
    case Sides::None:
        break;
    }
    return {Side::None};
}

class TimelineBuilder {
  public:
    void add(PhaseKind kind, int step, Side side, int rep, int seconds) {
        if (seconds <= 0) return; // zero-second phases are left out
        Phase phase;
        phase.kind = kind;
        phase.step = step;
        phase.side = side;
        phase.rep = rep;
        phase.startSeconds = m_timeline.totalSeconds;
        phase.durationSeconds = seconds;
        m_timeline.phases.push_back(phase);
        m_timeline.totalSeconds += seconds;
        if (kind == PhaseKind::Hold) m_timeline.holdSeconds += seconds;
    }

    Timeline take() { return std::move(m_timeline); }

  private:
    Timeline m_timeline;
};

} // namespace

Timeline buildTimeline(const Routine& routine) {
    TimelineBuilder builder;
    for (size_t s = 0; s < routine.steps.size(); ++s) {
        const Step& step = routine.steps[s];
        const int stepIndex = static_cast<int>(s);
        const std::vector<Side> sides = sidesHeld(step.sides);

        builder.add(PhaseKind::Prepare, stepIndex, Side::None, 1, step.prepare);
        for (int rep = 1; rep <= step.reps; ++rep) {
            for (size_t i = 0; i < sides.size(); ++i) {
                // A switch carries the side about to be held, so a view can say "now the right".
                if (i > 0)
                    builder.add(PhaseKind::Switch, stepIndex, sides[i], rep, step.switchSeconds);
                builder.add(PhaseKind::Hold, stepIndex, sides[i], rep, step.hold);
            }
            // A rest carries the repetition it follows.
            if (rep < step.reps)
                builder.add(PhaseKind::Rest, stepIndex, Side::None, rep, step.rest);
        }
    }
    return builder.take();
}

} // namespace ns
