// The doctor note on the command line, on a real history file: `checkin --symptom` (repeatable)
// shows it at once and records the answer; three cramp nights in a week show it too, and so do two
// nights of badly disturbed sleep; `stats` and `stats --json` "doctor_note" say why, or null.
#include "run_process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <ctime>

namespace {

// A night `back` days before today (UTC, as the runs below use).
std::string nightsAgo(int back) {
    const std::time_t when = std::time(nullptr) - static_cast<std::time_t>(back) * 86400;
    std::tm tm{};
    gmtime_r(&when, &tm);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
    return text;
}

class DoctorNoteCommands : public ns::test::TempHomeTest {
  protected:
    void SetUp() override {
        TempHomeTest::SetUp();
        ns::test::writeFile(m_home + "/config/settings.toml", "day_starts_at = \"00:00\"\n");
    }
    ns::test::ProcessResult run(std::vector<std::string> args) {
        args.insert(args.begin(), {"--home", m_home});
        // The day starts at 00:00 (SetUp): "tonight" is today's date whatever the hour of the run.
        return ns::test::runNightstretch(args, {{"TZ", "UTC"}, {"ALSOFT_DRIVERS", "null"}});
    }
    nlohmann::json statsJson() {
        auto result = run({"stats", "--json", "--today", nightsAgo(0)});
        EXPECT_EQ(result.exitCode, 0) << result.err;
        return nlohmann::json::parse(result.out);
    }
};

TEST_F(DoctorNoteCommands, ASwellingAnswerShowsTheNoteAtOnceAndIsRecorded) {
    auto calm = run({"checkin", "--night", nightsAgo(2), "--cramps", "1"});
    ASSERT_EQ(calm.exitCode, 0) << calm.err;
    EXPECT_EQ(calm.out.find("doctor"), std::string::npos) << calm.out;
    EXPECT_TRUE(statsJson().at("doctor_note").is_null());

    auto swelling =
        run({"checkin", "--night", nightsAgo(1), "--cramps", "1", "--symptom", "swelling"});
    ASSERT_EQ(swelling.exitCode, 0) << swelling.err;
    EXPECT_NE(swelling.out.find("You noted swelling, redness or warmth of a leg."),
              std::string::npos)
        << swelling.out;
    EXPECT_NE(swelling.out.find("see a doctor"), std::string::npos) << swelling.out;
    EXPECT_EQ(statsJson().at("doctor_note"), "You noted swelling, redness or warmth of a leg.");
    auto stats = run({"stats", "--today", nightsAgo(0)});
    EXPECT_NE(stats.out.find("You noted swelling"), std::string::npos) << stats.out;
}

TEST_F(DoctorNoteCommands, SymptomIsRepeatableAndUnknownOnesAreRefusedBeforeAnythingIsWritten) {
    auto bad = run({"checkin", "--night", nightsAgo(1), "--cramps", "2", "--symptom", "numbness",
                    "--symptom", "dizzy"});
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_NE(bad.err.find("'dizzy' is not a symptom"), std::string::npos) << bad.err;
    EXPECT_TRUE(statsJson().at("doctor_note").is_null()) << "nothing was saved";
    EXPECT_TRUE(statsJson().at("nights").empty() ||
                statsJson().at("nights").back().at("cramps").is_null());

    auto two = run({"checkin", "--night", nightsAgo(1), "--cramps", "2", "--symptom", "medicine",
                    "--symptom", "numbness"});
    ASSERT_EQ(two.exitCode, 0) << two.err;
    EXPECT_NE(two.out.find("You noted numbness or tingling."), std::string::npos) << two.out;
    EXPECT_NE(two.out.find("don't stop it on your own"), std::string::npos) << two.out;
}

// Issue 18: a "yes" taken back takes the note with it.
TEST_F(DoctorNoteCommands, NoSymptomTakesTheNoteBack) {
    auto yes = run({"checkin", "--night", nightsAgo(1), "--cramps", "0", "--symptom", "numbness"});
    ASSERT_EQ(yes.exitCode, 0) << yes.err;
    EXPECT_EQ(statsJson().at("doctor_note"), "You noted numbness or tingling.");
    auto back = run({"checkin", "--night", nightsAgo(1), "--no-symptom", "numbness"});
    ASSERT_EQ(back.exitCode, 0) << back.err;
    EXPECT_EQ(back.out.find("doctor"), std::string::npos) << back.out;
    EXPECT_TRUE(statsJson().at("doctor_note").is_null());
}

TEST_F(DoctorNoteCommands, ThreeCrampNightsInAWeekShowTheNote) {
    for (int back : {1, 3}) {
        auto result = run({"checkin", "--night", nightsAgo(back), "--cramps", "1"});
        ASSERT_EQ(result.exitCode, 0) << result.err;
        EXPECT_EQ(result.out.find("doctor"), std::string::npos) << result.out;
    }
    auto third = run({"checkin", "--night", nightsAgo(5), "--cramps", "2"});
    ASSERT_EQ(third.exitCode, 0) << third.err;
    EXPECT_NE(third.out.find("Cramps came on 3 of the last 7 nights."), std::string::npos)
        << third.out;
    EXPECT_EQ(statsJson().at("doctor_note"), "Cramps came on 3 of the last 7 nights.");
}

// Night 42 of the programme, cramps every night written down: `stats --json`'s six-week review is
// "no_better" and carries the doctor note's reason; `stats` says it once.
TEST_F(DoctorNoteCommands, TheSixWeekReviewCarriesTheDoctorNoteInStats) {
    auto logged = run({"log", "quick", "--at", nightsAgo(41) + " 22:00"});
    ASSERT_EQ(logged.exitCode, 0) << logged.err;
    for (int back = 41; back >= 1; --back) {
        if (back < 28 && back > 14) continue; // the middle weeks are not compared
        auto result = run({"checkin", "--night", nightsAgo(back), "--cramps", "1"});
        ASSERT_EQ(result.exitCode, 0) << result.err;
    }
    const auto review = statsJson().at("six_week_review");
    ASSERT_FALSE(review.is_null());
    EXPECT_EQ(review.at("programme_day"), 42);
    EXPECT_EQ(review.at("verdict"), "no_better");
    EXPECT_EQ(review.at("doctor_note"), "Cramps came on 7 of the last 7 nights.");
    auto stats = run({"stats", "--today", nightsAgo(0)});
    ASSERT_EQ(stats.exitCode, 0) << stats.err;
    const auto first = stats.out.find("Cramps came on 7 of the last 7 nights.");
    ASSERT_NE(first, std::string::npos) << stats.out;
    EXPECT_EQ(stats.out.find("Cramps came on 7 of the last 7 nights.", first + 1),
              std::string::npos)
        << "said once: " << stats.out;
}

// Sleep disturbed 10 of 10 (pain 7) on two nights: cramps that disturb sleep are reason enough.
TEST_F(DoctorNoteCommands, TwoNightsOfBadlyDisturbedSleepShowTheNote) {
    auto first =
        run({"checkin", "--night", nightsAgo(2), "--cramps", "1", "--pain", "7", "--sleep", "10"});
    ASSERT_EQ(first.exitCode, 0) << first.err;
    EXPECT_TRUE(statsJson().at("doctor_note").is_null()) << "one night is not yet the rule";
    auto second =
        run({"checkin", "--night", nightsAgo(1), "--cramps", "1", "--pain", "7", "--sleep", "10"});
    ASSERT_EQ(second.exitCode, 0) << second.err;
    const std::string reason = "Cramps disturbed your sleep (5 or more of 10) on 2 of the last 7 "
                               "nights.";
    EXPECT_NE(second.out.find(reason), std::string::npos) << second.out;
    EXPECT_EQ(statsJson().at("doctor_note"), reason);
}

} // namespace
