// Relief guidance for a cramp happening now: a few steps, each advanced by the person when it
// eases (no countdown to fail against). Calf, and shin or foot. Every sentence rests on a source
// named in docs/sources.md. Pure: the front ends draw, speak and record it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ns {

enum class ReliefVariant { Calf, ShinOrFoot };

const char* reliefVariantName(ReliefVariant variant);  // "calf" | "shin" (as stored)
const char* reliefVariantTitle(ReliefVariant variant); // "A cramp in the calf"

struct ReliefStep {
    std::string title;              // "Stretch the calf"
    std::vector<std::string> lines; // what to do: a sentence each (front ends wrap them)
    std::string spoken;             // what the voice says
    std::string poseId;             // a pose file (assets/poses) that shows it; empty: none
};

std::vector<ReliefStep> reliefSteps(ReliefVariant variant);

// Said at the end of every guide, and on the about screen: when to get help at once (NHS).
extern const char* const kReliefUrgentLine;
// In the guide's rubbing step and on the about screen: a swollen, red or warm leg (A, C).
extern const char* const kReliefSwollenLine;

// Where a person is in a guide. Steps go forward and back; past the last one it is finished.
class ReliefGuide {
  public:
    explicit ReliefGuide(ReliefVariant variant = ReliefVariant::Calf);

    ReliefVariant variant() const { return m_variant; }
    // Another variant, from its first step (the person said where the cramp is).
    void switchVariant(ReliefVariant variant);

    const std::vector<ReliefStep>& steps() const { return m_steps; }
    std::size_t index() const { return m_index; }
    const ReliefStep& current() const { return m_steps[m_index]; }
    bool isLast() const { return m_index + 1 == m_steps.size(); }
    bool finished() const { return m_finished; }
    // Steps the person moved past (for the history).
    int stepsDone() const {
        return m_finished ? static_cast<int>(m_steps.size()) : static_cast<int>(m_index);
    }

    bool next(); // the step eased: the next one, or finished after the last; false when finished
    bool back(); // false at the first step

  private:
    ReliefVariant m_variant;
    std::vector<ReliefStep> m_steps;
    std::size_t m_index = 0;
    bool m_finished = false;
};

} // namespace ns
