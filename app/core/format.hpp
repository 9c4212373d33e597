// Small text helpers shared by the command line and the front ends.
#pragma once

#include <string>

namespace ns {

// 65 -> "1:05", 5 -> "0:05", 3725 -> "1:02:05".
std::string formatClock(long long seconds);
// A routine's total for a list: 485 -> "8 min 5 s", 480 -> "8 min", 45 -> "45 s".
std::string formatMinutes(long long seconds);

} // namespace ns
