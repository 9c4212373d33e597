// The checkin and log options, checked before anything is written: one sentence for each mistake.
#include "command_arguments.hpp"

#include <gtest/gtest.h>

namespace ns {
namespace {

const Date kTonight = *Date::parse("2026-11-29");
constexpr std::time_t kNow = 1796000000; // 2026-11-29 in the evening

CheckedCheckIn checkIn(const std::string& cramps, std::optional<std::string> night = std::nullopt) {
    CheckInOptions options;
    options.cramps = cramps;
    options.night = std::move(night);
    return checkCheckInOptions(options, kTonight, kNow);
}

TEST(CheckInOptions, DefaultsToLastNight) {
    const CheckedCheckIn checked = checkIn("2");
    ASSERT_TRUE(checked.checkIn) << checked.error;
    EXPECT_EQ(checked.checkIn->night, "2026-11-28");
    EXPECT_EQ(checked.checkIn->cramps, 2);
    EXPECT_EQ(checked.checkIn->recordedAt, kNow);
}

TEST(CheckInOptions, CrampsOutOfRangeQuotesWhatWasGiven) {
    const CheckedCheckIn checked = checkIn("21");
    EXPECT_FALSE(checked.checkIn);
    EXPECT_EQ(checked.error, "--cramps must be a whole number from 0 to 20, got '21'");
}

TEST(CheckInOptions, ANightInTheFutureIsRefused) {
    EXPECT_EQ(checkIn("1", "2026-11-30").error,
              "the night 2026-11-30 is in the future (tonight is 2026-11-29)");
}

TEST(CheckInOptions, ANightBeforeTheEarliestIsATypo) {
    EXPECT_EQ(checkIn("1", "1026-11-28").error,
              "the night 1026-11-28 is before 2000-01-01; check the year");
    EXPECT_TRUE(checkIn("1", "2000-01-01").checkIn);
}

TEST(CheckInOptions, TonightIsNotOverYet) {
    EXPECT_EQ(checkIn("1", "2026-11-29").error,
              "the night of 2026-11-29 is not over yet; check in about it in the morning (last "
              "night was 2026-11-28)");
    EXPECT_TRUE(checkIn("1", "2026-11-28").checkIn);
}

CheckInOptions given(std::optional<std::string> cramps, std::optional<std::string> pain,
                     std::optional<std::string> note = std::nullopt) {
    CheckInOptions options;
    options.cramps = std::move(cramps);
    options.pain = std::move(pain);
    options.note = std::move(note);
    return options;
}

CheckIn savedCheckIn() {
    CheckIn saved;
    saved.night = "2026-11-28";
    saved.cramps = 2;
    saved.pain = 5;
    saved.sleep = 4;
    saved.note = "left calf";
    return saved;
}

TEST(CheckInMerge, ASecondCheckInChangesOnlyTheFieldsGiven) {
    const CheckInOptions options = given(std::nullopt, "3");
    const CheckedCheckIn checked = checkCheckInOptions(options, kTonight, kNow);
    ASSERT_TRUE(checked.checkIn) << checked.error;
    const CheckInChange change = mergeCheckIn(savedCheckIn(), *checked.checkIn, options);
    ASSERT_TRUE(change.checkIn) << change.error;
    EXPECT_EQ(change.checkIn->cramps, 2);
    EXPECT_EQ(change.checkIn->pain, 3);
    EXPECT_EQ(change.checkIn->sleep, 4);
    EXPECT_EQ(change.checkIn->note, "left calf");
    EXPECT_EQ(change.replaced, std::vector<std::string>{"pain 5 → 3"});
}

TEST(CheckInMerge, ReplaceOverwritesEveryField) {
    CheckInOptions options = given("1", std::nullopt);
    options.replace = true;
    const CheckedCheckIn checked = checkCheckInOptions(options, kTonight, kNow);
    ASSERT_TRUE(checked.checkIn) << checked.error;
    const CheckInChange change = mergeCheckIn(savedCheckIn(), *checked.checkIn, options);
    ASSERT_TRUE(change.checkIn) << change.error;
    EXPECT_EQ(change.checkIn->cramps, 1);
    EXPECT_FALSE(change.checkIn->pain);
    EXPECT_FALSE(change.checkIn->sleep);
    EXPECT_EQ(change.checkIn->note, "");
    EXPECT_EQ(change.replaced,
              (std::vector<std::string>{"cramps 2 → 1", "pain 5 → none", "sleep 4 → none",
                                        "note \"left calf\" → none"}));
}

TEST(CheckInMerge, AFirstCheckInNeedsCramps) {
    const CheckInOptions options = given(std::nullopt, "3");
    const CheckedCheckIn checked = checkCheckInOptions(options, kTonight, kNow);
    ASSERT_TRUE(checked.checkIn);
    const CheckInChange change = mergeCheckIn(std::nullopt, *checked.checkIn, options);
    EXPECT_FALSE(change.checkIn);
    EXPECT_EQ(change.error, "the first check-in for the night of 2026-11-28 needs --cramps (how "
                            "many cramps, 0 for none)");
}

// Issue 18: symptoms are fields like the others.
TEST(CheckInMerge, SymptomsAreAddedTakenBackAndClearedByReplace) {
    CheckIn saved = savedCheckIn();
    saved.symptoms = {Symptom::Swelling};

    CheckInOptions add;
    add.symptoms = {"numbness"};
    CheckedCheckIn checked = checkCheckInOptions(add, kTonight, kNow);
    ASSERT_TRUE(checked.checkIn) << checked.error;
    CheckInChange change = mergeCheckIn(saved, *checked.checkIn, add);
    ASSERT_TRUE(change.checkIn) << change.error;
    EXPECT_EQ(change.checkIn->symptoms,
              (std::vector<Symptom>{Symptom::Swelling, Symptom::Numbness}));
    EXPECT_EQ(change.checkIn->pain, 5) << "the rest stays";
    EXPECT_EQ(change.replaced, std::vector<std::string>{"numbness no → yes"});

    CheckInOptions takeBack;
    takeBack.noSymptoms = {"swelling"};
    checked = checkCheckInOptions(takeBack, kTonight, kNow);
    ASSERT_TRUE(checked.checkIn) << checked.error;
    change = mergeCheckIn(saved, *checked.checkIn, takeBack);
    ASSERT_TRUE(change.checkIn) << change.error;
    EXPECT_TRUE(change.checkIn->symptoms.empty());
    EXPECT_EQ(change.replaced, std::vector<std::string>{"swelling yes → no"});

    CheckInOptions replace = given("2", std::nullopt);
    replace.replace = true;
    checked = checkCheckInOptions(replace, kTonight, kNow);
    change = mergeCheckIn(saved, *checked.checkIn, replace);
    ASSERT_TRUE(change.checkIn) << change.error;
    EXPECT_TRUE(change.checkIn->symptoms.empty()) << "--replace kept an old symptom";

    CheckInOptions both;
    both.symptoms = {"weakness"};
    both.noSymptoms = {"weakness"};
    checked = checkCheckInOptions(both, kTonight, kNow);
    EXPECT_FALSE(checked.checkIn);
    EXPECT_EQ(checked.error,
              "--symptom weakness and --no-symptom weakness say opposite things; give one of them");
    CheckInOptions unknown;
    unknown.noSymptoms = {"dizzy"};
    EXPECT_NE(checkCheckInOptions(unknown, kTonight, kNow).error.find("'dizzy' is not a symptom"),
              std::string::npos);
}

TEST(LogOptions, AtBeforeTheEarliestNightIsATypo) {
    LogOptions options;
    options.at = "1926-11-21 21:30";
    EXPECT_EQ(checkLogOptions(options, kNow).error,
              "--at 1926-11-21 21:30 is before 2000-01-01; check the year");
}

TEST(LogOptions, FractionZeroWouldBeAnEmptySession) {
    LogOptions options;
    options.fraction = "0";
    EXPECT_EQ(checkLogOptions(options, kNow).error,
              "--fraction must be more than 0 and at most 1 (the whole routine), got '0'");
}

TEST(LogOptions, FractionMustBeANumberFromZeroToOne) {
    for (const char* bad : {"", "1.5", "-0.1", "nan", "0.5x", "1e3", "0", "0.0"}) {
        LogOptions options;
        options.fraction = bad;
        EXPECT_FALSE(checkLogOptions(options, kNow).error.empty()) << bad;
    }
    LogOptions half;
    half.fraction = "0.5";
    const CheckedLog checked = checkLogOptions(half, kNow);
    EXPECT_EQ(checked.error, "");
    EXPECT_DOUBLE_EQ(checked.fraction, 0.5);
    EXPECT_EQ(checked.startedAt, kNow);
}

TEST(BoundedInt, OnlyPlainDigitsWithinTheRange) {
    EXPECT_EQ(parseBoundedInt("7", 0, 10), 7);
    EXPECT_EQ(parseBoundedInt("007", 0, 10), 7);
    for (const char* bad : {"", "+1", " 1", "1e1", "11", "-1", "9999999999"})
        EXPECT_FALSE(parseBoundedInt(bad, 0, 10)) << bad;
}

} // namespace
} // namespace ns
