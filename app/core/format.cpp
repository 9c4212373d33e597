#include "format.hpp"

#include <cstdio>

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

} // namespace ns
