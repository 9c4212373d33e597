// The sixth week: at night 42 of the programme (and in `stats` from then on), the first two weeks
// of the diary against the last two, said plainly; if no better, see a doctor (sources A, C, D);
// then the programme goes on as maintenance. Pure: computed from Stats.
#pragma once

#include "nights.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ns {

struct ReviewPeriod {
    Date firstNight;
    int checkIns = 0;    // nights with a morning check-in
    int crampNights = 0; // of them, nights with cramps
    int cramps = 0;      // cramps in all
    std::optional<double> meanPain;
    std::optional<double> meanSleep;
};

enum class ReviewVerdict { Better, NoBetter, TooFewEntries };
const char* toString(ReviewVerdict verdict); // "better" | "no_better" | "too_few_entries"

struct SixWeekReview {
    int programmeDay = 0; // nights since the first done night, that night being 1 (not capped)
    ReviewPeriod firstTwoWeeks;
    ReviewPeriod lastTwoWeeks;
    ReviewVerdict verdict = ReviewVerdict::TooFewEntries;
    std::vector<std::string> sentences; // plain words, ending with what to do next
};

// Nights since the first done night (1 on that night), uncapped; nullopt before any.
std::optional<int> programmeDay(const Stats& stats);
// True once the programme reached night 42: it carries on as maintenance.
bool inMaintenance(const Stats& stats);

// The review, from night 42 of the programme on; nullopt before.
std::optional<SixWeekReview> sixWeekReview(const Stats& stats);

} // namespace ns
