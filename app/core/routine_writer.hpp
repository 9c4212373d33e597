// Writing routines back to TOML by hand (comments kept, DESIGN's key order), and replacing files
// atomically so a crash never leaves half a file.
#pragma once

#include "routine.hpp"
#include "routine_document.hpp"

#include <filesystem>
#include <functional>
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

// Replaces `file` with `text`: a unique temporary file in the same folder (created if missing),
// fsync, rename over the target, fsync of the folder. On failure the temporary file is removed,
// the old file is untouched, `*error` (if given) says why, and it returns false. A symlink is
// followed, so the file it points to is replaced and the link stays.
bool writeFileAtomically(const std::filesystem::path& file, const std::string& text,
                         std::string* error);

// Formats `document`, checks that the text parses back (against `catalog`) to the same document,
// and only then writes it with writeFileAtomically. Refuses, writing nothing, otherwise.
bool saveRoutineAtomically(const RoutineDocument& document, const std::filesystem::path& file,
                           const Catalog& catalog, std::string* error);

// For tests: the steps of writeFileAtomically where a failure can be simulated.
enum class AtomicWriteStage { CreateTemp, Write, Sync, Rename };
// Called before each stage (Write: after half the text is written); returning false makes that
// stage fail as if the system call had. An empty function (the default) lets everything through.
void setAtomicWriteHookForTests(std::function<bool(AtomicWriteStage)> hook);

} // namespace ns
