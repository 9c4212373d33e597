// `nightstretch relief --text`: the relief guide in the terminal, a step at a time, each advanced
// by the person (Space, Enter or Right when it eases; B or Left back; V voice on/off; Q or Esc
// stop).
#pragma once

#include "nights.hpp"
#include "relief.hpp"

namespace ns {

class HistoryStore;
class TerminalSound;
class TraceWriter;

// Runs the guide to its end or until stopped (or input ends); records a relief event on the
// night it is (when `history` is set). With `sound`'s voice on, each step is also said, as in the
// window, and "Well done" is heard to its end before it returns; V turns the voice on or off
// (kept in the settings). `trace` gets a `say` line for each phrase started. Returns 0.
int runReliefText(ReliefVariant variant, HistoryStore* history, DayStart dayStart,
                  TerminalSound* sound = nullptr, TraceWriter* trace = nullptr);

} // namespace ns
