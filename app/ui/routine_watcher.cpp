#include "routine_watcher.hpp"

#include "routine_loader.hpp"

#include <system_error>

namespace ns {

RoutineWatcher::RoutineWatcher(std::filesystem::path userRoutinesDir)
    : m_dir(std::move(userRoutinesDir)), m_known(scan()),
      m_lastLook(std::chrono::steady_clock::now()) {}

RoutineWatcher::Signature RoutineWatcher::scan() const {
    Signature signature;
    auto add = [&signature](const std::filesystem::path& file) {
        std::error_code ec;
        const auto time = std::filesystem::last_write_time(file, ec);
        if (ec) return;
        const auto size = std::filesystem::file_size(file, ec);
        if (ec) return;
        signature[file] = {time, size};
    };
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(m_dir, ec))
        if (entry.path().extension() == ".toml") add(entry.path());
    add(userCatalogFile(m_dir));
    return signature;
}

bool RoutineWatcher::poll(std::chrono::steady_clock::time_point now) {
    if (now - m_lastLook < kInterval) return false;
    m_lastLook = now;
    return changed();
}

bool RoutineWatcher::changed() {
    Signature now = scan();
    if (now == m_known) return false;
    m_known = std::move(now);
    return true;
}

} // namespace ns
