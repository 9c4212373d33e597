// Flite synthesis into samples, loudness matched to the chimes.
#include "phrase_synthesis.hpp"

#include "audio_cues.hpp"

#include <flite.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <mutex>
#include <vector>

// Flite's voice library exports this without a header of its own.
extern "C" cst_voice* register_cmu_us_slt( // NOLINT(readability-identifier-naming): Flite's name
    const char* voxdir);

namespace ns {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kFadeSeconds = 0.015; // raised-cosine fade in and out: no click at the edges
constexpr double kPeakLimit = 0.89;    // about -1 dBFS: headroom, never full scale

// Flite's voice, registered once a process (Flite's set-up is not thread-safe: done under a lock).
cst_voice* fliteVoice(std::string* problem) {
    static std::once_flag once;
    static cst_voice* voice = nullptr;
    std::call_once(once, [] {
        flite_init();
        voice = register_cmu_us_slt(nullptr);
        if (voice != nullptr) feat_set_float(voice->features, "duration_stretch", kVoiceStretch);
    });
    if (voice == nullptr && problem != nullptr) *problem = "Flite's voice cmu_us_slt did not load";
    return voice;
}

// Squeezes peaks above the knee smoothly toward kPeakLimit (speech's rare plosive peaks), leaving
// everything below the knee untouched.
double limitPeak(double x) {
    constexpr double kKnee = 0.7;
    const double magnitude = std::abs(x);
    if (magnitude <= kKnee) return x;
    const double room = kPeakLimit - kKnee;
    const double squeezed = kKnee + room * std::tanh((magnitude - kKnee) / room);
    return x < 0 ? -squeezed : squeezed;
}

} // namespace

bool fliteVoiceLoads(std::string* problem) {
    return fliteVoice(problem) != nullptr;
}

double chimeRms() {
    static const double rms = [] {
        constexpr std::array<Cue, 5> kPhaseCues = {Cue::Prepare, Cue::Hold, Cue::Switch, Cue::Rest,
                                                   Cue::Done};
        double sumDb = 0.0;
        for (Cue cue : kPhaseCues)
            sumDb += 20.0 * std::log10(std::max(rmsOf(synthesizeCue(cue)), 1e-9));
        return std::pow(10.0, sumDb / static_cast<double>(kPhaseCues.size()) / 20.0);
    }();
    return rms;
}

std::optional<PhraseAudio> synthesizePhrase(const std::string& text, std::string* problem) {
    cst_voice* voice = fliteVoice(problem);
    if (voice == nullptr) return std::nullopt;
    cst_wave* wave = flite_text_to_wave(text.c_str(), voice);
    if (wave == nullptr || wave->num_samples <= 0 || wave->sample_rate <= 0 ||
        wave->num_channels != 1) {
        if (wave != nullptr) delete_wave(wave);
        if (problem != nullptr) *problem = "Flite made no sound for '" + text + "'";
        return std::nullopt;
    }
    std::vector<double> mix(wave->samples, wave->samples + wave->num_samples);
    PhraseAudio audio;
    audio.sampleRate = static_cast<unsigned>(wave->sample_rate);
    delete_wave(wave);

    // Loudness first (RMS to the chimes'), then the rare peak above the knee is squeezed.
    double sum = 0.0;
    for (double& x : mix) {
        x /= 32768.0;
        sum += x * x;
    }
    const double rms = std::sqrt(sum / static_cast<double>(mix.size()));
    const double gain = rms > 0.0 ? chimeRms() / rms : 0.0;
    const auto fadeCount =
        std::min(mix.size() / 2,
                 static_cast<std::size_t>(kFadeSeconds * static_cast<double>(audio.sampleRate)));
    audio.samples.resize(mix.size());
    for (std::size_t i = 0; i < mix.size(); ++i) {
        double x = limitPeak(mix[i] * gain);
        const std::size_t fromEdge = std::min(i, mix.size() - 1 - i);
        if (fromEdge < fadeCount)
            x *= 0.5 * (1.0 - std::cos(kPi * static_cast<double>(fromEdge) /
                                       static_cast<double>(fadeCount)));
        audio.samples[i] = static_cast<std::int16_t>(std::lround(x * 32767.0));
    }
    return audio;
}

} // namespace ns
