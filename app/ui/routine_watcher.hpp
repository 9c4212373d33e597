// Notices changed routine files while the window is open: the user's routines folder and their
// stretches.toml, by modification time and size, looked at no more than once a second.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <utility>

namespace ns {

class RoutineWatcher {
  public:
    static constexpr std::chrono::milliseconds kInterval{1000};

    // Takes the current state as known: only later changes are reported.
    explicit RoutineWatcher(std::filesystem::path userRoutinesDir);

    // Looks at the files when a second has passed since the last look; true when any routine
    // file (or the user's catalog) appeared, disappeared or changed since then.
    bool poll(std::chrono::steady_clock::time_point now);
    // Looks now, whatever the time.
    bool changed();
    // After the app wrote a file itself: takes the current state as known.
    void rescan() { m_known = scan(); }

  private:
    using Signature =
        std::map<std::filesystem::path, std::pair<std::filesystem::file_time_type, std::uintmax_t>>;
    Signature scan() const;

    std::filesystem::path m_dir;
    Signature m_known;
    std::chrono::steady_clock::time_point m_lastLook{};
};

} // namespace ns
