// Finding a routine the person named by id or by path: one place, one "did you mean", the same
// answer in every command and in both front ends.
#pragma once

#include "diagnostic.hpp"
#include "routine.hpp"
#include "routine_loader.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace ns {

// Routine ids: lower-case letters, digits and '-', not starting with '-', at most
// kMaxRoutineIdLength characters, and never "stretches" (the catalog's file name).
constexpr std::size_t kMaxRoutineIdLength = 40;
bool validRoutineId(const std::string& id);

// A name with a '/' or ending in ".toml" is a path; anything else is an id.
bool looksLikeRoutinePath(const std::string& name);

// Where a named routine's file is, whether or not it loads (for `edit` and `new --from`).
struct RoutineLocation {
    std::filesystem::path file;
    std::string id;
    bool builtIn = false;
    const RoutineEntry* entry = nullptr; // the library's entry, for an id
};
struct RoutineLocateResult {
    std::optional<RoutineLocation> location;
    Diagnostics diagnostics; // why not: unknown id (with the closest one), unreadable file
};
RoutineLocateResult locateRoutine(const std::string& name, const RoutineLibrary& library);

// The named routine, loaded and valid, or the diagnostics that say why not. Their kind gives the
// exit code (exitCodeFor): 2 for an unknown id or an unreadable file, 1 for an invalid routine.
struct RoutineLookup {
    std::optional<Routine> routine;
    Diagnostics diagnostics;
    bool ok() const { return routine.has_value(); }
    int exitCode() const { return exitCodeFor(diagnostics); }
};
RoutineLookup findRoutine(const std::string& name, const RoutineLibrary& library);

} // namespace ns
