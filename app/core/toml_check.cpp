// Strict reading of TOML values into diagnostics, shared by the routine and catalog loaders.
#include "toml_check.hpp"

#include "routine_loader.hpp"
#include "toml_syntax.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <system_error>

namespace ns {

namespace {

constexpr std::size_t kMaxQuotedChars = 40;

std::string formatDecimal(double value) {
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
    std::ostringstream out;
    out.precision(15);
    out << value;
    std::string text = out.str();
    // "30" would hide why 30.0 is refused.
    if (text.find_first_of(".e") == std::string::npos) text += ".0";
    return text;
}

int lineOf(const toml::source_position& pos) {
    return pos.line > static_cast<toml::source_index>(std::numeric_limits<int>::max())
               ? 0
               : static_cast<int>(pos.line);
}

int columnOf(const toml::source_position& pos) {
    return pos.column > static_cast<toml::source_index>(std::numeric_limits<int>::max())
               ? 0
               : static_cast<int>(pos.column);
}

// Our sentence for the parser's error, never its own words.
std::string syntaxError(const toml::parse_error& err, std::string_view doc) {
    return syntaxSentence(err.description(), doc, lineOf(err.source().begin),
                          columnOf(err.source().begin));
}

} // namespace

std::string describeValue(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::string:
        return "a string";
    case toml::node_type::integer:
        return "the number " + std::to_string(*node.value<int64_t>());
    case toml::node_type::floating_point:
        return "the decimal number " + formatDecimal(*node.value<double>());
    case toml::node_type::boolean:
        return *node.value<bool>() ? "true" : "false";
    case toml::node_type::array:
        return "a list";
    case toml::node_type::table:
        return "a table";
    case toml::node_type::date:
        return "a date";
    case toml::node_type::time:
        return "a time";
    case toml::node_type::date_time:
        return "a date and time";
    case toml::node_type::none:
        break;
    }
    return "nothing";
}

std::string quoteForMessage(std::string_view text) {
    std::string out = "'";
    if (text.size() <= kMaxQuotedChars) {
        out += text;
    } else {
        std::size_t cut = kMaxQuotedChars;
        // Don't split a UTF-8 sequence: back up to the start of a character.
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
            --cut;
        out += text.substr(0, cut);
        out += "...";
    }
    out += "'";
    return out;
}

std::size_t characterCount(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count; // not a continuation byte
    return count;
}

std::optional<std::string> readSmallFile(const std::filesystem::path& file, std::uintmax_t maxBytes,
                                         const std::string& what, const std::string& kind,
                                         Diagnostics& diagnostics) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    std::string problem;
    if (ec || !std::filesystem::is_regular_file(file, ec))
        problem = "cannot read the " + what + ": it is not a regular file";
    else if (size > maxBytes)
        problem = "the " + what + " is larger than " + std::to_string(maxBytes / 1024) +
                  " KB, far too big to be " + kind;
    std::string text;
    if (problem.empty()) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream content;
        content << in.rdbuf();
        if (!in) problem = "cannot read the " + what;
        text = content.str();
    }
    if (problem.empty()) return text;
    diagnostics.push_back({file.string(), 0, 0, problem, DiagnosticKind::Unreadable});
    return std::nullopt;
}

std::optional<toml::table> parseToml(std::string_view doc, const std::string& sourceName,
                                     Diagnostics& diagnostics) {
    // Input TOML++ 3.3 cannot be trusted with never reaches it (toml_syntax.hpp).
    const GuardedToml guarded = guardToml(doc);
    if (const std::optional<SyntaxProblem>& hazard = guarded.problem) {
        diagnostics.push_back(
            {sourceName, hazard->line, hazard->column, hazard->message, DiagnosticKind::Syntax});
        return std::nullopt;
    }
#if TOML_EXCEPTIONS
    try {
        return toml::parse(guarded.text, std::string_view(sourceName));
    } catch (const toml::parse_error& err) {
        diagnostics.push_back({sourceName, lineOf(err.source().begin), columnOf(err.source().begin),
                               syntaxError(err, doc), DiagnosticKind::Syntax});
        return std::nullopt;
    }
#else
    toml::parse_result result = toml::parse(guarded.text, std::string_view(sourceName));
    if (!result) {
        const toml::parse_error& err = result.error();
        diagnostics.push_back({sourceName, lineOf(err.source().begin), columnOf(err.source().begin),
                               syntaxError(err, doc), DiagnosticKind::Syntax});
        return std::nullopt;
    }
    return std::move(result).table();
#endif
}

void TomlChecker::error(const toml::source_region& where, std::string message,
                        DiagnosticKind kind) {
    m_diagnostics.push_back(
        {m_sourceName, lineOf(where.begin), columnOf(where.begin), std::move(message), kind});
}

