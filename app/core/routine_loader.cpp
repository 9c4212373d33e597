// Loading and strict validation of routine files and the stretch catalog; never throws.
#include "routine_loader.hpp"

#include "format.hpp"
#include "timeline.hpp"
#include "toml_check.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>

namespace ns {

namespace {

namespace fs = std::filesystem;

// A routine is a page of text; anything bigger is a wrong file, not a routine to parse.
constexpr std::uintmax_t kMaxFileBytes = std::uintmax_t{1024} * 1024;
constexpr std::size_t kKnownIdsListed = 6;
// A bedtime routine is minutes long; these only stop a wrong or hostile file early and clearly.
constexpr std::size_t kMaxSteps = 100;
constexpr std::size_t kMaxCatalogStretches = 500;
constexpr int kMaxTotalSeconds = 2 * 60 * 60;

const std::vector<std::string> kTopLevelKeys = {"name", "description", "defaults", "steps"};
const std::vector<std::string> kDefaultsKeys = {"prepare", "hold",   "reps",
                                                "rest",    "switch", "sides"};
const std::vector<std::string> kStepKeys = {"stretch", "name",    "instructions", "sides",
                                            "muscles", "caution", "prepare",      "hold",
                                            "reps",    "rest",    "switch"};
const std::vector<std::string> kCatalogKeys = {"name",         "muscles", "sides",   "hold",
                                               "instructions", "caution", "standing"};

// Reads the timing keys present in `table`; the unknown-key check is the caller's.
TimingSpec readTiming(TomlChecker& check, const toml::table& table) {
    TimingSpec timing;
    if (const toml::node* node = table.get("prepare"))
        timing.prepare = check.wholeNumber(*node, "prepare", kMinPrepare, kMaxPrepare, "seconds");
    if (const toml::node* node = table.get("hold"))
        timing.hold = check.wholeNumber(*node, "hold", kMinHold, kMaxHold, "seconds");
    if (const toml::node* node = table.get("reps"))
        timing.reps = check.wholeNumber(*node, "reps", kMinReps, kMaxReps, "");
    if (const toml::node* node = table.get("rest"))
        timing.rest = check.wholeNumber(*node, "rest", kMinRest, kMaxRest, "seconds");
    if (const toml::node* node = table.get("switch"))
        timing.switchSeconds =
            check.wholeNumber(*node, "switch", kMinSwitch, kMaxSwitch, "seconds");
    if (const toml::node* node = table.get("sides")) timing.sides = check.sides(*node, "sides");
    return timing;
}

std::string unknownStretchMessage(const std::string& id, int stepNumber, const Catalog& catalog) {
    return "unknown stretch " + quoteForMessage(id) + " in step " + std::to_string(stepNumber) +
           stretchHint(id, catalog);
}

// Reads one [[steps]] table as written. Problems go to `check`; the caller drops the document if
// there are any.
StepSpec readStep(TomlChecker& check, const toml::table& table, int stepNumber,
                  const Catalog& catalog) {
    check.rejectUnknownKeys(table, kStepKeys, "in step " + std::to_string(stepNumber));

    StepSpec step;
    const toml::node* stretchNode = table.get("stretch");
    if (stretchNode) {
        if (auto id = check.text(*stretchNode, "stretch", false)) {
            if (!catalog.find(*id))
                check.error(*stretchNode, unknownStretchMessage(*id, stepNumber, catalog),
                            DiagnosticKind::UnknownId);
            step.stretchId = std::move(*id);
        }
    }
    const toml::node* nameNode = table.get("name");
    if (nameNode) {
        if (auto name = check.text(*nameNode, "name", false)) step.name = std::move(*name);
    }
    if (!stretchNode && !nameNode) {
        check.error(table, "step " + std::to_string(stepNumber) +
                               " needs 'stretch' (an id from the stretch catalog) or 'name' "
                               "(for a stretch of your own)");
    }
    if (const toml::node* node = table.get("instructions")) {
        if (auto lines = check.textList(*node, "instructions"))
            step.instructions = std::move(*lines);
    }
    if (const toml::node* node = table.get("muscles")) {
        if (auto muscles = check.textList(*node, "muscles")) step.muscles = std::move(*muscles);
    }
    if (const toml::node* node = table.get("caution")) {
        if (auto caution = check.text(*node, "caution", true)) step.caution = std::move(*caution);
    }
    step.timing = readTiming(check, table);
    return step;
}

std::vector<StepSpec> readSteps(TomlChecker& check, const toml::table& root,
                                const Catalog& catalog) {
    std::vector<StepSpec> steps;
    const toml::node* node = root.get("steps");
    if (!node) {
        check.errorInFile("the routine has no steps; add at least one [[steps]] table",
                          DiagnosticKind::NoSteps);
        return steps;
    }
    const toml::array* array = node->as_array();
    if (!array) {
        check.error(*node,
                    "'steps' must be a list of [[steps]] tables, got " + describeValue(*node));
        return steps;
    }
    if (array->empty()) {
        check.error(*node, "'steps' is empty; add at least one [[steps]] table",
                    DiagnosticKind::NoSteps);
        return steps;
    }
    if (array->size() > kMaxSteps) {
        check.error(*node, "a routine can have at most " + std::to_string(kMaxSteps) +
                               " steps, this one has " + std::to_string(array->size()));
        return steps;
    }
    for (std::size_t i = 0; i < array->size(); ++i) {
        const toml::node& item = *array->get(i);
        const int stepNumber = static_cast<int>(i) + 1;
        if (const toml::table* table = item.as_table()) {
            steps.push_back(readStep(check, *table, stepNumber, catalog));
        } else {
            check.error(item, "step " + std::to_string(stepNumber) +
                                  " must be a table of keys like stretch = \"wall-calf\", got " +
                                  describeValue(item));
        }
    }
    return steps;
}

RoutineDocument readDocument(TomlChecker& check, const toml::table& root, const Catalog& catalog) {
    RoutineDocument document;
    check.rejectUnknownKeys(root, kTopLevelKeys, "at the top level");

    if (const toml::node* node = root.get("name")) {
        if (auto name = check.text(*node, "name", false)) document.name = std::move(*name);
    } else {
        check.errorInFile(
            "the routine needs a 'name' at the top level, like name = \"My routine\"");
    }
    if (const toml::node* node = root.get("description")) {
        if (auto description = check.text(*node, "description", true))
            document.description = std::move(*description);
    }

    if (const toml::node* node = root.get("defaults")) {
        if (const toml::table* table = node->as_table()) {
            check.rejectUnknownKeys(*table, kDefaultsKeys, "in [defaults]");
            document.defaults = readTiming(check, *table);
        } else {
            check.error(*node,
                        "'defaults' must be a table, [defaults], got " + describeValue(*node));
        }
    }
    document.steps = readSteps(check, root, catalog);
    return document;
}

void readCatalog(TomlChecker& check, const toml::table& root, Catalog& catalog) {
    if (root.size() > kMaxCatalogStretches) {
        check.errorInFile("a stretch catalog can have at most " +
                          std::to_string(kMaxCatalogStretches) + " stretches, this one has " +
                          std::to_string(root.size()));
        return;
    }
    for (auto&& [key, value] : root) {
        const std::string id(key.str());
        const std::string where = "in stretch " + quoteForMessage(id);
        const toml::table* table = value.as_table();
        if (!table) {
            check.error(value, "stretch " + quoteForMessage(id) + " must be a table, [" + id +
                                   "], got " + describeValue(value));
            continue;
        }
        check.rejectUnknownKeys(*table, kCatalogKeys, where);

        Stretch stretch;
        stretch.id = id;
        const toml::node* nameNode = table->get("name");
        std::optional<std::string> name;
        if (nameNode)
            name = check.text(*nameNode, "name", false);
        else
            check.error(*table, "stretch " + quoteForMessage(id) + " needs a 'name'");
        if (const toml::node* node = table->get("muscles")) {
            if (auto muscles = check.textList(*node, "muscles")) stretch.muscles = *muscles;
        }
        if (const toml::node* node = table->get("sides")) {
            if (auto sides = check.sides(*node, "sides")) stretch.sides = *sides;
        }
        if (const toml::node* node = table->get("hold"))
            stretch.hold = check.wholeNumber(*node, "hold", kMinHold, kMaxHold, "seconds");
        if (const toml::node* node = table->get("instructions")) {
            if (auto lines = check.textList(*node, "instructions"))
                stretch.instructions = std::move(*lines);
        }
        if (const toml::node* node = table->get("caution")) {
            if (auto caution = check.text(*node, "caution", true)) stretch.caution = *caution;
        }
        if (const toml::node* node = table->get("standing")) {
            if (const auto standing = node->value<bool>(); node->is_boolean() && standing)
                stretch.standing = *standing;
            else
                check.error(*node, "'standing' must be true or false, not " + describeValue(*node));
        }
        // Keep a stretch with a bad detail so routines using it don't also fail as "unknown".
        if (name) {
            stretch.name = std::move(*name);
            catalog.stretches.emplace(id, std::move(stretch));
        }
    }
}

std::string lowerFirst(std::string text) {
    if (!text.empty())
        text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

// The whole file, or the reason it can't be read (a folder, a device, too big, no permission).
std::optional<std::string> readTextFile(const fs::path& file, std::string& reason) {
    std::error_code ec;
    const fs::file_status status = fs::status(file, ec);
    if (ec) {
        reason = lowerFirst(ec.message());
        return std::nullopt;
    }
    if (fs::is_directory(status)) {
        reason = "it is a folder, not a file";
        return std::nullopt;
    }
    if (!fs::is_regular_file(status)) {
        reason = "it is not a regular file";
        return std::nullopt;
    }
    const std::uintmax_t size = fs::file_size(file, ec);
    if (!ec && size > kMaxFileBytes) {
        reason = "it is larger than 1 MB, far too big for a routine";
        return std::nullopt;
    }
    errno = 0;
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        reason = errno != 0 ? lowerFirst(std::strerror(errno)) : "it could not be opened";
        return std::nullopt;
    }
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) {
        reason = "reading it failed";
        return std::nullopt;
    }
    return content.str();
}

Diagnostic cannotRead(const fs::path& file, const std::string& reason) {
    return {file.string(), 0, 0, "cannot read file: " + reason, DiagnosticKind::Unreadable};
}

// Routine files in `dir`, by name: everything named *.toml but the catalog, folders and devices
// included, so that each gets its own clear diagnostic from the loader. A missing folder is
// simply empty; one that cannot be read is said in `problems`.
std::vector<fs::path> routineFilesIn(const fs::path& dir, Diagnostics& problems) {
    std::vector<fs::path> files;
    std::error_code ec;
    if (dir.empty() || !fs::exists(dir, ec)) return files;
    fs::directory_iterator it(dir, ec);
    const fs::directory_iterator end;
    while (!ec && it != end) {
        const fs::path& path = it->path();
        if (path.extension() == ".toml" && path.filename() != "stretches.toml")
            files.push_back(path);
        it.increment(ec);
    }
    if (ec)
        problems.push_back({dir.string(), 0, 0,
                            "cannot read the routines folder: " + lowerFirst(ec.message()),
                            DiagnosticKind::Unreadable});
    std::sort(files.begin(), files.end());
    return files;
}

// Optimal string alignment distance: Levenshtein plus swapping two neighbours, the commonest
// typo ("hodl").
std::size_t typoDistance(const std::string& a, const std::string& b) {
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1, 0));
    for (std::size_t i = 0; i <= n; ++i)
        d[i][0] = i;
    for (std::size_t j = 0; j <= m; ++j)
        d[0][j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

std::string lowerAscii(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// Adds the stretches of the user's catalog `file`, if there is one, replacing built-in ones with
// the same id; a user catalog with errors is reported and left out whole.
void addUserCatalog(const fs::path& file, RoutineLibrary& library) {
    std::error_code ec;
    if (file.empty() || !fs::exists(file, ec)) return;
    CatalogLoadResult user = loadCatalogFile(file);
    if (!user.diagnostics.empty()) {
        library.catalogDiagnostics.insert(library.catalogDiagnostics.end(),
                                          user.diagnostics.begin(), user.diagnostics.end());
        library.catalogDiagnostics.push_back(
            {file.string(), 0, 0,
             "none of the stretches in this file are used until it loads without errors"});
        return;
    }
    for (auto& [id, stretch] : user.catalog.stretches)
        library.catalog.stretches.insert_or_assign(id, std::move(stretch));
}

// A routine longer than kMaxTotalSeconds is refused whole (its steps are each within range).
void checkTotalDuration(RoutineLoadResult& result, const std::string& sourceName) {
    if (!result.routine) return;
    const int total = buildTimeline(*result.routine).totalSeconds;
    if (total <= kMaxTotalSeconds) return;
    result.diagnostics.push_back(
        {sourceName, 0, 0,
         "the routine lasts " + formatClock(total) + "; a routine can last at most " +
             formatClock(kMaxTotalSeconds) + " (shorten holds, repetitions or steps)",
         DiagnosticKind::InvalidValue});
    result.routine.reset();
}

} // namespace

std::string stretchHint(const std::string& id, const Catalog& catalog) {
    std::vector<std::string> ids;
    for (const auto& entry : catalog.stretches)
        ids.push_back(entry.first);
    if (ids.empty()) return " (the stretch catalog is empty or failed to load)";
    const std::string suggestion = closestMatch(id, ids);
    if (!suggestion.empty()) return "; did you mean '" + suggestion + "'?";
    std::string hint = "; known stretches include ";
    for (std::size_t i = 0; i < ids.size() && i < kKnownIdsListed; ++i) {
        if (i > 0) hint += ", ";
        hint += "'" + ids[i] + "'";
    }
    return hint;
}

std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates) {
    const std::string lowerWord = lowerAscii(word);
    const std::size_t allowed = std::max<std::size_t>(1, word.size() / 3);
    std::string best;
    std::size_t bestDistance = allowed + 1;
    for (const std::string& candidate : candidates) {
        const std::size_t lengthGap = candidate.size() > word.size()
                                          ? candidate.size() - word.size()
                                          : word.size() - candidate.size();
        if (lengthGap > allowed) continue; // cheap bound: also keeps huge words from costing much
        const std::size_t distance = typoDistance(lowerWord, lowerAscii(candidate));
        if (distance < bestDistance) {
            bestDistance = distance;
            best = candidate;
        }
    }
    return best;
}

