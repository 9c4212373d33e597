// Histories built in C++ for the progress tests: done, partial, skipped and missed nights, some
// with cramps, ending on a fixed "tonight".
#pragma once

#include "nights.hpp"

#include <string>
#include <vector>

namespace ns::test {

// 2026-03-12, a Thursday.
Date sampleTonight();

// A night's record: 'D' done, 'P' partial, 'S' skipped, 'M' missed (a record with no hold).
NightRecord nightRecord(Date night, char state, std::optional<int> cramps = std::nullopt,
                        std::optional<int> pain = std::nullopt,
                        std::optional<int> sleep = std::nullopt, std::string note = {});

// Five weeks of nights before tonight: mostly done, with partial, skipped and missed ones, cramps
// thinning out; `recentCrampNights` of the last 7 nights with cramps (for the doctor rule).
std::vector<NightRecord> sampleRecords(int recentCrampNights = 2, int recentWorstPain = 5);

Stats sampleStats(int recentCrampNights = 2, int recentWorstPain = 5);

} // namespace ns::test
