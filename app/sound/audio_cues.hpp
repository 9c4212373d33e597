// Soft chimes for every change of phase and ticks for the last seconds of a hold, synthesized
// at start-up. Works silently (with one warning) when there is no audio device. Between cues the
// audio device is paused, so no mixer runs while the person holds a stretch.
#pragma once

#include "phrase_plan.hpp"
#include "session.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace sf {
class SoundBuffer;
}

namespace ns {

// How long a cue's strike lasts: until its last note has struck and rung a moment (the long soft
// tail after it may sound under the voice). The whole cue for a tick.
long long cueStrikeMs(Cue cue);
CueStrikes cueStrikes(); // every cue's, for phrase planning

// A chime's tail still ringing when a phrase starts is lowered to this share of its gain (about
// -10 dB) so the words stand clear of it; the next chime plays at the full volume again.
constexpr float kTailDuck = 0.32f;

// Mono 16-bit PCM for one cue at `sampleRate`, at full (pre-volume) level: a soft bell with a
// slow decay for Hold, a different gentle tone for Switch/Rest/Done/Prepare, a soft short tick.
std::vector<std::int16_t> synthesizeCue(Cue cue, unsigned sampleRate = 44100);

class AudioCues final : public SessionObserver {
  public:
    AudioCues(); // probes the device; never throws
    ~AudioCues() override;

    bool available() const; // false: no audio device ("sound unavailable" on screen)

    void setVolume(int volume); // 0..100
    int volume() const;
    void setMuted(bool muted);
    bool muted() const;

    // True while the device is paused: nothing has sounded since the last cue rang out.
    bool devicePaused() const;
    // Voices sounding now (0 when unavailable).
    int soundsPlaying() const;

    void play(Cue cue); // no-op when unavailable or muted; resumes a paused device first
    void onCue(const CueEvent& event) override { play(event.cue); }

    // The voice's own channel, beside the chimes' (a tick never takes it), with the same volume
    // and mute. A chime's tail still ringing is ducked under it (kTailDuck). The buffer must
    // outlive its playing.
    void playVoice(const sf::SoundBuffer& buffer);
    void stopVoice();
    // The gain (SFML's 0..100) of the loudest chime sounding now; negative when none sounds.
    float loudestChimeGain() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace ns
