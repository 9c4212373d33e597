// The voice's helper process: forked from this one while phrases are being prepared, it loads the
// voice module (Flite, lib/nightstretch/libnightstretch_voice.so) and synthesises phrase after
// phrase over a socket, so Flite's libraries and working memory are never this process's.
//
// The conversation: the helper first says whether its voice loaded (uint32 1, or 0 and the
// problem); then for each text it reads (uint32 length, bytes) it answers the sample rate (uint32,
// 0 when no sound came) and then the samples (uint32 count, int16 each) or the problem (uint32
// length, bytes). It ends at end of file.
#pragma once

#include "phrase_audio.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace ns {

class ChildWorker;

class VoiceHelper {
  public:
    // Forks the helper and reads its first word. Null when no process could be made.
    static std::unique_ptr<VoiceHelper> start();
    ~VoiceHelper(); // the helper sees end of file, is waited for, and what it cost is logged
    VoiceHelper(const VoiceHelper&) = delete;
    VoiceHelper& operator=(const VoiceHelper&) = delete;

    bool loaded() const { return m_loaded; }                 // it has a voice
    const std::string& problem() const { return m_problem; } // why not
    bool ended() const { return m_ended; }                   // it stopped answering: start another

    // The phrase's samples, or nullopt with why in `*problem`.
    std::optional<PhraseAudio> synthesize(const std::string& text, std::string* problem);

  private:
    explicit VoiceHelper(std::unique_ptr<ChildWorker> worker);
    int fd() const;

    std::unique_ptr<ChildWorker> m_worker;
    long long m_startedMs = 0;
    int m_phrases = 0;
    bool m_loaded = false;
    bool m_ended = false;
    std::string m_problem;
};

using PhraseSynthesizer =
    std::function<std::optional<PhraseAudio>(const std::string& text, std::string* problem)>;

// The helper's side, on its end of the socket (the voice module calls it): `problem` empty when
// the voice loaded. Returns the helper's exit status.
int serveVoiceHelper(int fd, const std::string& problem, const PhraseSynthesizer& synthesize);

} // namespace ns
