// Writing routines back to TOML by hand; the file itself is replaced by writeFileAtomically.
#include "routine_writer.hpp"

#include "routine_loader.hpp"

#include <cstdio>

namespace ns {

namespace {

// Where the `#` of a trailing comment goes, as in DESIGN's example.
constexpr std::size_t kCommentColumn = 20;
// Where the allowed range of a [defaults] value goes, so the ranges line up.
constexpr std::size_t kRangeColumn = 79;
// A list that fits in this many characters stays on one line.
constexpr std::size_t kMaxInlineListChars = 100;

const char* const kSidesComment = R"(# "none" | "left" | "right" | "both")";

std::string withComment(std::string line, const std::string& comment) {
    if (line.size() < kCommentColumn)
        line.resize(kCommentColumn, ' ');
    else
        line += ' ';
    return line + comment;
}

std::string defaultsComment(TimingField field) {
    std::string what;
    switch (field) {
    case TimingField::Prepare:
        what = "seconds of \"get ready\" before the first hold of a step";
        break;
    case TimingField::Hold:
        what = "seconds per hold";
        break;
    case TimingField::Reps:
        what = "holds per side";
        break;
    case TimingField::Rest:
        what = "seconds of rest between repetitions of a step";
        break;
    case TimingField::Switch:
        what = "seconds to change sides";
        break;
    }
    std::string comment = "# " + what;
    if (comment.size() < kRangeColumn - kCommentColumn)
        comment.resize(kRangeColumn - kCommentColumn, ' ');
    else
        comment += ' ';
    const auto [min, max] = timingRange(field);
    return comment + "(" + std::to_string(min) + "\u2013" + std::to_string(max) + ")";
}

std::string quotedSides(Sides sides) {
    return std::string("\"") + toString(sides) + "\"";
}

void writeList(std::string& out, const char* key, const std::vector<std::string>& items,
               bool alwaysMultiLine) {
    std::string oneLine = std::string(key) + " = [";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) oneLine += ", ";
        oneLine += tomlQuoted(items[i]);
    }
    oneLine += "]";
    if (items.empty() || (!alwaysMultiLine && oneLine.size() <= kMaxInlineListChars)) {
        out += oneLine + "\n";
        return;
    }
    out += std::string(key) + " = [\n";
    for (const std::string& item : items)
        out += "  " + tomlQuoted(item) + ",\n";
    out += "]\n";
}

void writeTimingNumbers(std::string& out, const TimingSpec& timing) {
    for (const TimingField field : kTimingFields) {
        if (const std::optional<int>& value = timingValue(timing, field))
            out += std::string(timingKey(field)) + " = " + std::to_string(*value) + "\n";
    }
}

void writeStep(std::string& out, const StepSpec& step) {
    out += "\n[[steps]]\n";
    if (!step.isInline()) out += "stretch = " + tomlQuoted(step.stretchId) + "\n";
    if (!step.name.empty() || step.isInline()) out += "name = " + tomlQuoted(step.name) + "\n";
    if (step.muscles) writeList(out, "muscles", *step.muscles, false);
    if (step.instructions) writeList(out, "instructions", *step.instructions, true);
    // An inline stretch's sides describe the stretch, so they go with its description.
    if (step.isInline() && step.timing.sides)
        out += withComment("sides = " + quotedSides(*step.timing.sides), kSidesComment) + "\n";
    if (step.caution) out += "caution = " + tomlQuoted(*step.caution) + "\n";
    writeTimingNumbers(out, step.timing);
    if (!step.isInline() && step.timing.sides)
        out += "sides = " + quotedSides(*step.timing.sides) + "\n";
}

} // namespace

std::optional<std::string> withRoutineName(std::string_view text, const std::string& name,
                                           const Catalog& catalog) {
    std::string out;
    bool replaced = false;
    bool inTable = false; // past the first [table] or [[array]]: no longer the routine's own keys
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        const std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
        const std::string_view line = text.substr(start, next - start);
        start = next;
        const std::size_t first = line.find_first_not_of(" \t");
        if (first != std::string_view::npos && line[first] == '[') inTable = true;
        if (!replaced && !inTable && first != std::string_view::npos &&
            line.substr(first, 4) == "name") {
            const std::size_t equals = line.find_first_not_of(" \t", first + 4);
            if (equals != std::string_view::npos && line[equals] == '=') {
                out += "name = " + tomlQuoted(name) + "\n";
                replaced = true;
                continue;
            }
        }
        out += line;
    }
    if (!replaced) return std::nullopt;
    const RoutineDocumentLoadResult parsed = parseRoutineDocument(out, "", catalog);
    if (!parsed.ok() || parsed.document->name != name) return std::nullopt;
    return out;
}

std::string tomlQuoted(std::string_view text) {
    std::string out = "\"";
    out.reserve(text.size() + 2);
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\r':
            out += "\\r";
            break;
        default: {
            const auto byte = static_cast<unsigned char>(c);
            if (byte < 0x20 || byte == 0x7F) {
                char escape[8];
                std::snprintf(escape, sizeof escape, "\\u%04X", static_cast<unsigned>(byte));
                out += escape;
            } else {
                out += c; // UTF-8 passes through
            }
        }
        }
    }
    out += "\"";
    return out;
}

std::string formatRoutine(const RoutineDocument& document) {
    std::string out = std::string(kWrittenByHeader) + "\n";
    out += "name = " + tomlQuoted(document.name) + "\n";
    if (!document.description.empty())
        out += "description = " + tomlQuoted(document.description) + "\n";

    const TimingSpec& defaults = document.defaults;
    if (!defaults.empty()) {
        out += "\n" +
               withComment("[defaults]", "# every step inherits these unless it says otherwise") +
               "\n";
        for (const TimingField field : kTimingFields) {
            if (const std::optional<int>& value = timingValue(defaults, field)) {
                out += withComment(std::string(timingKey(field)) + " = " + std::to_string(*value),
                                   defaultsComment(field)) +
                       "\n";
            }
        }
        if (defaults.sides)
            out += withComment("sides = " + quotedSides(*defaults.sides), kSidesComment) + "\n";
    }
    for (const StepSpec& step : document.steps)
        writeStep(out, step);
    return out;
}

bool saveRoutineAtomically(const RoutineDocument& document, const std::filesystem::path& file,
                           const Catalog& catalog, std::string* error) {
    const auto fail = [&](const std::string& why) {
        if (error) *error = why;
        return false;
    };
    try {
        const std::string text = formatRoutine(document);
        const RoutineDocumentLoadResult back = parseRoutineDocument(text, file.string(), catalog);
        if (!back.ok()) {
            const std::string why =
                back.diagnostics.empty() ? "it does not validate" : back.diagnostics[0].message;
            return fail("the routine was not saved: " + why);
        }
        if (*back.document != document)
            return fail("the routine was not saved: it would not load back the same");
        return writeFileAtomically(file, text, error);
    } catch (const std::exception& err) {
        return fail(std::string("the routine was not saved: ") + err.what());
    }
}

} // namespace ns
