// The doctor note's rule and words. Each sentence rests on a source named in docs/sources.md.
#include "doctor_note.hpp"

#include <algorithm>
#include <iterator>

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

// Each sign named, not the cramps. A, C: a swollen, red or warm leg is a reason to see a doctor
// soon; C, NHS: weakness, numbness or tingling; C, E, NHS: a new medicine (ask, never stop it
// alone).
const char* symptomText(Symptom symptom) {
    switch (symptom) {
    case Symptom::Swelling:
        return "Please see a doctor soon about the swelling, redness or warmth of your leg. It is "
               "best not to rub it.";
    case Symptom::Weakness:
        return "It would be good to see a doctor about the weakness in your leg muscles.";
    case Symptom::Numbness:
        return "It would be good to see a doctor about the numbness or tingling.";
    case Symptom::Medicine:
        return "Ask a doctor or pharmacist about the new medicine; don't stop it on your own.";
    }
    return "";
}

// Sources A, C, D, NHS: cramps several times a week or nightly, or that disturb sleep; swelling,
// weakness, numbness; C, E, NHS: a new medicine (ask, never stop it alone).
constexpr const char* kNoteText =
    "It would be good to see a doctor about your cramps. See one if cramps come several times a "
    "week or nightly, disturb your sleep, or come with swelling, redness or warmth of a leg, "
    "weakness, numbness or tingling. If they began with a new medicine, ask a doctor or "
    "pharmacist; don't stop it on your own.";

} // namespace

std::optional<DoctorNote> doctorNote(const Stats& stats,
                                     const std::vector<SymptomAnswer>& symptoms) {
    // A symptom first: it is the clearest reason; the earliest listed kind is the reason given,
    // and the note names every sign noted, in the list's order.
    std::vector<bool> noted(std::size(kSymptoms), false);
    for (const SymptomAnswer& answer : symptoms) {
        const auto night = Date::parse(answer.night);
        if (!night || *night > stats.tonight ||
            *night <= stats.tonight.plus(-kDoctorNoteSymptomNights))
            continue;
        noted[static_cast<std::size_t>(answer.symptom)] = true;
    }
    std::optional<DoctorNote> note;
    for (std::size_t i = 0; i < std::size(kSymptoms); ++i) {
        if (!noted[i]) continue;
        if (!note) {
            note = DoctorNote{symptomReason(kSymptoms[i]), symptomText(kSymptoms[i])};
        } else {
            note->text += ' ';
            note->text += symptomText(kSymptoms[i]);
        }
    }
    if (note) return note;

    int crampNights = 0;
    int worstPain = -1;
    int badSleepNights = 0;
    for (const NightSummary& summary : stats.nights) {
        // The diary is about last night and before: tonight has no check-in yet.
        if (summary.night >= stats.tonight ||
            summary.night < stats.tonight.plus(-kDoctorNoteNights))
            continue;
        if (summary.cramps.value_or(0) > 0) ++crampNights;
        worstPain = std::max(worstPain, summary.pain.value_or(-1));
        if (summary.sleep.value_or(0) >= kDoctorNoteSleep) ++badSleepNights;
    }
    if (crampNights >= kDoctorNoteCrampNights)
        return DoctorNote{
            "Cramps came on " + std::to_string(crampNights) + " of the last 7 nights.", kNoteText};
    if (worstPain >= kDoctorNotePain)
        return DoctorNote{"Your worst pain reached " + std::to_string(worstPain) +
                              " of 10 in the last 7 nights.",
                          kNoteText};
    if (badSleepNights >= kDoctorNoteSleepNights)
        return DoctorNote{"Cramps disturbed your sleep (" + std::to_string(kDoctorNoteSleep) +
                              " or more of 10) on " + std::to_string(badSleepNights) +
                              " of the last 7 nights.",
                          kNoteText};
    return std::nullopt;
}

} // namespace ns
