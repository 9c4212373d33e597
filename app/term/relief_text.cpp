// The relief guide in the terminal: raw keys on a terminal, bytes from a pipe otherwise.
#include "relief_text.hpp"

#include "history.hpp"
#include "raw_terminal.hpp"
#include "trace.hpp"
#include "voice_prompter.hpp"

#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <thread>

namespace ns {
namespace {

enum class Key { Next, Back, Stop, Other, End };

// One key: a byte, or an arrow's escape sequence. A lone Esc (nothing follows at once) is Stop.
Key readKey(bool terminal) {
    auto readByte = [terminal](int waitMs) -> int {
        if (terminal) {
            pollfd input{STDIN_FILENO, POLLIN, 0};
            if (poll(&input, 1, waitMs) <= 0) return -1;
        }
        unsigned char byte = 0;
        return read(STDIN_FILENO, &byte, 1) == 1 ? byte : -2;
    };
    const int byte = readByte(-1);
    switch (byte) {
    case -1:
    case -2:
        return Key::End;
    case ' ':
    case '\n':
    case '\r':
    case 'n':
    case 'N':
        return Key::Next;
    case 'b':
    case 'B':
        return Key::Back;
    case 'q':
    case 'Q':
        return Key::Stop;
    case 27: {
        const int second = readByte(50);
        if (second != '[') return Key::Stop;
        const int third = readByte(50);
        if (third == 'C') return Key::Next;
        if (third == 'D') return Key::Back;
        return Key::Other;
    }
    default:
        return Key::Other;
    }
}

// A sentence in lines of at most 72 characters, indented.
void printWrapped(const std::string& sentence) {
    constexpr std::size_t kWidth = 72;
    std::string line;
    std::size_t start = 0;
    while (start < sentence.size()) {
        std::size_t end = sentence.find(' ', start);
        if (end == std::string::npos) end = sentence.size();
        const std::string word = sentence.substr(start, end - start);
        if (!line.empty() && line.size() + 1 + word.size() > kWidth) {
            std::printf("   %s\n", line.c_str());
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
        start = end + 1;
    }
    if (!line.empty()) std::printf("   %s\n", line.c_str());
}

// Says phrases in place of whatever is being said, and traces each (ms since the guide began).
class ReliefVoice {
  public:
    ReliefVoice(Speaker* speaker, TraceWriter* trace) : m_speaker(speaker), m_trace(trace) {}
    // The phrase's length in ms, or -1 when it cannot be said.
    long long say(const std::string& text) {
        if (!m_speaker) return -1;
        m_speaker->stop();
        const long long lengthMs = m_speaker->prepare(text);
        m_speaker->donePreparing(); // one phrase at a time: a step lasts as long as the cramp
        if (lengthMs < 0) return -1;
        const long long dueMs = elapsedMs();
        m_speaker->say(text);
        if (m_trace) m_trace->say(text, dueMs, elapsedMs(), !m_speaker->audible());
        return lengthMs;
    }
    void stop() {
        if (m_speaker) m_speaker->stop();
    }
    bool audible() const { return m_speaker != nullptr && m_speaker->audible(); }

  private:
    long long elapsedMs() const {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now() - m_start)
            .count();
    }
    Speaker* m_speaker;
    TraceWriter* m_trace;
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
};

void printStep(const ReliefGuide& guide) {
    const ReliefStep& step = guide.current();
    std::printf("\n%zu of %zu  %s\n", guide.index() + 1, guide.steps().size(), step.title.c_str());
    for (const std::string& line : step.lines)
        printWrapped(line);
    std::printf("   (%s)\n", guide.isLast() ? "Space when you are done" : "Space when it eases");
    std::fflush(stdout);
}

} // namespace

int runReliefText(ReliefVariant variant, HistoryStore* history, DayStart dayStart, Speaker* speaker,
                  TraceWriter* trace) {
    ReliefVoice voice(speaker, trace);
    ReliefGuide guide(variant);
    RawTerminal terminal;
    const bool interactive = terminal.active();

    const std::time_t now = std::time(nullptr);
    long long reliefId = 0;
    ReliefRecord record;
    record.night = nightOf(now, dayStart).str();
    record.startedAt = now;
    record.variant = reliefVariantName(variant);
    if (history) {
        reliefId = history->addRelief(record);
        if (reliefId == 0)
            std::fprintf(stderr,
                         "nightstretch: this relief could not be saved to the history: %s\n",
                         history->lastError().c_str());
    }

    std::printf("%s. Take your time: Space (or Enter) when a step eases, B back, Q stop.\n",
                reliefVariantTitle(variant));
    // The urgent line first too: someone who stops after a step must already have read it.
    std::printf("%s\n", kReliefUrgentLine);
    printStep(guide);
    voice.say(guide.current().spoken);
    bool stopped = false;
    while (!guide.finished() && !stopped) {
        switch (readKey(interactive)) {
        case Key::Next:
            guide.next();
            if (reliefId != 0) history->updateRelief(reliefId, guide.stepsDone());
            if (!guide.finished()) {
                printStep(guide);
                voice.say(guide.current().spoken);
            }
            break;
        case Key::Back:
            if (guide.back()) {
                printStep(guide);
                voice.say(guide.current().spoken);
            }
            break;
        case Key::Stop:
        case Key::End:
            stopped = true;
            break;
        case Key::Other:
            break;
        }
    }
    std::printf("\n%s\n%s\n", guide.finished() ? "Well done. Sleep well." : "Stopped.",
                kReliefUrgentLine);
    if (reliefId != 0)
        std::printf("Noted for the night of %s; the morning check-in counts it.\n",
                    record.night.c_str());
    std::fflush(stdout);
    if (!guide.finished()) {
        voice.stop();
        return 0;
    }
    // The last words are heard whole: the process waits for them, as the window does.
    const long long lengthMs = voice.say("Well done. Sleep well.");
    if (lengthMs > 0 && voice.audible())
        std::this_thread::sleep_for(std::chrono::milliseconds(lengthMs + 200));
    return 0;
}

} // namespace ns
