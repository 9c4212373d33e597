// Resolving the config, data, state and share folders.
#include "paths.hpp"

#include <cstdlib>
#include <system_error>

namespace fs = std::filesystem;

namespace ns {
namespace {

std::optional<std::string> env(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') return std::nullopt;
    return std::string(value);
}

fs::path xdgDir(const char* variable, const char* fallbackUnderHome) {
    if (auto value = env(variable); value && fs::path(*value).is_absolute()) return *value;
    const fs::path home = env("HOME").value_or(".");
    return home / fallbackUnderHome;
}

} // namespace

fs::path findShareDir(const fs::path& exe) {
    if (auto value = env("NIGHTSTRETCH_SHARE")) return *value;
    std::error_code ec;
    fs::path binary = fs::canonical("/proc/self/exe", ec);
    if (ec) binary = fs::absolute(exe, ec);
    // Only relative to the binary: a staged (DESTDIR) or moved install works, and no build
    // path is baked into the binary.
    return binary.parent_path().parent_path() / NS_RELATIVE_SHARE_DIR;
}

Paths Paths::resolve(const std::optional<std::string>& home, const fs::path& exe) {
    Paths paths;
    std::optional<std::string> root = home;
    if (!root) root = env("NIGHTSTRETCH_HOME");
    if (root) {
        const fs::path base = fs::absolute(*root);
        paths.configDir = base / "config";
        paths.dataDir = base / "data";
        paths.stateDir = base / "state";
    } else {
        paths.configDir = xdgDir("XDG_CONFIG_HOME", ".config") / "nightstretch";
        paths.dataDir = xdgDir("XDG_DATA_HOME", ".local/share") / "nightstretch";
        paths.stateDir = xdgDir("XDG_STATE_HOME", ".local/state") / "nightstretch";
    }
    paths.shareDir = findShareDir(exe);
    return paths;
}

} // namespace ns
