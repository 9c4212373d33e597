// stats --png: the progress screen drawn off-screen at 1280x800 and saved.
#include "progress_picture.hpp"

#include "offscreen_picture.hpp"
#include "progress_scene.hpp"

namespace ns {

int saveProgressPicture(const Stats& stats, const std::filesystem::path& file, const Paths& paths,
                        std::string* error) {
    constexpr unsigned kWidth = 1280;
    constexpr unsigned kHeight = 800;
    return saveOffScreenPicture(
        kWidth, kHeight,
        [&](sf::RenderTarget& target, const Theme& theme) {
            ProgressScene scene(theme);
            scene.setInteractive(false);
            scene.setStats(stats);
            scene.layout({static_cast<float>(kWidth), static_cast<float>(kHeight)});
            scene.draw(target);
        },
        file, paths, "the progress picture", error);
}

} // namespace ns
