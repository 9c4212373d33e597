#include "diagnostic.hpp"

#include <algorithm>

namespace ns {

const char* toString(DiagnosticKind kind) {
    switch (kind) {
    case DiagnosticKind::Unreadable:
        return "unreadable";
    case DiagnosticKind::Syntax:
        return "syntax";
    case DiagnosticKind::UnknownKey:
        return "unknown-key";
    case DiagnosticKind::InvalidValue:
        return "invalid-value";
    case DiagnosticKind::UnknownId:
        return "unknown-id";
    case DiagnosticKind::NoSteps:
        return "no-steps";
    case DiagnosticKind::UnknownRoutine:
        return "unknown-routine";
    }
    return "invalid-value";
}

std::string Diagnostic::format() const {
    if (file.empty()) return "nightstretch: " + message;
    std::string out = file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) out += ':' + std::to_string(column);
    }
    out += ": error: ";
    out += message;
    return out;
}

int exitCodeFor(DiagnosticKind kind) {
    switch (kind) {
    case DiagnosticKind::Unreadable:
    case DiagnosticKind::UnknownRoutine:
        return 2;
    case DiagnosticKind::Syntax:
    case DiagnosticKind::UnknownKey:
    case DiagnosticKind::InvalidValue:
    case DiagnosticKind::UnknownId:
    case DiagnosticKind::NoSteps:
        return 1;
    }
    return 1;
}

int exitCodeFor(const Diagnostics& diagnostics) {
    int code = 0;
    for (const Diagnostic& d : diagnostics)
        code = std::max(code, exitCodeFor(d.kind));
    return code;
}

} // namespace ns
