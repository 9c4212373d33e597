// The history commands' options, checked without touching the database.
#include "command_arguments.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>

namespace ns {

std::optional<int> parseBoundedInt(const std::string& text, int low, int high) {
    if (text.empty() || text.size() > 9) return std::nullopt;
    for (char c : text)
        if (c < '0' || c > '9') return std::nullopt;
    const int value = std::stoi(text);
    if (value < low || value > high) return std::nullopt;
    return value;
}

std::optional<Date> parseNight(const std::string& text, Date tonight, std::string& error) {
    auto date = Date::parse(text);
    if (!date) {
        error = "'" + text + "' is not a date; write it as YYYY-MM-DD, like " + tonight.str();
        return std::nullopt;
    }
    if (tonight < *date) {
        error = "the night " + text + " is in the future (tonight is " + tonight.str() + ")";
        return std::nullopt;
    }
    if (*date < kEarliestNight) {
        error = "the night " + text + " is before " + kEarliestNight.str() + "; check the year";
        return std::nullopt;
    }
    return date;
}

std::optional<std::time_t> parseLocalMoment(const std::string& text) {
    if (text.size() != 16 || text[10] != ' ' || text[13] != ':') return std::nullopt;
    auto date = Date::parse(text.substr(0, 10));
    auto hour = parseBoundedInt(text.substr(11, 2), 0, 23);
    auto minute = parseBoundedInt(text.substr(14, 2), 0, 59);
    if (!date || !hour || !minute) return std::nullopt;
    const Date::YearMonthDay ymd = date->ymd();
    std::tm local{};
    local.tm_year = ymd.year - 1900;
    local.tm_mon = ymd.month - 1;
    local.tm_mday = ymd.day;
    local.tm_hour = *hour;
    local.tm_min = *minute;
    local.tm_isdst = -1; // let the time zone rules decide
    const std::time_t utc = std::mktime(&local);
    if (utc == static_cast<std::time_t>(-1)) return std::nullopt;
    return utc;
}

CheckedCheckIn checkCheckInOptions(const CheckInOptions& options, Date tonight, std::time_t now) {
    CheckedCheckIn checked;
    CheckIn checkIn;
    if (options.cramps) {
        auto cramps = parseBoundedInt(*options.cramps, 0, kMaxCramps);
        if (!cramps) {
            checked.error = "--cramps must be a whole number from 0 to " +
                            std::to_string(kMaxCramps) + ", got '" + *options.cramps + "'";
            return checked;
        }
        checkIn.cramps = *cramps;
    }
    if (options.pain) {
        checkIn.pain = parseBoundedInt(*options.pain, 0, kMaxScale);
        if (!checkIn.pain) {
            checked.error =
                "--pain must be from 0 (none) to 10 (worst), got '" + *options.pain + "'";
            return checked;
        }
    }
    if (options.sleep) {
        checkIn.sleep = parseBoundedInt(*options.sleep, 0, kMaxScale);
        if (!checkIn.sleep) {
            checked.error = "--sleep must be from 0 (not at all) to 10 (a sleepless night), got '" +
                            *options.sleep + "'";
            return checked;
        }
    }
    Date night = tonight.plus(-1); // the morning check-in is about last night
    if (options.night) {
        auto parsed = parseNight(*options.night, tonight, checked.error);
        if (!parsed) return checked;
        night = *parsed;
    }
    if (!(night < tonight)) {
        checked.error = "the night of " + night.str() +
                        " is not over yet; check in about it in the morning (last night was " +
                        tonight.plus(-1).str() + ")";
        return checked;
    }
    for (const auto* names : {&options.symptoms, &options.noSymptoms})
        for (const std::string& name : *names) {
            const auto symptom = parseSymptom(name);
            if (!symptom) {
                checked.error = "'" + name +
                                "' is not a symptom the check-in asks about; use swelling, "
                                "weakness, numbness or medicine";
                return checked;
            }
            if (names == &options.noSymptoms) continue;
            if (std::count(options.noSymptoms.begin(), options.noSymptoms.end(), name) > 0) {
                checked.error = "--symptom ";
                checked.error.append(name).append(" and --no-symptom ").append(name);
                checked.error += " say opposite things; give one of them";
                return checked;
            }
            checkIn.symptoms.push_back(*symptom);
        }
    std::sort(checkIn.symptoms.begin(), checkIn.symptoms.end());
    checkIn.symptoms.erase(std::unique(checkIn.symptoms.begin(), checkIn.symptoms.end()),
                           checkIn.symptoms.end());
    checkIn.night = night.str();
    checkIn.note = options.note.value_or("");
    checkIn.recordedAt = now;
    checked.checkIn = checkIn;
    return checked;
}

CheckedLog checkLogOptions(const LogOptions& options, std::time_t now) {
    CheckedLog checked;
    checked.startedAt = now;
    if (options.fraction) {
        char* end = nullptr;
        errno = 0;
        const double fraction = std::strtod(options.fraction->c_str(), &end);
        if (options.fraction->empty() || *end != '\0' || errno != 0 || !(fraction > 0.0) ||
            fraction > 1.0) {
            checked.error = "--fraction must be more than 0 and at most 1 (the whole routine), "
                            "got '" +
                            *options.fraction + "'";
            return checked;
        }
        checked.fraction = fraction;
    }
    if (options.at) {
        auto parsed = parseLocalMoment(*options.at);
        if (!parsed) {
            checked.error =
                "--at must be a local time like \"2026-11-21 21:30\", got '" + *options.at + "'";
            return checked;
        }
        if (Date::parse(options.at->substr(0, 10)).value_or(kEarliestNight) < kEarliestNight) {
            checked.error =
                "--at " + *options.at + " is before " + kEarliestNight.str() + "; check the year";
            return checked;
        }
        if (*parsed > now) {
            checked.error = "--at " + *options.at + " is in the future";
            return checked;
        }
        checked.startedAt = *parsed;
    }
    return checked;
}

CheckInChange mergeCheckIn(const std::optional<CheckIn>& saved, const CheckIn& given,
                           const CheckInOptions& options) {
    CheckInChange change;
    if (!saved || options.replace) {
        if (!options.cramps) {
            change.error = saved ? "--replace overwrites the whole check-in, so it needs --cramps"
                                 : "the first check-in for the night of " + given.night +
                                       " needs --cramps (how many cramps, 0 for none)";
            return change;
        }
        change.checkIn = given;
    } else {
        if (!options.cramps && !options.pain && !options.sleep && !options.note &&
            options.symptoms.empty() && options.noSymptoms.empty()) {
            change.error = "the night of " + given.night +
                           " has a check-in already; give the fields to change (--cramps, "
                           "--pain, --sleep, --note, --symptom, --no-symptom), or --replace "
                           "with all of them";
            return change;
        }
        CheckIn merged = *saved;
        merged.recordedAt = given.recordedAt;
        if (options.cramps) merged.cramps = given.cramps;
        if (options.pain) merged.pain = given.pain;
        if (options.sleep) merged.sleep = given.sleep;
        if (options.note) merged.note = given.note;
        merged.symptoms.insert(merged.symptoms.end(), given.symptoms.begin(), given.symptoms.end());
        for (const std::string& name : options.noSymptoms)
            if (const auto symptom = parseSymptom(name))
                merged.symptoms.erase(
                    std::remove(merged.symptoms.begin(), merged.symptoms.end(), *symptom),
                    merged.symptoms.end());
        std::sort(merged.symptoms.begin(), merged.symptoms.end());
        merged.symptoms.erase(std::unique(merged.symptoms.begin(), merged.symptoms.end()),
                              merged.symptoms.end());
        change.checkIn = merged;
    }
    if (saved) change.replaced = checkInChanges(*saved, *change.checkIn);
    return change;
}

} // namespace ns
