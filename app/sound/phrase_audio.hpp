// A spoken phrase as samples, and the two measures a listener's ear is judged by (loudness, peak).
#pragma once

#include <cstdint>
#include <vector>

namespace ns {

struct PhraseAudio {
    std::vector<std::int16_t> samples; // mono
    unsigned sampleRate = 0;
    long long lengthMs() const;
};

// RMS and peak of samples as fractions of full scale.
double rmsOf(const std::vector<std::int16_t>& samples);
double peakOf(const std::vector<std::int16_t>& samples);

} // namespace ns
