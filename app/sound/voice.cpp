// The voice: phrases from the helper process, cached by text, played on the chimes' device.
#include "voice.hpp"

#include "audio_cues.hpp"
#include "voice_helper.hpp"

#include <SFML/Audio/SoundBuffer.hpp>
#include <spdlog/spdlog.h>

namespace ns {

Voice::Voice(AudioCues& audio) : m_audio(audio) {
    // Asked of a helper that ends at once: Flite's voice is never loaded in this process.
    std::string problem = "no process could be started for it";
    if (const std::unique_ptr<VoiceHelper> helper = VoiceHelper::start()) {
        m_available = helper->loaded();
        problem = helper->problem();
    }
    if (!m_available) spdlog::warn("voice unavailable: {}; chimes only", problem);
}

Voice::~Voice() {
    // A phrase still sounding plays from a buffer this owns.
    m_audio.stopVoice();
}

std::optional<PhraseAudio> Voice::synthesize(const std::string& text, std::string* problem) {
    if (!m_helper) m_helper = VoiceHelper::start();
    if (!m_helper) {
        *problem = "no process could be started for the voice";
        return std::nullopt;
    }
    std::optional<PhraseAudio> audio = m_helper->synthesize(text, problem);
    if (m_helper->ended()) m_helper.reset(); // the next phrase starts a new one
    return audio;
}

void Voice::donePreparing() {
    m_helper.reset();
}

bool Voice::available() const {
    return m_available;
}

long long Voice::prepare(const std::string& text) {
    if (!m_available) return -1;
    if (const auto found = m_cache.find(text); found != m_cache.end())
        return found->second.lengthMs;
    std::string problem;
    std::optional<PhraseAudio> audio = synthesize(text, &problem);
    if (!audio) {
        spdlog::warn("voice: {}", problem);
        return -1;
    }
    Entry entry;
    entry.lengthMs = audio->lengthMs();
    if (m_audio.available()) {
        auto buffer = std::make_unique<sf::SoundBuffer>();
        if (buffer->loadFromSamples(audio->samples.data(), audio->samples.size(), 1,
                                    audio->sampleRate))
            entry.buffer = std::move(buffer);
    }
    if (!entry.buffer) entry.audio = std::move(*audio); // else the buffer's copy is the one kept
    const long long length = entry.lengthMs;
    m_cache.emplace(text, std::move(entry));
    return length;
}

void Voice::say(const std::string& text) {
    const auto found = m_cache.find(text);
    if (found == m_cache.end() || !found->second.buffer) return;
    m_audio.playVoice(*found->second.buffer);
}

void Voice::stop() {
    m_audio.stopVoice();
}

bool Voice::audible() const {
    return !m_audio.muted() && m_audio.volume() > 0;
}

std::optional<PhraseAudio> Voice::phrase(const std::string& text) const {
    const auto found = m_cache.find(text);
    if (found == m_cache.end()) return std::nullopt;
    const Entry& entry = found->second;
    if (!entry.buffer) return entry.audio;
    PhraseAudio audio;
    audio.sampleRate = entry.buffer->getSampleRate();
    audio.samples.assign(entry.buffer->getSamples(),
                         entry.buffer->getSamples() + entry.buffer->getSampleCount());
    return audio;
}

} // namespace ns
