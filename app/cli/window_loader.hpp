// The window part (SFML graphics, X11, OpenGL) lives in a module loaded only when a command
// needs it, so the text mode and the other commands stay small.
#pragma once

#include "nights.hpp"
#include "paths.hpp"
#include "pose.hpp"
#include "window_app.hpp"

#include <filesystem>
#include <string>

namespace ns {

// runWindow() through the module; exit code 3 with one sentence when the module is missing.
int runWindowFromModule(const WindowOptions& options);

// saveProgressPicture() through the module; 3 with `error` set when the module is missing.
int saveProgressPictureFromModule(const Stats& stats, const std::filesystem::path& file,
                                  const Paths& paths, std::string* error);

// saveFigurePicture() through the module; 3 with `error` set when the module is missing.
int saveFigurePictureFromModule(const PoseData& pose, bool holdPose, bool rightSide,
                                const std::filesystem::path& file, const Paths& paths,
                                std::string* error);

} // namespace ns
