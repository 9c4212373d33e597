// The terminal's live countdown line, made to fit the terminal's width: a line wider than the
// terminal wraps, and "\r" then rewrites only its last part, adding a line every second.
#pragma once

#include <string>

namespace ns {

struct CountdownLineParts {
    std::string phase;     // "Hold - left leg"
    std::string countdown; // "0:25"
    std::string left;      // "7:40": the whole routine's time left
};

// The longest of these that is narrower than `columns` (one column kept free, so the cursor never
// sits past the edge): the full line with the keys, without the keys, the phase and countdown,
// the countdown alone, or as much of it as fits. ASCII in, ASCII out.
std::string countdownLine(const CountdownLineParts& parts, int columns);

} // namespace ns
