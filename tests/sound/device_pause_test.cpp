// The audio device is paused between cues and resumed for the next, through OpenAL itself: the
// null driver for the states, the wave driver (a real mixer thread writing a file) for what would
// be heard. The wave run is kept as a WAV and the resume latency as text under NS_ARTIFACTS_DIR.
#include "audio_cues.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

namespace ns::detail {
long long audioCuesLastResumeMicros(); // defined in audio_cues.cpp, for tests only
}

namespace {

const std::filesystem::path kArtifacts = std::filesystem::path(NS_ARTIFACTS_DIR) / "audio";

// Waits for the watcher thread to pause the device; the bound is far above a cue's length so
// that a busy machine only makes the test slower, never wrong.
bool waitUntilPaused(const ns::AudioCues& cues) {
    const auto giveUp = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!cues.devicePaused()) {
        if (std::chrono::steady_clock::now() > giveUp) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

void appendLine(const std::filesystem::path& file, const std::string& line) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::app) << line << '\n';
}

// OpenAL's wave driver, set up for a child process (OpenAL reads its configuration once).
void useWaveDriver(const std::filesystem::path& output) {
    const auto config = output.parent_path() / "alsoft-wave.conf";
    std::ofstream(config) << "[general]\ndrivers=wave\nfrequency=44100\nchannels=stereo\n"
                          << "sample-type=float32\n[wave]\nfile=" << output.string() << '\n';
    setenv("ALSOFT_CONF", config.c_str(), 1);
    setenv("ALSOFT_DRIVERS", "wave", 1);
}

// The wave driver's samples (float32 stereo), left channel. Its header cannot be trusted: 1.19
// leaves the file position at byte 8 when the device is paused, so the audio after a resume is
// written from byte 8 on. The run below pauses once before its one cue, so the cue starts there.
std::vector<float> readWaveDriverLeftChannel(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    const std::vector<char> bytes{std::istreambuf_iterator<char>(in), {}};
    std::vector<float> left;
    for (std::size_t at = 8; at + 8 <= bytes.size(); at += 8) {
        float value = 0.f;
        std::memcpy(&value, bytes.data() + at, sizeof value);
        left.push_back(std::isfinite(value) ? value : 0.f);
    }
    return left;
}

void writeMonoWav(const std::filesystem::path& file, const std::vector<float>& samples,
                  unsigned rate) {
    auto put = [](std::ofstream& out, std::uint32_t value, int bytes) {
        for (int i = 0; i < bytes; ++i)
            out.put(static_cast<char>((value >> (8 * i)) & 0xff));
    };
    std::ofstream out(file, std::ios::binary);
    const auto dataBytes = static_cast<std::uint32_t>(samples.size() * 2);
    out.write("RIFF", 4);
    put(out, 36 + dataBytes, 4);
    out.write("WAVEfmt ", 8);
    put(out, 16, 4);
    put(out, 1, 2); // PCM
    put(out, 1, 2); // mono
    put(out, rate, 4);
    put(out, rate * 2, 4);
    put(out, 2, 2);
    put(out, 16, 2);
    out.write("data", 4);
    put(out, dataBytes, 4);
    for (float s : samples)
        put(out, static_cast<std::uint16_t>(std::lround(std::clamp(s, -1.f, 1.f) * 32767.f)), 2);
}

} // namespace

TEST(AudioDevicePause, PausesOnceACueHasRungOutAndResumesForTheNext) {
    setenv("ALSOFT_DRIVERS", "null", 0);
    ns::AudioCues cues;
    ASSERT_TRUE(cues.available());
    ASSERT_TRUE(waitUntilPaused(cues)) << "the device should rest while nothing has sounded";

    cues.play(ns::Cue::Hold);
    EXPECT_FALSE(cues.devicePaused());
    EXPECT_EQ(cues.soundsPlaying(), 1);
    const long long firstResume = ns::detail::audioCuesLastResumeMicros();
    EXPECT_GE(firstResume, 0);

    // Only a running mixer plays the bell to its end, and only then does the device pause.
    ASSERT_TRUE(waitUntilPaused(cues)) << "the bell never rang out: the device did not resume";
    EXPECT_EQ(cues.soundsPlaying(), 0);

    cues.play(ns::Cue::Switch);
    EXPECT_FALSE(cues.devicePaused());
    EXPECT_EQ(cues.soundsPlaying(), 1) << "a cue right after a pause must sound";
    ASSERT_TRUE(waitUntilPaused(cues));

    appendLine(kArtifacts / "resume-latency.txt",
               "null driver: resume before a cue took " + std::to_string(firstResume) +
                   " us, then " + std::to_string(ns::detail::audioCuesLastResumeMicros()) + " us");
}

