// The window module's entry points (see window_module.hpp): thin forwards to the window and the
// progress picture, built only into libnightstretch_window.so.
#include "window_module.hpp"

#include "figure_picture.hpp"
#include "files.hpp"
#include "progress_picture.hpp"

extern "C" {

const char* nightstretch_window_module_version() {
    static const std::string version = ns::windowModuleVersion();
    return version.c_str();
}

void nightstretch_window_module_init(unsigned personsUmask) {
    ns::setPersonsUmask(personsUmask);
}

int nightstretch_run_window(const ns::WindowOptions* options) {
    return ns::runWindow(*options);
}

int nightstretch_save_progress_picture(const ns::Stats* stats, const char* file,
                                       const ns::Paths* paths, std::string* error) {
    return ns::saveProgressPicture(*stats, file, *paths, error);
}

int nightstretch_save_figure_picture(const ns::PoseData* pose, int holdPose, int rightSide,
                                     const char* file, const ns::Paths* paths, std::string* error) {
    return ns::saveFigurePicture(*pose, holdPose != 0,
                                 rightSide != 0 ? ns::FigureSide::Right : ns::FigureSide::Left,
                                 file, *paths, error);
}
}
