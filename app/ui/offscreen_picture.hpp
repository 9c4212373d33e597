// A picture drawn off-screen and saved as a PNG (stats --png, figure --png): the display, the
// fonts and the file, each problem one sentence and an exit code.
#pragma once

#include "paths.hpp"
#include "theme.hpp"

#include <SFML/Graphics/RenderTarget.hpp>

#include <filesystem>
#include <functional>
#include <string>

namespace ns {

// Draws with `draw` into a `width` x `height` texture cleared to the background colour and saves
// it to `file` (whole or not at all). `what` names the picture in messages ("the progress
// picture"). Returns 0, or 3 with `error` set when there is no display or font (off-screen drawing
// still needs an OpenGL context), 2 when the file cannot be written.
int saveOffScreenPicture(unsigned width, unsigned height,
                         const std::function<void(sf::RenderTarget&, const Theme&)>& draw,
                         const std::filesystem::path& file, const Paths& paths,
                         const std::string& what, std::string* error);

} // namespace ns
