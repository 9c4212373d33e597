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

TEST(LogOptions, AtBeforeTheEarliestNightIsATypo) {
    LogOptions options;
    options.at = "1926-11-21 21:30";
    EXPECT_EQ(checkLogOptions(options, kNow).error,
              "--at 1926-11-21 21:30 is before 2000-01-01; check the year");
}

TEST(LogOptions, FractionMustBeANumberFromZeroToOne) {
    for (const char* bad : {"", "1.5", "-0.1", "nan", "0.5x", "1e3"}) {
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
