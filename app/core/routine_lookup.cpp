#include "routine_lookup.hpp"

#include <system_error>
#include <vector>

namespace fs = std::filesystem;

namespace ns {

bool validRoutineId(const std::string& id) {
    if (id.empty() || id.size() > kMaxRoutineIdLength || id[0] == '-') return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return id != "stretches";
}

bool looksLikeRoutinePath(const std::string& name) {
    return name.find('/') != std::string::npos || fs::path(name).extension() == ".toml";
}

RoutineLocateResult locateRoutine(const std::string& name, const RoutineLibrary& library) {
    RoutineLocateResult result;
    if (looksLikeRoutinePath(name)) {
        const fs::path file(name);
        std::error_code ec;
        if (!fs::is_regular_file(file, ec)) {
            // The loader says why in its own words (missing, a folder, a device...).
            RoutineLoadResult load = loadRoutineFile(file, library.catalog);
            result.diagnostics = std::move(load.diagnostics);
            if (result.diagnostics.empty())
                result.diagnostics.push_back(
                    {name, 0, 0, "cannot read file: it is not a file", DiagnosticKind::Unreadable});
            return result;
        }
        result.location = RoutineLocation{file, file.stem().string(), false, nullptr};
        return result;
    }
    if (const RoutineEntry* entry = library.find(name)) {
        result.location = RoutineLocation{entry->path, entry->id, entry->builtIn, entry};
        return result;
    }
    std::vector<std::string> ids;
    for (const auto& e : library.entries)
        ids.push_back(e.id);
    std::string message = "unknown routine '" + name + "'";
    if (const std::string close = closestMatch(name, ids); !close.empty())
        message += "; did you mean '" + close + "'?";
    message += " (try 'nightstretch list')";
    result.diagnostics.push_back({"", 0, 0, std::move(message), DiagnosticKind::UnknownRoutine});
    return result;
}

RoutineLookup findRoutine(const std::string& name, const RoutineLibrary& library) {
    RoutineLookup lookup;
    RoutineLocateResult located = locateRoutine(name, library);
    if (!located.location) {
        lookup.diagnostics = std::move(located.diagnostics);
        return lookup;
    }
    if (const RoutineEntry* entry = located.location->entry) {
        if (entry->result.ok())
            lookup.routine = entry->result.routine;
        else
            lookup.diagnostics = entry->result.diagnostics;
        return lookup;
    }
    RoutineLoadResult load = loadRoutineFile(located.location->file, library.catalog);
    lookup.routine = std::move(load.routine);
    lookup.diagnostics = std::move(load.diagnostics);
    return lookup;
}

} // namespace ns
