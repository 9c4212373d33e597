#include "diagnostic.hpp"

namespace ns {

std::string Diagnostic::format() const {
    std::string out = file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) out += ':' + std::to_string(column);
    }
    out += ": error: ";
    out += message;
    return out;
}

} // namespace ns
