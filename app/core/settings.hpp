// settings.toml: volume, mute, the voice, the day-start hour, full screen, less motion. Missing or
// bad values fall back to defaults.
#pragma once

#include "diagnostic.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace ns {

struct Settings {
    int volume = 70; // 0..100
    bool muted = false;
    bool voice = true; // spoken prompts (shares volume and mute with the chimes)
    std::string dayStartsAt = "04:00";
    bool fullscreen = false;
    bool reduceMotion = false; // the figures stand still: no getting into position, no breath
    std::string remindAt;      // the bedtime reminder's "HH:MM"; empty: none
    std::string remindRoutine = "nightly"; // the routine it names and starts

    // Reads the file; a missing file gives the defaults, and so does each bad value. Problems go
    // to `diagnostics` (with their lines); the file is never changed here.
    static Settings load(const std::filesystem::path& file, Diagnostics* diagnostics = nullptr);
    // The same for a file's text (no size limit here: load applies it). `sourceName` names the
    // file in diagnostics.
    static Settings parse(std::string_view text, const std::string& sourceName,
                          Diagnostics* diagnostics = nullptr);
    // load, and one warning (once a process) naming the first problem's line.
    static Settings loadAndWarn(const std::filesystem::path& file);
    // Writes with writeFileAtomically (the folder is made if missing). False on failure, and then
    // the old file is untouched. A file with mistakes is first copied beside itself
    // (settings.toml.kept-YYYYMMDD-HHMMSS), so the person's text is never lost.
    bool save(const std::filesystem::path& file) const;
};

} // namespace ns
