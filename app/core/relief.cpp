// The relief guides' steps. Sources (docs/sources.md): stretching the cramped muscle, toes toward
// the knee or leaning on a wall (B, E, NHS); rubbing it (B, E, NHS); walking when it eases (E);
// warmth afterwards (B); painkillers too slow for the cramp itself (NHS); tight bedclothes that
// point the toes (B, E); a cramp over 10 minutes that does not ease (NHS).
#include "relief.hpp"

namespace ns {

const char* const kReliefUrgentLine =
    "A cramp over 10 minutes that does not ease: get medical help now.";

const char* reliefVariantName(ReliefVariant variant) {
    return variant == ReliefVariant::Calf ? "calf" : "shin";
}

const char* reliefVariantTitle(ReliefVariant variant) {
    return variant == ReliefVariant::Calf ? "A cramp in the calf" : "A cramp in the shin or foot";
}

namespace {

std::vector<ReliefStep> afterTheStretch() {
    return {
        {"Rub it gently",
         {"Rub the tight muscle slowly with your hand.", "Keep breathing, slow and easy."},
         "Rub the muscle gently. Keep breathing slowly.",
         ""},
        {"When it eases, walk a little",
         {"Get up slowly, holding on to something.", "Walk a few steps."},
         "When it eases, get up slowly, hold on, and walk a few steps.",
         ""},
        {"Warmth, then rest",
         {"A warm towel or a warm bath can ease the soreness.",
          "A painkiller is too slow for the cramp itself; it may help the soreness after."},
         "Warmth can ease the soreness afterwards.",
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
                         {"Leg straight, pull your toes toward your knee, by hand or with a "
                          "towel around the foot.",
                          "Or stand, foot flat, knee straight, and lean toward a wall, holding "
                          "on."},
                         "Stretch the calf. Keep the leg straight and pull your toes toward "
                         "your knee, by hand or with a towel.",
                         "towel-stretch"});
    } else {
        steps.push_back(
            {"Stretch the cramped muscle",
             {"Gently stretch it the other way from its pull.",
              "Toes curled down? Pull them up toward you.",
              "Foot pulled up? Let it ease gently down.", "Hold on to something if you stand."},
             "Stretch the cramped muscle gently, the other way from its pull.",
             "bed-ankle-flex"});
    }
    for (ReliefStep& step : afterTheStretch())
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
