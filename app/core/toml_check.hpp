// Strict reading of TOML values into diagnostics, shared by the routine and catalog loaders.
#pragma once

#include "diagnostic.hpp"
#include "routine.hpp"

#include <toml++/toml.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ns {

// Limits on what a file from anywhere may hold; each is far above what a real routine needs.
constexpr std::size_t kMaxTextChars = 500;
constexpr std::size_t kMaxListItems = 30;

// The number of characters (UTF-8 code points) in `text`.
std::size_t characterCount(std::string_view text);

// What a value is, in words a non-programmer reads: "a string", "a list", "a decimal number (2.5)".
std::string describeValue(const toml::node& node);

// `text` quoted for a message, shortened so a pasted paragraph can't flood the output.
std::string quoteForMessage(std::string_view text);

// The text of a small file a person edits (settings.toml, a pose), or nullopt with one Unreadable
// diagnostic: not a regular file (a folder or a FIFO is never opened), larger than `maxBytes`, or
// unreadable. `what` names the file ("settings file"), `kind` what it holds ("settings").
std::optional<std::string> readSmallFile(const std::filesystem::path& file, std::uintmax_t maxBytes,
                                         const std::string& what, const std::string& kind,
                                         Diagnostics& diagnostics);

// Parses `doc`, turning a syntax error (or input TOML++ can't survive) into a diagnostic.
std::optional<toml::table> parseToml(std::string_view doc, const std::string& sourceName,
                                     Diagnostics& diagnostics);

// Collects diagnostics for one document; every check reports and carries on, so the user sees
// all problems at once.
class TomlChecker {
  public:
    explicit TomlChecker(std::string sourceName) : m_sourceName(std::move(sourceName)) {}

    void error(const toml::source_region& where, std::string message,
               DiagnosticKind kind = DiagnosticKind::InvalidValue);
    void error(const toml::node& where, std::string message,
               DiagnosticKind kind = DiagnosticKind::InvalidValue) {
        error(where.source(), std::move(message), kind);
    }
    // About the whole file: line 0.
    void errorInFile(std::string message, DiagnosticKind kind = DiagnosticKind::InvalidValue);

    // Reports each key of `table` not in `allowed`, e.g. "unknown key 'hodl' in step 2; did you
    // mean 'hold'?". `where` is "at the top level", "in [defaults]", "in step 2"...
    void rejectUnknownKeys(const toml::table& table, const std::vector<std::string>& allowed,
                           const std::string& where);

    // A whole number in [min, max]; `unit` ("seconds" or "") goes into the messages.
    std::optional<int> wholeNumber(const toml::node& node, const std::string& key, int min, int max,
                                   const std::string& unit);
    // Text of at most kMaxTextChars characters (a file from anywhere must not flood the screen).
    std::optional<std::string> text(const toml::node& node, const std::string& key,
                                    bool allowEmpty);
    // At most kMaxListItems lines, each at most kMaxTextChars characters.
    std::optional<std::vector<std::string>> textList(const toml::node& node,
                                                     const std::string& key);
    std::optional<Sides> sides(const toml::node& node, const std::string& key);

    bool hasErrors() const { return !m_diagnostics.empty(); }
    // The diagnostics, in the order they appear in the file.
    Diagnostics take();

  private:
    std::string m_sourceName;
    Diagnostics m_diagnostics;
};

} // namespace ns
