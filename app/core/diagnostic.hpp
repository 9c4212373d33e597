// A problem found in a user's file: where it is and what is wrong, as data (never printed here).
#pragma once

#include <string>
#include <vector>

namespace ns {

struct Diagnostic {
    std::string file; // path as the user gave it (or a display name)
    int line = 0;     // 1-based; 0 when the whole file is meant
    int column = 0;   // 1-based; 0 when unknown
    std::string message;

    // "FILE:LINE:COL: error: MESSAGE" (line/column left out when unknown)
    std::string format() const;
};

using Diagnostics = std::vector<Diagnostic>;

} // namespace ns
