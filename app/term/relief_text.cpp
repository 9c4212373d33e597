// The relief guide in the terminal: raw keys on a terminal, bytes from a pipe otherwise.
#include "relief_text.hpp"

#include "history.hpp"
#include "raw_terminal.hpp"

#include <poll.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>

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

void printStep(const ReliefGuide& guide) {
    const ReliefStep& step = guide.current();
    std::printf("\n%zu of %zu  %s\n", guide.index() + 1, guide.steps().size(), step.title.c_str());
    for (const std::string& line : step.lines)
        printWrapped(line);
    std::printf("   (%s)\n", guide.isLast() ? "Space when you are done" : "Space when it eases");
    std::fflush(stdout);
}

} // namespace

int runReliefText(ReliefVariant variant, HistoryStore* history, DayStart dayStart) {
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
    printStep(guide);
    bool stopped = false;
    while (!guide.finished() && !stopped) {
        switch (readKey(interactive)) {
        case Key::Next:
            guide.next();
            if (reliefId != 0) history->updateRelief(reliefId, guide.stepsDone());
            if (!guide.finished()) printStep(guide);
            break;
        case Key::Back:
            if (guide.back()) printStep(guide);
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
    return 0;
}

} // namespace ns
