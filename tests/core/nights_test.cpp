// Nights, streaks and progress: DESIGN "History, nights and streaks", one behaviour a test.
#include "nights.hpp"
#include "progress.hpp"
#include "stats_json.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <time.h> // NOLINT(modernize-deprecated-headers): tzset() is POSIX, not in <ctime>
#include <vector>

namespace ns {
namespace {

Date dateOf(const std::string& text) {
    const std::optional<Date> date = Date::parse(text);
    if (!date) ADD_FAILURE() << "not a date: " << text;
    return date.value_or(Date{});
}

// Sets TZ for one test and puts back what was there (set or unset) afterwards.
class ScopedTimeZone {
  public:
    explicit ScopedTimeZone(const char* zone) {
        if (const char* old = std::getenv("TZ")) m_old = old;
        setenv("TZ", zone, 1);
        tzset();
    }
    ~ScopedTimeZone() {
        if (m_old)
            setenv("TZ", m_old->c_str(), 1);
        else
            unsetenv("TZ");
        tzset();
    }
    ScopedTimeZone(const ScopedTimeZone&) = delete;
    ScopedTimeZone& operator=(const ScopedTimeZone&) = delete;

  private:
    std::optional<std::string> m_old;
};

bool hasZone(const std::string& zone) {
    return std::filesystem::exists("/usr/share/zoneinfo/" + zone);
}

#define REQUIRE_ZONE(zone)                                                                         \
    if (!hasZone(zone)) GTEST_SKIP() << "no time zone data for " << (zone) << " (install tzdata)"

// The UTC moment of a local wall time at a known UTC offset (minutes east of UTC).
std::time_t utcOf(const std::string& date, int hour, int minute, int offsetMinutes) {
    return static_cast<std::time_t>(dateOf(date).days) * 86400 + std::time_t{hour} * 3600 +
           std::time_t{minute} * 60 - std::time_t{offsetMinutes} * 60;
}

const DayStart kDefaultStart{};

constexpr int kPlanned = 150;

NightRecord doneNight(Date night) {
    NightRecord record;
    record.night = night;
    record.holdSeconds = kPlanned;
    record.plannedHoldSeconds = kPlanned;
    return record;
}

NightRecord partialNight(Date night) {
    NightRecord record = doneNight(night);
    record.holdSeconds = 30;
    return record;
}

NightRecord skippedNight(Date night) {
    NightRecord record;
    record.night = night;
    record.skipped = true;
    return record;
}

NightRecord checkInNight(Date night, int cramps, std::optional<int> pain = std::nullopt) {
    NightRecord record;
    record.night = night;
    record.cramps = cramps;
    record.pain = pain;
    return record;
}

const Date kTonight = Date::fromYmd(2026, 5, 20);

Date daysAgo(int n) {
    return kTonight.plus(-n);
}

// ---------------------------------------------------------------------------------------------
// Date

TEST(Date, KnownDaysSinceTheEpoch) {
    EXPECT_EQ(dateOf("1970-01-01").days, 0);
    EXPECT_EQ(dateOf("2000-03-01").days, 11017);
    EXPECT_EQ(dateOf("2026-03-29").days, 20541);
    EXPECT_EQ(dateOf("1600-01-01").days, -135140);
    EXPECT_EQ(dateOf("1969-12-31").days, -1);
}

TEST(Date, TextRoundTripsOverEightCenturies) {
    const Date first = dateOf("1600-01-01");
    const Date last = dateOf("2400-12-31");
    Date::YearMonthDay previous = first.ymd();
    for (Date d = first.plus(1); d <= last; d = d.plus(1)) {
        const std::string text = d.str();
        const std::optional<Date> back = Date::parse(text);
        ASSERT_TRUE(back) << text;
        ASSERT_EQ(back->days, d.days) << text;
        // Each day follows the previous one on the calendar.
        const Date::YearMonthDay now = d.ymd();
        if (now.day != 1) {
            ASSERT_EQ(now.day, previous.day + 1) << text;
            ASSERT_EQ(now.month, previous.month) << text;
        } else {
            ASSERT_EQ(previous.day, Date::daysInMonth(previous.year, previous.month)) << text;
            ASSERT_EQ(now.month, previous.month == 12 ? 1 : previous.month + 1) << text;
            ASSERT_EQ(now.year, previous.month == 12 ? previous.year + 1 : previous.year) << text;
        }
        ASSERT_EQ(d.weekday(), (d.plus(-1).weekday() + 1) % 7) << text;
        previous = now;
    }
}

TEST(Date, LeapYearsFollowTheGregorianRules) {
    EXPECT_TRUE(Date::parse("2024-02-29"));
    EXPECT_TRUE(Date::parse("2000-02-29"));
    EXPECT_FALSE(Date::parse("1900-02-29"));
    EXPECT_FALSE(Date::parse("2100-02-29"));
    EXPECT_FALSE(Date::parse("2026-02-29"));
    EXPECT_EQ(dateOf("2024-02-28").plus(1).str(), "2024-02-29");
    EXPECT_EQ(dateOf("2024-02-29").plus(1).str(), "2024-03-01");
    EXPECT_EQ(dateOf("2026-02-28").plus(1).str(), "2026-03-01");
    EXPECT_EQ(dateOf("2024-12-31").days - dateOf("2024-01-01").days, 365);
    EXPECT_EQ(dateOf("2026-12-31").days - dateOf("2026-01-01").days, 364);
}

TEST(Date, WeekdayStartsOnMonday) {
    EXPECT_EQ(dateOf("1970-01-01").weekday(), 3); // a Thursday
    EXPECT_EQ(dateOf("1969-12-29").weekday(), 0); // a Monday, before the epoch
    EXPECT_EQ(dateOf("2026-03-29").weekday(), 6); // a Sunday
    EXPECT_EQ(dateOf("2026-05-18").weekday(), 0);
}

TEST(Date, ParseRejectsAnythingButARealYYYYMMDD) {
    for (const char* bad :
         {"2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-1-1",
          "2026-01-1", "26-01-01", "2026-01-01x", "2026-01-01 ", " 2026-01-01", "2026/01/01",
          "2026-01-01T00:00", "", "abcd-ef-gh", "+026-01-01", "2026--1-01", "2026-0a-01"}) {
        EXPECT_FALSE(Date::parse(bad)) << "'" << bad << "'";
    }
}

TEST(Date, FormatsWithZeroPadding) {
    EXPECT_EQ(Date::fromYmd(2026, 1, 5).str(), "2026-01-05");
    EXPECT_EQ(Date{}.str(), "1970-01-01");
    EXPECT_EQ(Date::fromYmd(7, 10, 9).str(), "0007-10-09");
    EXPECT_EQ(Date::fromYmd(0, 12, 31).str(), "0000-12-31");
    EXPECT_EQ(Date::fromYmd(9999, 12, 31).str(), "9999-12-31");
    EXPECT_EQ(Date::fromYmd(10000, 1, 1).str(), "10000-01-01");
}

TEST(NightDayStart, AcceptsHoursAndMinutes) {
    const std::optional<DayStart> four = DayStart::parse("04:00");
    ASSERT_TRUE(four);
    EXPECT_EQ(four->hour, 4);
    EXPECT_EQ(four->minute, 0);
    const std::optional<DayStart> late = DayStart::parse("23:59");
    ASSERT_TRUE(late);
    EXPECT_EQ(late->hour, 23);
    EXPECT_EQ(late->minute, 59);
    EXPECT_TRUE(DayStart::parse("00:00"));
}

TEST(NightDayStart, RejectsLooseText) {
    for (const char* bad : {"4:00", "24:00", "04:60", "04:00 ", "04-00", "", "0400", "aa:bb"})
        EXPECT_FALSE(DayStart::parse(bad)) << "'" << bad << "'";
}

// ---------------------------------------------------------------------------------------------
// Night assignment

TEST(NightOf, JustBeforeAndAfterMidnightIsTheSameNight) {
    ScopedTimeZone utc("UTC0");
    EXPECT_EQ(nightOf(utcOf("2026-05-10", 23, 59, 0), kDefaultStart).str(), "2026-05-10");
    EXPECT_EQ(nightOf(utcOf("2026-05-11", 0, 0, 0), kDefaultStart).str(), "2026-05-10");
    EXPECT_EQ(nightOf(utcOf("2026-05-11", 0, 30, 0), kDefaultStart).str(), "2026-05-10");
}

TEST(NightOf, DefaultDayStartsAtFour) {
    ScopedTimeZone utc("UTC0");
    EXPECT_EQ(nightOf(utcOf("2026-05-11", 3, 59, 0), kDefaultStart).str(), "2026-05-10");
    EXPECT_EQ(nightOf(utcOf("2026-05-11", 3, 59, 0) + 59, kDefaultStart).str(), "2026-05-10");
    EXPECT_EQ(nightOf(utcOf("2026-05-11", 4, 0, 0), kDefaultStart).str(), "2026-05-11");
    EXPECT_EQ(tonightAt(utcOf("2026-05-11", 12, 0, 0), kDefaultStart).str(), "2026-05-11");
}

TEST(NightOf, CustomDayStart) {
    ScopedTimeZone utc("UTC0");
    const DayStart halfPastSix = *DayStart::parse("06:30");
    EXPECT_EQ(nightOf(utcOf("2026-05-11", 6, 29, 0), halfPastSix).str(), "2026-05-10");
    EXPECT_EQ(nightOf(utcOf("2026-05-11", 6, 30, 0), halfPastSix).str(), "2026-05-11");
    const DayStart midnight = *DayStart::parse("00:00");
    EXPECT_EQ(nightOf(utcOf("2026-05-11", 0, 0, 0), midnight).str(), "2026-05-11");
    EXPECT_EQ(nightOf(utcOf("2026-05-10", 23, 59, 0), midnight).str(), "2026-05-10");
}

TEST(NightOf, UsesTheLocalWallClockOfAFixedOffsetZone) {
    // A POSIX TZ string needs no zone files: UTC+05:30 all year.
    ScopedTimeZone india("IST-05:30");
    const std::time_t at = utcOf("2026-05-11", 3, 59, 330);
    const LocalTime local = localTimeOf(at);
    EXPECT_EQ(local.date.str(), "2026-05-11");
    EXPECT_EQ(local.minuteOfDay, 3 * 60 + 59);
    EXPECT_EQ(local.utcOffsetMinutes, 330);
    EXPECT_EQ(nightOf(at, kDefaultStart).str(), "2026-05-10");
    EXPECT_EQ(nightOf(at + 60, kDefaultStart).str(), "2026-05-11");
}

TEST(NightOf, BerlinSpringForwardNeitherSplitsNorMergesNights) {
    REQUIRE_ZONE("Europe/Berlin");
    ScopedTimeZone berlin("Europe/Berlin");
    // 2026-03-29 02:00 CET becomes 03:00 CEST.
    const std::time_t evening = utcOf("2026-03-28", 22, 0, 60);
    const std::time_t afterMidnight = utcOf("2026-03-29", 1, 30, 60);
    const std::time_t afterChange = utcOf("2026-03-29", 3, 30, 120);
    const std::time_t nextEvening = utcOf("2026-03-29", 22, 0, 120);
    EXPECT_EQ(localTimeOf(evening).utcOffsetMinutes, 60);
    EXPECT_EQ(localTimeOf(afterChange).utcOffsetMinutes, 120);
    EXPECT_EQ(localTimeOf(afterChange).minuteOfDay, 3 * 60 + 30);
    EXPECT_EQ(nightOf(evening, kDefaultStart).str(), "2026-03-28");
    EXPECT_EQ(nightOf(afterMidnight, kDefaultStart).str(), "2026-03-28");
    EXPECT_EQ(nightOf(afterChange, kDefaultStart).str(), "2026-03-28");
    EXPECT_EQ(nightOf(utcOf("2026-03-29", 3, 59, 120), kDefaultStart).str(), "2026-03-28");
    EXPECT_EQ(nightOf(utcOf("2026-03-29", 4, 0, 120), kDefaultStart).str(), "2026-03-29");
    EXPECT_EQ(nightOf(nextEvening, kDefaultStart).str(), "2026-03-29");
    // Only 23 hours apart, yet consecutive nights.
    EXPECT_EQ(nextEvening - evening, 23 * 3600);
}

TEST(NightOf, BerlinFallBackNeitherSplitsNorMergesNights) {
    REQUIRE_ZONE("Europe/Berlin");
    ScopedTimeZone berlin("Europe/Berlin");
    // 2026-10-25 03:00 CEST becomes 02:00 CET: 02:30 happens twice.
    const std::time_t evening = utcOf("2026-10-24", 22, 0, 120);
    const std::time_t afterMidnight = utcOf("2026-10-25", 1, 30, 120);
    const std::time_t firstHalfPastTwo = utcOf("2026-10-25", 2, 30, 120);
    const std::time_t secondHalfPastTwo = utcOf("2026-10-25", 2, 30, 60);
    const std::time_t nextEvening = utcOf("2026-10-25", 22, 0, 60);
    EXPECT_EQ(secondHalfPastTwo - firstHalfPastTwo, 3600);
    EXPECT_EQ(localTimeOf(firstHalfPastTwo).minuteOfDay,
              localTimeOf(secondHalfPastTwo).minuteOfDay);
    EXPECT_EQ(localTimeOf(secondHalfPastTwo).utcOffsetMinutes, 60);
    for (std::time_t at : {evening, afterMidnight, firstHalfPastTwo, secondHalfPastTwo,
                           utcOf("2026-10-25", 3, 59, 60)})
        EXPECT_EQ(nightOf(at, kDefaultStart).str(), "2026-10-24");
    EXPECT_EQ(nightOf(utcOf("2026-10-25", 4, 0, 60), kDefaultStart).str(), "2026-10-25");
    EXPECT_EQ(nightOf(nextEvening, kDefaultStart).str(), "2026-10-25");
    EXPECT_EQ(nextEvening - evening, 25 * 3600);
}

TEST(NightOf, NewYorkDaylightSavingChanges) {
    REQUIRE_ZONE("America/New_York");
    ScopedTimeZone newYork("America/New_York");
    // 2026-03-08 02:00 EST becomes 03:00 EDT.
    EXPECT_EQ(nightOf(utcOf("2026-03-07", 22, 0, -300), kDefaultStart).str(), "2026-03-07");
    EXPECT_EQ(nightOf(utcOf("2026-03-08", 1, 30, -300), kDefaultStart).str(), "2026-03-07");
    EXPECT_EQ(nightOf(utcOf("2026-03-08", 3, 30, -240), kDefaultStart).str(), "2026-03-07");
    EXPECT_EQ(localTimeOf(utcOf("2026-03-08", 3, 30, -240)).utcOffsetMinutes, -240);
    EXPECT_EQ(nightOf(utcOf("2026-03-08", 22, 0, -240), kDefaultStart).str(), "2026-03-08");
    // 2026-11-01 02:00 EDT becomes 01:00 EST: 01:30 happens twice.
    EXPECT_EQ(nightOf(utcOf("2026-10-31", 22, 0, -240), kDefaultStart).str(), "2026-10-31");
    EXPECT_EQ(nightOf(utcOf("2026-11-01", 1, 30, -240), kDefaultStart).str(), "2026-10-31");
    EXPECT_EQ(nightOf(utcOf("2026-11-01", 1, 30, -300), kDefaultStart).str(), "2026-10-31");
    EXPECT_EQ(localTimeOf(utcOf("2026-11-01", 1, 30, -300)).utcOffsetMinutes, -300);
    EXPECT_EQ(nightOf(utcOf("2026-11-01", 3, 59, -300), kDefaultStart).str(), "2026-10-31");
    EXPECT_EQ(nightOf(utcOf("2026-11-01", 22, 0, -300), kDefaultStart).str(), "2026-11-01");
}

TEST(NightOf, TravelEastKeepsNightsConsecutive) {
    REQUIRE_ZONE("America/New_York");
    REQUIRE_ZONE("Europe/Berlin");
    std::time_t inNewYork = 0;
    std::time_t inBerlin = 0;
    Date first;
    Date second;
    {
        ScopedTimeZone newYork("America/New_York");
        inNewYork = utcOf("2026-01-10", 23, 0, -300);
        first = nightOf(inNewYork, kDefaultStart);
    }
    {
        ScopedTimeZone berlin("Europe/Berlin");
        inBerlin = utcOf("2026-01-11", 23, 0, 60);
        second = nightOf(inBerlin, kDefaultStart);
    }
    EXPECT_EQ(first.str(), "2026-01-10");
    EXPECT_EQ(second.str(), "2026-01-11");
    EXPECT_EQ(inBerlin - inNewYork, 18 * 3600); // a short night in the air, still the next night
}

TEST(NightOf, TravelWestKeepsNightsConsecutive) {
    REQUIRE_ZONE("America/New_York");
    REQUIRE_ZONE("Europe/Berlin");
    Date first;
    Date second;
    {
        ScopedTimeZone berlin("Europe/Berlin");
        first = nightOf(utcOf("2026-01-12", 23, 0, 60), kDefaultStart);
    }
    {
        ScopedTimeZone newYork("America/New_York");
        second = nightOf(utcOf("2026-01-13", 23, 0, -300), kDefaultStart);
    }
    EXPECT_EQ(first.str(), "2026-01-12");
    EXPECT_EQ(second.str(), "2026-01-13");
}

TEST(NightOf, RestoresTheTimeZoneAfterwards) {
    const char* before = std::getenv("TZ");
    const std::optional<std::string> saved =
        before ? std::optional<std::string>(before) : std::nullopt;
    { ScopedTimeZone other("IST-05:30"); }
    const char* after = std::getenv("TZ");
    EXPECT_EQ(saved.has_value(), after != nullptr);
    if (saved && after) {
        EXPECT_EQ(*saved, after);
    }
}

// ---------------------------------------------------------------------------------------------
// Night states

TEST(NightState, DoneAtEightyPercentOfThePlannedHold) {
    NightRecord record = doneNight(kTonight);
    record.plannedHoldSeconds = 150;
    record.holdSeconds = 120; // exactly 80%
    EXPECT_EQ(stateOf(record), NightState::Done);
    record.holdSeconds = 119; // 79.3%
    EXPECT_EQ(stateOf(record), NightState::Partial);
    record.plannedHoldSeconds = 100;
    record.holdSeconds = 79;
    EXPECT_EQ(stateOf(record), NightState::Partial);
    record.holdSeconds = 80;
    EXPECT_EQ(stateOf(record), NightState::Done);
}

TEST(NightState, ThresholdRoundsUpAndAvoidsFloatingPointDrift) {
    EXPECT_EQ(doneThresholdSeconds(150), 120); // 0.8 * 150 is 120.00000000000001 in doubles
    EXPECT_EQ(doneThresholdSeconds(101), 81);  // 80.8
    EXPECT_EQ(doneThresholdSeconds(5), 4);
    EXPECT_EQ(doneThresholdSeconds(0), 0);
}

TEST(NightState, SkippedPartialAndMissed) {
    EXPECT_EQ(stateOf(skippedNight(kTonight)), NightState::Skipped);
    EXPECT_EQ(stateOf(partialNight(kTonight)), NightState::Partial);
    EXPECT_EQ(stateOf(checkInNight(kTonight, 2)), NightState::Missed);
    NightRecord started = doneNight(kTonight);
    started.holdSeconds = 0; // a session that never reached a hold
    EXPECT_EQ(stateOf(started), NightState::Missed);
    NightRecord unplanned;
    unplanned.holdSeconds = 60; // nothing planned: never done
    EXPECT_EQ(stateOf(unplanned), NightState::Partial);
}

TEST(NightState, DoneBeatsSkipped) {
    NightRecord record = doneNight(kTonight);
    record.skipped = true;
    EXPECT_EQ(stateOf(record), NightState::Done);
    record.holdSeconds = 30;
    EXPECT_EQ(stateOf(record), NightState::Skipped);
}

TEST(NightState, Names) {
    EXPECT_STREQ(toString(NightState::Done), "done");
    EXPECT_STREQ(toString(NightState::Partial), "partial");
    EXPECT_STREQ(toString(NightState::Skipped), "skipped");
    EXPECT_STREQ(toString(NightState::Missed), "missed");
}

// ---------------------------------------------------------------------------------------------
// Streaks

// A check-in dated 1012 (a damaged file) or a session from a clock reset to 1970 would make
// centuries of missed nights: the statistics start at kEarliestNight.
TEST(Stats, NightsBeforeTheEarliestAreLeftOut) {
    const Stats stats =
        computeStats({checkInNight(dateOf("1012-10-12"), 3), doneNight(dateOf("1970-01-01")),
                      doneNight(dateOf("1999-12-31")), doneNight(daysAgo(1))},
                     kTonight);
    ASSERT_EQ(stats.nights.size(), 2u);
    EXPECT_EQ(stats.nights.front().night, daysAgo(1));
    EXPECT_EQ(stats.nightsDone, 1);
    EXPECT_EQ(stats.bestStreak, 1);
}

TEST(Stats, TheEarliestNightItselfCounts) {
    const Stats stats = computeStats({doneNight(kEarliestNight)}, kEarliestNight.plus(1));
    ASSERT_EQ(stats.nights.size(), 2u);
    EXPECT_EQ(stats.nights.front().night.str(), "2000-01-01");
    EXPECT_EQ(stats.nightsDone, 1);
}

TEST(Streak, NoRecordsGivesJustTonightNotYet) {
    const Stats stats = computeStats({}, kTonight);
    ASSERT_EQ(stats.nights.size(), 1u);
    EXPECT_EQ(stats.nights[0].night, kTonight);
    EXPECT_EQ(stats.nights[0].state, NightState::NotYet);
    EXPECT_EQ(stats.tonight, kTonight);
    EXPECT_EQ(stats.tonightState, NightState::NotYet);
    EXPECT_EQ(stats.currentStreak, 0);
    EXPECT_EQ(stats.bestStreak, 0);
    EXPECT_EQ(stats.nightsDone, 0);
    EXPECT_FALSE(stats.programmeNight);
}

TEST(Streak, TonightNotYetDoneCountsFromLastNight) {
    const Stats stats = computeStats(
        {doneNight(daysAgo(3)), doneNight(daysAgo(2)), doneNight(daysAgo(1))}, kTonight);
    EXPECT_EQ(stats.tonightState, NightState::NotYet);
    EXPECT_EQ(stats.currentStreak, 3);
    EXPECT_EQ(stats.bestStreak, 3);
}

TEST(Streak, TonightDoneAddsToIt) {
    const Stats stats =
        computeStats({doneNight(daysAgo(2)), doneNight(daysAgo(1)), doneNight(kTonight)}, kTonight);
    EXPECT_EQ(stats.tonightState, NightState::Done);
    EXPECT_EQ(stats.currentStreak, 3);
    EXPECT_EQ(stats.bestStreak, 3);
}

TEST(Streak, TonightPartialDoesNotBreakItBeforeBedtime) {
    const Stats stats = computeStats(
        {doneNight(daysAgo(2)), doneNight(daysAgo(1)), partialNight(kTonight)}, kTonight);
    EXPECT_EQ(stats.tonightState, NightState::Partial);
    EXPECT_EQ(stats.currentStreak, 2);
}

TEST(Streak, LastNightMissedMeansNoCurrentStreak) {
    const Stats stats = computeStats({doneNight(daysAgo(3)), doneNight(daysAgo(2))}, kTonight);
    EXPECT_EQ(stats.currentStreak, 0);
    EXPECT_EQ(stats.bestStreak, 2);
}

TEST(Streak, AGapBreaksIt) {
    const Stats stats =
        computeStats({doneNight(daysAgo(6)), doneNight(daysAgo(5)), doneNight(daysAgo(4)),
                      doneNight(daysAgo(2)), doneNight(daysAgo(1))},
                     kTonight);
    EXPECT_EQ(stats.currentStreak, 2);
    EXPECT_EQ(stats.bestStreak, 3);
    EXPECT_EQ(stats.nights[3].state, NightState::Missed); // daysAgo(3), not recorded
}

TEST(Streak, SkippedNightInTheMiddleKeepsItWithoutAdding) {
    const Stats stats = computeStats({doneNight(daysAgo(4)), skippedNight(daysAgo(3)),
                                      skippedNight(daysAgo(2)), doneNight(daysAgo(1))},
                                     kTonight);
    EXPECT_EQ(stats.currentStreak, 2);
    EXPECT_EQ(stats.bestStreak, 2);
    EXPECT_EQ(stats.nightsSkipped, 2);
}

// Issue 12: one rule for tonight on every surface; "missed" only once a night has passed.
TEST(Tonight, OneRuleDecidesAndMissedOnlyForAPassedNight) {
    NightRecord started;
    started.night = kTonight;
    started.plannedHoldSeconds = 300;
    EXPECT_EQ(tonightStateOf(started), NightState::NotYet) << "a check-in alone, nothing held";
    started.holdSeconds = 100;
    EXPECT_EQ(tonightStateOf(started), NightState::Partial);
    started.holdSeconds = 300;
    EXPECT_EQ(tonightStateOf(started), NightState::Done);

    // The same empty night: not yet while it is tonight, missed the day after.
    const Stats now = computeStats({doneNight(daysAgo(1))}, kTonight);
    EXPECT_EQ(now.tonightState, NightState::NotYet);
    EXPECT_EQ(now.nights.back().state, NightState::NotYet);
    const Stats later = computeStats({doneNight(daysAgo(1))}, kTonight.plus(1));
    EXPECT_EQ(later.nights[1].state, NightState::Missed);
    EXPECT_EQ(later.tonightState, NightState::NotYet);

    const Stats partly = computeStats({partialNight(kTonight)}, kTonight);
    EXPECT_EQ(partly.tonightState, NightState::Partial);
    EXPECT_STREQ(toString(partly.tonightState), "partial");
    EXPECT_STREQ(stateWords(partly.tonightState), "partly done");
    EXPECT_STREQ(toString(NightState::NotYet), "not_yet");
    EXPECT_STREQ(stateWords(NightState::NotYet), "not done yet");
    EXPECT_STREQ(stateWords(NightState::Missed), "missed"); // as the JSON says it (issue 18)
}

TEST(Streak, TonightSkippedKeepsIt) {
    const Stats stats = computeStats(
        {doneNight(daysAgo(2)), doneNight(daysAgo(1)), skippedNight(kTonight)}, kTonight);
    EXPECT_EQ(stats.tonightState, NightState::Skipped);
    EXPECT_EQ(stats.currentStreak, 2);
}

TEST(Streak, OnlySkippedNightsMakeNoStreak) {
    const Stats stats = computeStats({skippedNight(daysAgo(1)), skippedNight(kTonight)}, kTonight);
    EXPECT_EQ(stats.currentStreak, 0);
    EXPECT_EQ(stats.bestStreak, 0);
}

TEST(Streak, PartialNightBreaksIt) {
    const Stats stats = computeStats(
        {doneNight(daysAgo(3)), partialNight(daysAgo(2)), doneNight(daysAgo(1))}, kTonight);
    EXPECT_EQ(stats.currentStreak, 1);
    EXPECT_EQ(stats.bestStreak, 1);
    EXPECT_EQ(stats.nightsPartial, 1);
}

TEST(Streak, BestStreakOlderThanCurrent) {
    std::vector<NightRecord> records;
    for (int n = 30; n >= 25; --n)
        records.push_back(doneNight(daysAgo(n))); // 6 in a row
    records.push_back(skippedNight(daysAgo(24)));
    records.push_back(doneNight(daysAgo(23))); // the run goes on through the skip: 7
    records.push_back(partialNight(daysAgo(22)));
    records.push_back(doneNight(daysAgo(2)));
    records.push_back(doneNight(daysAgo(1)));
    const Stats stats = computeStats(records, kTonight);
    EXPECT_EQ(stats.currentStreak, 2);
    EXPECT_EQ(stats.bestStreak, 7);
    EXPECT_EQ(stats.nightsDone, 9);
}

TEST(Streak, SessionsOfOneNightSumToDone) {
    NightRecord first = partialNight(daysAgo(1));
    first.holdSeconds = 60;
    first.plannedHoldSeconds = 300;
    NightRecord second = partialNight(daysAgo(1));
    second.holdSeconds = 60;
    second.plannedHoldSeconds = 150; // the smaller plan counts: 120 of 150 is done
    const Stats stats = computeStats({first, second}, kTonight);
    ASSERT_EQ(stats.nights.size(), 2u);
    EXPECT_EQ(stats.nights[0].state, NightState::Done);
    EXPECT_EQ(stats.nights[0].holdSeconds, 120);
    EXPECT_EQ(stats.currentStreak, 1);
}

TEST(Streak, ACheckInAndASessionOfOneNightCombine) {
    const Stats stats =
        computeStats({doneNight(daysAgo(1)), checkInNight(daysAgo(1), 2, 5)}, kTonight);
    ASSERT_EQ(stats.nights.size(), 2u);
    EXPECT_EQ(stats.nights[0].state, NightState::Done);
    EXPECT_EQ(stats.nights[0].cramps, 2);
    EXPECT_EQ(stats.nights[0].pain, 5);
}

TEST(Streak, RecordsAfterTonightAreIgnored) {
    const Stats stats = computeStats(
        {doneNight(daysAgo(1)), doneNight(kTonight.plus(1)), skippedNight(kTonight.plus(2))},
        kTonight);
    EXPECT_EQ(stats.nights.back().night, kTonight);
    EXPECT_EQ(stats.nights.size(), 2u);
    EXPECT_EQ(stats.nightsDone, 1);
    EXPECT_EQ(stats.nightsSkipped, 0);
    EXPECT_EQ(stats.currentStreak, 1);
}

TEST(Streak, OnlyFutureRecordsLookLikeNoRecords) {
    const Stats stats = computeStats({doneNight(kTonight.plus(1))}, kTonight);
    ASSERT_EQ(stats.nights.size(), 1u);
    EXPECT_FALSE(stats.programmeNight);
}

TEST(Streak, RecordsMayComeInAnyOrder) {
    const Stats stats = computeStats(
        {doneNight(daysAgo(1)), doneNight(daysAgo(3)), doneNight(daysAgo(2))}, kTonight);
    EXPECT_EQ(stats.currentStreak, 3);
    EXPECT_EQ(stats.nights.front().night, daysAgo(3));
}

TEST(Streak, RecordsOfOneNightMergeInTheOrderGivenWhereverTheyLie) {
    NightRecord early = checkInNight(daysAgo(2), 1, 5);
    early.note = "first";
    NightRecord late = checkInNight(daysAgo(2), 4);
    late.note = "second";
    NightRecord held = partialNight(daysAgo(2));
    held.holdSeconds = 100;
    NightRecord more = partialNight(daysAgo(2));
    more.holdSeconds = 90; // together past the threshold: done
    const Stats stats = computeStats(
        {early, doneNight(daysAgo(1)), held, doneNight(daysAgo(4)), late, more}, kTonight);
    ASSERT_EQ(stats.nights.size(), 5u);
    EXPECT_EQ(stats.nights[0].night, daysAgo(4));
    const NightSummary& night = stats.nights[2];
    EXPECT_EQ(night.night, daysAgo(2));
    EXPECT_EQ(night.holdSeconds, 190);
    EXPECT_EQ(night.state, NightState::Done);
    EXPECT_EQ(night.cramps, 4);
    EXPECT_EQ(night.pain, 5);
    EXPECT_EQ(night.note, "second");
    EXPECT_EQ(stats.nights[3].state, NightState::Done);
    EXPECT_EQ(stats.nights[1].state, NightState::Missed);
    EXPECT_EQ(stats.currentStreak, 2);
}

// ---------------------------------------------------------------------------------------------
// Stats: the nights list, counts and the programme

TEST(Stats, ListsEveryNightFromTheFirstRecordToTonight) {
    const Stats stats = computeStats({checkInNight(daysAgo(5), 3, 6), doneNight(daysAgo(3)),
                                      partialNight(daysAgo(2)), skippedNight(daysAgo(1))},
                                     kTonight);
    ASSERT_EQ(stats.nights.size(), 6u);
    for (std::size_t i = 0; i < stats.nights.size(); ++i)
        EXPECT_EQ(stats.nights[i].night, daysAgo(5).plus(static_cast<int>(i)));
    EXPECT_EQ(stats.nights[0].state, NightState::Missed); // a diary entry, no stretch
    EXPECT_EQ(stats.nights[0].cramps, 3);
    EXPECT_EQ(stats.nights[0].pain, 6);
    EXPECT_FALSE(stats.nights[0].sleep);
    EXPECT_EQ(stats.nights[1].state, NightState::Missed);
    EXPECT_FALSE(stats.nights[1].cramps);
    EXPECT_EQ(stats.nights[2].state, NightState::Done);
    EXPECT_EQ(stats.nights[2].holdSeconds, kPlanned);
    EXPECT_EQ(stats.nights[3].state, NightState::Partial);
    EXPECT_EQ(stats.nights[4].state, NightState::Skipped);
    EXPECT_EQ(stats.nights[5].state, NightState::NotYet); // tonight
    EXPECT_EQ(stats.nightsDone, 1);
    EXPECT_EQ(stats.nightsPartial, 1);
    EXPECT_EQ(stats.nightsSkipped, 1);
}

TEST(Stats, EmptyRecordsDoNotStartTheList) {
    NightRecord empty;
    empty.night = daysAgo(10);
    const Stats stats = computeStats({empty, doneNight(daysAgo(1))}, kTonight);
    EXPECT_EQ(stats.nights.front().night, daysAgo(1));
}

TEST(Stats, ProgrammeNightIsNullBeforeTheFirstDoneNight) {
    EXPECT_FALSE(computeStats({partialNight(daysAgo(2)), skippedNight(daysAgo(1))}, kTonight)
                     .programmeNight);
}

TEST(Stats, ProgrammeNightIsOneOnTheFirstDoneNight) {
    const Stats tonightFirst = computeStats({doneNight(kTonight)}, kTonight);
    EXPECT_EQ(tonightFirst.programmeNight, 1);
    const Stats nextDay = computeStats({doneNight(kTonight)}, kTonight.plus(1));
    EXPECT_EQ(nextDay.programmeNight, 2);
    // Counted from the first done night, not the first record.
    const Stats later = computeStats(
        {partialNight(daysAgo(5)), doneNight(daysAgo(3)), doneNight(daysAgo(1))}, kTonight);
    EXPECT_EQ(later.programmeNight, 4);
}

TEST(Stats, ProgrammeNightStopsAtFortyTwo) {
    EXPECT_EQ(computeStats({doneNight(daysAgo(41))}, kTonight).programmeNight, 42);
    EXPECT_EQ(computeStats({doneNight(daysAgo(42))}, kTonight).programmeNight, 42);
    EXPECT_EQ(computeStats({doneNight(daysAgo(400))}, kTonight).programmeNight, 42);
}

TEST(Stats, TenYearsOfNightlyHistory) {
    std::vector<NightRecord> records;
    for (int n = 3650; n >= 1; --n)
        records.push_back(n % 100 == 0 ? partialNight(daysAgo(n)) : doneNight(daysAgo(n)));
    const Stats stats = computeStats(records, kTonight);
    EXPECT_EQ(stats.nights.size(), 3651u);
    EXPECT_EQ(stats.nightsPartial, 36);
    EXPECT_EQ(stats.currentStreak, 99);
    EXPECT_EQ(stats.bestStreak, 99);
    EXPECT_EQ(stats.programmeNight, 42);
}

TEST(StatsJson, HasTheDocumentedFieldsInOrder) {
    NightRecord diary = doneNight(daysAgo(1));
    diary.cramps = 2;
    diary.pain = 7;
    diary.sleep = 4;
    diary.note = "left calf";
    const nlohmann::ordered_json doc = statsToJson(computeStats({diary}, kTonight));
    std::vector<std::string> keys;
    for (auto it = doc.begin(); it != doc.end(); ++it)
        keys.push_back(it.key());
    EXPECT_EQ(keys, (std::vector<std::string>{"current_streak", "best_streak", "nights_done",
                                              "nights_partial", "nights_skipped", "programme_night",
                                              "tonight", "tonight_state", "nights"}));
    EXPECT_EQ(doc["current_streak"], 1);
    EXPECT_EQ(doc["best_streak"], 1);
    EXPECT_EQ(doc["nights_done"], 1);
    EXPECT_EQ(doc["nights_partial"], 0);
    EXPECT_EQ(doc["nights_skipped"], 0);
    EXPECT_EQ(doc["programme_night"], 2);
    EXPECT_EQ(doc["tonight"], "2026-05-20");
    EXPECT_EQ(doc["tonight_state"], "not_yet");
    ASSERT_EQ(doc["nights"].size(), 2u);
    EXPECT_EQ(doc["nights"][0].dump(),
              R"({"night":"2026-05-19","state":"done","hold_seconds":150,"cramps":2,"pain":7,)"
              R"("sleep":4,"note":"left calf"})");
    EXPECT_EQ(doc["nights"][1].dump(),
              R"({"night":"2026-05-20","state":"not_yet","hold_seconds":0,"cramps":null,)"
              R"("pain":null,"sleep":null})");
}

TEST(StatsJson, ProgrammeNightIsNullBeforeAnyDoneNight) {
    const nlohmann::ordered_json doc = statsToJson(computeStats({}, kTonight));
    EXPECT_TRUE(doc["programme_night"].is_null());
    EXPECT_EQ(doc["current_streak"], 0);
    ASSERT_EQ(doc["nights"].size(), 1u);
    EXPECT_FALSE(doc["nights"][0].contains("note"));
}

TEST(StatsJson, TextIsTheDumpedDocumentByteForByte) {
    std::vector<NightRecord> records;
    for (int ago = 400; ago >= 0; --ago) {
        if (ago % 7 == 3) continue; // a missed night now and then
        records.push_back(ago % 5 == 0 ? partialNight(daysAgo(ago)) : doneNight(daysAgo(ago)));
    }
    NightRecord diary = checkInNight(daysAgo(2), 3, 8);
    diary.sleep = 0;
    diary.note = "calf \"both\"\\ left\n\tthen right\x01 \xc3\xa9 \xe2\x9c\x93 /";
    records.push_back(diary);
    records.push_back(skippedNight(daysAgo(3)));
    const Stats stats = computeStats(records, kTonight);
    EXPECT_EQ(statsJsonText(stats), statsToJson(stats).dump(2));

    const Stats fresh = computeStats({}, kTonight);
    EXPECT_EQ(statsJsonText(fresh), statsToJson(fresh).dump(2));
    Stats none; // no nights at all: an empty array on one line
    EXPECT_EQ(statsJsonText(none), statsToJson(none).dump(2));
}

// A note whose bytes are not UTF-8 (a damaged or hand-edited history) made `stats --json` end on
// an uncaught exception (found by fuzz_history): it is written with U+FFFD in their place.
TEST(StatsJson, ANoteThatIsNotUtf8IsWrittenWithReplacementCharacters) {
    NightRecord diary = checkInNight(daysAgo(1), 1);
    diary.note = "bad \xff byte";
    const Stats stats = computeStats({diary}, kTonight);
    const std::string text = statsJsonText(stats);
    EXPECT_NE(text.find("\"bad \xef\xbf\xbd byte\""), std::string::npos) << text;
    EXPECT_EQ(text, statsToJson(stats).dump(2, ' ', false,
                                            nlohmann::ordered_json::error_handler_t::replace));
}

// ---------------------------------------------------------------------------------------------
// Progress: weekly chart, two-week comparison, doctor suggestion

// Issue 12: the chart's weeks are the calendar's, Monday to Sunday (kTonight is a Wednesday).
TEST(ProgressWeekly, CalendarWeeksMondayToSundayOldestFirst) {
    ASSERT_EQ(kTonight.weekday(), 2);
    std::vector<NightRecord> records;
    records.push_back(checkInNight(daysAgo(15), 1, 4)); // Tuesday two weeks back
    records.push_back(doneNight(daysAgo(8)));           // Tuesday last week
    records.push_back(checkInNight(daysAgo(8), 0));
    records.push_back(doneNight(daysAgo(6))); // Thursday last week
    records.push_back(checkInNight(daysAgo(6), 2, 6));
    records.push_back(partialNight(daysAgo(3))); // Sunday: still last week
    records.push_back(checkInNight(daysAgo(3), 1, 3));
    records.push_back(doneNight(kTonight));
    const std::vector<WeekSummary> weeks = weeklySummary(computeStats(records, kTonight));
    ASSERT_EQ(weeks.size(), 3u);
    EXPECT_EQ(weeks[0].firstNight, daysAgo(16));
    EXPECT_EQ(weeks[1].firstNight, daysAgo(9));
    EXPECT_EQ(weeks[2].firstNight, daysAgo(2));
    for (const WeekSummary& week : weeks)
        EXPECT_EQ(week.firstNight.weekday(), 0) << week.firstNight.str();

    EXPECT_EQ(weeks[0].nightsDone, 0);
    EXPECT_EQ(weeks[0].crampNights, 1);
    EXPECT_EQ(weeks[0].checkIns, 1);
    EXPECT_EQ(weeks[0].meanPain, 4.0);

    EXPECT_EQ(weeks[1].nightsDone, 2);
    EXPECT_EQ(weeks[1].nightsPartial, 1);
    EXPECT_EQ(weeks[1].crampNights, 2);
    EXPECT_EQ(weeks[1].checkIns, 3);
    ASSERT_TRUE(weeks[1].meanPain);
    EXPECT_DOUBLE_EQ(*weeks[1].meanPain, 4.5);

    EXPECT_EQ(weeks[2].nightsDone, 1); // Monday to tonight
    EXPECT_EQ(weeks[2].checkIns, 0);
    EXPECT_FALSE(weeks[2].meanPain);
}

TEST(ProgressWeekly, AtMostTwelveWeeks) {
    const std::vector<WeekSummary> weeks =
        weeklySummary(computeStats({doneNight(daysAgo(200))}, kTonight));
    ASSERT_EQ(weeks.size(), static_cast<std::size_t>(kMaxChartWeeks));
    EXPECT_EQ(weeks.front().firstNight, daysAgo(79));
    EXPECT_EQ(weeks.back().firstNight, daysAgo(2));
}

TEST(ProgressWeekly, OneWeekWhenThereIsOnlyTonight) {
    const std::vector<WeekSummary> weeks = weeklySummary(computeStats({}, kTonight));
    ASSERT_EQ(weeks.size(), 1u);
    EXPECT_EQ(weeks[0].firstNight, daysAgo(2));
    EXPECT_EQ(weeks[0].checkIns, 0);
}

// A programme that began `nights` nights ago (tonight included), done nightly, with cramps on
// the nights that `cramp` says.
template <typename CrampRule> std::vector<NightRecord> programme(int nights, CrampRule cramp) {
    std::vector<NightRecord> records;
    for (int n = nights - 1; n >= 0; --n) {
        records.push_back(doneNight(daysAgo(n)));
        records.push_back(checkInNight(daysAgo(n), cramp(n) ? 1 : 0, cramp(n) ? 6 : 2));
    }
    return records;
}

TEST(ProgressCompare, FirstAndLastTwoWeeksInPlainWords) {
    // 28 nights: the first 14 had cramps on 9 nights, the last 14 on 3.
    const Stats stats =
        computeStats(programme(28, [](int n) { return n >= 14 ? n < 23 : n < 3; }), kTonight);
    const TwoWeekComparison comparison = compareFirstAndLastTwoWeeks(stats);
    EXPECT_TRUE(comparison.available);
    EXPECT_EQ(comparison.sentence,
              "In your first two weeks, cramps came on 9 of 14 nights; in the last two weeks, on "
              "3 of 14.");
    EXPECT_EQ(comparison.firstTwoWeeks.firstNight, daysAgo(27));
    EXPECT_EQ(comparison.lastTwoWeeks.firstNight, daysAgo(13));
    ASSERT_TRUE(comparison.firstTwoWeeks.crampRate);
    EXPECT_DOUBLE_EQ(*comparison.firstTwoWeeks.crampRate, 9.0 / 14);
    EXPECT_DOUBLE_EQ(*comparison.lastTwoWeeks.crampRate, 3.0 / 14);
    ASSERT_TRUE(comparison.firstTwoWeeks.meanPain);
    EXPECT_DOUBLE_EQ(*comparison.firstTwoWeeks.meanPain, (9 * 6 + 5 * 2) / 14.0);
    EXPECT_EQ(comparison.painSentence, "Worst pain averaged 4.6 of 10 then and 2.9 of 10 lately.");
}

TEST(ProgressCompare, CountsOnlyCheckedInNights) {
    std::vector<NightRecord> records;
    for (int n = 29; n >= 0; --n)
        records.push_back(doneNight(daysAgo(n)));
    records.push_back(checkInNight(daysAgo(29), 1));
    records.push_back(checkInNight(daysAgo(28), 0));
    records.push_back(checkInNight(daysAgo(5), 0));
    const TwoWeekComparison comparison =
        compareFirstAndLastTwoWeeks(computeStats(records, kTonight));
    EXPECT_EQ(comparison.sentence,
              "In your first two weeks, cramps came on 1 of 2 nights; in the last two weeks, on 0 "
              "of 1.");
    EXPECT_TRUE(comparison.painSentence.empty());
}

TEST(ProgressCompare, KeepGoingWhileTheWeeksOverlap) {
    const TwoWeekComparison comparison = compareFirstAndLastTwoWeeks(
        computeStats(programme(27, [](int) { return true; }), kTonight));
    EXPECT_FALSE(comparison.available);
    EXPECT_EQ(
        comparison.sentence,
        "Keep going: after four weeks you can compare your first two weeks with your last two.");
}

TEST(ProgressCompare, KeepGoingBeforeAnyDoneNight) {
    const TwoWeekComparison comparison =
        compareFirstAndLastTwoWeeks(computeStats({checkInNight(daysAgo(40), 2)}, kTonight));
    EXPECT_FALSE(comparison.available);
    EXPECT_EQ(
        comparison.sentence,
        "Keep going: after four weeks you can compare your first two weeks with your last two.");
}

TEST(ProgressCompare, AsksForTheDiaryWhenAPeriodHasNoCheckIns) {
    std::vector<NightRecord> records;
    for (int n = 29; n >= 0; --n)
        records.push_back(doneNight(daysAgo(n)));
    const TwoWeekComparison comparison =
        compareFirstAndLastTwoWeeks(computeStats(records, kTonight));
    EXPECT_FALSE(comparison.available);
    EXPECT_EQ(comparison.sentence,
              "Fill in the morning diary to compare your first and last two weeks.");
}

// Cramps on the given nights before tonight (1 = last night), with an optional pain.
Stats diaryWithCramps(const std::vector<int>& nightsAgo, std::optional<int> pain = std::nullopt) {
    std::vector<NightRecord> records{doneNight(daysAgo(20))};
    for (int n : nightsAgo)
        records.push_back(checkInNight(daysAgo(n), 2, pain));
    return computeStats(records, kTonight);
}

TEST(ProgressDoctor, TwoCrampNightsOfSevenIsNotEnough) {
    EXPECT_FALSE(shouldSuggestDoctor(diaryWithCramps({1, 7})));
}

// The sources: cramps several times a week, or nightly.
TEST(ProgressDoctor, ThreeCrampNightsOfSevenSuggestsADoctor) {
    EXPECT_TRUE(shouldSuggestDoctor(diaryWithCramps({1, 3, 7})));
}

TEST(ProgressDoctor, OnlyTheSevenNightsBeforeTonightCount) {
    EXPECT_FALSE(shouldSuggestDoctor(diaryWithCramps({0, 1, 3}))); // tonight is not in yet
    EXPECT_FALSE(shouldSuggestDoctor(diaryWithCramps({1, 3, 8}))); // eight nights ago
    EXPECT_FALSE(shouldSuggestDoctor(diaryWithCramps({8}, 9)));    // pain eight nights ago
    EXPECT_FALSE(shouldSuggestDoctor(diaryWithCramps({0}, 9)));    // or tonight
}

// Issue 10: a "yes" to a symptom shows the note on the progress screen and picture too, not only
// in the check-in and `stats`.
TEST(ProgressDoctor, ASymptomAnsweredYesSuggestsADoctorWithoutCramps) {
    Stats stats = diaryWithCramps({});
    EXPECT_FALSE(shouldSuggestDoctor(stats));
    stats.symptoms.push_back(SymptomAnswer{daysAgo(2).str(), Symptom::Swelling});
    EXPECT_TRUE(shouldSuggestDoctor(stats));
}

TEST(ProgressDoctor, PainOfEightSuggestsADoctor) {
    EXPECT_TRUE(shouldSuggestDoctor(diaryWithCramps({4}, 8)));
    EXPECT_FALSE(shouldSuggestDoctor(diaryWithCramps({4}, 7)));
}

TEST(ProgressDoctor, NoDiaryNoSuggestion) {
    EXPECT_FALSE(shouldSuggestDoctor(computeStats({}, kTonight)));
    EXPECT_FALSE(shouldSuggestDoctor(diaryWithCramps({})));
}

} // namespace
} // namespace ns
