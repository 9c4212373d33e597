// The progress picture (stats --png): the progress screen drawn off-screen into a PNG.
#pragma once

#include "nights.hpp"
#include "paths.hpp"

#include <filesystem>
#include <string>

namespace ns {

// Renders the progress screen for `stats` at 1280x800 and saves it as a PNG. Returns 0, or an
// exit code with `error` set: 3 when there is no display or font (off-screen drawing still needs
// an OpenGL context), 2 when the file cannot be written.
int saveProgressPicture(const Stats& stats, const std::filesystem::path& file, const Paths& paths,
                        std::string* error);

} // namespace ns
