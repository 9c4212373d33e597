// The synthesized chimes are soft (no click, no clipping, quiet ends) and distinct, and playback
// works with OpenAL's null device. Each cue is also written as a WAV under NS_ARTIFACTS_DIR.
#include "audio_cues.hpp"
#include "wav_file.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace ns::detail {
unsigned long audioCuesSoundsStarted(); // defined in audio_cues.cpp, for tests only
}

namespace {

constexpr unsigned kRate = 44100;
constexpr double kFullScale = 32767.0;
const ns::Cue kAllCues[] = {ns::Cue::Prepare, ns::Cue::Hold, ns::Cue::Switch,
                            ns::Cue::Rest,    ns::Cue::Tick, ns::Cue::Done};

std::size_t samplesFor(double seconds) {
    return static_cast<std::size_t>(seconds * kRate);
}

double peakOf(const std::vector<std::int16_t>& samples, std::size_t first, std::size_t last) {
    int peak = 0;
    for (std::size_t i = first; i < last && i < samples.size(); ++i)
        peak = std::max(peak, std::abs(static_cast<int>(samples[i])));
    return peak / kFullScale;
}
double peakOf(const std::vector<std::int16_t>& samples) {
    return peakOf(samples, 0, samples.size());
}

double rmsOf(const std::vector<std::int16_t>& samples) {
    double sum = 0.0;
    for (std::int16_t s : samples)
        sum += (s / kFullScale) * (s / kFullScale);
    return samples.empty() ? 0.0 : std::sqrt(sum / static_cast<double>(samples.size()));
}

double secondsOf(const std::vector<std::int16_t>& samples) {
    return static_cast<double>(samples.size()) / kRate;
}

// Magnitude of one DFT bin (Goertzel) over the first `count` samples, Hann-windowed so that a
// frequency between grid points does not leak into its neighbours.
double magnitudeAt(const std::vector<std::int16_t>& samples, double hz, std::size_t count) {
    const double pi = 3.14159265358979323846;
    const double coeff = 2.0 * std::cos(2.0 * pi * hz / kRate);
    double s1 = 0.0;
    double s2 = 0.0;
    for (std::size_t i = 0; i < count && i < samples.size(); ++i) {
        const double window = 0.5 * (1.0 - std::cos(2.0 * pi * i / (count - 1)));
        const double s0 = window * samples[i] / kFullScale + coeff * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    return std::sqrt(std::max(0.0, s1 * s1 + s2 * s2 - coeff * s1 * s2));
}

// The strongest frequency between 200 Hz and 2 kHz over the first 0.2 s, on a 2 Hz grid.
double dominantFrequency(const std::vector<std::int16_t>& samples) {
    const std::size_t count = std::min(samples.size(), samplesFor(0.2));
    double best = 0.0;
    double bestHz = 0.0;
    for (double hz = 200.0; hz <= 2000.0; hz += 2.0) {
        const double m = magnitudeAt(samples, hz, count);
        if (m > best) {
            best = m;
            bestHz = hz;
        }
    }
    return bestHz;
}

// Tests use OpenAL's null device unless the caller chose a driver.
void useNullAudioDriverUnlessSet() {
    setenv("ALSOFT_DRIVERS", "null", 0);
}

class AudioCueSynthesis : public testing::TestWithParam<ns::Cue> {};

std::string cueName(const testing::TestParamInfo<ns::Cue>& info) {
    std::string name = ns::toString(info.param);
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    return name;
}

} // namespace

TEST_P(AudioCueSynthesis, IsAudibleButNeverClips) {
    const auto samples = ns::synthesizeCue(GetParam(), kRate);
    EXPECT_GT(rmsOf(samples), 0.02);
    EXPECT_LT(peakOf(samples), 0.62);
    for (std::int16_t s : samples)
        ASSERT_LT(std::abs(static_cast<int>(s)), 32000);
}

TEST_P(AudioCueSynthesis, StartsSoftlyWithoutAClick) {
    const auto samples = ns::synthesizeCue(GetParam(), kRate);
    EXPECT_LT(peakOf(samples, 0, samplesFor(0.005)), 0.5 * peakOf(samples));
    // The very first samples are essentially silent (a raised-cosine onset).
    EXPECT_LT(peakOf(samples, 0, samplesFor(0.001)), 0.02 * peakOf(samples));
}

TEST_P(AudioCueSynthesis, EndsInNearSilence) {
    const auto samples = ns::synthesizeCue(GetParam(), kRate);
    ASSERT_GT(samples.size(), samplesFor(0.01));
    EXPECT_LT(peakOf(samples, samples.size() - samplesFor(0.01), samples.size()), 0.005);
    EXPECT_EQ(samples.back(), 0);
}

TEST_P(AudioCueSynthesis, HasASaneDuration) {
    const auto samples = ns::synthesizeCue(GetParam(), kRate);
    const double seconds = secondsOf(samples);
    if (GetParam() == ns::Cue::Tick) {
        EXPECT_GE(seconds, 0.04);
        EXPECT_LE(seconds, 0.1);
    } else {
        EXPECT_GE(seconds, 0.5);
        EXPECT_LE(seconds, 3.0);
    }
}

// FNV-1a over the samples: which exact sound a cue is.
std::uint64_t fingerprint(const std::vector<std::int16_t>& samples) {
    std::uint64_t hash = 1469598103934665603ULL;
    for (std::int16_t s : samples) {
        const auto u = static_cast<std::uint16_t>(s);
        for (int shift : {0, 8}) {
            hash ^= (u >> shift) & 0xFFu;
            hash *= 1099511628211ULL;
        }
    }
    return hash;
}

// The chimes were first made with an exp and a sin a sample; they are now made by turning a
// phasor, which is much faster at start-up. These fingerprints were taken from the direct formula:
// the sound a person hears must not change by a single sample.
TEST(AudioCueSynthesis, TheChimesAreExactlyTheSoundsOfTheDirectFormula) {
    const std::pair<ns::Cue, std::uint64_t> expected[] = {
        {ns::Cue::Prepare, 4880197100215304485ULL}, {ns::Cue::Hold, 5064747549321067936ULL},
        {ns::Cue::Switch, 11102230893913247428ULL}, {ns::Cue::Rest, 5735367569669975385ULL},
        {ns::Cue::Tick, 13181855981233247015ULL},   {ns::Cue::Done, 10781211705012225174ULL}};
    for (const auto& [cue, hash] : expected)
        EXPECT_EQ(fingerprint(ns::synthesizeCue(cue, kRate)), hash) << ns::toString(cue);
}

TEST_P(AudioCueSynthesis, IsDeterministic) {
    EXPECT_EQ(ns::synthesizeCue(GetParam(), kRate), ns::synthesizeCue(GetParam(), kRate));
}

TEST_P(AudioCueSynthesis, IsWrittenAsAWavArtifact) {
    const std::filesystem::path dir = std::filesystem::path(NS_ARTIFACTS_DIR) / "audio";
    std::filesystem::create_directories(dir);
    const auto file = dir / (std::string("cue-") + ns::toString(GetParam()) + ".wav");
    const auto samples = ns::synthesizeCue(GetParam(), kRate);
    ns::test::writeWav(file, samples, kRate);
    EXPECT_EQ(std::filesystem::file_size(file), 44 + samples.size() * 2);
}

INSTANTIATE_TEST_SUITE_P(AudioCues, AudioCueSynthesis, testing::ValuesIn(kAllCues), cueName);

TEST(AudioCueSynthesisCompared, TickIsQuieterAndMuchShorterThanTheHoldBell) {
    const auto tick = ns::synthesizeCue(ns::Cue::Tick, kRate);
    const auto hold = ns::synthesizeCue(ns::Cue::Hold, kRate);
    EXPECT_LT(peakOf(tick), 0.45 * peakOf(hold));
    EXPECT_LT(secondsOf(tick), 0.1 * secondsOf(hold));
}

TEST(AudioCueSynthesisCompared, HoldIsTheLoudestCue) {
    const double hold = peakOf(ns::synthesizeCue(ns::Cue::Hold, kRate));
    EXPECT_GE(hold, 0.5);
    for (ns::Cue cue : kAllCues)
        EXPECT_LE(peakOf(ns::synthesizeCue(cue, kRate)), hold + 1e-9) << ns::toString(cue);
}

TEST(AudioCueSynthesisCompared, HoldAndSwitchSoundDifferent) {
    const auto hold = ns::synthesizeCue(ns::Cue::Hold, kRate);
    const auto swap = ns::synthesizeCue(ns::Cue::Switch, kRate);
    const double holdHz = dominantFrequency(hold);
    const double switchHz = dominantFrequency(swap);
    EXPECT_NEAR(holdHz, 587.0, 10.0);
    EXPECT_GT(std::abs(holdHz - switchHz), 50.0);
}

TEST(AudioCueSynthesisCompared, RestIsLowerAndSofterThanHold) {
    const auto hold = ns::synthesizeCue(ns::Cue::Hold, kRate);
    const auto rest = ns::synthesizeCue(ns::Cue::Rest, kRate);
    EXPECT_LT(dominantFrequency(rest), dominantFrequency(hold));
    EXPECT_LT(peakOf(rest), peakOf(hold));
}

TEST(AudioCueSynthesisCompared, FollowsTheSampleRate) {
    const auto at22k = ns::synthesizeCue(ns::Cue::Hold, 22050);
    const auto at44k = ns::synthesizeCue(ns::Cue::Hold, 44100);
    EXPECT_NEAR(static_cast<double>(at44k.size()) / at22k.size(), 2.0, 0.01);
    EXPECT_TRUE(ns::synthesizeCue(ns::Cue::Hold, 0).empty());
}

TEST(AudioCues, IsAvailableWithTheNullDriverAndPlays) {
    useNullAudioDriverUnlessSet();
    ns::AudioCues cues;
    ASSERT_TRUE(cues.available());
    const auto before = ns::detail::audioCuesSoundsStarted();
    cues.play(ns::Cue::Hold);
    cues.play(ns::Cue::Tick); // overlaps the bell's tail
    EXPECT_EQ(ns::detail::audioCuesSoundsStarted(), before + 2);
}

TEST(AudioCues, ManyOverlappingCuesReuseVoices) {
    useNullAudioDriverUnlessSet();
    ns::AudioCues cues;
    const auto before = ns::detail::audioCuesSoundsStarted();
    for (int i = 0; i < 20; ++i)
        cues.play(i % 2 == 1 ? ns::Cue::Tick : ns::Cue::Done);
    EXPECT_EQ(ns::detail::audioCuesSoundsStarted(), before + (cues.available() ? 20u : 0u));
}

TEST(AudioCues, VolumeIsClampedToZeroToHundred) {
    useNullAudioDriverUnlessSet();
    ns::AudioCues cues;
    cues.setVolume(150);
    EXPECT_EQ(cues.volume(), 100);
    cues.setVolume(-5);
    EXPECT_EQ(cues.volume(), 0);
    cues.setVolume(42);
    EXPECT_EQ(cues.volume(), 42);
}

TEST(AudioCues, MutedPlaysNothing) {
    useNullAudioDriverUnlessSet();
    ns::AudioCues cues;
    ASSERT_TRUE(cues.available());
    cues.setMuted(true);
    EXPECT_TRUE(cues.muted());
    const auto before = ns::detail::audioCuesSoundsStarted();
    cues.play(ns::Cue::Hold);
    cues.onCue(ns::CueEvent{ns::Cue::Done, 0, 0});
    EXPECT_EQ(ns::detail::audioCuesSoundsStarted(), before);
    cues.setMuted(false);
    cues.play(ns::Cue::Hold);
    EXPECT_EQ(ns::detail::audioCuesSoundsStarted(), before + 1);
}

TEST(AudioCues, VolumeZeroPlaysNothing) {
    useNullAudioDriverUnlessSet();
    ns::AudioCues cues;
    cues.setVolume(0);
    const auto before = ns::detail::audioCuesSoundsStarted();
    cues.play(ns::Cue::Hold);
    EXPECT_EQ(ns::detail::audioCuesSoundsStarted(), before);
}

// Runs in a fresh child process, since OpenAL reads ALSOFT_DRIVERS once per process.
TEST(AudioCuesDeathTest, WithoutADeviceIsSilentAndQuietOnStderr) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_EXIT(
        {
            setenv("ALSOFT_DRIVERS", "no-such-driver", 1);
            ns::AudioCues cues;
            const auto before = ns::detail::audioCuesSoundsStarted();
            cues.play(ns::Cue::Hold);
            cues.setVolume(80);
            const bool ok = !cues.available() && cues.volume() == 80 &&
                            ns::detail::audioCuesSoundsStarted() == before;
            std::fflush(stdout);
            std::exit(ok ? 0 : 1);
        },
        testing::ExitedWithCode(0), "^$"); // no OpenAL or SFML noise (spdlog's default is stdout)
}