CatalogLoadResult parseCatalog(std::string_view toml, const std::string& sourceName) {
    CatalogLoadResult result;
    try {
        std::optional<toml::table> root = parseToml(toml, sourceName, result.diagnostics);
        if (!root) return result;
        TomlChecker check(sourceName);
        readCatalog(check, *root, result.catalog);
        result.diagnostics = check.take();
    } catch (const std::exception& err) {
        result.diagnostics.push_back(
            {sourceName, 0, 0, std::string("could not load the catalog: ") + err.what()});
    }
    return result;
}

CatalogLoadResult loadCatalogFile(const std::filesystem::path& file) {
    CatalogLoadResult result;
    try {
        std::string reason;
        const std::optional<std::string> text = readTextFile(file, reason);
        if (!text) {
            result.diagnostics.push_back(cannotRead(file, reason));
            return result;
        }
        return parseCatalog(*text, file.string());
    } catch (const std::exception& err) {
        result.diagnostics.push_back(cannotRead(file, err.what()));
    }
    return result;
}

RoutineDocumentLoadResult parseRoutineDocument(std::string_view toml, const std::string& sourceName,
                                               const Catalog& catalog) {
    RoutineDocumentLoadResult result;
    try {
        std::optional<toml::table> root = parseToml(toml, sourceName, result.diagnostics);
        if (!root) return result;
        TomlChecker check(sourceName);
        RoutineDocument document = readDocument(check, *root, catalog);
        result.diagnostics = check.take();
        if (result.diagnostics.empty()) result.document = std::move(document);
    } catch (const std::exception& err) {
        result.document.reset();
        result.diagnostics.push_back(
            {sourceName, 0, 0, std::string("could not load the routine: ") + err.what()});
    }
    return result;
}

