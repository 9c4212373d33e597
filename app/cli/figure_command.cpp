// The figure command: the stretch from the catalog (built-in and the user's), or a picture of the
// relief guide (a pose file without a stretch), its pose file from the assets, drawn by the window
// module.
#include "figure_command.hpp"

#include "exit_codes.hpp"
#include "pose.hpp"
#include "routine_loader.hpp"
#include "window_loader.hpp"

#include <iostream>

namespace ns {

int figureCommand(const Paths& paths, const FigureOptions& options) {
    const RoutineLibrary library =
        RoutineLibrary::load(paths.builtInRoutinesDir(), paths.userRoutinesDir());
    const std::filesystem::path file = paths.assetsDir() / "poses" / (options.id + ".toml");
    std::error_code ec;
    const bool hasPoseFile = !options.id.empty() &&
                             options.id.find_first_of("/\\") == std::string::npos &&
                             std::filesystem::exists(file, ec);
    if (library.catalog.find(options.id) == nullptr && !hasPoseFile) {
        std::cerr << "nightstretch: unknown stretch '" << options.id << "'"
                  << stretchHint(options.id, library.catalog)
                  << " ('nightstretch stretches' lists them all)\n";
        return kExitUsage;
    }
    PoseData pose = neutralPose();
    if (hasPoseFile) {
        PoseLoadResult loaded = loadPoseFile(file);
        for (const Diagnostic& d : loaded.diagnostics)
            std::cerr << d.format() << '\n';
        if (loaded.pose)
            pose = *loaded.pose;
        else
            std::cerr << "nightstretch: the neutral figure is drawn instead\n";
    }
    std::string error;
    const int code = saveFigurePictureFromModule(
        pose, options.pose == "hold", options.side == "right", options.png, paths, &error);
    if (code != kExitOk) std::cerr << "nightstretch: " << error << '\n';
    return code;
}

} // namespace ns