TEST(AudioDevicePause, NoPauseWhileACueStillSounds) {
    setenv("ALSOFT_DRIVERS", "null", 0);
    ns::AudioCues cues;
    ASSERT_TRUE(cues.available());
    cues.play(ns::Cue::Done); // the longest cue: three bells
    for (int i = 0; i < 100 && cues.soundsPlaying() > 0; ++i) {
        EXPECT_FALSE(cues.devicePaused());
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

TEST(AudioDevicePause, MutedCuesLeaveThePausedDeviceAtRest) {
    setenv("ALSOFT_DRIVERS", "null", 0);
    ns::AudioCues cues;
    ASSERT_TRUE(cues.available());
    ASSERT_TRUE(waitUntilPaused(cues));
    cues.setMuted(true);
    cues.play(ns::Cue::Hold);
    EXPECT_TRUE(cues.devicePaused());
    EXPECT_EQ(cues.soundsPlaying(), 0);
}

// In a fresh child process, since OpenAL reads its driver and configuration once per process.
TEST(AudioDevicePauseDeathTest, TheWaveDriverGetsTheWholeBellAfterAResume) {
    std::filesystem::create_directories(kArtifacts);
    const auto raw = kArtifacts / "wave-driver-raw.bin";
    std::filesystem::remove(raw);
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_EXIT(
        {
            useWaveDriver(raw);
            int code = 0;
            {
                ns::AudioCues cues;
                cues.setVolume(100);
                if (!cues.available())
                    code = 2;
                else if (!waitUntilPaused(cues))
                    code = 3;
                else {
                    cues.play(ns::Cue::Hold);
                    if (!waitUntilPaused(cues)) code = 4;
                    appendLine(kArtifacts / "resume-latency.txt",
                               "wave driver: resume before a cue took " +
                                   std::to_string(ns::detail::audioCuesLastResumeMicros()) + " us");
                }
            }
            std::exit(code);
        },
        testing::ExitedWithCode(0), "");

    constexpr unsigned kRate = 44100;
    const std::vector<float> left = readWaveDriverLeftChannel(raw);
    ASSERT_FALSE(left.empty());
    float peak = 0.f;
    for (float s : left)
        peak = std::max(peak, std::abs(s));
    ASSERT_GT(peak, 0.05f) << "the bell is missing from what the driver wrote";
    // Where the bell is audible (above -60 dB of its peak) and how much quiet follows it.
    const float threshold = peak * 0.001f;
    const auto loud = [threshold](float s) { return std::abs(s) > threshold; };
    const auto first = std::find_if(left.begin(), left.end(), loud);
    const auto last = std::find_if(left.rbegin(), left.rend(), loud).base();
    const double bellSeconds = static_cast<double>(last - first) / kRate;
    const double quietAfter = static_cast<double>(left.end() - last) / kRate;
    const double quietBefore = static_cast<double>(first - left.begin()) / kRate;
    writeMonoWav(kArtifacts / "hold-through-the-wave-driver.wav", left, kRate);

    // The synthesized bell lasts 2.2 s, its last 0.2 s a fade: all of it before the pause.
    EXPECT_GT(bellSeconds, 1.9);
    EXPECT_LT(bellSeconds, 2.3);
    EXPECT_GT(quietAfter, 0.05) << "the device was paused before the bell's tail was written";
    EXPECT_LT(quietBefore, 0.25) << "the bell started late after the resume";
}
