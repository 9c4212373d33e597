// TOML syntax errors in our own words, and the guard that keeps a document away from the places
// where TOML++ 3.3 itself goes wrong (undefined behaviour, its own failed assertions).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ns {

// A syntax problem found before the parser runs: where (1-based line, and column in characters)
// and our sentence saying what to write instead.
struct SyntaxProblem {
    int line = 0;
    int column = 0;
    std::string message;
};

// The first place in `doc` that TOML++ 3.3 cannot be trusted with, or nullopt. Every such place is
// invalid TOML, so refusing it costs nothing:
//  - bytes that are not UTF-8;
//  - a non-ASCII character outside quotes and comments (its whitespace test reaches
//    __builtin_unreachable for 'Ü', 'μ', '“' and many more);
//  - in a """ string, a non-ASCII character right after a backslash (the same whitespace test);
//  - '}' inside a list (parse_value's assertion that a value does not start with a terminator);
//  - a table header whose name starts with a character no name starts with (parse_key's);
//  - a date-time whose 'T' is not followed by a digit (parse_time's);
//  - more than 256 dotted parts on a line (the parser recurses once per part).
std::optional<SyntaxProblem> findParserHazard(std::string_view doc);

// What to give the parser: a problem (give it nothing), or the text to parse. That text is `doc`
// except for one valid case TOML++ also trips on: a non-ASCII character that starts a line after a
// line-ending backslash in a """ string (toml-test's valid/string/start-mb.toml) is written as its
// \u escape, which means the same and keeps every line where it was.
struct GuardedToml {
    std::optional<SyntaxProblem> problem;
    std::string text;
};
GuardedToml guardToml(std::string_view doc);

// Our sentence for a TOML++ parse error `description` ("Error while parsing SCOPE: ..."), chosen by
// the kind of problem and by the character at `line`:`column` of `doc`; never the parser's words.
std::string syntaxSentence(std::string_view description, std::string_view doc, int line,
                           int column);

} // namespace ns
