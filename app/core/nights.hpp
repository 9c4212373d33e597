// Nights, streaks and the six-week programme, computed from stored sessions, check-ins and skips.
// Pure: no clock, no database; "tonight" is always passed in.
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <vector>

namespace ns {

// A calendar date, as days since 1970-01-01 (may be negative), with YYYY-MM-DD text.
struct Date {
    int days = 0;
    static std::optional<Date> parse(const std::string& text); // strict YYYY-MM-DD, real dates
    std::string str() const;
    void appendTo(std::string& out) const; // str() without a string of its own
    Date plus(int n) const { return Date{days + n}; }
    int weekday() const; // 0 = Monday .. 6 = Sunday
    friend bool operator<(Date a, Date b) { return a.days < b.days; }
    friend bool operator==(Date a, Date b) { return a.days == b.days; }
    friend bool operator!=(Date a, Date b) { return a.days != b.days; }
    friend bool operator<=(Date a, Date b) { return a.days <= b.days; }
    friend bool operator>(Date a, Date b) { return a.days > b.days; }
    friend bool operator>=(Date a, Date b) { return a.days >= b.days; }

    // The proleptic Gregorian calendar date (month 1..12, day 1..31).
    struct YearMonthDay {
        int year = 1970;
        int month = 1;
        int day = 1;
    };
    YearMonthDay ymd() const;
    // No validation: 2026-02-30 gives 2026-03-02. Use parse() for text from people.
    static Date fromYmd(int year, int month, int day);
    static bool isLeapYear(int year);
    static int daysInMonth(int year, int month); // 0 for a month outside 1..12
};

// The hour and minute at which a new night's "evening" begins (setting day_starts_at).
struct DayStart {
    int hour = 4;
    int minute = 0;
    static std::optional<DayStart> parse(const std::string& text); // "HH:MM"
};

// The local wall time of `utc` in the process's time zone (TZ), and the UTC offset then.
struct LocalTime {
    Date date;
    int minuteOfDay = 0;
    int utcOffsetMinutes = 0;
};
LocalTime localTimeOf(std::time_t utc);

// The night a moment counts for: its local date, or the day before when the local time is
// before the day-start hour. Uses the local wall clock, so daylight-saving changes and travel
// neither split nor merge nights.
Date nightOf(std::time_t utc, DayStart dayStart);
// The night it is "now" at `utc`: the same rule.
inline Date tonightAt(std::time_t utc, DayStart dayStart) {
    return nightOf(utc, dayStart);
}

// The first night statistics count: no one stretched with Nightstretch before 2000. An older one
// in the history is a clock that was wrong (a laptop that lost its time), a damaged file or a
// typo; counting from it would make decades of missed nights (and seconds of work for each view).
inline constexpr Date kEarliestNight{10957}; // 2000-01-01

// NotYet is tonight while it lasts: nothing done so far is not a missed night until it has passed.
enum class NightState { Done, Partial, Skipped, Missed, NotYet };
// "done", "partial", "skipped", "missed", "not_yet": the words of `stats --json`.
const char* toString(NightState state);
// What every surface (stats text and table, home, progress, the picture) says of a night:
// "done", "partly done", "skipped", "missed" (the JSON's word too), "not done yet".
const char* stateWords(NightState state);

constexpr double kDoneFraction = 0.8; // of the planned hold time of one of the night's routines
constexpr int kProgrammeNights = 42;
// The hold seconds that make a night done: ceil(kDoneFraction * planned), 0 when nothing is
// planned.
int doneThresholdSeconds(int plannedHoldSeconds);

// What the history holds for one night (inputs to the rules).
struct NightRecord {
    Date night;
    int holdSeconds = 0;        // summed over the night's sessions
    int plannedHoldSeconds = 0; // the smallest planned hold among its sessions (0: none)
    bool skipped = false;       // marked "skipped" (ill, travelling)
    std::optional<int> cramps, pain, sleep;
    std::string note;
};

struct NightSummary {
    Date night;
    NightState state = NightState::Missed;
    int holdSeconds = 0;
    std::optional<int> cramps, pain, sleep;
    std::string note;
};

// The red flags a check-in asks about with a yes/no question.
enum class Symptom { Swelling, Weakness, Numbness, Medicine };
constexpr Symptom kSymptoms[] = {Symptom::Swelling, Symptom::Weakness, Symptom::Numbness,
                                 Symptom::Medicine};

// A "yes" to one question, for one night.
struct SymptomAnswer {
    std::string night; // YYYY-MM-DD
    Symptom symptom = Symptom::Swelling;
};

struct Stats {
    Date tonight;
    // The check-ins' "yes" answers (swelling, ...): filled in by whoever has the history, for
    // the doctor note; computeStats leaves it empty.
    std::vector<SymptomAnswer> symptoms;
    NightState tonightState = NightState::NotYet; // never Missed: tonight has not passed
    int currentStreak = 0;
    int bestStreak = 0;
    int nightsDone = 0;
    int nightsPartial = 0;
    int nightsSkipped = 0;
    std::optional<int> programmeNight; // 1..42 since the first done night
    std::vector<NightSummary> nights;  // every night from the first recorded one to tonight
};

// The state of one night by DESIGN's rules (done beats skipped: a done night counts).
NightState stateOf(const NightRecord& record);
// The one rule for "tonight": as stateOf, except that nothing done yet is NotYet, not Missed.
NightState tonightStateOf(const NightRecord& record);

// Streaks and counts. Records may come in any order and may include nights after `tonight`
// (ignored). The current streak counts done nights back from tonight, or from last night while
// tonight is not yet done; skipped nights neither break nor extend a run.
Stats computeStats(const std::vector<NightRecord>& records, Date tonight);

} // namespace ns
