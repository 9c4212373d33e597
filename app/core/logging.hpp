// spdlog set-up: warnings and errors to stderr, everything to the rotating log file.
#pragma once

#include <filesystem>

namespace ns {

// Never throws: when the log folder cannot be made, logs go to stderr only.
void setUpLogging(const std::filesystem::path& logFile, bool verbose);

} // namespace ns
