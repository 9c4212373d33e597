// Audio cues: additive synthesis of soft bells and ticks, and their playback through SFML with a
// quiet probe for the audio device so that a machine without sound stays silent and clean, and
// a watcher thread that pauses the device once the last cue has rung out.
#include "audio_cues.hpp"

#include "audio_device_pause.hpp"

#include <SFML/Audio/Sound.hpp>
#include <SFML/Audio/SoundBuffer.hpp>
#include <SFML/System/Err.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <mutex>
#include <string>
#include <thread>

#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>

namespace ns {

namespace {

constexpr double kPi = 3.14159265358979323846;

// One sine partial of a note: frequency as a ratio of the note's, relative amplitude, and the
// time constant of its exponential decay (higher partials die away sooner, as in a real bell).
struct Partial {
    double ratio;
    double amplitude;
    double decaySeconds;
};

struct Note {
    double startSeconds;
    double frequencyHz;
    double amplitude;
    double attackSeconds; // raised-cosine onset: no click
    std::vector<Partial> partials;
};

// A whole cue: its notes, its length, the fade that brings the last sample to zero, and the peak
// it is normalized to (a fraction of full scale; the loudest cue stays well below clipping).
struct Recipe {
    double durationSeconds;
    double fadeOutSeconds;
    double peak;
    std::vector<Note> notes;
};

// Bell-like inharmonic partials (a struck bar or small bell), the highest decaying fastest.
std::vector<Partial> bellPartials(double decaySeconds) {
    return {{1.0, 1.0, decaySeconds},
            {2.0, 0.42, decaySeconds * 0.62},
            {2.76, 0.26, decaySeconds * 0.4},
            {5.4, 0.09, decaySeconds * 0.18}};
}

// A rounder, near-harmonic mallet tone: clearly not the hold bell.
std::vector<Partial> malletPartials(double decaySeconds) {
    return {{1.0, 1.0, decaySeconds},
            {2.0, 0.22, decaySeconds * 0.5},
            {3.0, 0.06, decaySeconds * 0.25}};
}

Recipe recipeFor(Cue cue) {
    switch (cue) {
    case Cue::Hold: // D5 bell: the main "hold now" chime
        return {2.2, 0.2, 0.55, {{0.0, 587.33, 1.0, 0.015, bellPartials(0.6)}}};
    case Cue::Switch: // two mallet notes rising a fourth, G4 then C5: "change sides"
        return {1.8,
                0.2,
                0.46,
                {{0.0, 392.0, 0.9, 0.015, malletPartials(0.45)},
                 {0.28, 523.25, 1.0, 0.015, malletPartials(0.5)}}};
    case Cue::Rest: // a low, soft, almost pure E4
        return {2.0, 0.25, 0.4, {{0.0, 329.63, 1.0, 0.02, {{1.0, 1.0, 0.6}, {2.0, 0.12, 0.3}}}}};
    case Cue::Prepare: // a short quiet E5: "get ready"
        return {0.9, 0.15, 0.32, {{0.0, 659.26, 1.0, 0.015, malletPartials(0.28)}}};
    case Cue::Tick: // a short soft wooden "tock", far below the bell
        return {0.075,
                0.03,
                0.2,
                {{0.0,
                  1000.0,
                  1.0,
                  0.012,
                  {{1.0, 1.0, 0.02}, {2.43, 0.3, 0.008}, {0.5, 0.25, 0.025}}}}};
    case Cue::Done: // G5, E5, C5 descending: a calm resolution at the end
        return {2.6,
                0.25,
                0.55,
                {{0.0, 783.99, 0.8, 0.015, bellPartials(0.45)},
                 {0.38, 659.26, 0.9, 0.015, bellPartials(0.5)},
                 {0.76, 523.25, 1.0, 0.015, bellPartials(0.65)}}};
    }
    return {0.1, 0.05, 0.1, {}};
}

std::vector<std::int16_t> render(const Recipe& recipe, unsigned sampleRate) {
    const auto rate = static_cast<double>(sampleRate);
    const auto count = static_cast<std::size_t>(std::lround(recipe.durationSeconds * rate));
    std::vector<double> mix(count, 0.0);

    // Each partial is a decaying sine: amplitude·e^(−t/decay)·sin(ωt). Rather than an exp and a sin
    // a sample (tens of ms at start-up), it turns a phasor by a fixed decaying rotation each
    // sample: one complex multiply, the same samples to the last bit of the 16-bit output.
    for (const Note& note : recipe.notes) {
        const auto first = static_cast<std::size_t>(std::lround(note.startSeconds * rate));
        const auto attackSamples = static_cast<std::size_t>(std::ceil(note.attackSeconds * rate));
        for (const Partial& partial : note.partials) {
            const double omega = 2.0 * kPi * note.frequencyHz * partial.ratio / rate;
            const double shrink = std::exp(-1.0 / (partial.decaySeconds * rate));
            const double turnRe = shrink * std::cos(omega);
            const double turnIm = shrink * std::sin(omega);
            double re = note.amplitude * partial.amplitude;
            double im = 0.0; // the phasor at t = 0
            for (std::size_t i = first; i < count; ++i) {
                double value = im;
                if (i - first < attackSamples) {
                    const double t = static_cast<double>(i - first) / rate;
                    if (t < note.attackSeconds)
                        value *= 0.5 * (1.0 - std::cos(kPi * t / note.attackSeconds));
                }
                mix[i] += value;
                const double nextRe = re * turnRe - im * turnIm;
                im = re * turnIm + im * turnRe;
                re = nextRe;
            }
        }
    }

    // Raised-cosine fade over the tail so the cue ends at exactly zero, whatever is left ringing.
    const auto fadeCount = std::min(count, static_cast<std::size_t>(recipe.fadeOutSeconds * rate));
    for (std::size_t k = 0; k < fadeCount; ++k) {
        const double x = static_cast<double>(k + 1) / static_cast<double>(fadeCount);
        mix[count - fadeCount + k] *= 0.5 * (1.0 + std::cos(kPi * x));
    }

    double maxAbs = 0.0;
    for (double v : mix)
        maxAbs = std::max(maxAbs, std::abs(v));
    const double scale = maxAbs > 0.0 ? recipe.peak * 32767.0 / maxAbs : 0.0;

    std::vector<std::int16_t> samples(count);
    for (std::size_t i = 0; i < count; ++i) {
        const long value = std::lround(mix[i] * scale);
        samples[i] = static_cast<std::int16_t>(std::clamp(value, -32000L, 32000L));
    }
    return samples;
}

constexpr std::array<Cue, 6> kAllCues = {Cue::Prepare, Cue::Hold, Cue::Switch,
                                         Cue::Rest,    Cue::Tick, Cue::Done};
constexpr std::size_t kPoolSize = 6; // a tick can overlap a bell's tail, and a bell another's
// The highest partial of any cue is under 4.3 kHz (5.4 x G5): 22.05 kHz holds every one of them
// exactly, in half the memory of 44.1 kHz (the buffers are kept twice, by SFML and by OpenAL).
constexpr unsigned kSampleRate = 22050;

std::size_t cueIndex(Cue cue) {
    return static_cast<std::size_t>(cue);
}

// Counts sounds actually started, for the tests (declared there; not part of the interface).
std::atomic<unsigned long> g_soundsStarted{0};
// How long the last resume of a paused device took, in microseconds, for the tests' record.
std::atomic<long long> g_lastResumeMicros{-1};

using SteadyTime = std::chrono::steady_clock::time_point;
// The device is paused this long after the last cue's buffer has played out: the backend's own
// buffer (tens of ms) still holds the bell's last samples, and pausing drops what it holds.
constexpr std::chrono::milliseconds kRingOutMargin{300};
// When a voice still sounds at its expected end (the device runs behind the clock), look again.
constexpr std::chrono::milliseconds kRecheck{100};

// 0..100 to SFML's linear gain in percent. Loudness goes roughly with amplitude^0.6, so a power
// of 5/3 makes 50 sound about half as loud as 100 (-10 dB) while 100 stays the cue's own level.
float perceptualVolume(int volume) {
    const double x = static_cast<double>(volume) / 100.0;
    return static_cast<float>(100.0 * std::pow(x, 5.0 / 3.0));
}

// Sends the process's stderr to /dev/null for the lifetime of the object: libasound and OpenAL
// write straight to fd 2 when there is no device, and a user must not see a page of noise.
class StderrSilencer {
  public:
    StderrSilencer() {
        std::fflush(stderr);
        m_saved = ::dup(STDERR_FILENO);
        const int devNull = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
        if (m_saved >= 0 && devNull >= 0) ::dup2(devNull, STDERR_FILENO);
        if (devNull >= 0) ::close(devNull);
    }
    ~StderrSilencer() {
        std::fflush(stderr);
        if (m_saved >= 0) {
            ::dup2(m_saved, STDERR_FILENO);
            ::close(m_saved);
        }
    }
    StderrSilencer(const StderrSilencer&) = delete;
    StderrSilencer& operator=(const StderrSilencer&) = delete;

