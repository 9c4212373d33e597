// The `stats --json` document: field names and nulls are a contract with users' scripts.
#include "stats_json.hpp"

namespace ns {

namespace {

nlohmann::ordered_json orNull(const std::optional<int>& value) {
    return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

} // namespace

nlohmann::ordered_json statsToJson(const Stats& stats) {
    nlohmann::ordered_json doc;
    doc["current_streak"] = stats.currentStreak;
    doc["best_streak"] = stats.bestStreak;
    doc["nights_done"] = stats.nightsDone;
    doc["nights_partial"] = stats.nightsPartial;
    doc["nights_skipped"] = stats.nightsSkipped;
    doc["programme_night"] = orNull(stats.programmeNight);
    doc["tonight"] = stats.tonight.str();
    doc["tonight_state"] = toString(stats.tonightState);
    nlohmann::ordered_json nights = nlohmann::ordered_json::array();
    for (const NightSummary& summary : stats.nights) {
        nlohmann::ordered_json night;
        night["night"] = summary.night.str();
        night["state"] = toString(summary.state);
        night["hold_seconds"] = summary.holdSeconds;
        night["cramps"] = orNull(summary.cramps);
        night["pain"] = orNull(summary.pain);
        night["sleep"] = orNull(summary.sleep);
        if (!summary.note.empty()) night["note"] = summary.note;
        nights.push_back(std::move(night));
    }
    doc["nights"] = std::move(nights);
    return doc;
}

} // namespace ns
