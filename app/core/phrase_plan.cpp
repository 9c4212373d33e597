// Phrase planning: the words for each phase, and the cut to the name when a phase is too short.
#include "phrase_plan.hpp"

#include <algorithm>
#include <cctype>

namespace ns {
namespace {

// "Wall calf stretch" -> "Wall calf stretch."; a line that already ends a sentence is kept.
std::string sentence(std::string text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0)
        text.pop_back();
    if (text.empty()) return text;
    const char last = text.back();
    if (last != '.' && last != '!' && last != '?') text += '.';
    return text;
}

// The side of the first hold of `phase`'s step, and whether the step holds both sides.
struct StepSides {
    Side first = Side::None;
    bool both = false;
};

StepSides sidesOfStep(const Timeline& timeline, int step) {
    StepSides sides;
    for (const Phase& phase : timeline.phases) {
        if (phase.step != step || phase.kind != PhaseKind::Hold || phase.side == Side::None)
            continue;
        if (sides.first == Side::None)
            sides.first = phase.side;
        else if (phase.side != sides.first)
            sides.both = true;
    }
    return sides;
}

const char* legWord(Side side) {
    return side == Side::Right ? "right" : "left";
}

// The side held in the first hold after `phaseIndex`.
Side nextHoldSide(const Timeline& timeline, int phaseIndex) {
    for (auto i = static_cast<std::size_t>(phaseIndex) + 1; i < timeline.phases.size(); ++i)
        if (timeline.phases[i].kind == PhaseKind::Hold) return timeline.phases[i].side;
    return Side::None;
}

// True when no earlier step of the routine does the same stretch (its first round).
bool firstRoundOfStretch(const Routine& routine, int step) {
    const std::string& name = routine.steps[static_cast<std::size_t>(step)].stretch.name;
    for (int earlier = 0; earlier < step; ++earlier)
        if (routine.steps[static_cast<std::size_t>(earlier)].stretch.name == name) return false;
    return true;
}

// Until the first tick of a hold's last seconds, or the phase's end (the next chime).
long long quietWindowMs(const Phase& phase) {
    const long long durationMs = static_cast<long long>(phase.durationSeconds) * 1000;
    if (phase.kind == PhaseKind::Hold && phase.durationSeconds > Session::kTickSeconds)
        return durationMs - static_cast<long long>(Session::kTickSeconds) * 1000;
    return durationMs;
}

long long strikeOf(const CueStrikes& strikes, Cue cue) {
    return strikes[static_cast<std::size_t>(cue)];
}

} // namespace

long long estimatePhraseMs(const std::string& text) {
    int words = 0;
    bool inWord = false;
    int stops = 0; // a sentence's end is a pause
    for (char c : text) {
        const bool letter = std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '\'';
        if (letter && !inWord) ++words;
        inWord = letter;
        if (c == '.' || c == ',' || c == '!' || c == '?') ++stops;
    }
    if (words == 0) return 0;
    return 300 + words * 450 + stops * 250;
}

const char* endPhrase() {
    return "Well done. Sleep well.";
}

const char* const kHoldOnPhrase = "Hold on.";

std::vector<std::string> phraseChoices(const Routine& routine, const Timeline& timeline,
                                       int phaseIndex) {
    const Phase& phase = timeline.phases[static_cast<std::size_t>(phaseIndex)];
    switch (phase.kind) {
    case PhaseKind::Hold:
        return {"Hold."};
    case PhaseKind::Rest:
        return {"Relax."};
    case PhaseKind::Switch:
        return {std::string("Change to your ") + legWord(nextHoldSide(timeline, phaseIndex)) +
                " leg."};
    case PhaseKind::Prepare:
        break;
    }
    const Step& step = routine.steps[static_cast<std::size_t>(phase.step)];
    const std::string name = sentence(step.stretch.name);
    std::string named = name;
    const StepSides sides = sidesOfStep(timeline, phase.step);
    if (sides.first != Side::None)
        named +=
            sides.both
                ? std::string(" ") + (sides.first == Side::Right ? "Right" : "Left") + " leg first."
                : std::string(" ") + (sides.first == Side::Right ? "Right" : "Left") + " leg.";
    // A standing stretch's get-ready always begins by asking to hold on (HEALTH.md "Safe at
    // night": a hand on a wall or a steady chair), in every cut.
    const std::string holdOn = step.stretch.standing ? std::string(kHoldOnPhrase) + " " : "";
    std::vector<std::string> choices;
    if (firstRoundOfStretch(routine, phase.step) && !step.stretch.instructions.empty()) {
        const std::string line = sentence(step.stretch.instructions.front());
        if (!line.empty()) choices.push_back(holdOn + named + " " + line);
    }
    choices.push_back(holdOn + named);
    if (named != name) choices.push_back(holdOn + name);
    if (step.stretch.standing) choices.emplace_back(kHoldOnPhrase); // the last cut keeps it
    return choices;
}

PhrasePlan planPhrases(const Routine& routine, const Timeline& timeline, const CueStrikes& strikes,
                       const PhraseLength& length) {
    PhrasePlan plan;
    plan.phases.resize(timeline.phases.size());
    for (std::size_t i = 0; i < timeline.phases.size(); ++i) {
        const Phase& phase = timeline.phases[i];
        const long long offset = strikeOf(strikes, cueForPhase(phase.kind));
        // Ticks are struck inside the window's end too: the window ends where the next strike is.
        const long long room = quietWindowMs(phase) - offset - kPhraseGapMs;
        for (const std::string& choice : phraseChoices(routine, timeline, static_cast<int>(i))) {
            const long long ms = length(choice);
            if (ms < 0 || ms > room) continue;
            plan.phases[i] = {choice, offset, ms};
            break;
        }
    }
    const long long endMs = length(endPhrase());
    if (endMs >= 0) plan.end = {endPhrase(), strikeOf(strikes, Cue::Done), endMs};
    return plan;
}

} // namespace ns
