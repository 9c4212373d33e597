// The doctor note's rule and words. Each sentence rests on a source named in docs/sources.md.
#include "doctor_note.hpp"

#include <algorithm>

namespace ns {

const char* symptomName(Symptom symptom) {
    switch (symptom) {
    case Symptom::Swelling:
        return "swelling";
    case Symptom::Weakness:
        return "weakness";
    case Symptom::Numbness:
        return "numbness";
    case Symptom::Medicine:
        return "medicine";
    }
    return "";
}

std::optional<Symptom> parseSymptom(std::string_view name) {
    for (const Symptom symptom : kSymptoms)
        if (name == symptomName(symptom)) return symptom;
    return std::nullopt;
}

const char* symptomQuestion(Symptom symptom) {
    switch (symptom) {
    case Symptom::Swelling:
        return "Swelling, redness or warmth of a leg?";
    case Symptom::Weakness:
        return "Weakness in the leg muscles?";
    case Symptom::Numbness:
        return "Numbness or tingling?";
    case Symptom::Medicine:
        return "Did the cramps begin with a new medicine?";
    }
    return "";
}

namespace {

const char* symptomReason(Symptom symptom) {
    switch (symptom) {
    case Symptom::Swelling:
        return "You noted swelling, redness or warmth of a leg.";
    case Symptom::Weakness:
        return "You noted weakness in the leg muscles.";
    case Symptom::Numbness:
        return "You noted numbness or tingling.";
    case Symptom::Medicine:
        return "You noted that the cramps began with a new medicine.";
    }
    return "";
}

// Sources A, C, D, NHS: cramps several times a week or nightly; swelling, weakness, numbness;
// C, E, NHS: a new medicine (ask, never stop it alone).
constexpr const char* kNoteText =
    "It would be good to see a doctor about your cramps. See one if cramps come several times a "
    "week or nightly, or with swelling, redness or warmth of a leg, weakness, numbness or "
    "tingling. If they began with a new medicine, ask a doctor or pharmacist; don't stop it on "
    "your own.";

} // namespace

std::optional<DoctorNote> doctorNote(const Stats& stats,
                                     const std::vector<SymptomAnswer>& symptoms) {
    // A symptom first: it is the clearest reason; the earliest listed kind wins.
    std::optional<Symptom> flagged;
    for (const SymptomAnswer& answer : symptoms) {
        const auto night = Date::parse(answer.night);
        if (!night || *night > stats.tonight ||
            *night <= stats.tonight.plus(-kDoctorNoteSymptomNights))
            continue;
        if (!flagged || static_cast<int>(answer.symptom) < static_cast<int>(*flagged))
            flagged = answer.symptom;
    }
    if (flagged) return DoctorNote{symptomReason(*flagged), kNoteText};

    int crampNights = 0;
    int worstPain = -1;
    for (const NightSummary& summary : stats.nights) {
        // The diary is about last night and before: tonight has no check-in yet.
        if (summary.night >= stats.tonight ||
            summary.night < stats.tonight.plus(-kDoctorNoteNights))
            continue;
        if (summary.cramps.value_or(0) > 0) ++crampNights;
        worstPain = std::max(worstPain, summary.pain.value_or(-1));
    }
    if (crampNights >= kDoctorNoteCrampNights)
        return DoctorNote{
            "Cramps came on " + std::to_string(crampNights) + " of the last 7 nights.", kNoteText};
    if (worstPain >= kDoctorNotePain)
        return DoctorNote{"Your worst pain reached " + std::to_string(worstPain) +
                              " of 10 in the last 7 nights.",
                          kNoteText};
    return std::nullopt;
}

} // namespace ns
