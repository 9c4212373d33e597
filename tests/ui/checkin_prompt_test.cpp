// When the home screen asks about last night: once a day, only with some history, and not when
// last night already has a check-in.
#include "checkin_prompt.hpp"
#include "history.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace ns {
namespace {

std::filesystem::path freshDir(const std::string& name) {
    auto dir = std::filesystem::path(NS_ARTIFACTS_DIR) / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

SessionRecord finishedSession(Date night) {
    SessionRecord record;
    record.routineId = "nightly";
    record.routineName = "Nightly";
    record.startedAt = 1773000000;
    record.endedAt = record.startedAt + 600;
    record.night = night.str();
    record.plannedHoldSeconds = 300;
    record.holdSecondsDone = 300;
    record.status = "completed";
    record.source = "log";
    return record;
}

TEST(CheckInPrompt, AsksOnceADayAboutLastNight) {
    const auto dir = freshDir("checkin-prompt");
    auto opened = HistoryStore::open(dir / "history.sqlite3");
    ASSERT_TRUE(opened.store) << opened.error;
    HistoryStore& history = *opened.store;
    const CheckInPrompt prompt(CheckInPrompt::defaultFile(dir / "state"));
    const Date tonight = *Date::parse("2026-03-12");

    // A first start with no history: nothing to ask yet.
    EXPECT_FALSE(prompt.nightToAsk(history, tonight));

    ASSERT_GT(history.addSession(finishedSession(tonight.plus(-1))), 0) << history.lastError();
    ASSERT_TRUE(prompt.nightToAsk(history, tonight));
    EXPECT_EQ(*prompt.nightToAsk(history, tonight), tonight.plus(-1));

    // Asked (whatever the answer): not again today, even after a restart.
    ASSERT_TRUE(prompt.remember(tonight));
    EXPECT_EQ(prompt.lastAsked(), tonight);
    std::size_t stateFiles = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir / "state"))
        ++stateFiles;
    EXPECT_EQ(stateFiles, 1u) << "only the memo, no temporary file";
    EXPECT_FALSE(prompt.nightToAsk(history, tonight));
    EXPECT_FALSE(
        CheckInPrompt(CheckInPrompt::defaultFile(dir / "state")).nightToAsk(history, tonight));

    // The next day it asks again, unless that night's check-in is already there.
    EXPECT_TRUE(prompt.nightToAsk(history, tonight.plus(1)));
    CheckIn checkIn;
    checkIn.night = tonight.str();
    checkIn.cramps = 1;
    ASSERT_TRUE(history.putCheckIn(checkIn)) << history.lastError();
    EXPECT_FALSE(prompt.nightToAsk(history, tonight.plus(1)));
}

// Issue 12: a first session at 18:00 is no reason to ask about the night before it.
TEST(CheckInPrompt, NeverAboutANightBeforeTheFirstUseNorAfterASessionTonight) {
    const auto dir = freshDir("checkin-prompt-first-use");
    auto opened = HistoryStore::open(dir / "history.sqlite3");
    ASSERT_TRUE(opened.store) << opened.error;
    HistoryStore& history = *opened.store;
    const CheckInPrompt prompt(CheckInPrompt::defaultFile(dir / "state"));
    const Date tonight = *Date::parse("2026-03-12");
    ASSERT_GT(history.addSession(finishedSession(tonight)), 0) << history.lastError();
    EXPECT_FALSE(prompt.nightToAsk(history, tonight)) << "last night was before the first use";

    // Someone with earlier nights who already stretched this evening: not asked either.
    ASSERT_GT(history.addSession(finishedSession(tonight.plus(-3))), 0) << history.lastError();
    EXPECT_FALSE(prompt.nightToAsk(history, tonight)) << "a session tonight: the day has moved on";
    EXPECT_EQ(prompt.nightToAsk(history, tonight.plus(1)), tonight) << "the next day it asks";
}

TEST(CheckInPrompt, TheFirstLookOfANightIsRememberedEvenWithoutAQuestion) {
    const auto dir = freshDir("checkin-prompt-first-look");
    auto opened = HistoryStore::open(dir / "history.sqlite3");
    ASSERT_TRUE(opened.store) << opened.error;
    HistoryStore& history = *opened.store;
    const CheckInPrompt prompt(CheckInPrompt::defaultFile(dir / "state"));
    const Date tonight = *Date::parse("2026-03-12");
    EXPECT_FALSE(prompt.firstLookOf(history, tonight)) << "nothing to ask on a first start";
    EXPECT_EQ(prompt.lastAsked(), tonight);
    ASSERT_GT(history.addSession(finishedSession(tonight.plus(-2))), 0) << history.lastError();
    EXPECT_FALSE(prompt.firstLookOf(history, tonight)) << "home again the same evening";
    EXPECT_EQ(prompt.firstLookOf(history, tonight.plus(1)), tonight);
    EXPECT_FALSE(prompt.firstLookOf(history, tonight.plus(1))) << "once a day";
}

TEST(CheckInPrompt, AGarbledMemoMeansAskAgain) {
    const auto dir = freshDir("checkin-prompt-garbled");
    auto opened = HistoryStore::open(dir / "history.sqlite3");
    ASSERT_TRUE(opened.store) << opened.error;
    const Date tonight = *Date::parse("2026-03-12");
    ASSERT_GT(opened.store->addSession(finishedSession(tonight.plus(-3))), 0);
    std::ofstream(dir / "checkin-asked") << "yesterday-ish\n";
    const CheckInPrompt prompt(dir / "checkin-asked");
    EXPECT_FALSE(prompt.lastAsked());
    EXPECT_TRUE(prompt.nightToAsk(*opened.store, tonight));
}

} // namespace
} // namespace ns
