// The sound of the terminal front ends (start --text, relief --text): the chimes' device and the
// voice, made when first needed. V turns the voice on or off and the choice is kept in
// settings.toml, as V does in the window.
#pragma once

#include "settings.hpp"

#include <filesystem>
#include <memory>
#include <string>

namespace ns {

class AudioCues;
class Speaker;
class Voice;

class TerminalSound {
  public:
    // `chimes`: the device is opened at once (a session's chimes); else only for the voice.
    // `settingsFile` is where V's choice is kept (empty: nowhere, for tests).
    TerminalSound(Settings settings, std::filesystem::path settingsFile, bool chimes);
    ~TerminalSound();
    TerminalSound(const TerminalSound&) = delete;
    TerminalSound& operator=(const TerminalSound&) = delete;

    AudioCues* audio(); // null without an audio device
    Speaker* voice();   // null when the voice is off or cannot speak
    bool voiceOn() const { return m_settings.voice; }
    // V: the voice off, or on; kept in the settings. The words to show ("Voice off (V turns it
    // on)", "Voice on", or why it cannot speak).
    std::string toggleVoice();

  private:
    Settings m_settings;
    std::filesystem::path m_settingsFile;
    bool m_audioTried = false;
    std::unique_ptr<AudioCues> m_audio;
    std::unique_ptr<Voice> m_voice;
};

} // namespace ns
