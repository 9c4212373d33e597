// The six-week review's verdicts, each from a made history at night 42 of the programme: nothing
// to compare when cramps were rare in both periods, better only for a clear fall that is no
// longer frequent (14 of 14 to 12 of 14 is not better), no better otherwise, too few mornings;
// and the doctor note's reason and advice in the review whenever its rule is met.
#include "six_week_review.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace ns {
namespace {

const Date kFirstNight = *Date::parse("2026-02-01");
constexpr int kNights = 42; // tonight is the 42nd night of the programme

// 42 nights, each stretched, each (but tonight) with a morning check-in of no cramps. Indices:
// 0..13 the first two weeks, 27..40 the last two, 34..40 the last 7 nights, 41 tonight.
struct MadeHistory {
    std::vector<NightRecord> records;
    std::vector<SymptomAnswer> symptoms;

    MadeHistory() {
        for (int i = 0; i < kNights; ++i) {
            NightRecord record;
            record.night = kFirstNight.plus(i);
            record.holdSeconds = 300;
            record.plannedHoldSeconds = 300;
            if (i < kNights - 1) record.cramps = 0;
            records.push_back(record);
        }
    }
    // Cramps (one each) on `count` nights from index `from`.
    MadeHistory& cramps(int from, int count) {
        for (int i = from; i < from + count; ++i)
            records[static_cast<std::size_t>(i)].cramps = 1;
        return *this;
    }
    MadeHistory& sleep(int index, int value) {
        records[static_cast<std::size_t>(index)].sleep = value;
        return *this;
    }
    MadeHistory& noCheckIn(int from, int count) {
        for (int i = from; i < from + count; ++i)
            records[static_cast<std::size_t>(i)].cramps.reset();
        return *this;
    }
    SixWeekReview review() const {
        Stats stats = computeStats(records, kFirstNight.plus(kNights - 1));
        stats.symptoms = symptoms;
        const auto review = sixWeekReview(stats);
        EXPECT_TRUE(review);
        EXPECT_EQ(review->programmeDay, kNights);
        return *review;
    }
};

constexpr int kFirstWeeks = 0;
constexpr int kLastWeeks = 27;
constexpr int kLastSeven = 34;

bool says(const SixWeekReview& review, const std::string& words) {
    return std::any_of(
        review.sentences.begin(), review.sentences.end(),
        [&words](const std::string& s) { return s.find(words) != std::string::npos; });
}

std::string all(const SixWeekReview& review) {
    std::string text;
    for (const std::string& sentence : review.sentences)
        text += sentence + "\n";
    return text;
}

TEST(SixWeekReview, NotBeforeNightFortyTwo) {
    MadeHistory history;
    EXPECT_FALSE(sixWeekReview(computeStats(history.records, kFirstNight.plus(kNights - 2))));
}

TEST(SixWeekReview, NoCrampsInEitherPeriodIsNothingToCompareAndNoDoctor) {
    const SixWeekReview review = MadeHistory().review();
    EXPECT_EQ(review.verdict, ReviewVerdict::NothingToCompare) << all(review);
    EXPECT_STREQ(toString(review.verdict), "nothing_to_compare");
    EXPECT_TRUE(says(review, "nothing to compare")) << all(review);
    EXPECT_TRUE(says(review, "if it suits you")) << all(review);
    EXPECT_FALSE(says(review, "doctor")) << all(review);
    EXPECT_FALSE(says(review, "no better")) << all(review);
    EXPECT_FALSE(review.doctorReason);
}

TEST(SixWeekReview, RareCrampsInBothPeriodsAreNothingToCompare) {
    const SixWeekReview review =
        MadeHistory().cramps(kFirstWeeks, 2).cramps(kLastWeeks, 1).review();
    EXPECT_EQ(review.verdict, ReviewVerdict::NothingToCompare) << all(review);
}

TEST(SixWeekReview, FourteenToTwelveCrampNightsIsNoBetterAndTheDoctorLineIsThere) {
    const SixWeekReview review =
        MadeHistory().cramps(kFirstWeeks, 14).cramps(kLastWeeks + 2, 12).review();
    ASSERT_EQ(review.lastTwoWeeks.crampNights, 12);
    EXPECT_EQ(review.verdict, ReviewVerdict::NoBetter) << all(review);
    EXPECT_FALSE(says(review, "That is better")) << all(review);
    ASSERT_TRUE(review.doctorReason);
    EXPECT_EQ(*review.doctorReason, "Cramps came on 7 of the last 7 nights.");
    EXPECT_TRUE(says(review, "Cramps came on 7 of the last 7 nights.")) << all(review);
    EXPECT_TRUE(says(review, "see a doctor")) << all(review);
}

TEST(SixWeekReview, AClearFallThatIsNoLongerFrequentIsBetter) {
    const SixWeekReview review =
        MadeHistory().cramps(kFirstWeeks, 10).cramps(kLastWeeks, 3).review();
    EXPECT_EQ(review.verdict, ReviewVerdict::Better) << all(review);
    EXPECT_TRUE(says(review, "That is better")) << all(review);
    EXPECT_FALSE(says(review, "doctor")) << all(review);
}

TEST(SixWeekReview, AFallThatIsStillSeveralTimesAWeekIsNoBetter) {
    // 14 of 14 to 6 of 14: a clear fall, but still 3 in 7.
    const SixWeekReview review =
        MadeHistory().cramps(kFirstWeeks, 14).cramps(kLastWeeks, 6).review();
    EXPECT_EQ(review.verdict, ReviewVerdict::NoBetter) << all(review);
}

TEST(SixWeekReview, NoBetterWithoutTheNoteStillSuggestsADoctor) {
    // 6 to 5 cramp nights, all before the last 7 nights: the note's rule is not met.
    const SixWeekReview review =
        MadeHistory().cramps(kFirstWeeks, 6).cramps(kLastWeeks, 5).review();
    EXPECT_EQ(review.verdict, ReviewVerdict::NoBetter) << all(review);
    EXPECT_FALSE(review.doctorReason);
    EXPECT_TRUE(says(review, "no better than when you began: it would be good to see a doctor"))
        << all(review);
}

TEST(SixWeekReview, BetterButSleepStillDisturbedKeepsTheDoctorLine) {
    const SixWeekReview review = MadeHistory()
                                     .cramps(kFirstWeeks, 10)
                                     .cramps(kLastSeven, 2)
                                     .sleep(kLastSeven, 6)
                                     .sleep(kLastSeven + 1, 5)
                                     .review();
    EXPECT_EQ(review.verdict, ReviewVerdict::Better) << all(review);
    ASSERT_TRUE(review.doctorReason);
    EXPECT_TRUE(says(review, "disturbed your sleep")) << all(review);
    EXPECT_TRUE(says(review, "see a doctor")) << all(review);
}

TEST(SixWeekReview, NothingToCompareButASwollenLegKeepsTheDoctorLine) {
    MadeHistory history;
    history.symptoms.push_back(
        SymptomAnswer{kFirstNight.plus(kNights - 3).str(), Symptom::Swelling});
    const SixWeekReview review = history.review();
    EXPECT_EQ(review.verdict, ReviewVerdict::NothingToCompare) << all(review);
    EXPECT_TRUE(says(review, "Please see a doctor soon")) << all(review);
}

TEST(SixWeekReview, TooFewMorningsSaysSoAndKeepsTheDoctorLine) {
    const SixWeekReview few = MadeHistory().noCheckIn(kFirstWeeks, 10).review();
    EXPECT_EQ(few.verdict, ReviewVerdict::TooFewEntries) << all(few);
    EXPECT_TRUE(says(few, "too few mornings")) << all(few);
    const SixWeekReview frequent =
        MadeHistory().noCheckIn(kFirstWeeks, 10).cramps(kLastSeven, 4).review();
    EXPECT_EQ(frequent.verdict, ReviewVerdict::TooFewEntries);
    EXPECT_TRUE(says(frequent, "Cramps came on 4 of the last 7 nights.")) << all(frequent);
}

} // namespace
} // namespace ns
