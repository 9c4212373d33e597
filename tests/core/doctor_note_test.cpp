// The doctor note's rule: 3 cramp nights of the last 7, pain of 8 or more, sleep disturbed 5 or
// more on 2 of the last 7, or any symptom answered "yes"; the reason it gives, the sign it names;
// and the symptom names the command line accepts.
#include "doctor_note.hpp"

#include <gtest/gtest.h>

namespace ns {
namespace {

const Date kTonight = *Date::parse("2026-03-20");

NightRecord diaryNight(int nightsAgo, int cramps, std::optional<int> pain = std::nullopt) {
    NightRecord record;
    record.night = kTonight.plus(-nightsAgo);
    record.cramps = cramps;
    record.pain = pain;
    return record;
}

NightRecord sleepNight(int nightsAgo, int sleep, int pain) {
    NightRecord record = diaryNight(nightsAgo, 1, pain);
    record.sleep = sleep;
    return record;
}

SymptomAnswer answer(int nightsAgo, Symptom symptom) {
    return SymptomAnswer{kTonight.plus(-nightsAgo).str(), symptom};
}

TEST(DoctorNote, QuietWithoutAReason) {
    EXPECT_FALSE(doctorNote(computeStats({}, kTonight), {}));
    EXPECT_FALSE(doctorNote(
        computeStats({diaryNight(1, 2), diaryNight(2, 0), diaryNight(5, 1, 7)}, kTonight), {}));
}

TEST(DoctorNote, ThreeCrampNightsOfTheLastSevenShowIt) {
    const auto note = doctorNote(
        computeStats({diaryNight(1, 1), diaryNight(4, 3), diaryNight(7, 1)}, kTonight), {});
    ASSERT_TRUE(note);
    EXPECT_EQ(note->reason, "Cramps came on 3 of the last 7 nights.");
    EXPECT_NE(note->text.find("several times a week or nightly"), std::string::npos);
    EXPECT_FALSE(doctorNote(
        computeStats({diaryNight(1, 1), diaryNight(4, 3), diaryNight(8, 1)}, kTonight), {}))
        << "eight nights ago is outside the week";
}

TEST(DoctorNote, PainOfEightShowsIt) {
    const auto note = doctorNote(computeStats({diaryNight(3, 1, 8)}, kTonight), {});
    ASSERT_TRUE(note);
    EXPECT_EQ(note->reason, "Your worst pain reached 8 of 10 in the last 7 nights.");
}

TEST(DoctorNote, SleepDisturbedOnTwoOfTheLastSevenNightsShowsIt) {
    // 10 is the most disturbed sleep ("how much they disturbed sleep, 0 to 10").
    const auto note =
        doctorNote(computeStats({sleepNight(1, 10, 7), sleepNight(2, 10, 7)}, kTonight), {});
    ASSERT_TRUE(note);
    EXPECT_EQ(note->reason, "Cramps disturbed your sleep (5 or more of 10) on 2 of the last 7 "
                            "nights.");
    EXPECT_NE(note->text.find("disturb your sleep"), std::string::npos) << note->text;
    EXPECT_TRUE(doctorNote(computeStats({sleepNight(1, 5, 3), sleepNight(6, 5, 3)}, kTonight), {}));
    EXPECT_FALSE(
        doctorNote(computeStats({sleepNight(1, 4, 7), sleepNight(2, 10, 7)}, kTonight), {}))
        << "only one night of 5 or more";
    EXPECT_FALSE(doctorNote(computeStats({sleepNight(1, 9, 7), sleepNight(8, 9, 7)}, kTonight), {}))
        << "eight nights ago is outside the week";
}

TEST(DoctorNote, ASwollenRedOrWarmLegIsNamedAndSaysSoon) {
    const Stats calm = computeStats({diaryNight(1, 0)}, kTonight);
    const auto swelling = doctorNote(calm, {answer(1, Symptom::Swelling)});
    ASSERT_TRUE(swelling);
    EXPECT_EQ(swelling->text.rfind("Please see a doctor soon about the swelling, redness or "
                                   "warmth of your leg.",
                                   0),
              0u)
        << swelling->text;
    EXPECT_EQ(swelling->text.find("about your cramps"), std::string::npos) << swelling->text;
    for (const Symptom symptom : kSymptoms) {
        SCOPED_TRACE(symptomName(symptom));
        EXPECT_EQ(doctorNote(calm, {answer(1, symptom)})->text.find("about your cramps"),
                  std::string::npos);
    }
    const auto both =
        doctorNote(calm, {answer(1, Symptom::Medicine), answer(2, Symptom::Numbness)});
    EXPECT_EQ(both->reason, "You noted numbness or tingling.");
    EXPECT_NE(both->text.find("numbness or tingling"), std::string::npos) << both->text;
    EXPECT_NE(both->text.find("don't stop it on your own"), std::string::npos) << both->text;
}

TEST(DoctorNote, AnySymptomShowsItAtOnceWhateverTheDiary) {
    const Stats calm = computeStats({diaryNight(1, 0)}, kTonight);
    for (const Symptom symptom : kSymptoms) {
        SCOPED_TRACE(symptomName(symptom));
        const auto note = doctorNote(calm, {answer(1, symptom)});
        ASSERT_TRUE(note);
        EXPECT_EQ(note->reason.rfind("You noted ", 0), 0u);
    }
    EXPECT_EQ(doctorNote(calm, {answer(1, Symptom::Numbness)})->reason,
              "You noted numbness or tingling.");
    EXPECT_NE(doctorNote(calm, {answer(0, Symptom::Medicine)})->text.find("don't stop it"),
              std::string::npos);
}

TEST(DoctorNote, ASymptomCountsForTwoWeeks) {
    const Stats calm = computeStats({}, kTonight);
    EXPECT_TRUE(doctorNote(calm, {answer(13, Symptom::Swelling)}));
    EXPECT_FALSE(doctorNote(calm, {answer(14, Symptom::Swelling)}));
    EXPECT_FALSE(doctorNote(calm, {answer(-1, Symptom::Swelling)})) << "a night after tonight";
    EXPECT_FALSE(doctorNote(calm, {SymptomAnswer{"not a date", Symptom::Swelling}}));
}

TEST(DoctorNote, ASymptomIsTheReasonGivenBeforeTheDiary) {
    const Stats crampy =
        computeStats({diaryNight(1, 1), diaryNight(2, 1), diaryNight(3, 1)}, kTonight);
    EXPECT_EQ(doctorNote(crampy, {answer(2, Symptom::Weakness)})->reason,
              "You noted weakness in the leg muscles.");
}

TEST(DoctorNote, SymptomNamesRoundTripAndUnknownOnesAreRefused) {
    for (const Symptom symptom : kSymptoms) {
        EXPECT_EQ(parseSymptom(symptomName(symptom)), symptom);
        EXPECT_FALSE(std::string(symptomQuestion(symptom)).empty());
    }
    EXPECT_FALSE(parseSymptom("Swelling"));
    EXPECT_FALSE(parseSymptom(""));
    EXPECT_FALSE(parseSymptom("redness"));
}

} // namespace
} // namespace ns

#include "stats_json.hpp"

namespace ns {
namespace {

TEST(DoctorNoteJson, StatsJsonEndsWithTheReasonOrNull) {
    const Stats stats = computeStats({diaryNight(1, 2)}, kTonight);
    const std::string reason = "You noted \"numbness\" or tingling.";
    const auto withReason = nlohmann::json::parse(withDoctorNote(statsJsonText(stats), &reason));
    EXPECT_EQ(withReason.at("doctor_note"), reason);
    EXPECT_EQ(withReason.at("current_streak"), stats.currentStreak) << "the rest kept";
    EXPECT_EQ(withReason.at("nights").size(), stats.nights.size());
    const auto without = nlohmann::json::parse(withDoctorNote(statsJsonText(stats), nullptr));
    ASSERT_TRUE(without.contains("doctor_note"));
    EXPECT_TRUE(without.at("doctor_note").is_null());
    const auto empty =
        nlohmann::json::parse(withDoctorNote(statsJsonText(computeStats({}, kTonight)), nullptr));
    EXPECT_TRUE(empty.at("doctor_note").is_null());
}

} // namespace
} // namespace ns