RoutineDocumentLoadResult loadRoutineDocumentFile(const std::filesystem::path& file,
                                                  const Catalog& catalog) {
    RoutineDocumentLoadResult result;
    try {
        std::string reason;
        const std::optional<std::string> text = readTextFile(file, reason);
        if (!text) {
            result.diagnostics.push_back(cannotRead(file, reason));
            return result;
        }
        result = parseRoutineDocument(*text, file.string(), catalog);
    } catch (const std::exception& err) {
        result.document.reset();
        result.diagnostics.push_back(cannotRead(file, err.what()));
    }
    return result;
}

RoutineLoadResult parseRoutine(std::string_view toml, const std::string& sourceName,
                               const std::string& id, const Catalog& catalog) {
    RoutineLoadResult result;
    try {
        RoutineDocumentLoadResult parsed = parseRoutineDocument(toml, sourceName, catalog);
        result.diagnostics = std::move(parsed.diagnostics);
        if (parsed.document) {
            result.routine = resolveRoutine(*parsed.document, id, catalog);
            checkTotalDuration(result, sourceName);
        }
    } catch (const std::exception& err) {
        result.routine.reset();
        result.diagnostics.push_back(
            {sourceName, 0, 0, std::string("could not load the routine: ") + err.what()});
    }
    return result;
}

