// Writing routines back to TOML by hand (comments kept, DESIGN's key order), saved with the one
// atomic write (files.hpp, included here for the callers that save other text too).
#pragma once

#include "files.hpp"
#include "routine.hpp"
#include "routine_document.hpp"

#include <filesystem>
#include <optional>
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

// A routine file's text with its name changed and every other line (comments too) as it was:
// the top-level `name = ...` line is written anew. Nothing when the text has no such line or the
// result would not parse (against `catalog`) to a routine of that name.
std::optional<std::string> withRoutineName(std::string_view text, const std::string& name,
                                           const Catalog& catalog);

// Formats `document`, checks that the text parses back (against `catalog`) to the same document,
// and only then writes it with writeFileAtomically. Refuses, writing nothing, otherwise.
bool saveRoutineAtomically(const RoutineDocument& document, const std::filesystem::path& file,
                           const Catalog& catalog, std::string* error);

} // namespace ns
