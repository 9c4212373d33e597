// The `stats --json` document: field names and nulls are a contract with users' scripts.
#include "stats_json.hpp"

namespace ns {

namespace {

nlohmann::ordered_json orNull(const std::optional<int>& value) {
    return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

// One "key": value line at the given indent, with a comma when more follow.
void field(std::string& out, const char* indent, const char* key, const std::string& value,
           bool more = true) {
    out += indent;
    out += '"';
    out += key;
    out += "\": ";
    out += value;
    out += more ? ",\n" : "\n";
}

std::string number(const std::optional<int>& value) {
    return value ? std::to_string(*value) : std::string("null");
}

// A JSON string: fixed ASCII text (dates, states) needs only its quotes.
std::string quoted(const std::string& text) {
    return '"' + text + '"';
}

} // namespace

std::string statsJsonText(const Stats& stats) {
    std::string out;
    out.reserve(64 + stats.nights.size() * 150);
    out += "{\n";
    field(out, "  ", "current_streak", std::to_string(stats.currentStreak));
    field(out, "  ", "best_streak", std::to_string(stats.bestStreak));
    field(out, "  ", "nights_done", std::to_string(stats.nightsDone));
    field(out, "  ", "nights_partial", std::to_string(stats.nightsPartial));
    field(out, "  ", "nights_skipped", std::to_string(stats.nightsSkipped));
    field(out, "  ", "programme_night", number(stats.programmeNight));
    field(out, "  ", "tonight", quoted(stats.tonight.str()));
    field(out, "  ", "tonight_state", quoted(toString(stats.tonightState)));
    if (stats.nights.empty()) {
        out += "  \"nights\": []\n}";
        return out;
    }
    out += "  \"nights\": [\n";
    for (size_t i = 0; i < stats.nights.size(); ++i) {
        const NightSummary& summary = stats.nights[i];
        const bool note = !summary.note.empty();
        out += "    {\n";
        field(out, "      ", "night", quoted(summary.night.str()));
        field(out, "      ", "state", quoted(toString(summary.state)));
        field(out, "      ", "hold_seconds", std::to_string(summary.holdSeconds));
        field(out, "      ", "cramps", number(summary.cramps));
        field(out, "      ", "pain", number(summary.pain));
        field(out, "      ", "sleep", number(summary.sleep), note);
        // A person's words: escaped (and refused when not UTF-8) exactly as the library does.
        if (note) field(out, "      ", "note", nlohmann::ordered_json(summary.note).dump(), false);
        out += i + 1 < stats.nights.size() ? "    },\n" : "    }\n";
    }
    out += "  ]\n}";
    return out;
}

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
