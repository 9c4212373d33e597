// `new` and `edit`. The user's file is only ever replaced atomically, and only by a version that
// validates; the person edits a scratch copy.
#include "edit_commands.hpp"

#include "exit_codes.hpp"
#include "process.hpp"
#include "routine_loader.hpp"
#include "routine_lookup.hpp"
#include "routine_writer.hpp"
#include "terminal_question.hpp"

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <system_error>

namespace fs = std::filesystem;

namespace ns {
namespace {

const char* const kTemplate = R"(# My routine. Check it with: nightstretch check FILE
name = "My routine"
description = "Calves and shins before sleep."

[defaults]          # every step inherits these unless it says otherwise
prepare = 5         # seconds of "get ready" before the first hold of a step   (0-60)
hold = 30           # seconds per hold                                          (5-300)
reps = 1            # holds per side                                            (1-10)
rest = 10           # seconds of rest between repetitions of a step             (0-120)
switch = 5          # seconds to change sides                                   (0-60)

[[steps]]
stretch = "wall-calf"     # an id from the stretch catalog (nightstretch list shows routines)

[[steps]]
stretch = "towel-stretch"
)";

std::optional<std::string> readText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// Runs the person's editor on `file` through the shell, so "code --wait" works too.
int runEditor(const fs::path& file) {
    const char* editor = std::getenv("VISUAL");
    if (editor == nullptr || *editor == '\0') editor = std::getenv("EDITOR");
    std::string command = editor != nullptr && *editor != '\0' ? editor : "";
    if (command.empty()) {
        for (const char* fallback : {"sensible-editor", "nano", "vi"})
            if (programOnPath(fallback)) {
                command = fallback;
                break;
            }
    }
    if (command.empty()) return -1;
    return runAndWait({"/bin/sh", "-c", command + " \"$1\"", "sh", file.string()});
}

// A free name beside `file` for a copy set aside: "nightly.toml.TAG-20261204-213000" (not ending
// in .toml, so never loaded as a routine; the person can rename it back).
fs::path asideName(const fs::path& file, const std::string& tag) {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
    const std::string base = file.string() + "." + tag + "-" + stamp;
    fs::path aside = base;
    std::error_code ec;
    for (int n = 1; fs::exists(aside, ec) && n < 100; ++n)
        aside = base + "-" + std::to_string(n);
    return aside;
}

} // namespace

int newCommand(const Paths& paths, const std::string& id, const std::optional<std::string>& from) {
    if (!validRoutineId(id)) {
        std::cerr << "nightstretch: '" << id
                  << "' cannot be a routine id; use lower-case letters, digits and '-', like "
                     "'my-evening'\n";
        return kExitInvalid;
    }
    const fs::path target = paths.userRoutinesDir() / (id + ".toml");
    std::error_code ec;
    if (fs::exists(target, ec)) {
        std::cerr << "nightstretch: you already have a routine '" << id << "' at "
                  << target.string() << "; change it with 'nightstretch edit " << id << "'\n";
        return kExitInvalid;
    }
    // A new file under a built-in id would silently take that routine's place.
    const RoutineLibrary known =
        RoutineLibrary::load(paths.builtInRoutinesDir(), paths.userRoutinesDir());
    if (const RoutineEntry* existing = known.find(id)) {
        std::cerr << "nightstretch: there is a routine '" << id << "' already"
                  << (existing->builtIn ? " (built in)" : "")
                  << "; to change it: 'nightstretch edit " << id << "'"
                  << (existing->builtIn ? " (makes your own copy)" : "")
                  << ", or start a new one from it: 'nightstretch new " << id << "-mine --from "
                  << id << "'\n";
        return kExitInvalid;
    }
    std::string text = kTemplate;
    std::optional<std::string> newName;
    if (from) {
        const RoutineLibrary library =
            RoutineLibrary::load(paths.builtInRoutinesDir(), paths.userRoutinesDir());
        const RoutineLocateResult source = locateRoutine(*from, library);
        for (const auto& d : source.diagnostics)
            std::cerr << d.format() << '\n';
        if (!source.location) return exitCodeFor(source.diagnostics);
        auto sourceText = readText(source.location->file);
        if (!sourceText) {
            std::cerr << "nightstretch: cannot read " << source.location->file.string() << '\n';
            return kExitUsage;
        }
        text = *sourceText;
        // Its own name, so two routines are never called the same: "Nightly leg-cramp routine
        // (my-evening)". A file whose name line cannot be found keeps its text as it is.
        const RoutineDocumentLoadResult document =
            parseRoutineDocument(text, source.location->file.string(), library.catalog);
        if (document.ok()) {
            const std::string name = document.document->name + " (" + id + ")";
            if (auto renamed = withRoutineName(text, name, library.catalog)) {
                text = std::move(*renamed);
                newName = name;
            }
        }
    }
    std::string error;
    if (!writeFileAtomically(target, text, &error)) {
        std::cerr << "nightstretch: could not create " << target.string() << ": " << error << '\n';
        return kExitUsage;
    }
    std::cout << "Created " << target.string();
    if (newName) std::cout << ", named \"" << *newName << "\"";
    std::cout << "\nChange it with: nightstretch edit " << id << '\n';
    return kExitOk;
}

