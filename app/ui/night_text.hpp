// Nights in words for the screens: dates people read at a glance, night states, and the home
// screen's line about tonight and the streak.
#pragma once

#include "nights.hpp"

#include <string>

namespace ns {

// "Tuesday 3 March"
std::string longDate(Date date);
// "Tue 3 Mar"
std::string shortDate(Date date);
// "3 Mar"
std::string dayAndMonth(Date date);

// Night states in words: stateWords() in nights.hpp, shared with the command line.

// "Tonight: not done yet · streak 5 nights (best 9) · night 12 of 42", or "Tonight: done ✓ · …".
std::string tonightLine(const Stats& stats);

// "5 nights in a row", "1 night in a row", "no streak yet"
std::string streakWords(int nights);

} // namespace ns
