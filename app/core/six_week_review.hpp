// The sixth week: at night 42 of the programme (and in `stats` from then on), the first two weeks
// of the diary against the last two, said plainly; if no better, see a doctor (sources A, C, D);
// then the programme goes on as maintenance. Whatever the verdict, while the doctor note's rule
// is met (doctor_note.hpp) its reason and advice are part of the review. Pure: from Stats (and
// the symptom answers it carries).
//
// The verdicts: too few mornings written down (fewer than 5 of 14 in either period); nothing to
// compare (cramps on at most 2 of the nights written down in both periods); better (cramp nights
// fell by at least a third for each night written down, and the last two weeks are no longer
// "several times a week": fewer than 3 in 7); otherwise no better. 14 of 14 to 12 of 14 is not
// better.
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

enum class ReviewVerdict { Better, NoBetter, NothingToCompare, TooFewEntries };
// "better" | "no_better" | "nothing_to_compare" | "too_few_entries"
const char* toString(ReviewVerdict verdict);

struct SixWeekReview {
    int programmeDay = 0; // nights since the first done night, that night being 1 (not capped)
    ReviewPeriod firstTwoWeeks;
    ReviewPeriod lastTwoWeeks;
    ReviewVerdict verdict = ReviewVerdict::TooFewEntries;
    std::optional<std::string> doctorReason; // the doctor note's reason when its rule is met
    std::vector<std::string> sentences;      // plain words, ending with what to do next
};

// Nights since the first done night (1 on that night), uncapped; nullopt before any.
std::optional<int> programmeDay(const Stats& stats);
// True once the programme reached night 42: it carries on as maintenance.
bool inMaintenance(const Stats& stats);

// The review, from night 42 of the programme on; nullopt before.
std::optional<SixWeekReview> sixWeekReview(const Stats& stats);

} // namespace ns
