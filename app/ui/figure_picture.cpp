// figure --png: the figure alone on the background, with a margin all round.
#include "figure_picture.hpp"

#include "offscreen_picture.hpp"

namespace ns {

int saveFigurePicture(const PoseData& data, bool holdPose, FigureSide side,
                      const std::filesystem::path& file, const Paths& paths, std::string* error) {
    constexpr unsigned kSize = 800;
    constexpr float kMargin = 60;
    return saveOffScreenPicture(
        kSize, kSize,
        [&](sf::RenderTarget& target, const Theme&) {
            Figure figure;
            figure.set(data, side, {kMargin, kMargin, kSize - 2 * kMargin, kSize - 2 * kMargin});
            figure.show(holdPose ? data.hold : data.start);
            target.draw(figure);
        },
        file, paths, "the figure", error);
}

} // namespace ns
