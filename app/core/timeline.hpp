// The routine expanded into a flat list of phases with offsets: pure and deterministic.
#pragma once

#include "routine.hpp"

#include <string>
#include <vector>

namespace ns {

enum class PhaseKind { Prepare, Hold, Switch, Rest };
enum class Side { None, Left, Right }; // the side held in one phase

const char* toString(PhaseKind kind); // "prepare", "hold", "switch", "rest"
const char* toString(Side side);      // "none", "left", "right"

struct Phase {
    PhaseKind kind = PhaseKind::Prepare;
    int step = 0; // index into Routine::steps (0-based)
    Side side = Side::None;
    int rep = 1; // 1-based repetition
    int startSeconds = 0;
    int durationSeconds = 0;
    int endSeconds() const { return startSeconds + durationSeconds; }
};

struct Timeline {
    std::vector<Phase> phases;
    int totalSeconds = 0;
    int holdSeconds = 0; // sum of hold phases: what "done" is measured against

    // First phase index of `step`, or -1 when the step has no phases.
    int firstPhaseOfStep(int step) const;
};

// DESIGN's rules: prepare, then per rep per side a hold (a switch between left and right of one
// rep), a rest between reps; zero-second phases left out.
Timeline buildTimeline(const Routine& routine);

} // namespace ns
