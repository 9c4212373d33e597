// The relief guides' steps, in bed first and standing only with care (HEALTH.md "During a cramp"
// and "Safe at night"). Sources (docs/sources.md): stretching the cramped muscle, toes toward the
// knee or leaning on a wall with the knee straight (B, E, NHS); the shin's foot eased down (the
// same rule); rubbing it (B, E, NHS), but not a swollen, red or warm leg: a doctor soon (A, C);
// light on, sitting on the edge of the bed, up slowly, holding on (our own care, E); walking when
// it eases (E); a warm towel afterwards (B), no heat on numb skin (our own care); painkillers too
// slow for the cramp itself (NHS); tight bedclothes that point the toes (B, E); a cramp over 10
// minutes that does not ease (NHS).
#include "relief.hpp"

namespace ns {

const char* const kReliefUrgentLine =
    "A cramp over 10 minutes that does not ease: get medical help now.";

const char* const kReliefSwollenLine =
    "If the leg is swollen, red or warm, don't rub it: please see a doctor soon.";

const char* reliefVariantName(ReliefVariant variant) {
    return variant == ReliefVariant::Calf ? "calf" : "shin";
}

const char* reliefVariantTitle(ReliefVariant variant) {
    return variant == ReliefVariant::Calf ? "A cramp in the calf" : "A cramp in the shin or foot";
}

namespace {

// After the stretch in bed: rubbing, getting up with care, warmth, the bedclothes.
std::vector<ReliefStep> afterTheStretch(ReliefVariant variant) {
    ReliefStep rub{"Rub it gently",
                   {"Rub the tight muscle slowly with your hand.", kReliefSwollenLine,
                    "Keep breathing, slow and easy."},
                   "Rub the muscle gently. If the leg is swollen, red or warm, don't rub it, and "
                   "please see a doctor soon.",
                   ""};
    ReliefStep up{"Getting up, with care",
                  {"Turn on a light. Sit on the edge of the bed for a moment.",
                   "Get up slowly, holding on to something steady.",
                   "When it eases, walk a few steps."},
                  "If you get up, turn on a light and sit on the edge of the bed for a moment. "
                  "Then get up slowly, holding on to something steady.",
                  ""};
    if (variant == ReliefVariant::Calf) {
        up.lines.insert(up.lines.begin() + 2, "Still tight? Stand with the foot flat and the knee "
                                              "straight, and lean toward a wall, holding on.");
        up.spoken += " At a wall, keep the knee straight and lean in, holding on.";
        up.poseId = "wall-calf";
    }
    return {
        rub,
        up,
        {"Warmth, then rest",
         {"A warm towel on the sore muscle can ease it afterwards.",
          "No heat on skin that feels numb.",
          "A painkiller is too slow for the cramp itself; it may help the soreness after."},
         "A warm towel can ease the soreness afterwards.",
         ""},
        {"Loosen the bedclothes",
         {"Loosen sheets that press your toes down.", "Then settle back to sleep."},
         "Loosen tight bedclothes, then settle back to sleep.",
         ""},
    };
}

} // namespace

std::vector<ReliefStep> reliefSteps(ReliefVariant variant) {
    std::vector<ReliefStep> steps;
    if (variant == ReliefVariant::Calf) {
        steps.push_back({"Stretch the calf",
                         {"Stay in bed for now.",
                          "Leg straight, pull your toes toward your knee, by hand or with a "
                          "towel around the foot."},
                         "Stretch the calf, in bed. Keep the leg straight and pull your toes "
                         "toward your knee, by hand or with a towel.",
                         "towel-stretch"});
    } else {
        steps.push_back({"Stretch the cramped muscle",
                         {"Stay in bed for now.", "Gently stretch it the other way from its pull.",
                          "Foot pulled up? Let it ease gently down.",
                          "Toes curled down? Pull them up toward you."},
                         "Stretch the cramped muscle gently, in bed, the other way from its pull.",
                         "relief-shin"});
    }
    for (ReliefStep& step : afterTheStretch(variant))
        steps.push_back(std::move(step));
    return steps;
}

ReliefGuide::ReliefGuide(ReliefVariant variant)
    : m_variant(variant), m_steps(reliefSteps(variant)) {}

void ReliefGuide::switchVariant(ReliefVariant variant) {
    m_variant = variant;
    m_steps = reliefSteps(variant);
    m_index = 0;
    m_finished = false;
}

bool ReliefGuide::next() {
    if (m_finished) return false;
    if (isLast())
        m_finished = true;
    else
        ++m_index;
    return true;
}

bool ReliefGuide::back() {
    if (m_finished) {
        m_finished = false;
        return true;
    }
    if (m_index == 0) return false;
    --m_index;
    return true;
}

} // namespace ns
