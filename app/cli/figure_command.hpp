// nightstretch figure ID [--side left|right] [--pose start|hold] --png FILE
#pragma once

#include "paths.hpp"

#include <string>

namespace ns {

struct FigureOptions {
    std::string id;
    std::string side = "left";
    std::string pose = "hold";
    std::string png;
};

// Draws the stretch's figure into the PNG. An unknown stretch is 2 (with "did you mean"); a pose
// file with mistakes prints them and draws the neutral figure, as the session screen would.
int figureCommand(const Paths& paths, const FigureOptions& options);

} // namespace ns
