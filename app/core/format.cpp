// Small text helpers: clock and minute figures, and the terminal's wrapping.
#include "format.hpp"

#include <cstdio>
#include <sstream>

namespace ns {

std::string formatClock(long long seconds) {
    if (seconds < 0) seconds = 0;
    char text[32];
    const long long hours = seconds / 3600;
    const long long minutes = (seconds / 60) % 60;
    const long long secs = seconds % 60;
    if (hours > 0)
        std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", hours, minutes, secs);
    else
        std::snprintf(text, sizeof text, "%lld:%02lld", minutes, secs);
    return text;
}

std::string formatMinutes(long long seconds) {
    if (seconds < 60) return std::to_string(seconds) + " s";
    std::string out = std::to_string(seconds / 60) + " min";
    if (seconds % 60 != 0) out += " " + std::to_string(seconds % 60) + " s";
    return out;
}

namespace {

// Characters, not bytes: a UTF-8 continuation byte adds nothing.
std::size_t columnsOf(const std::string& text) {
    std::size_t count = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++count;
    return count;
}

} // namespace

std::string wrapText(const std::string& text, std::size_t width, const std::string& firstPrefix,
                     const std::string& restPrefix) {
    std::istringstream words(text);
    std::string out;
    std::string line = firstPrefix;
    std::size_t lineColumns = columnsOf(firstPrefix);
    bool lineHasWord = false;
    std::string word;
    while (words >> word) {
        const std::size_t wordColumns = columnsOf(word);
        if (lineHasWord && lineColumns + 1 + wordColumns > width) {
            out += line + '\n';
            line = restPrefix;
            lineColumns = columnsOf(restPrefix);
            lineHasWord = false;
        }
        if (lineHasWord) {
            line += ' ';
            ++lineColumns;
        }
        line += word;
        lineColumns += wordColumns;
        lineHasWord = true;
    }
    return out + line + '\n';
}

} // namespace ns
