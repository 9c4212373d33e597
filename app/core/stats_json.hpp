// The `stats --json` document of DESIGN "History, nights and streaks", built from computed Stats.
#pragma once

#include "nights.hpp"

#include <nlohmann/json.hpp>

namespace ns {

// {"current_streak", "best_streak", "nights_done", "nights_partial", "nights_skipped",
//  "programme_night" (null before the first done night), "tonight", "tonight_state",
//  "nights": [{"night", "state", "hold_seconds", "cramps", "pain", "sleep" (null when not
//  recorded), "note" (only when there is one)}]}
nlohmann::ordered_json statsToJson(const Stats& stats);

} // namespace ns
