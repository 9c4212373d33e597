// Processes: running another program and waiting for it, and when this one began.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ns {

// Runs `argv` (argv[0] looked up on PATH) with this process's terminal, waits for it (through
// EINTR) and returns its exit status: 127 when it could not be run, -1 when it could not be
// started or was ended by a signal.
int runAndWait(const std::vector<std::string>& argv);

// Whether `name` is an executable file in one of PATH's folders.
bool programOnPath(std::string_view name);

// When this process began, in milliseconds on the steady clock (the epoch of
// std::chrono::steady_clock): /proc/self/stat's start time against CLOCK_BOOTTIME. Now, when that
// cannot be read or looks wrong (more than a minute ago).
long long processStartSteadyMs();

// The start time field (22nd, in clock ticks since boot) of a /proc/PID/stat line; the command
// name in brackets may hold spaces and ')'.
std::optional<unsigned long long> startTicksFromStat(std::string_view statLine);

} // namespace ns