  private:
    int m_saved = -1;
};

// Silences sf::err() (SFML's own messages) while alive, then restores it.
class SfmlErrSilencer {
  public:
    SfmlErrSilencer() : m_saved(sf::err().rdbuf(nullptr)) {}
    ~SfmlErrSilencer() { sf::err().rdbuf(m_saved); } // rdbuf() also clears the bad bit
    SfmlErrSilencer(const SfmlErrSilencer&) = delete;
    SfmlErrSilencer& operator=(const SfmlErrSilencer&) = delete;

  private:
    std::streambuf* m_saved;
};

// Asks OpenAL itself whether a playback device opens. SFML 2.5 has no public way to tell: it
// prints to sf::err() and carries on with failing calls. The library is the one SFML is already
// linked against, looked up at run time so the build needs no OpenAL headers. Returns an empty
// string when a device opened, otherwise the reason.
std::string probeAudioDevice() {
    void* library = ::dlopen("libopenal.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!library) return "OpenAL library (libopenal.so.1) not found";
    using OpenDevice = void* (*)(const char*);
    using CloseDevice = char (*)(void*);
    auto openDevice = reinterpret_cast<OpenDevice>(::dlsym(library, "alcOpenDevice"));
    auto closeDevice = reinterpret_cast<CloseDevice>(::dlsym(library, "alcCloseDevice"));
    std::string problem;
    if (!openDevice || !closeDevice) {
        problem = "OpenAL library lacks alcOpenDevice";
    } else {
        void* device = nullptr;
        {
            StderrSilencer quiet;
            device = openDevice(nullptr);
        }
        if (device)
            closeDevice(device);
        else
            problem = "no audio output device could be opened";
    }
    ::dlclose(library);
    return problem;
}

} // namespace

namespace detail {
unsigned long audioCuesSoundsStarted() {
    return g_soundsStarted.load();
}
long long audioCuesLastResumeMicros() {
    return g_lastResumeMicros.load();
}
} // namespace detail

// A note has struck once its onset is over and it has rung this long.
constexpr double kStrikeRingSeconds = 0.35;

long long cueStrikeMs(Cue cue) {
    const Recipe recipe = recipeFor(cue);
    double strike = 0.0;
    for (const Note& note : recipe.notes)
        strike = std::max(strike, note.startSeconds + note.attackSeconds + kStrikeRingSeconds);
    return std::lround(std::min(strike, recipe.durationSeconds) * 1000.0);
}

CueStrikes cueStrikes() {
    CueStrikes strikes{};
    for (Cue cue : kAllCues)
        strikes[cueIndex(cue)] = cueStrikeMs(cue);
    return strikes;
}

std::vector<std::int16_t> synthesizeCue(Cue cue, unsigned sampleRate) {
    if (sampleRate == 0) return {};
    return render(recipeFor(cue), sampleRate);
}

namespace {

// The SFML side, made only once a device is known to open: merely constructing a buffer or a
// sound makes SFML open the device, and complain loudly when it cannot.
struct Playback {
    // Buffers are declared before the sounds that use them, so sounds are destroyed first.
    std::array<sf::SoundBuffer, kAllCues.size()> buffers;
    std::array<sf::Sound, kPoolSize> pool;
    sf::Sound voice;                                  // spoken prompts: never taken for a chime
    std::array<unsigned long, kPoolSize> startedAt{}; // play order, to reuse the oldest voice
    unsigned long playCount = 0;
};

} // namespace

struct AudioCues::Impl {
    int volume = 70;
    bool muted = false;
    std::unique_ptr<Playback> playback; // null: sound unavailable

