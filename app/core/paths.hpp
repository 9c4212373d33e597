// Where files live: XDG base directories, or DIR/config, DIR/data, DIR/state under --home.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace ns {

struct Paths {
    std::filesystem::path configDir; // .../nightstretch
    std::filesystem::path dataDir;   // .../nightstretch
    std::filesystem::path stateDir;  // .../nightstretch
    std::filesystem::path shareDir;  // built-in routines/ and assets/

    std::filesystem::path userRoutinesDir() const { return configDir / "routines"; }
    std::filesystem::path settingsFile() const { return configDir / "settings.toml"; }
    std::filesystem::path historyFile() const { return dataDir / "history.sqlite3"; }
    std::filesystem::path logFile() const { return stateDir / "nightstretch.log"; }
    std::filesystem::path builtInRoutinesDir() const { return shareDir / "routines"; }
    std::filesystem::path assetsDir() const { return shareDir / "assets"; }

    // `home` (from --home) wins over NIGHTSTRETCH_HOME, which wins over the XDG variables and
    // their defaults under $HOME. `exe` is argv[0] resolved, to find the share folder.
    static Paths resolve(const std::optional<std::string>& home, const std::filesystem::path& exe);
};

// The share folder: NIGHTSTRETCH_SHARE, else bin/../share/nightstretch beside the binary (the
// build tree and an install share that layout; a missing folder is reported by the loader).
std::filesystem::path findShareDir(const std::filesystem::path& exe);

} // namespace ns
