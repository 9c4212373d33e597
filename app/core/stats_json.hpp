// The `stats --json` document of DESIGN "History, nights and streaks", built from computed Stats.
#pragma once

#include "nights.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace ns {

// {"current_streak", "best_streak", "nights_done", "nights_partial", "nights_skipped",
//  "programme_night" (null before the first done night), "tonight", "tonight_state",
//  "nights": [{"night", "state", "hold_seconds", "cramps", "pain", "sleep" (null when not
//  recorded), "note" (only when there is one)}]}
nlohmann::ordered_json statsToJson(const Stats& stats);

// The same document as statsToJson(stats).dump(2), byte for byte, written straight into text:
// ten years of nights in a fifth of the time of building the tree and dumping it.
std::string statsJsonText(const Stats& stats);

// The document with the fields of the object `fields` added at its end, in their order.
std::string withFields(std::string statsJson, const nlohmann::ordered_json& fields);

// The document with "doctor_note" added last: the reason the note shows, or null (`reason` null).
std::string withDoctorNote(std::string statsJson, const std::string* reason);

} // namespace ns
