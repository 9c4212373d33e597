#include "logging.hpp"

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <system_error>
#include <vector>

namespace ns {

void setUpLogging(const std::filesystem::path& logFile, bool verbose) {
    std::vector<spdlog::sink_ptr> sinks;
    auto console = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    console->set_level(verbose ? spdlog::level::debug : spdlog::level::warn);
    console->set_pattern("nightstretch: %l: %v");
    sinks.push_back(console);
    try {
        std::error_code ec;
        std::filesystem::create_directories(logFile.parent_path(), ec);
        constexpr size_t kMaxBytes = size_t{1024} * 1024;
        constexpr size_t kFiles = 3;
        auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(logFile.string(),
                                                                           kMaxBytes, kFiles);
        file->set_level(spdlog::level::debug);
        sinks.push_back(file);
    } catch (const spdlog::spdlog_ex&) {
        // No log file (read-only home, say): stderr still gets warnings.
    }
    auto logger = std::make_shared<spdlog::logger>("nightstretch", sinks.begin(), sinks.end());
    logger->set_level(spdlog::level::debug);
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
}

} // namespace ns
