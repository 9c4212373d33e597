// Phrases made with Flite (voice cmu_us_slt, slowed to a calm pace), brought to the chimes'
// loudness. Only the voice module (loaded by the voice's helper process) and the tests link this:
// Flite's libraries are never mapped into the app itself.
#pragma once

#include "phrase_audio.hpp"

#include <optional>
#include <string>

namespace ns {

// Flite's duration_stretch: 1 is Flite's own brisk pace; this is calmer, still natural.
constexpr float kVoiceStretch = 1.3f;

// Whether Flite's voice loads here (once a process); when not, why in `*problem`.
bool fliteVoiceLoads(std::string* problem);

// RMS (a fraction of full scale) the voice is brought to: the chimes' own, averaged in dB over the
// phase chimes as they are synthesised (the soft tick left out).
double chimeRms();

// The phrase as 16-bit mono, at chimeRms(), its peaks kept below full scale, faded in and out;
// nullopt when no voice is available (the reason in `*problem`).
std::optional<PhraseAudio> synthesizePhrase(const std::string& text,
                                            std::string* problem = nullptr);

} // namespace ns
