// figure ID --png: one stretch's figure drawn off-screen into a PNG, for the README and tests.
#pragma once

#include "figure.hpp"
#include "paths.hpp"
#include "pose.hpp"

#include <filesystem>
#include <string>

namespace ns {

// 800x800, the figure in `pose` (start or hold) for `side`. Returns as saveOffScreenPicture.
int saveFigurePicture(const PoseData& data, bool holdPose, FigureSide side,
                      const std::filesystem::path& file, const Paths& paths, std::string* error);

} // namespace ns
