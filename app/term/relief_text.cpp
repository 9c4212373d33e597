// The relief guide in the terminal: raw keys on a terminal, bytes from a pipe otherwise.
#include "relief_text.hpp"

#include "format.hpp"
#include "history.hpp"
#include "raw_terminal.hpp"
#include "terminal_keys.hpp"
#include "terminal_sound.hpp"
#include "trace.hpp"
#include "voice_prompter.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <thread>

namespace ns {
namespace {

enum class Key { Next, Back, Stop, Voice, Other, End };

// One key, waited for: the guide goes at the person's pace.
Key readKey() {
    const TermKey key = readTermKey(-1);
    switch (key.kind) {
    case TermKey::Enter:
    case TermKey::Right:
        return Key::Next;
    case TermKey::Left:
        return Key::Back;
    case TermKey::Escape:
        return Key::Stop;
    case TermKey::End:
    case TermKey::None:
        return Key::End;
    case TermKey::Char:
        if (key.is(' ') || key.is('n')) return Key::Next;
        if (key.is('b')) return Key::Back;
        if (key.is('q')) return Key::Stop;
        if (key.is('v')) return Key::Voice;
        return Key::Other;
    default:
        return Key::Other;
    }
}

// A sentence wrapped to the terminal, indented (a step's lines) or not.
void printWrapped(const std::string& sentence, const char* indent = "   ") {
    std::fputs(wrapText(sentence, terminalColumns(), indent, indent).c_str(), stdout);
}

// Says phrases in place of whatever is being said, and traces each (ms since the guide began).
class ReliefVoice {
  public:
    ReliefVoice(TerminalSound* sound, TraceWriter* trace) : m_sound(sound), m_trace(trace) {}
    // The phrase's length in ms, or -1 when it cannot be said (or the voice is off).
    long long say(const std::string& text) {
        Speaker* speaker = m_sound ? m_sound->voice() : nullptr;
        if (!speaker) return -1;
        speaker->stop();
        const long long lengthMs = speaker->prepare(text);
        speaker->donePreparing(); // one phrase at a time: a step lasts as long as the cramp
        if (lengthMs < 0) return -1;
        const long long dueMs = elapsedMs();
        speaker->say(text);
        if (m_trace) m_trace->say(text, dueMs, elapsedMs(), !speaker->audible());
        return lengthMs;
    }
    // V: off stops what is being said; on says the step again. The words to show.
    std::string toggle(const std::string& step) {
        if (!m_sound) return "Sound unavailable.";
        stop();
        std::string words = m_sound->toggleVoice();
        say(step);
        return words;
    }
    void stop() {
        if (Speaker* speaker = m_sound ? m_sound->voice() : nullptr) speaker->stop();
    }
    bool audible() {
        Speaker* speaker = m_sound ? m_sound->voice() : nullptr;
        return speaker != nullptr && speaker->audible();
    }

  private:
    long long elapsedMs() const {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now() - m_start)
            .count();
    }
    TerminalSound* m_sound;
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

int runReliefText(ReliefVariant variant, HistoryStore* history, DayStart dayStart,
                  TerminalSound* sound, TraceWriter* trace) {
    ReliefVoice voice(sound, trace);
    ReliefGuide guide(variant);
    RawTerminal terminal; // keys one at a time on a terminal; a pipe is read as it is

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

    printWrapped(
        std::string(reliefVariantTitle(variant)) +
            ". Take your time: Space (or Enter) when a step eases, B back, V voice on/off, "
            "Q stop.",
        "");
    // The urgent line first too: someone who stops after a step must already have read it.
    printWrapped(kReliefUrgentLine, "");
    printStep(guide);
    voice.say(guide.current().spoken);
    bool stopped = false;
    while (!guide.finished() && !stopped) {
        switch (readKey()) {
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
        case Key::Voice:
            std::printf("   %s\n", voice.toggle(guide.current().spoken).c_str());
            std::fflush(stdout);
            break;
        case Key::Other:
            break;
        }
    }
    std::printf("\n%s\n", guide.finished() ? "Well done. Sleep well." : "Stopped.");
    printWrapped(kReliefUrgentLine, "");
    if (reliefId != 0)
        printWrapped("Noted for the night of " + record.night + "; the morning check-in counts it.",
                     "");
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
