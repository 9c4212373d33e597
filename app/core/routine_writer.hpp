// Writing routines back to TOML by hand (comments kept, DESIGN's key order), saved with the one
// atomic write (files.hpp, included here for the callers that save other text too).
#pragma once

#include "files.hpp"
#include "routine.hpp"
#include "routine_document.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace ns {

// The header line of every file written here.
inline constexpr const char* kWrittenByHeader =
    "# Written by Nightstretch. Edit freely: `nightstretch check FILE` checks it.";

// A clean, commented TOML file: name, description, [defaults] with range comments, then each
// [[steps]] with `stretch` or the inline stretch's keys, then only the timing keys it sets.
std::string formatRoutine(const RoutineDocument& document);

// `text` as a TOML basic string, quotes included: quotes, backslashes and control characters
// escaped, everything else (UTF-8 included) as is.
std::string tomlQuoted(std::string_view text);

// Formats `document`, checks that the text parses back (against `catalog`) to the same document,
// and only then writes it with writeFileAtomically. Refuses, writing nothing, otherwise.
bool saveRoutineAtomically(const RoutineDocument& document, const std::filesystem::path& file,
                           const Catalog& catalog, std::string* error);

} // namespace ns
