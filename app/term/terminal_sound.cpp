// The terminal's chimes and voice, and V's choice kept with the one settings writer.
#include "terminal_sound.hpp"

#include "audio_cues.hpp"
#include "voice.hpp"

#include <spdlog/spdlog.h>

namespace ns {

TerminalSound::TerminalSound(Settings settings, std::filesystem::path settingsFile, bool chimes)
    : m_settings(std::move(settings)), m_settingsFile(std::move(settingsFile)) {
    if (chimes) audio();
}

TerminalSound::~TerminalSound() = default; // the voice goes before the device it plays on

AudioCues* TerminalSound::audio() {
    if (!m_audioTried) {
        m_audioTried = true;
        m_audio = std::make_unique<AudioCues>();
        m_audio->setVolume(m_settings.volume);
        m_audio->setMuted(m_settings.muted);
    }
    return m_audio && m_audio->available() ? m_audio.get() : nullptr;
}

Speaker* TerminalSound::voice() {
    if (!m_settings.voice) return nullptr;
    AudioCues* device = audio();
    if (device == nullptr) return nullptr;
    if (!m_voice) m_voice = std::make_unique<Voice>(*device);
    return m_voice->available() ? m_voice.get() : nullptr;
}

std::string TerminalSound::toggleVoice() {
    m_settings.voice = !m_settings.voice;
    if (!m_settingsFile.empty() && !m_settings.save(m_settingsFile))
        spdlog::warn("could not save settings to {}", m_settingsFile.string());
    if (!m_settings.voice) return "Voice off (V turns it on).";
    if (voice() != nullptr) return "Voice on.";
    return audio() != nullptr ? "Voice unavailable." : "Sound unavailable.";
}

} // namespace ns
