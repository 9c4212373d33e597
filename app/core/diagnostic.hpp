// A problem found in a user's file: where it is, what kind of problem, and what is wrong, as data
// (never printed here).
#pragma once

#include <string>
#include <vector>

namespace ns {

// What went wrong, as data: exit codes and wording follow from it, never from the message text.
enum class DiagnosticKind {
    Unreadable,     // the file is missing, a folder, too big, or cannot be opened
    Syntax,         // not valid TOML
    UnknownKey,     // a key the format does not have
    InvalidValue,   // a value of the wrong type, out of range, or missing
    UnknownId,      // a stretch id that is not in the catalog
    NoSteps,        // a routine with no steps, or nothing to do
    UnknownRoutine, // a routine id (on the command line) that no file has
};
const char* toString(DiagnosticKind kind); // "unreadable", "syntax", ...

struct Diagnostic {
    std::string file; // path as the user gave it (or a display name); "" for the command line
    int line = 0;     // 1-based; 0 when the whole file is meant
    int column = 0;   // 1-based; 0 when unknown
    std::string message;
    DiagnosticKind kind = DiagnosticKind::InvalidValue;

    // "FILE:LINE:COL: error: MESSAGE" (line/column left out when unknown); "nightstretch: MESSAGE"
    // when no file is meant.
    std::string format() const;
};

using Diagnostics = std::vector<Diagnostic>;

// The process exit code for a list of problems (DESIGN, "Command line"): 0 for none; 2 when a file
// cannot be read or a routine id is unknown (wrong usage); 1 when the input is invalid.
int exitCodeFor(DiagnosticKind kind);
int exitCodeFor(const Diagnostics& diagnostics);

} // namespace ns
