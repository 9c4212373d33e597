// What every fuzz target checks beside "no crash": diagnostics that point inside the input.
#pragma once

#include "diagnostic.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace ns::fuzz {

// Stops the run (libFuzzer keeps the input) when a property does not hold.
inline void require(bool holds, const char* what) {
    if (holds) return;
    std::fprintf(stderr, "fuzz property broken: %s\n", what);
    std::abort();
}

// Each diagnostic has a sentence and names a line of the text (or none), never one past its end.
inline void requireDiagnosticsInside(const Diagnostics& diagnostics, std::string_view text) {
    const auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
    for (const Diagnostic& d : diagnostics) {
        require(!d.message.empty(), "a diagnostic without a message");
        require(d.line >= 0 && d.line <= lines, "a diagnostic's line is outside the file");
        require(d.column >= 0, "a diagnostic's column is negative");
    }
}

} // namespace ns::fuzz