int editCommand(const Paths& paths, const std::string& routine) {
    const bool isPath = looksLikeRoutinePath(routine);
    fs::path target;
    std::optional<std::string> lastGood;
    if (isPath) {
        target = routine;
        lastGood = readText(target);
        if (!lastGood) {
            std::cerr << "nightstretch: cannot read '" << routine << "'\n";
            return kExitUsage;
        }
    } else {
        if (!validRoutineId(routine)) {
            std::cerr << "nightstretch: '" << routine << "' is not a routine id\n";
            return kExitUsage;
        }
        target = paths.userRoutinesDir() / (routine + ".toml");
        lastGood = readText(target);
        if (!lastGood) {
            // Editing a built-in routine edits the person's own copy; built-in files stay as they
            // are.
            const RoutineLibrary known =
                RoutineLibrary::load(paths.builtInRoutinesDir(), paths.userRoutinesDir());
            const RoutineLocateResult source = locateRoutine(routine, known);
            if (!source.location) {
                for (const auto& d : source.diagnostics)
                    std::cerr << d.format() << '\n';
                std::cerr << "nightstretch: to make a new routine: 'nightstretch new " << routine
                          << "'\n";
                return exitCodeFor(source.diagnostics);
            }
            lastGood = readText(source.location->file);
            if (!lastGood) {
                std::cerr << "nightstretch: cannot read " << source.location->file.string() << '\n';
                return kExitUsage;
            }
        }
    }

    const RoutineLibrary library =
        RoutineLibrary::load(paths.builtInRoutinesDir(), paths.userRoutinesDir());
    // The scratch copy sits beside the target and is named like it, so error lines read well.
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    const fs::path scratch =
        target.parent_path() / ("." + target.stem().string() + ".editing.toml");
    std::string error;
    if (!writeFileAtomically(scratch, *lastGood, &error)) {
        std::cerr << "nightstretch: cannot write " << scratch.string() << ": " << error << '\n';
        return kExitUsage;
    }
    for (;;) {
        const int status = runEditor(scratch);
        if (status != 0) {
            std::cerr << "nightstretch: the editor did not finish cleanly"
                      << (status < 0 ? " (set VISUAL or EDITOR to your editor)" : "")
                      << "; nothing was changed\n";
            fs::remove(scratch, ec);
            return kExitUsage;
        }
        auto edited = readText(scratch);
        RoutineLoadResult result = parseRoutine(edited.value_or(""), target.string(),
                                                target.stem().string(), library.catalog);
        if (result.ok()) {
            if (edited == lastGood) {
                std::cout << "No changes.\n";
                fs::remove(scratch, ec);
                return kExitOk;
            }
            if (!writeFileAtomically(target, *edited, &error)) {
                std::cerr << "nightstretch: could not save " << target.string() << ": " << error
                          << "; your edit is kept in " << scratch.string() << '\n';
                return kExitUsage;
            }
            fs::remove(scratch, ec);
            std::cout << "Saved " << target.string() << '\n';
            return kExitOk;
        }
        for (const auto& d : result.diagnostics)
            std::cerr << d.format() << '\n';
        const char answer = askOnTerminal(
            "What now? (e)dit again, or (k)eep the last good version [e]: ", 'e', 'k');
        if (answer != 'e') {
            std::cerr << "Kept the last good version of " << target.string() << ".\n";
            // The edit is the person's work: set it aside, never throw it away.
            if (edited && edited != lastGood) {
                const fs::path aside = asideName(target, "unsaved");
                if (!writeFileAtomically(aside, *edited, &error)) {
                    std::cerr << "Your edit is still in " << scratch.string() << ".\n";
                    return kExitInvalid;
                }
                std::cerr << "Your edit, with the error above, is kept in " << aside.string()
                          << "; copy from it when you edit again.\n";
            }
            fs::remove(scratch, ec);
            return kExitInvalid;
        }
    }
}

int resetCommand(const Paths& paths, const std::string& id) {
    const RoutineLibrary library =
        RoutineLibrary::load(paths.builtInRoutinesDir(), paths.userRoutinesDir());
    const RoutineEntry* entry = validRoutineId(id) ? library.find(id) : nullptr;
    if (entry == nullptr) {
        const RoutineLocateResult located = locateRoutine(id, library);
        for (const auto& d : located.diagnostics)
            std::cerr << "nightstretch: " << d.message << '\n';
        return kExitUsage;
    }
    if (entry->builtIn) {
        std::cout << "'" << id << "' is the built-in routine already; nothing to reset.\n";
        return kExitOk;
    }
    if (!entry->replacedBuiltIn) {
        std::cerr << "nightstretch: '" << id
                  << "' is your own routine, not a copy of a built-in one; there is nothing to "
                     "go back to\n";
        return kExitInvalid;
    }
    const fs::path keptAs = asideName(entry->path, "yours");
    std::error_code ec;
    fs::rename(entry->path, keptAs, ec);
    if (ec) {
        std::cerr << "nightstretch: could not move " << entry->path.string()
                  << " aside: " << ec.message() << "; nothing changed\n";
        return kExitUsage;
    }
    std::cout << "'" << id << "' is the built-in routine again. Your copy is kept as "
              << keptAs.string() << ".\n";
    return kExitOk;
}

} // namespace ns
