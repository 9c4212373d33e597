// The six-week review's numbers and words.
#include "six_week_review.hpp"

#include "doctor_note.hpp"

#include <cstdio>

namespace ns {

namespace {

constexpr int kPeriodNights = 14;
constexpr int kEnoughCheckIns = 5;  // of 14: fewer says too little to compare
constexpr int kRareCrampNights = 2; // at most this in both periods: nothing to compare

ReviewPeriod periodFrom(const Stats& stats, Date first) {
    ReviewPeriod period;
    period.firstNight = first;
    int painTotal = 0;
    int painCount = 0;
    int sleepTotal = 0;
    int sleepCount = 0;
    for (const NightSummary& night : stats.nights) {
        if (night.night < first || night.night >= first.plus(kPeriodNights)) continue;
        if (!night.cramps && !night.pain && !night.sleep) continue;
        ++period.checkIns;
        if (night.cramps.value_or(0) > 0) ++period.crampNights;
        period.cramps += night.cramps.value_or(0);
        if (night.pain) {
            painTotal += *night.pain;
            ++painCount;
        }
        if (night.sleep) {
            sleepTotal += *night.sleep;
            ++sleepCount;
        }
    }
    if (painCount > 0) period.meanPain = static_cast<double>(painTotal) / painCount;
    if (sleepCount > 0) period.meanSleep = static_cast<double>(sleepTotal) / sleepCount;
    return period;
}

std::string oneDecimal(double value) {
    char text[16];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

std::string nightsWord(int n) {
    return std::to_string(n) + (n == 1 ? " night" : " nights");
}

std::string crampsWord(int n) {
    return std::to_string(n) + (n == 1 ? " cramp" : " cramps");
}

double crampNightRate(const ReviewPeriod& period) {
    return static_cast<double>(period.crampNights) / period.checkIns;
}

// Cramps few or none in both periods (at most 2 nights of those written down in each).
bool rareInBoth(const ReviewPeriod& first, const ReviewPeriod& last) {
    return first.crampNights <= kRareCrampNights && last.crampNights <= kRareCrampNights;
}

// A clear fall: at least a third fewer cramp nights for each night written down, and no longer
// "several times a week" (fewer than 3 of 7 nights, the doctor note's rule).
bool isBetter(const ReviewPeriod& first, const ReviewPeriod& last) {
    const double firstRate = crampNightRate(first);
    const double lastRate = crampNightRate(last);
    const bool clearFall = lastRate * 3.0 <= firstRate * 2.0 + 1e-9;
    const bool stillFrequent = lastRate * kDoctorNoteNights >= kDoctorNoteCrampNights - 1e-9;
    return clearFall && !stillFrequent;
}

} // namespace

const char* toString(ReviewVerdict verdict) {
    switch (verdict) {
    case ReviewVerdict::Better:
        return "better";
    case ReviewVerdict::NoBetter:
        return "no_better";
    case ReviewVerdict::NothingToCompare:
        return "nothing_to_compare";
    case ReviewVerdict::TooFewEntries:
        return "too_few_entries";
    }
    return "";
}

std::optional<int> programmeDay(const Stats& stats) {
    for (const NightSummary& night : stats.nights)
        if (night.state == NightState::Done) return stats.tonight.days - night.night.days + 1;
    return std::nullopt;
}

bool inMaintenance(const Stats& stats) {
    const auto day = programmeDay(stats);
    return day && *day > kProgrammeNights;
}

std::optional<SixWeekReview> sixWeekReview(const Stats& stats) {
    const auto day = programmeDay(stats);
    if (!day || *day < kProgrammeNights) return std::nullopt;
    SixWeekReview review;
    review.programmeDay = *day;
    const Date first = stats.tonight.plus(1 - *day);
    review.firstTwoWeeks = periodFrom(stats, first);
    // The last 14 nights of the diary: up to last night (tonight's check-in comes tomorrow).
    review.lastTwoWeeks = periodFrom(stats, stats.tonight.plus(-kPeriodNights));
    const ReviewPeriod& a = review.firstTwoWeeks;
    const ReviewPeriod& b = review.lastTwoWeeks;

    // While the doctor note's rule is met, its reason and advice are part of the review.
    const std::optional<DoctorNote> note = doctorNote(stats, stats.symptoms);
    if (note) review.doctorReason = note->reason;

    std::vector<std::string>& say = review.sentences;
    const auto sayDoctorNote = [&say, &note] {
        if (!note) return;
        say.push_back(note->reason);
        say.push_back(note->text);
    };
    say.emplace_back("Six weeks of stretching: time to look back.");
    if (a.checkIns < kEnoughCheckIns || b.checkIns < kEnoughCheckIns) {
        review.verdict = ReviewVerdict::TooFewEntries;
        say.emplace_back("The diary has too few mornings in the first or the last two weeks to "
                         "compare them.");
        if (note)
            sayDoctorNote();
        else
            say.emplace_back("If the cramps have not improved, it would be good to see a doctor.");
        say.emplace_back("Carry on with the routine if you like; keep the diary to see more "
                         "clearly.");
        return review;
    }
    say.emplace_back("In your first two weeks, cramps came on " + nightsWord(a.crampNights) +
                     " of the " + std::to_string(a.checkIns) + " you wrote down (" +
                     crampsWord(a.cramps) + "); in the last two weeks, on " +
                     nightsWord(b.crampNights) + " of " + std::to_string(b.checkIns) + " (" +
                     crampsWord(b.cramps) + ").");
    if (a.meanPain && b.meanPain)
        say.emplace_back("Worst pain averaged " + oneDecimal(*a.meanPain) + " of 10 then and " +
                         oneDecimal(*b.meanPain) + " lately.");
    if (a.meanSleep && b.meanSleep)
        say.emplace_back("Sleep disturbed averaged " + oneDecimal(*a.meanSleep) +
                         " of 10 then and " + oneDecimal(*b.meanSleep) + " lately.");
    if (rareInBoth(a, b)) {
        review.verdict = ReviewVerdict::NothingToCompare;
        say.emplace_back("Cramps were few or none in both, so there is nothing to compare.");
        sayDoctorNote();
        say.emplace_back("Carry on each night if it suits you: the programme now continues as "
                         "maintenance.");
    } else if (isBetter(a, b)) {
        review.verdict = ReviewVerdict::Better;
        say.emplace_back("That is better than when you began.");
        sayDoctorNote();
        say.emplace_back("Carry on each night if you like: the programme now continues as "
                         "maintenance.");
    } else {
        review.verdict = ReviewVerdict::NoBetter;
        if (note) {
            say.emplace_back("That is no better than when you began.");
            sayDoctorNote();
        } else {
            say.emplace_back("That is no better than when you began: it would be good to see a "
                             "doctor about your cramps.");
        }
        say.emplace_back("You can carry on with the routine meanwhile, as maintenance.");
    }
    return review;
}

} // namespace ns
