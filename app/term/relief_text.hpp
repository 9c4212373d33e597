// `nightstretch relief --text`: the relief guide in the terminal, a step at a time, each advanced
// by the person (Space, Enter or Right when it eases; B or Left back; Q or Esc stop).
#pragma once

#include "nights.hpp"
#include "relief.hpp"

namespace ns {

class HistoryStore;

// Runs the guide to its end or until stopped (or input ends); records a relief event on the
// night it is (when `history` is set). Returns 0.
int runReliefText(ReliefVariant variant, HistoryStore* history, DayStart dayStart);

} // namespace ns
