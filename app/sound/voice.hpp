// Spoken prompts: phrases synthesised in process with Flite (voice cmu_us_slt, slowed to a calm
// pace), matched in loudness to the chimes, cached by text, and played on the chimes' device.
// Without a voice there is one warning and the chimes go on alone.
#pragma once

#include "voice_prompter.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sf {
class SoundBuffer;
}

namespace ns {

class AudioCues;

struct PhraseAudio {
    std::vector<std::int16_t> samples; // mono
    unsigned sampleRate = 0;
    long long lengthMs() const;
};

// Flite's duration_stretch: 1 is Flite's own brisk pace; this is calmer, still natural.
constexpr float kVoiceStretch = 1.3f;

// RMS (a fraction of full scale) the voice is brought to: the chimes' own, averaged in dB over the
// phase chimes as they are synthesised (the soft tick left out).
double chimeRms();

// The phrase as 16-bit mono, at chimeRms(), its peaks kept below full scale, faded in and out;
// nullopt when no voice is available (the reason in `*problem`).
std::optional<PhraseAudio> synthesizePhrase(const std::string& text,
                                            std::string* problem = nullptr);

// RMS and peak of samples as fractions of full scale.
double rmsOf(const std::vector<std::int16_t>& samples);
double peakOf(const std::vector<std::int16_t>& samples);

class Voice final : public Speaker {
  public:
    // `audio` plays the phrases and must outlive this. With no audio device the phrases are still
    // synthesised (their lengths plan the timing) but nothing is played.
    explicit Voice(AudioCues& audio);
    ~Voice() override;
    Voice(const Voice&) = delete;
    Voice& operator=(const Voice&) = delete;

    // False when Flite has no voice: one warning was logged; prepare() answers -1.
    bool available() const;

    long long prepare(const std::string& text) override;
    void say(const std::string& text) override;
    void stop() override;
    bool audible() const override; // not muted, volume above 0

    // A prepared phrase's audio (tests save them as WAV); null when not prepared.
    const PhraseAudio* phrase(const std::string& text) const;

  private:
    struct Entry {
        PhraseAudio audio;
        std::unique_ptr<sf::SoundBuffer> buffer; // null without an audio device
    };
    AudioCues& m_audio;
    bool m_available = false;
    std::map<std::string, Entry> m_cache;
};

} // namespace ns
