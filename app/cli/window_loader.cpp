// Finds libnightstretch_window.so in lib/nightstretch/ beside the binary's bin/ (the build tree
// and the install prefix share that layout), loads it once and checks it is from this build.
#include "window_loader.hpp"

#include "exit_codes.hpp"
#include "files.hpp"
#include "modules.hpp"
#include "window_module.hpp"

#include <spdlog/spdlog.h>

#include <dlfcn.h>

#include <iostream>
#include <system_error>

namespace ns {

namespace {

constexpr const char* kModuleName = "libnightstretch_window.so";

struct WindowModule {
    decltype(&nightstretch_run_window) runWindow = nullptr;
    decltype(&nightstretch_save_progress_picture) saveProgressPicture = nullptr;
    decltype(&nightstretch_save_figure_picture) saveFigurePicture = nullptr;
};

// Never unloaded: SFML and Mesa register exit handlers that must find their code still mapped.
const WindowModule* loadWindowModule() {
    static const WindowModule module = []() -> WindowModule {
        const std::filesystem::path file = moduleFile(kModuleName);
        void* handle = ::dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (handle == nullptr) {
            const char* why = ::dlerror();
            spdlog::info("window module: {}", why ? why : file.string());
            return {};
        }
        const auto version = symbolAs<decltype(&nightstretch_window_module_version)>(
            ::dlsym(handle, "nightstretch_window_module_version"));
        const auto init = symbolAs<decltype(&nightstretch_window_module_init)>(
            ::dlsym(handle, "nightstretch_window_module_init"));
        WindowModule found;
        found.runWindow =
            symbolAs<decltype(found.runWindow)>(::dlsym(handle, "nightstretch_run_window"));
        found.saveProgressPicture = symbolAs<decltype(found.saveProgressPicture)>(
            ::dlsym(handle, "nightstretch_save_progress_picture"));
        found.saveFigurePicture = symbolAs<decltype(found.saveFigurePicture)>(
            ::dlsym(handle, "nightstretch_save_figure_picture"));
        if (version == nullptr || version() != windowModuleVersion() || init == nullptr ||
            found.runWindow == nullptr || found.saveProgressPicture == nullptr ||
            found.saveFigurePicture == nullptr) {
            spdlog::info("window module: {} is from another build", file.string());
            return {};
        }
        init(personsUmask()); // its own copy of the platform code must know the person's umask
        return found;
    }();
    return module.runWindow ? &module : nullptr;
}

} // namespace

int runWindowFromModule(const WindowOptions& options) {
    const WindowModule* module = loadWindowModule();
    if (module == nullptr) {
        std::cerr << "nightstretch: the window part of Nightstretch is missing; in this "
                     "terminal, use "
                  << textFormOf(options) << '\n';
        return kExitEnvironment;
    }
    return module->runWindow(&options);
}

int saveProgressPictureFromModule(const Stats& stats, const std::filesystem::path& file,
                                  const Paths& paths, std::string* error) {
    const WindowModule* module = loadWindowModule();
    if (module == nullptr) {
        if (error)
            *error = "the window part of Nightstretch is missing, so no picture can be drawn";
        return kExitEnvironment;
    }
    return module->saveProgressPicture(&stats, file.c_str(), &paths, error);
}

int saveFigurePictureFromModule(const PoseData& pose, bool holdPose, bool rightSide,
                                const std::filesystem::path& file, const Paths& paths,
                                std::string* error) {
    const WindowModule* module = loadWindowModule();
    if (module == nullptr) {
        if (error) *error = "the window part of Nightstretch is missing, so no figure can be drawn";
        return kExitEnvironment;
    }
    return module->saveFigurePicture(&pose, holdPose ? 1 : 0, rightSide ? 1 : 0, file.c_str(),
                                     &paths, error);
}

} // namespace ns
