// Spoken prompts: phrases synthesised with Flite (voice cmu_us_slt, slowed to a calm pace) in a
// helper process forked for the purpose, so Flite's 5-10 MB are never this process's; matched in
// loudness to the chimes, cached by text, and played on the chimes' device. Without a voice there
// is one warning and the chimes go on alone.
#pragma once

#include "phrase_audio.hpp"
#include "voice_prompter.hpp"

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
class VoiceHelper;

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
    void donePreparing() override; // ends the helper; the next prepare() starts another
    void say(const std::string& text) override;
    void stop() override;
    bool audible() const override; // not muted, volume above 0

    // A prepared phrase's audio (tests save them as WAV), copied out; nullopt when not prepared.
    std::optional<PhraseAudio> phrase(const std::string& text) const;

  private:
    std::optional<PhraseAudio> synthesize(const std::string& text, std::string* problem);

    // One copy of the samples: the buffer's when there is an audio device, else `audio`'s.
    struct Entry {
        long long lengthMs = 0;
        PhraseAudio audio;                       // empty when there is a buffer
        std::unique_ptr<sf::SoundBuffer> buffer; // null without an audio device
    };
    AudioCues& m_audio;
    bool m_available = false;
    std::map<std::string, Entry> m_cache;
    std::unique_ptr<VoiceHelper> m_helper; // while phrases are being prepared
};

} // namespace ns
