// When to suggest seeing a doctor, by the sources' rule (docs/sources.md): cramps on 3 or more of
// the last 7 nights, worst pain of 8 or more, sleep disturbed 5 or more (of 10) on 2 of the last 7
// nights, or any symptom answered "yes" in a check-in.
// Pure: computed from Stats and the stored symptom answers.
#pragma once

#include "nights.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ns {

// Symptom and SymptomAnswer live in nights.hpp: Stats carries the answers.
const char* symptomName(Symptom symptom); // "swelling" | "weakness" | "numbness" | "medicine"
std::optional<Symptom> parseSymptom(std::string_view name);
// The check-in's question: "Swelling, redness or warmth of a leg?"
const char* symptomQuestion(Symptom symptom);

constexpr int kDoctorNoteNights = 7;         // the 7 nights before tonight
constexpr int kDoctorNoteCrampNights = 3;    // cramps on at least this many of them
constexpr int kDoctorNotePain = 8;           // or a worst pain at least this
constexpr int kDoctorNoteSleep = 5;          // or sleep disturbed at least this (10: the worst)
constexpr int kDoctorNoteSleepNights = 2;    // on at least this many of the 7 nights
constexpr int kDoctorNoteSymptomNights = 14; // a "yes" keeps the note up for two weeks

struct DoctorNote {
    // Why it shows, one sentence: "You noted numbness or tingling." (the stats --json value).
    std::string reason;
    // The note itself, calm, with what to do: a sign noted names the sign ("please see a doctor
    // soon" for a swollen, red or warm leg); the diary's reasons give the general note.
    std::string text;
};

// The note when the diary or a symptom answer calls for it; nullopt otherwise. Symptom answers
// count for kDoctorNoteSymptomNights nights back from tonight; cramps and pain for the last 7.
std::optional<DoctorNote> doctorNote(const Stats& stats,
                                     const std::vector<SymptomAnswer>& symptoms);

} // namespace ns
