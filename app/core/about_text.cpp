// The about screen's sentences. Sources in brackets are those of docs/sources.md.
#include "about_text.hpp"

#include "files.hpp"
#include "relief.hpp"

namespace ns {

const char* const kAboutTitle = "Leg cramps: what helps, when to see a doctor";
const char* const kWelcomeShownFile = "welcome-shown";

const std::vector<AboutSection>& aboutSections() {
    static const std::vector<AboutSection> sections = {
        {"What a cramp is",
         {
             // A, C, NHS
             "A cramp is a sudden, painful tightening of a muscle, most often the calf. It lasts "
             "seconds to minutes; the muscle can stay sore for hours.",
             // C, E
             "Restless legs are different: an urge to move the legs, eased by moving, without the "
             "hard, painful tightening. Only count cramps in the diary.",
         }},
        {"What the routine can do",
         {
             // A, Trial, Cochrane
             "Stretching the calves and the backs of the legs just before sleep is one of the "
             "safest and best-studied measures. In a trial of older adults, cramps became fewer "
             "and milder after six weeks, but the evidence overall is limited: it may help you.",
             // Trial (six weeks); the diary is our own suggestion
             "Give it about six weeks, as long as the trial ran; our suggestion is to keep the "
             "morning diary to see whether it helps you.",
         }},
        {"During a cramp (C in the app)",
         {
             // B, E, NHS (long sentences are split over lines: no comma is missing)
             // NOLINTNEXTLINE(bugprone-suspicious-missing-comma)
             "Stretch the cramped muscle, in bed first: pull your toes toward your knee, by hand "
             "or with a towel. Rub it gently.",
             // A, C
             kReliefSwollenLine,
             // Our own care (safe at night), E, B, NHS
             "To stand, turn on a light, sit on the edge of the bed for a moment, then get up "
             "slowly, holding on. At a wall: foot flat, knee straight, lean in, holding on.",
             // E, B, our own care
             "When it eases, walk a little. A warm towel afterwards may ease the soreness; no "
             "heat on skin that feels numb.",
             // NHS
             "Painkillers act too slowly for the cramp itself.",
         }},
        {"Every day",
         {
             // A, C
             "Light activity in the day, enough to drink (not too much) and warm legs may help.",
             // B, E
             "Tight bedclothes that push your toes down can bring a cramp on.",
             // C, E, NHS
             "Some medicines (some water tablets, statins and asthma medicines) are linked to "
             "cramps: ask a doctor or pharmacist, and don't stop a medicine on your own.",
             // A, NHS, C
             "Don't start quinine or supplements such as magnesium on your own: ask a doctor "
             "first.",
         }},
        {"See a doctor if",
         {
             // A, C, D, NHS
             "cramps come several times a week or nightly, or disturb your sleep or your day;",
             // A, C, NHS (long sentences are split over lines: no comma is missing)
             // NOLINTNEXTLINE(bugprone-suspicious-missing-comma)
             "a leg is swollen, red or warm, or you notice weakness, wasting, numbness or "
             "tingling;",
             // A, C, D
             "pain lasts long after a cramp, or cramps get worse or don't improve after six weeks "
             "of stretching;",
             // C, E, NHS
             "they began with a new medicine;",
             // A
             "you have heart, kidney, liver or nerve disease, or diabetes, and your cramps "
             "suddenly get worse.",
         }},
        {"Who else gets cramps",
         {
             // B, C; asking the midwife first: common antenatal advice
             "Cramps are common in pregnancy and usually go after the birth. If you are pregnant, "
             "ask your midwife or doctor before starting a new stretching routine.",
             // A, B, C (named as reasons a doctor may look, never a diagnosis)
             "Some conditions are linked to cramps: diabetes and nerve damage, poor blood flow to "
             "the legs, thyroid or kidney disease, Parkinson's. Cramps alone do not mean you have "
             "one; they are reasons a doctor may want to look.",
         }},
        {"Get help at once if",
         {
             // NHS
             "a cramp lasts more than 10 minutes and does not ease;",
             "cramps come after a wound that may be infected (tetanus), or after contact with "
             "something toxic.",
         }},
    };
    return sections;
}

const std::vector<std::string>& welcomeLines() {
    static const std::vector<std::string> lines = {
        // A, Trial, Cochrane ("may")
        "Nightstretch guides a few minutes of calf and leg stretches before sleep, which may "
        "make night cramps fewer and milder.",
        // Trial (six weeks); the diary is our own suggestion
        "Fill in the short morning diary: after about six weeks you can see whether it helps.",
        // A, C, D, NHS; A, C: a swollen, red or warm leg, "see a doctor soon"
        "See a doctor if cramps come often or disturb your sleep, or with weakness, numbness or "
        "tingling. Please see one soon if a leg is swollen, red or warm, and don't rub it.",
        // NHS
        "Get help at once if a cramp lasts more than 10 minutes and does not ease.",
    };
    return lines;
}

bool welcomeShown(const std::filesystem::path& stateDir) {
    std::error_code ec;
    return std::filesystem::exists(stateDir / kWelcomeShownFile, ec);
}

bool rememberWelcomeShown(const std::filesystem::path& stateDir) {
    return writeFileAtomically(stateDir / kWelcomeShownFile,
                               "The first run's welcome was shown; delete to see it again.\n",
                               nullptr);
}

} // namespace ns
