// Small text helpers shared by the command line and the front ends.
#pragma once

#include <cstddef>
#include <string>

namespace ns {

// 65 -> "1:05", 5 -> "0:05", 3725 -> "1:02:05".
std::string formatClock(long long seconds);
// A routine's total for a list: 485 -> "8 min 5 s", 480 -> "8 min", 45 -> "45 s".
std::string formatMinutes(long long seconds);

// The one wrapping of text for the terminal: `text` in lines of at most `width` characters
// (UTF-8 counted by character), the first starting with `firstPrefix`, the others with
// `restPrefix`, each ending in '\n'. Words are never split: one longer than a line has its own.
std::string wrapText(const std::string& text, std::size_t width,
                     const std::string& firstPrefix = "", const std::string& restPrefix = "");

} // namespace ns
