// The countdown line, from the most to the least it can say.
#include "countdown_line.hpp"

#include <vector>

namespace ns {

std::string countdownLine(const CountdownLineParts& parts, int columns) {
    const std::size_t room = columns > 1 ? static_cast<std::size_t>(columns - 1) : 0;
    const std::string clock = parts.phase + " " + parts.countdown;
    const std::vector<std::string> choices = {
        "   " + clock + "    (" + parts.left +
            " left in all)   Space pause, N next, V voice, Q stop",
        "   " + clock + "    (" + parts.left + " left in all)",
        clock + "  (" + parts.left + " left)",
        clock,
        parts.countdown,
    };
    for (const std::string& choice : choices)
        if (choice.size() <= room) return choice;
    return parts.countdown.substr(0, room);
}

} // namespace ns
