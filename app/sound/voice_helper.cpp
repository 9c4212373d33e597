// Both ends of the conversation with the voice's helper, and the loading of the voice module in
// the helper.
#include "voice_helper.hpp"

#include "child_worker.hpp"
#include "modules.hpp"

#include <spdlog/spdlog.h>

#include <dlfcn.h>

#include <chrono>
#include <cstdint>

// The voice module's entry points (app/sound/voice_module.cpp).
extern "C" {
const char* nightstretch_voice_module_version();
int nightstretch_voice_serve(int fd);
}

namespace ns {
namespace {

constexpr const char* kModuleName = "libnightstretch_voice.so";
constexpr std::uint32_t kMaxTextBytes = 4096;
constexpr std::uint32_t kMaxPhraseSamples = 60u * 48000u; // a minute: far beyond any prompt

bool writeString(int fd, const std::string& text) {
    const auto size = static_cast<std::uint32_t>(text.size());
    return writeAll(fd, &size, sizeof size) && writeAll(fd, text.data(), text.size());
}

bool readString(int fd, std::string& text) {
    std::uint32_t size = 0;
    if (!readAll(fd, &size, sizeof size) || size > kMaxTextBytes) return false;
    text.resize(size);
    return readAll(fd, text.data(), size);
}

// In the helper: the module loaded, and the conversation handed to it; or, when it cannot be,
// the reason said as the first word.
int serveFromModule(int fd) {
    const std::string file = moduleFile(kModuleName).string();
    void* handle = ::dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
    const char* why = handle == nullptr ? ::dlerror() : nullptr;
    const auto version = symbolAs<decltype(&nightstretch_voice_module_version)>(
        handle != nullptr ? ::dlsym(handle, "nightstretch_voice_module_version") : nullptr);
    const auto serve = symbolAs<decltype(&nightstretch_voice_serve)>(
        handle != nullptr ? ::dlsym(handle, "nightstretch_voice_serve") : nullptr);
    if (version != nullptr && serve != nullptr && std::string(version()) == NS_VERSION)
        return serve(fd);
    const std::string problem =
        handle == nullptr
            ? std::string("the voice module did not load: ") + (why != nullptr ? why : file)
            : "the voice module " + file + " is from another build";
    const std::uint32_t loaded = 0;
    return writeAll(fd, &loaded, sizeof loaded) && writeString(fd, problem) ? 0 : 1;
}

long long steadyMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

VoiceHelper::VoiceHelper(std::unique_ptr<ChildWorker> worker)
    : m_worker(std::move(worker)), m_startedMs(steadyMs()) {}

VoiceHelper::~VoiceHelper() {
    // In the log file (scripts/bench reads it): the memory that stayed out of this process.
    const ChildWorker::End end = m_worker->finish();
    spdlog::debug("voice helper: {} phrase(s) in {} ms, peak {} kB, exit status {}", m_phrases,
                  steadyMs() - m_startedMs, end.peakKb, end.status);
}

int VoiceHelper::fd() const {
    return m_worker->fd();
}

std::unique_ptr<VoiceHelper> VoiceHelper::start() {
    std::unique_ptr<ChildWorker> worker = ChildWorker::start(serveFromModule);
    if (!worker) return nullptr;
    auto helper = std::unique_ptr<VoiceHelper>(new VoiceHelper(std::move(worker)));
    std::uint32_t loaded = 0;
    if (!readAll(helper->fd(), &loaded, sizeof loaded) ||
        (loaded != 1 && !readString(helper->fd(), helper->m_problem))) {
        helper->m_ended = true;
        helper->m_problem = "the voice's helper process ended at once";
        return helper;
    }
    helper->m_loaded = loaded == 1;
    return helper;
}

std::optional<PhraseAudio> VoiceHelper::synthesize(const std::string& text, std::string* problem) {
    std::uint32_t rate = 0;
    if (m_loaded && !m_ended && writeString(fd(), text) && readAll(fd(), &rate, sizeof rate)) {
        if (rate == 0) {
            if (readString(fd(), *problem)) return std::nullopt; // no sound for this one
        } else {
            ++m_phrases;
            std::uint32_t count = 0;
            PhraseAudio audio;
            audio.sampleRate = rate;
            if (readAll(fd(), &count, sizeof count) && count <= kMaxPhraseSamples) {
                audio.samples.resize(count);
                if (readAll(fd(), audio.samples.data(), count * sizeof(std::int16_t))) return audio;
            }
        }
    }
    if (!m_loaded) {
        *problem = m_problem;
        return std::nullopt;
    }
    m_ended = true;
    *problem = "the voice's helper process ended before saying '" + text + "'";
    return std::nullopt;
}

int serveVoiceHelper(int fd, const std::string& problem, const PhraseSynthesizer& synthesize) {
    const std::uint32_t loaded = problem.empty() ? 1 : 0;
    if (!writeAll(fd, &loaded, sizeof loaded)) return 1;
    if (loaded == 0) return writeString(fd, problem) ? 0 : 1;
    std::string text;
    std::string why;
    while (readString(fd, text)) {
        why.clear();
        const std::optional<PhraseAudio> audio = synthesize(text, &why);
        const std::uint32_t rate = audio ? audio->sampleRate : 0;
        if (!writeAll(fd, &rate, sizeof rate)) return 1;
        if (!audio) {
            if (!writeString(fd, why)) return 1;
            continue;
        }
        const auto count = static_cast<std::uint32_t>(audio->samples.size());
        if (!writeAll(fd, &count, sizeof count) ||
            !writeAll(fd, audio->samples.data(), count * sizeof(std::int16_t)))
            return 1;
    }
    return 0;
}

} // namespace ns
