// What the history commands (checkin, log, skip) are given on the command line, checked in full
// before anything is written. Pure: no clock, no files; "now" and "tonight" are passed in.
#pragma once

#include "history.hpp"
#include "nights.hpp"

#include <ctime>
#include <optional>
#include <string>
#include <vector>

namespace ns {

struct CheckInOptions {
    std::optional<std::string> cramps, pain, sleep, note, night;
    bool replace = false; // overwrite a saved check-in whole, not only the fields given
    std::vector<std::string> symptoms;   // --symptom, repeatable: a "yes" to each
    std::vector<std::string> noSymptoms; // --no-symptom, repeatable: a "yes" taken back
};

struct LogOptions {
    std::optional<std::string> at;       // "YYYY-MM-DD HH:MM", local time
    std::optional<std::string> fraction; // 0..1 of the routine done
};

// A check-in to store, or the one sentence that says what is wrong with the options.
struct CheckedCheckIn {
    std::optional<CheckIn> checkIn; // the fields given (symptoms: --symptom); cramps 0 when not
    std::string error;
};
// The night defaults to the one before tonight (the morning check-in is about last night); a
// night not yet over (tonight) is refused.
CheckedCheckIn checkCheckInOptions(const CheckInOptions& options, Date tonight, std::time_t now);

// A check-in for a night that may have one saved: the saved one with only the given fields
// changed (all of them with `replace`, which also clears the symptoms not given; --no-symptom
// takes one back), and what it replaced, in words ("pain 5 → 3", "swelling yes → no").
struct CheckInChange {
    std::optional<CheckIn> checkIn;
    std::vector<std::string> replaced; // the saved values that change (checkInChanges)
    std::string error;                 // a first check-in without --cramps, or nothing to change
};
CheckInChange mergeCheckIn(const std::optional<CheckIn>& saved, const CheckIn& given,
                           const CheckInOptions& options);

struct CheckedLog {
    std::time_t startedAt = 0;
    double fraction = 1.0; // of the routine done, 0..1
    std::string error;     // empty when the options are good
};
CheckedLog checkLogOptions(const LogOptions& options, std::time_t now);

// A night given on the command line: a real date, not after tonight; else nullopt and `error`.
std::optional<Date> parseNight(const std::string& text, Date tonight, std::string& error);

// "YYYY-MM-DD HH:MM" in local time to UTC seconds.
std::optional<std::time_t> parseLocalMoment(const std::string& text);

// Parses a whole number in [low, high]; nullopt for anything else ("3x", "", "1e3").
std::optional<int> parseBoundedInt(const std::string& text, int low, int high);

} // namespace ns