    // The watcher thread and play() both touch the sounds and the device: all under `mutex`.
    mutable std::mutex mutex;
    std::condition_variable wake;
    AudioDevicePause device;
    bool paused = false;
    bool stopping = false;
    SteadyTime quietAfter{}; // when every cue started so far will have rung out
    std::thread watcher;

    int sounding() const {
        int count = 0;
        if (playback)
            for (const sf::Sound& sound : playback->pool)
                count += sound.getStatus() == sf::Sound::Playing ? 1 : 0;
        if (playback && playback->voice.getStatus() == sf::Sound::Playing) ++count;
        return count;
    }

    void resumeDevice();                // under `mutex`
    void keepAwakeFor(sf::Time length); // under `mutex`: a sound of this length starts now

    // Sleeps until the last cue has rung out, then pauses the device until play() resumes it.
    void watch() {
        std::unique_lock<std::mutex> lock(mutex);
        while (!stopping) {
            if (paused) {
                wake.wait(lock);
                continue;
            }
            const SteadyTime now = std::chrono::steady_clock::now();
            if (now < quietAfter) {
                wake.wait_until(lock, quietAfter);
                continue;
            }
            if (sounding() > 0) {
                quietAfter = now + kRecheck;
                continue;
            }
            device.pause();
            paused = true;
        }
    }
};

AudioCues::AudioCues() {
    m_impl = std::make_unique<Impl>();
    const std::string problem = probeAudioDevice();
    if (!problem.empty()) {
        // No SFML audio object is ever made, so SFML never opens (and never complains about) it.
        spdlog::warn("sound unavailable: {}; continuing silently", problem);
        return;
    }

    try {
        SfmlErrSilencer quiet;
        auto playback = std::make_unique<Playback>();
        bool loaded = true;
        for (Cue cue : kAllCues) {
            const std::vector<std::int16_t> samples = synthesizeCue(cue, kSampleRate);
            loaded = loaded && playback->buffers[cueIndex(cue)].loadFromSamples(
                                   samples.data(), samples.size(), 1, kSampleRate);
        }
        if (!loaded) {
            spdlog::warn("sound unavailable: the chimes could not be loaded; continuing silently");
            return;
        }
        m_impl->playback = std::move(playback);
        m_impl->device = AudioDevicePause(); // SFML's device is open now that buffers exist
    } catch (const std::exception& error) {  // e.g. out of memory: still no reason to stop the app
        spdlog::warn("sound unavailable: {}; continuing silently", error.what());
        return;
    }
    setVolume(m_impl->volume);
    if (m_impl->device.supported())
        m_impl->watcher = std::thread([impl = m_impl.get()] { impl->watch(); });
    else
        spdlog::info("the audio device cannot be paused between cues");
}

AudioCues::~AudioCues() {
    if (!m_impl->watcher.joinable()) return;
    {
        std::lock_guard<std::mutex> lock(m_impl->mutex);
        m_impl->stopping = true;
    }
    m_impl->wake.notify_one();
    m_impl->watcher.join();
}

bool AudioCues::available() const {
    return m_impl->playback != nullptr;
}

// Applies to voices already sounding too: OpenAL ramps gain changes, so this does not click.
void AudioCues::setVolume(int volume) {
    std::lock_guard<std::mutex> lock(m_impl->mutex);
    m_impl->volume = std::clamp(volume, 0, 100);
    if (!m_impl->playback) return;
    const float gain = perceptualVolume(m_impl->volume);
    // A tail ducked under the voice stays ducked while the voice speaks.
    const bool speaking = m_impl->playback->voice.getStatus() == sf::Sound::Playing;
    for (sf::Sound& sound : m_impl->playback->pool)
        sound.setVolume(speaking && sound.getStatus() == sf::Sound::Playing ? gain * kTailDuck
                                                                            : gain);
    m_impl->playback->voice.setVolume(gain);
}

int AudioCues::volume() const {
    return m_impl->volume;
}

// Muting lets a chime already sounding ring out: cutting it off mid-decay would click.
void AudioCues::setMuted(bool muted) {
    m_impl->muted = muted;
}

bool AudioCues::muted() const {
    return m_impl->muted;
}

bool AudioCues::devicePaused() const {
    std::lock_guard<std::mutex> lock(m_impl->mutex);
    return m_impl->paused;
}

int AudioCues::soundsPlaying() const {
    std::lock_guard<std::mutex> lock(m_impl->mutex);
    return m_impl->sounding();
}

void AudioCues::Impl::resumeDevice() {
    if (!paused) return;
    const auto before = std::chrono::steady_clock::now();
    device.resume();
    paused = false;
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - before);
    g_lastResumeMicros = micros.count();
    spdlog::debug("audio device resumed in {} us", micros.count());
}

void AudioCues::Impl::keepAwakeFor(sf::Time length) {
    const auto ringsOutAt = std::chrono::steady_clock::now() +
                            std::chrono::microseconds(length.asMicroseconds()) + kRingOutMargin;
    quietAfter = std::max(quietAfter, ringsOutAt);
    wake.notify_one();
}

void AudioCues::playVoice(const sf::SoundBuffer& buffer) {
    if (!m_impl->playback || m_impl->muted || m_impl->volume == 0) return;
    std::lock_guard<std::mutex> lock(m_impl->mutex);
    m_impl->resumeDevice();
    sf::Sound& voice = m_impl->playback->voice;
    SfmlErrSilencer quiet;
    // OpenAL ramps a gain change over a few ms, so the duck does not click.
    const float ducked = perceptualVolume(m_impl->volume) * kTailDuck;
    for (sf::Sound& chime : m_impl->playback->pool)
        if (chime.getStatus() == sf::Sound::Playing) chime.setVolume(ducked);
    voice.stop();
    voice.setBuffer(buffer);
    voice.setVolume(perceptualVolume(m_impl->volume));
    voice.play();
    m_impl->keepAwakeFor(buffer.getDuration());
}

float AudioCues::loudestChimeGain() const {
    std::lock_guard<std::mutex> lock(m_impl->mutex);
    float loudest = -1.f;
    if (m_impl->playback)
        for (const sf::Sound& chime : m_impl->playback->pool)
            if (chime.getStatus() == sf::Sound::Playing)
                loudest = std::max(loudest, chime.getVolume());
    return loudest;
}

void AudioCues::stopVoice() {
    if (!m_impl->playback) return;
    std::lock_guard<std::mutex> lock(m_impl->mutex);
    SfmlErrSilencer quiet;
    m_impl->playback->voice.stop();
}

void AudioCues::play(Cue cue) {
    if (!m_impl->playback || m_impl->muted || m_impl->volume == 0) return;
    std::lock_guard<std::mutex> lock(m_impl->mutex);
    Playback& playback = *m_impl->playback;
    m_impl->resumeDevice();

    // A free voice if there is one, else the one started longest ago (its tail is the quietest).
    std::size_t slot = 0;
    bool found = false;
    for (std::size_t i = 0; i < playback.pool.size() && !found; ++i) {
        if (playback.pool[i].getStatus() == sf::Sound::Stopped) {
            slot = i;
            found = true;
        }
    }
    if (!found)
        slot = static_cast<std::size_t>(
            std::min_element(playback.startedAt.begin(), playback.startedAt.end()) -
            playback.startedAt.begin());

    sf::Sound& sound = playback.pool[slot];
    SfmlErrSilencer quiet;
    sound.stop();
    sound.setBuffer(playback.buffers[cueIndex(cue)]);
    sound.setVolume(perceptualVolume(m_impl->volume));
    sound.play();
    playback.startedAt[slot] = ++playback.playCount;
    ++g_soundsStarted;
    m_impl->keepAwakeFor(playback.buffers[cueIndex(cue)].getDuration());
}

} // namespace ns
