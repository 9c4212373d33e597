// Routines built in C++ for the engine tests, so they need no TOML loader.
#pragma once

#include "routine.hpp"

#include <utility>
#include <vector>

namespace ns::test {

inline Step makeStep(Sides sides, int hold = 30, int reps = 1, int prepare = 5, int rest = 10,
                     int switchSeconds = 5) {
    Step step;
    step.stretch.name = "Test stretch";
    step.sides = sides;
    step.hold = hold;
    step.reps = reps;
    step.prepare = prepare;
    step.rest = rest;
    step.switchSeconds = switchSeconds;
    return step;
}

inline Routine makeRoutine(std::vector<Step> steps) {
    Routine routine;
    routine.id = "test";
    routine.name = "Test";
    routine.steps = std::move(steps);
    return routine;
}

} // namespace ns::test
