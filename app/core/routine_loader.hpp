// Loading and strict validation of routine files and the stretch catalog. Never throws, never
// prints.
#pragma once

#include "diagnostic.hpp"
#include "routine.hpp"
#include "routine_document.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ns {

struct RoutineLoadResult {
    std::optional<Routine> routine; // set only when diagnostics is empty
    Diagnostics diagnostics;
    bool ok() const { return routine.has_value(); }
};

struct CatalogLoadResult {
    Catalog catalog; // what could be loaded, even when there are diagnostics
    Diagnostics diagnostics;
};

// Parses a catalog document. `sourceName` is used in diagnostics.
CatalogLoadResult parseCatalog(std::string_view toml, const std::string& sourceName);
CatalogLoadResult loadCatalogFile(const std::filesystem::path& file);

struct RoutineDocumentLoadResult {
    std::optional<RoutineDocument> document; // set only when diagnostics is empty
    Diagnostics diagnostics;
    bool ok() const { return document.has_value(); }
};

// Parses a routine as written, with every check (stretch ids against `catalog`); nothing is
// resolved. `sourceName` is used in diagnostics.
RoutineDocumentLoadResult parseRoutineDocument(std::string_view toml, const std::string& sourceName,
                                               const Catalog& catalog);
// Reads and parses a routine file as written. An unreadable file is a diagnostic too.
RoutineDocumentLoadResult loadRoutineDocumentFile(const std::filesystem::path& file,
                                                  const Catalog& catalog);

// Parses and resolves a routine document against a catalog. `id` becomes Routine::id.
RoutineLoadResult parseRoutine(std::string_view toml, const std::string& sourceName,
                               const std::string& id, const Catalog& catalog);
// Reads and parses a routine file; the id is the file name without ".toml". An unreadable file
// is a diagnostic too.
RoutineLoadResult loadRoutineFile(const std::filesystem::path& file, const Catalog& catalog);

// One routine file found in a routines folder, loaded or not.
struct RoutineEntry {
    std::string id;
    std::filesystem::path path;
    bool builtIn = false;
    // The person's file that takes the place of a built-in routine with the same id: that file.
    std::optional<std::filesystem::path> replacedBuiltIn;
    RoutineLoadResult result;
    // Set by RoutineLibrary::reload when the file no longer loads but did before: the last
    // version that did, still usable while the error is shown.
    std::optional<Routine> lastGood;

    // The routine to run: the loaded one, else the last good one, else null.
    const Routine* usableRoutine() const {
        if (result.routine) return &*result.routine;
        return lastGood ? &*lastGood : nullptr;
    }
};

// The user's stretch catalog for a user routines folder: `stretches.toml` beside that folder, in
// the user's config folder.
std::filesystem::path userCatalogFile(const std::filesystem::path& userRoutinesDir);

// All routines: built-in ones from `builtInDir`, then the user's from `userDir`, which override
// built-in ones with the same id. Sorted by id. The catalog is `builtInDir/stretches.toml`, with
// the stretches of userCatalogFile(userDir) (if there is one) added or replacing built-in ones by
// id; a user catalog with any error is reported in catalogDiagnostics and not used at all.
// `stretches.toml` is never loaded as a routine. A file that fails never stops the others.
struct RoutineLibrary {
    Catalog catalog;
    Diagnostics catalogDiagnostics; // the user's catalog, and a routines folder that can't be read
    std::vector<RoutineEntry> entries;

    static RoutineLibrary load(const std::filesystem::path& builtInDir,
                               const std::filesystem::path& userDir);
    // Loads again; an entry that now fails keeps in `lastGood` the routine `previous` had for
    // that id (its loaded one, or its own last good one).
    static RoutineLibrary reload(const RoutineLibrary& previous,
                                 const std::filesystem::path& builtInDir,
                                 const std::filesystem::path& userDir);
    const RoutineEntry* find(const std::string& id) const;
};

// The closest candidate to `word` (edit distance, small enough to be a typo), or "" when none is.
std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates);

// What follows "unknown stretch 'ID'": "; did you mean 'wall-calf'?", or a few of the known ids
// when none is close.
std::string stretchHint(const std::string& id, const Catalog& catalog);

} // namespace ns
