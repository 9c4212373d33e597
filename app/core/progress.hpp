// What the cramp diary and the nights say over weeks: the weekly chart, "first two weeks vs last
// two weeks" in plain words, and when to suggest seeing a doctor. Pure: computed from Stats.
#pragma once

#include "nights.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ns {

// One calendar week (Monday to Sunday) of the weekly chart.
struct WeekSummary {
    Date firstNight;
    int nightsDone = 0;
    int nightsPartial = 0;
    int crampNights = 0;            // nights with cramps > 0
    int checkIns = 0;               // nights with a morning check-in
    std::optional<double> meanPain; // over check-ins with a pain value; none without any
};

constexpr int kMaxChartWeeks = 12;

// Calendar weeks, Monday to Sunday like the calendar, oldest first, the last one holding tonight;
// as many as cover stats.nights (at most kMaxChartWeeks). Nights before the first recorded one
// count as missed, without a check-in; nights after tonight are not counted.
std::vector<WeekSummary> weeklySummary(const Stats& stats);

// The diary over a run of nights.
struct DiaryPeriod {
    Date firstNight;
    int nights = 0;
    int crampNights = 0;
    int checkIns = 0;
    std::optional<double> crampRate; // crampNights / checkIns; none without check-ins
    std::optional<double> meanPain;
};

constexpr int kCompareNights = 14;

struct TwoWeekComparison {
    bool available = false;    // both periods exist, do not overlap, and have check-ins
    DiaryPeriod firstTwoWeeks; // the 14 nights from the first done night
    DiaryPeriod lastTwoWeeks;  // the 14 nights up to tonight
    // "In your first two weeks, cramps came on 9 of 14 nights; in the last two weeks, on 3 of
    // 14." or why there is nothing to compare yet.
    std::string sentence;
    // "Worst pain averaged 6.5 of 10 then and 3.0 of 10 lately." when both periods have pain
    // values; empty otherwise.
    std::string painSentence;
};

TwoWeekComparison compareFirstAndLastTwoWeeks(const Stats& stats);

// True when the doctor note shows (doctor_note.hpp: cramps on 3 of the last 7 nights, pain of 8
// or more, or a symptom answered yes, from stats.symptoms): the progress screen then says so.
bool shouldSuggestDoctor(const Stats& stats);

} // namespace ns
