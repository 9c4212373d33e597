// Lengths and levels of samples.
#include "phrase_audio.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace ns {

long long PhraseAudio::lengthMs() const {
    if (sampleRate == 0) return 0;
    return static_cast<long long>(samples.size()) * 1000 / sampleRate;
}

double rmsOf(const std::vector<std::int16_t>& samples) {
    if (samples.empty()) return 0.0;
    double sum = 0.0;
    for (std::int16_t s : samples) {
        const double x = s / 32768.0;
        sum += x * x;
    }
    return std::sqrt(sum / static_cast<double>(samples.size()));
}

double peakOf(const std::vector<std::int16_t>& samples) {
    int peak = 0;
    for (std::int16_t s : samples)
        peak = std::max(peak, std::abs(static_cast<int>(s)));
    return peak / 32768.0;
}

} // namespace ns
