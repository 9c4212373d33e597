// The window module's entry points: the command line loads libnightstretch_window.so with
// dlopen() and looks these up by name, so nothing of SFML graphics or X is mapped without need.
#pragma once

#include "nights.hpp"
#include "paths.hpp"
#include "pose.hpp"
#include "window_app.hpp"

#include <string>

// The module and the binary come from the same build: C++ types cross by pointer, and the
// version string is compared first so that a stale module from another build is refused.
extern "C" {
const char* nightstretch_window_module_version();
// Called once after loading: the person's umask, for the files they asked for (PNGs).
void nightstretch_window_module_init(unsigned personsUmask);
int nightstretch_run_window(const ns::WindowOptions* options);
int nightstretch_save_progress_picture(const ns::Stats* stats, const char* file,
                                       const ns::Paths* paths, std::string* error);
int nightstretch_save_figure_picture(const ns::PoseData* pose, int holdPose, int rightSide,
                                     const char* file, const ns::Paths* paths, std::string* error);
}

namespace ns {

// The version the module reports: NS_VERSION plus the sizes of what crosses, a cheap check that
// both sides agree on the layout.
inline std::string windowModuleVersion() {
    return std::string(NS_VERSION) + "/" + std::to_string(sizeof(WindowOptions)) + "/" +
           std::to_string(sizeof(Stats)) + "/" + std::to_string(sizeof(Paths)) + "/" +
           std::to_string(sizeof(PoseData));
}

} // namespace ns