void TomlChecker::errorInFile(std::string message, DiagnosticKind kind) {
    m_diagnostics.push_back({m_sourceName, 0, 0, std::move(message), kind});
}

void TomlChecker::rejectUnknownKeys(const toml::table& table,
                                    const std::vector<std::string>& allowed,
                                    const std::string& where) {
    for (auto&& [key, value] : table) {
        const std::string name(key.str());
        if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
        std::string message = "unknown key " + quoteForMessage(name) + " " + where;
        const std::string suggestion = closestMatch(name, allowed);
        if (!suggestion.empty()) {
            message += "; did you mean '" + suggestion + "'?";
        } else {
            message += "; allowed keys are ";
            for (std::size_t i = 0; i < allowed.size(); ++i) {
                if (i > 0) message += i + 1 == allowed.size() ? " and " : ", ";
                message += "'" + allowed[i] + "'";
            }
        }
        // Keys parsed from a document always carry a position; fall back to the value's anyway.
        error(key.source().begin.line > 0 ? key.source() : value.source(), std::move(message),
              DiagnosticKind::UnknownKey);
    }
}

std::optional<int> TomlChecker::wholeNumber(const toml::node& node, const std::string& key, int min,
                                            int max, const std::string& unit) {
    const std::string suffix = unit.empty() ? "" : " " + unit;
    const auto* integer = node.as_integer();
    if (!integer) {
        error(node, "'" + key + "' must be a whole number" + (unit.empty() ? "" : " of " + unit) +
                        ", got " + describeValue(node));
        return std::nullopt;
    }
    const int64_t value = integer->get();
    if (value < min || value > max) {
        error(node, "'" + key + "' must be between " + std::to_string(min) + " and " +
                        std::to_string(max) + suffix + ", got " + std::to_string(value));
        return std::nullopt;
    }
    return static_cast<int>(value);
}

std::optional<std::string> TomlChecker::text(const toml::node& node, const std::string& key,
                                             bool allowEmpty) {
    const auto* string = node.as_string();
    if (!string) {
        error(node, "'" + key + "' must be text in quotes, got " + describeValue(node));
        return std::nullopt;
    }
    if (!allowEmpty && string->get().find_first_not_of(" \t") == std::string::npos) {
        error(node, "'" + key + "' must not be empty");
        return std::nullopt;
    }
    if (const std::size_t length = characterCount(string->get()); length > kMaxTextChars) {
        error(node, "'" + key + "' is too long: at most " + std::to_string(kMaxTextChars) +
                        " characters, got " + std::to_string(length));
        return std::nullopt;
    }
    return string->get();
}

std::optional<std::vector<std::string>> TomlChecker::textList(const toml::node& node,
                                                              const std::string& key) {
    const auto* array = node.as_array();
    if (!array) {
        error(node, "'" + key +
                        "' must be a list of text lines in quotes, like [\"...\", \"...\"]"
                        ", got " +
                        describeValue(node));
        return std::nullopt;
    }
    if (array->size() > kMaxListItems) {
        error(node, "'" + key + "' has too many lines: at most " + std::to_string(kMaxListItems) +
                        ", got " + std::to_string(array->size()));
        return std::nullopt;
    }
    std::vector<std::string> lines;
    bool ok = true;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const toml::node& item = *array->get(i);
        if (const auto* string = item.as_string()) {
            if (const std::size_t length = characterCount(string->get()); length > kMaxTextChars) {
                error(item, "item " + std::to_string(i + 1) + " of '" + key +
                                "' is too long: at most " + std::to_string(kMaxTextChars) +
                                " characters, got " + std::to_string(length));
                ok = false;
                continue;
            }
            lines.push_back(string->get());
        } else {
            error(item, "item " + std::to_string(i + 1) + " of '" + key +
                            "' must be text in quotes, got " + describeValue(item));
            ok = false;
        }
    }
    if (!ok) return std::nullopt;
    return lines;
}

std::optional<Sides> TomlChecker::sides(const toml::node& node, const std::string& key) {
    const std::string allowed = "'" + key + "' must be 'none', 'left', 'right' or 'both', got ";
    const auto* string = node.as_string();
    if (!string) {
        error(node, allowed + describeValue(node));
        return std::nullopt;
    }
    if (const auto value = sidesFromString(string->get())) return value;
    std::string message = allowed + quoteForMessage(string->get());
    const std::string suggestion =
        closestMatch(string->get(), {toString(Sides::None), toString(Sides::Left),
                                     toString(Sides::Right), toString(Sides::Both)});
    if (!suggestion.empty()) message += "; did you mean '" + suggestion + "'?";
    error(node, std::move(message));
    return std::nullopt;
}

Diagnostics TomlChecker::take() {
    std::stable_sort(m_diagnostics.begin(), m_diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return a.line != b.line ? a.line < b.line : a.column < b.column;
                     });
    return std::move(m_diagnostics);
}

} // namespace ns
