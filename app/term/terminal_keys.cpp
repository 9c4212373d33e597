// Reading keys: poll, then one byte at a time; an escape sequence's bytes follow at once.
#include "terminal_keys.hpp"

#include <poll.h>
#include <unistd.h>

#include <cctype>
#include <utility>

namespace ns {

namespace {

constexpr int kSequenceWaitMs = 50; // an arrow's bytes come together; a lone Esc has none after

// A byte read after an Esc that began no sequence: the next key's.
int g_pending = -1;

// A byte, -1 when none came in time, -2 when the input ended.
int readByte(int waitMs) {
    if (g_pending >= 0) return std::exchange(g_pending, -1);
    pollfd input{STDIN_FILENO, POLLIN, 0};
    if (poll(&input, 1, waitMs) <= 0) return -1;
    unsigned char byte = 0;
    return read(STDIN_FILENO, &byte, 1) == 1 ? byte : -2;
}

} // namespace

bool TermKey::is(char lower) const {
    return kind == Char && std::tolower(static_cast<unsigned char>(ch)) == lower;
}

TermKey readTermKey(int waitMs) {
    const int byte = readByte(waitMs);
    if (byte == -1) return {TermKey::None};
    if (byte == -2) return {TermKey::End};
    if (byte == '\n' || byte == '\r') return {TermKey::Enter};
    if (byte != 27) return {TermKey::Char, static_cast<char>(byte)};
    const int second = readByte(kSequenceWaitMs);
    if (second != '[' && second != 'O') {
        if (second >= 0) g_pending = second;
        return {TermKey::Escape};
    }
    switch (readByte(kSequenceWaitMs)) {
    case 'A':
        return {TermKey::Up};
    case 'B':
        return {TermKey::Down};
    case 'C':
        return {TermKey::Right};
    case 'D':
        return {TermKey::Left};
    default:
        return {TermKey::Other};
    }
}

} // namespace ns
