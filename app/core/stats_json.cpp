// The `stats --json` document: field names and nulls are a contract with users' scripts.
#include "stats_json.hpp"

#include <charconv>

namespace ns {

namespace {

// A note with bytes that are not UTF-8 (a damaged file, a hand edit) is written with U+FFFD in
// their place, never thrown on.
constexpr auto kReplaceBadUtf8 = nlohmann::ordered_json::error_handler_t::replace;

nlohmann::ordered_json orNull(const std::optional<int>& value) {
    return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

// One "key": value line at the given indent, with a comma when more follow; appended in place
// (ten years of nights are some 25,000 lines).
void key(std::string& out, const char* indent, const char* name) {
    out += indent;
    out += '"';
    out += name;
    out += "\": ";
}

void end(std::string& out, bool more) {
    out += more ? ",\n" : "\n";
}

void field(std::string& out, const char* indent, const char* name, int value, bool more = true) {
    key(out, indent, name);
    char digits[16];
    const auto result = std::to_chars(digits, digits + sizeof digits, value);
    out.append(digits, result.ptr);
    end(out, more);
}

void field(std::string& out, const char* indent, const char* name, const std::optional<int>& value,
           bool more = true) {
    if (value) return field(out, indent, name, *value, more);
    key(out, indent, name);
    out += "null";
    end(out, more);
}

// Fixed ASCII text (dates, states) needs only its quotes.
void field(std::string& out, const char* indent, const char* name, const std::string& text,
           bool more = true) {
    key(out, indent, name);
    out += '"';
    out += text;
    out += '"';
    end(out, more);
}

} // namespace

std::string statsJsonText(const Stats& stats) {
    std::string out;
    out.reserve(256 + stats.nights.size() * 160);
    out += "{\n";
    field(out, "  ", "current_streak", stats.currentStreak);
    field(out, "  ", "best_streak", stats.bestStreak);
    field(out, "  ", "nights_done", stats.nightsDone);
    field(out, "  ", "nights_partial", stats.nightsPartial);
    field(out, "  ", "nights_skipped", stats.nightsSkipped);
    field(out, "  ", "programme_night", stats.programmeNight);
    field(out, "  ", "tonight", stats.tonight.str());
    field(out, "  ", "tonight_state", std::string(toString(stats.tonightState)));
    if (stats.nights.empty()) {
        out += "  \"nights\": []\n}";
        return out;
    }
    out += "  \"nights\": [\n";
    for (size_t i = 0; i < stats.nights.size(); ++i) {
        const NightSummary& summary = stats.nights[i];
        const bool note = !summary.note.empty();
        out += "    {\n";
        key(out, "      ", "night");
        out += '"';
        summary.night.appendTo(out);
        out += '"';
        end(out, true);
        key(out, "      ", "state");
        out += '"';
        out += toString(summary.state);
        out += '"';
        end(out, true);
        field(out, "      ", "hold_seconds", summary.holdSeconds);
        field(out, "      ", "cramps", summary.cramps);
        field(out, "      ", "pain", summary.pain);
        field(out, "      ", "sleep", summary.sleep, note);
        if (note) {
            // A person's words: escaped (and refused when not UTF-8) exactly as the library does.
            key(out, "      ", "note");
            out += nlohmann::ordered_json(summary.note).dump(-1, ' ', false, kReplaceBadUtf8);
            end(out, false);
        }
        out += i + 1 < stats.nights.size() ? "    },\n" : "    }\n";
    }
    out += "  ]\n}";
    return out;
}

std::string withFields(std::string statsJson, const nlohmann::ordered_json& fields) {
    const std::size_t close = statsJson.rfind('}');
    if (close == std::string::npos || close == 0 || !fields.is_object() || fields.empty())
        return statsJson;
    std::size_t last = close;
    while (last > 0 && (statsJson[last - 1] == '\n' || statsJson[last - 1] == ' '))
        --last;
    // The fields as the library indents them one level in, without their own braces.
    const std::string inner = fields.dump(2, ' ', false, kReplaceBadUtf8);
    const std::size_t open = inner.find('\n');
    const std::size_t end = inner.rfind('\n');
    std::string added = ",";
    added += inner.substr(open, end - open);
    added += '\n';
    statsJson.replace(last, close - last, added);
    return statsJson;
}

std::string withDoctorNote(std::string statsJson, const std::string* reason) {
    nlohmann::ordered_json fields;
    fields["doctor_note"] = reason ? nlohmann::ordered_json(*reason) : nlohmann::ordered_json();
    return withFields(std::move(statsJson), fields);
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
