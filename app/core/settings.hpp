// settings.toml: volume, mute, the day-start hour. Missing or bad values fall back to defaults.
#pragma once

#include "diagnostic.hpp"

#include <filesystem>
#include <string>

namespace ns {

struct Settings {
    int volume = 70; // 0..100
    bool muted = false;
    std::string dayStartsAt = "04:00";
    bool fullscreen = false;

    // Reads the file; a missing file gives the defaults. Problems go to `diagnostics`.
    static Settings load(const std::filesystem::path& file, Diagnostics* diagnostics = nullptr);
    // Writes with writeFileAtomically (the folder is made if missing). False on failure, and then
    // the old file is untouched.
    bool save(const std::filesystem::path& file) const;
};

} // namespace ns