RoutineLoadResult loadRoutineFile(const std::filesystem::path& file, const Catalog& catalog) {
    RoutineLoadResult result;
    try {
        RoutineDocumentLoadResult parsed = loadRoutineDocumentFile(file, catalog);
        result.diagnostics = std::move(parsed.diagnostics);
        if (parsed.document) {
            result.routine = resolveRoutine(*parsed.document, file.stem().string(), catalog);
            result.routine->path = file;
            checkTotalDuration(result, file.string());
        }
    } catch (const std::exception& err) {
        result.routine.reset();
        result.diagnostics.push_back(cannotRead(file, err.what()));
    }
    return result;
}

std::filesystem::path userCatalogFile(const std::filesystem::path& userRoutinesDir) {
    if (userRoutinesDir.empty()) return {};
    // "config/routines/" names the same folder as "config/routines".
    const fs::path dir =
        userRoutinesDir.has_filename() ? userRoutinesDir : userRoutinesDir.parent_path();
    return dir.parent_path() / "stretches.toml";
}

RoutineLibrary RoutineLibrary::load(const std::filesystem::path& builtInDir,
                                    const std::filesystem::path& userDir) {
    RoutineLibrary library;
    try {
        CatalogLoadResult catalog = loadCatalogFile(builtInDir / "stretches.toml");
        library.catalog = std::move(catalog.catalog);
        library.catalogDiagnostics = std::move(catalog.diagnostics);
        addUserCatalog(userCatalogFile(userDir), library);

        // A map keyed by id: the user's folder comes second, so its files replace built-in ones.
        std::map<std::string, RoutineEntry> byId;
        const auto addFolder = [&](const fs::path& dir, bool builtIn) {
            for (const fs::path& file : routineFilesIn(dir, library.catalogDiagnostics)) {
                RoutineEntry entry;
                entry.id = file.stem().string();
                entry.path = file;
                entry.builtIn = builtIn;
                if (const auto it = byId.find(entry.id); it != byId.end() && it->second.builtIn)
                    entry.replacedBuiltIn = it->second.path;
                entry.result = loadRoutineFile(file, library.catalog);
                byId[entry.id] = std::move(entry);
            }
        };
        addFolder(builtInDir, true);
        addFolder(userDir, false);
        for (auto& item : byId)
            library.entries.push_back(std::move(item.second));
    } catch (const std::exception& err) {
        library.catalogDiagnostics.push_back(
            {builtInDir.string(), 0, 0, std::string("could not load routines: ") + err.what()});
    }
    return library;
}

RoutineLibrary RoutineLibrary::reload(const RoutineLibrary& previous,
                                      const std::filesystem::path& builtInDir,
                                      const std::filesystem::path& userDir) {
    RoutineLibrary library = load(builtInDir, userDir);
    for (RoutineEntry& entry : library.entries) {
        if (entry.result.ok()) continue;
        const RoutineEntry* before = previous.find(entry.id);
        if (!before) continue;
        if (const Routine* good = before->usableRoutine()) entry.lastGood = *good;
    }
    return library;
}

const RoutineEntry* RoutineLibrary::find(const std::string& id) const {
    for (const RoutineEntry& entry : entries)
        if (entry.id == id) return &entry;
    return nullptr;
}

} // namespace ns
