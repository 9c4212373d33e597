// What the voice says in each phase of a timeline, and when: pure, so it is tested without audio.
#pragma once

#include "routine.hpp"
#include "session.hpp"
#include "timeline.hpp"

#include <array>
#include <functional>
#include <string>
#include <vector>

namespace ns {

// How long each chime's strike lasts (from its start until its last note has struck and rung a
// little), in ms, indexed by Cue. The sound module knows the figures (cueStrikeMs); the plan only
// needs them so that no phrase starts under a strike.
using CueStrikes = std::array<long long, 6>;

// The length of a phrase once spoken, in ms; a negative length: this phrase cannot be said.
using PhraseLength = std::function<long long(const std::string& text)>;

// A planning estimate when no voice is at hand: a calm pace of about two words a second.
long long estimatePhraseMs(const std::string& text);

struct PlannedPhrase {
    std::string text;       // empty: nothing is said in this phase
    long long offsetMs = 0; // after the phase's start (or the end's chime)
    long long lengthMs = 0;
};

struct PhrasePlan {
    std::vector<PlannedPhrase> phases; // one per timeline phase, in order
    PlannedPhrase end;                 // after the "done" chime, when the routine is completed
};

// What each phase would say in full, longest first, then the shorter cuts tried when the full
// phrase does not fit: get ready says the name, the side and (on the stretch's first get-ready in
// the routine) its first instruction line; cut to the name and the side, then to the name.
std::vector<std::string> phraseChoices(const Routine& routine, const Timeline& timeline,
                                       int phaseIndex);
const char* endPhrase(); // "Well done. Sleep well."
// Said first at a standing stretch's get-ready (its catalog entry has standing = true).
extern const char* const kHoldOnPhrase;

// A phrase starts once its phase's chime has struck, and must end (with a small gap) before the
// next strike: the next phase's chime, or the first tick of a hold's last seconds. Each phase gets
// the longest of its choices that fits, or nothing when even the shortest does not.
PhrasePlan planPhrases(const Routine& routine, const Timeline& timeline, const CueStrikes& strikes,
                       const PhraseLength& length);

// The silence kept between the end of a phrase and the next strike.
constexpr long long kPhraseGapMs = 150;

} // namespace ns
