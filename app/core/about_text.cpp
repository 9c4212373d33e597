// The about screen's sentences. Sources in brackets are those of docs/sources.md.
#include "about_text.hpp"

#include "relief.hpp"

namespace ns {

const char* const kAboutTitle = "Leg cramps: what helps, when to see a doctor";

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
             // A
             "Give it about six weeks, and keep the morning diary to see whether it helps you.",
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
             "pain lasts long after a cramp, cramps come without exertion, get worse, or don't "
             "improve after six weeks of stretching;",
             // C, E, NHS
             "they began with a new medicine;",
             // A
             "you have heart, kidney, liver or nerve disease, or diabetes, and your cramps "
             "suddenly get worse.",
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
        // A, Trial
        "Nightstretch guides a few minutes of calf and leg stretches before sleep, which may "
        "make night cramps fewer and milder.",
        // A
        "Fill in the short morning diary: after about six weeks you can see whether it helps.",
        // A, C, NHS
        "See a doctor if cramps come often, or with swelling, weakness or numbness: press I for "
        "more, C during a cramp.",
    };
    return lines;
}

} // namespace ns
