// TOML syntax errors in our own words, and the guard that keeps a document away from the places
// where TOML++ 3.3 itself goes wrong.
#include "toml_syntax.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <vector>

namespace ns {

namespace {

// No routine needs more than a few; TOML++ recurses once per part and overflows the stack on
// tens of thousands, so stop well before (it already caps nested arrays and tables at 256).
constexpr int kMaxDotsPerLine = 256;

// ---- The sentences --------------------------------------------------------------------------

constexpr const char* kNotUtf8 =
    "this is not UTF-8 text; save the file as UTF-8 (Unicode) in your editor";
constexpr const char* kBareName =
    "a name must start with a letter a-z, a digit, '-' or '_' and use only those, or be in "
    "double quotes, like \"Übung\" = ...";
constexpr const char* kCurlyQuote =
    "this is a curly quote; put text in straight double quotes, like name = \"Calf stretch\"";
constexpr const char* kOnlyInQuotes =
    "this character can only be inside quotes or in a comment after #; put text in double "
    "quotes, like name = \"Calf stretch\"";
constexpr const char* kQuoteInsideValue =
    "a quote can only start a value; put the whole text in double quotes, like "
    "name = \"Calf stretch\"";
constexpr const char* kEscape =
    "a backslash in text starts a code like \\n (new line) or \\\" (a quote); to write a "
    "backslash itself, write \\\\";
constexpr const char* kBraceInList =
    "a list that starts with [ ends with ], not }; inside a list, write the items separated by "
    "commas, like [\"one\", \"two\"]";
constexpr const char* kHeaderName =
    "a table name in [ ] must start with a letter a-z, a digit, '-' or '_', or be in double "
    "quotes, like [defaults] or [[steps]]";
constexpr const char* kDateTime =
    "write a date and time like 2026-11-20T21:30:00 (a digit comes right after the T)";
constexpr const char* kTooDeep = "this line has more than 256 dotted parts; a name needs only a "
                                 "few, like a.b";

constexpr const char* kNoClosingQuote =
    "this text has no closing quote; end it on the same line with the quote it starts with "
    "(for text over several lines, use \"\"\" at both ends)";
constexpr const char* kControlInText =
    "text can hold tabs but no other control characters; delete the invisible character here";
constexpr const char* kControlInComment =
    "a comment can hold tabs but no other control characters; delete the invisible character "
    "here";
constexpr const char* kLineEnd =
    "this line ends with an unusual character (a form feed, vertical tab or lone carriage "
    "return); save the file with ordinary line ends";
constexpr const char* kExpectedEquals =
    "a name is followed by = and a value, like hold = 30; a name with spaces must be in double "
    "quotes";
constexpr const char* kOnePerLine =
    "only one setting fits on a line; put the next one on a line of its own, or start a comment "
    "with #";
constexpr const char* kLineStart =
    "a line starts with a name and a value (hold = 30), a table name in [ ] ([[steps]]), or # "
    "for a comment";
constexpr const char* kHeaderEnd =
    "a table name ends with ] on the same line, like [defaults] or [[steps]]; a name with "
    "spaces must be in double quotes";
constexpr const char* kHeaderEmpty = "a table name in [ ] cannot be empty; write [defaults] or "
                                     "[[steps]]";
constexpr const char* kHeaderBrackets =
    "write [[ and ]] without spaces inside each pair, like [[steps]]";
constexpr const char* kUnknownValue =
    "this value is not a number, text or true/false; put text in double quotes, like "
    "name = \"Calf stretch\" (numbers like 30, true and false go without)";
constexpr const char* kMissingValue = "= must be followed by a value on the same line, like "
                                      "hold = 30";
constexpr const char* kList = "separate the items of a list with single commas and end it with "
                              "], like [\"one\", \"two\"]";
constexpr const char* kListEnd = "this list has no closing ]; end it with ]";
constexpr const char* kInlineTable =
    "a { } table holds name = value pairs separated by commas, all on one line, like "
    "{ hold = 30, reps = 2 }";
constexpr const char* kInlineTableEnd = "this { } table has no closing }; end it with } on the "
                                        "same line";
constexpr const char* kNumber = "write a number with digits only, like 30 or 2.5 (no leading "
                                "zeros; '_' only between two digits)";
constexpr const char* kBoolean =
    "write true or false in lower case, without quotes; for text, put it in double quotes, like "
    "name = \"Calf stretch\"";
constexpr const char* kDate = "write a date like 2026-11-20 and a time like 21:30:00";
constexpr const char* kDuplicate =
    "this name is already used above in this file; keep only one of them (each step is a "
    "[[steps]] of its own)";
constexpr const char* kQuotedName = "a name in quotes must be on one line, in \"...\", not "
                                    "\"\"\"...\"\"\"";
constexpr const char* kSpace = "use ordinary spaces or tabs here";
constexpr const char* kTooNested = "lists inside lists are nested far too deeply here";
constexpr const char* kEndOfFile =
    "the file ends in the middle of a value; finish the line, like hold = 30";
constexpr const char* kGeneric =
    "this is not valid TOML here; compare the line with the examples in the README, like "
    "name = \"Calf stretch\", hold = 30 or [[steps]]";

// ---- Reading the document ---------------------------------------------------------------------

// The length of the UTF-8 sequence that starts at doc[i], or 0 when it is not valid UTF-8.
std::size_t utf8Length(std::string_view doc, std::size_t i) {
    const auto byte = [&](std::size_t k) {
        return k < doc.size() ? static_cast<unsigned char>(doc[k]) : 0u;
    };
    const unsigned lead = byte(i);
    const auto continuation = [&](std::size_t k, unsigned lo, unsigned hi) {
        return byte(k) >= lo && byte(k) <= hi;
    };
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return continuation(i + 1, 0x80, 0xBF) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        const unsigned lo = lead == 0xE0 ? 0xA0 : 0x80;
        const unsigned hi = lead == 0xED ? 0x9F : 0xBF; // no UTF-16 surrogates
        return continuation(i + 1, lo, hi) && continuation(i + 2, 0x80, 0xBF) ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        const unsigned lo = lead == 0xF0 ? 0x90 : 0x80;
        const unsigned hi = lead == 0xF4 ? 0x8F : 0xBF;
        return continuation(i + 1, lo, hi) && continuation(i + 2, 0x80, 0xBF) &&
                       continuation(i + 3, 0x80, 0xBF)
                   ? 4
                   : 0;
    }
    return 0;
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

bool isBareKeyCharacter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '-' || c == '_';
}

// “ ” „ ‘ ’ ‚: what a word processor puts where a person typed a quote.
bool isCurlyQuote(std::string_view character) {
    constexpr std::string_view kQuotes[] = {"\u201C", "\u201D", "\u201E",
                                            "\u2018", "\u2019", "\u201A"};
    return std::find(std::begin(kQuotes), std::end(kQuotes), character) != std::end(kQuotes);
}

// "\u00A7" for "§": a valid UTF-8 character as a TOML escape.
std::string unicodeEscape(std::string_view character) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(character[k]); };
    std::uint32_t code = 0;
    if (character.size() == 2)
        code = ((byte(0) & 0x1Fu) << 6) | (byte(1) & 0x3Fu);
    else if (character.size() == 3)
        code = ((byte(0) & 0x0Fu) << 12) | ((byte(1) & 0x3Fu) << 6) | (byte(2) & 0x3Fu);
    else
        code = ((byte(0) & 0x07u) << 18) | ((byte(1) & 0x3Fu) << 12) | ((byte(2) & 0x3Fu) << 6) |
               (byte(3) & 0x3Fu);
    char out[12];
    std::snprintf(out, sizeof out, code > 0xFFFF ? "\\U%08X" : "\\u%04X", code);
    return out;
}

// What TOML++ takes for the end of a value: ASCII whitespace (\v and \f too), ',', ']', '}', '#'.
bool endsValue(char c) {
    return std::string_view(" \t\r\n\v\f,]}#").find(c) != std::string_view::npos;
}

// A value of ten characters (not counting '_') with '-' as the 5th and 8th, then a space, one digit
// and its end: TOML++ takes it for a date-time with a space and asserts that more follows.
bool dateSpaceLoneDigit(std::string_view doc, std::size_t i) {
    std::string chars;
    for (; i < doc.size() && !endsValue(doc[i]) && chars.size() <= 10; ++i)
        if (doc[i] != '_') chars += doc[i];
    if (chars.size() != 10 || chars[4] != '-' || chars[7] != '-') return false;
    if (doc.size() - i < 2 || doc[i] != ' ' || !isDigit(doc[i + 1])) return false;
    return i + 2 >= doc.size() || endsValue(doc[i + 2]);
}

// A no-break or other wide space, as pasted text brings.
bool isUnusualSpace(std::string_view character) {
    constexpr std::string_view kSpaces[] = {"\u00A0", "\u2002", "\u2003", "\u2009",
                                            "\u200B", "\u202F", "\u3000", "\uFEFF"};
    return std::find(std::begin(kSpaces), std::end(kSpaces), character) != std::end(kSpaces);
}

// A date-time's start, YYYY-MM-DDT, whose T is not followed by a digit.
bool dateTimeWithoutTime(std::string_view doc, std::size_t i) {
    constexpr std::string_view kShape = "dddd-dd-ddT";
    if (doc.size() - i < kShape.size()) return false;
    for (std::size_t k = 0; k < kShape.size(); ++k) {
        const char c = doc[i + k];
        const bool fits = kShape[k] == 'd'   ? isDigit(c)
                          : kShape[k] == 'T' ? (c == 'T' || c == 't')
                                             : c == kShape[k];
        if (!fits) return false;
    }
    const std::size_t after = i + kShape.size();
    return after >= doc.size() || !isDigit(doc[after]);
}

// Walks the document as TOML++ will, far enough to know strings, comments, keys, values, lists and
// inline tables apart, and stops at the first hazard.
class HazardScanner {
  public:
    explicit HazardScanner(std::string_view doc) : m_doc(doc) {}

    GuardedToml run() {
        if (m_doc.compare(0, 3, "\xEF\xBB\xBF") == 0) m_i = 3; // TOML++ skips a byte order mark
        while (!m_problem && m_i < m_doc.size())
            step();
        GuardedToml result;
        result.problem = m_problem;
        if (m_problem) return result;
        // The same text, with each of those characters as its \u escape: the same string to
        // TOML++, on the same line.
        std::size_t from = 0;
        for (const auto& [at, length] : m_escapes) {
            result.text.append(m_doc.substr(from, at - from));
            result.text += unicodeEscape(m_doc.substr(at, length));
            from = at + length;
        }
        result.text.append(m_doc.substr(from));
        return result;
    }

  private:
    enum class Open { List, InlineTable };

    std::string_view m_doc;
    std::size_t m_i = 0;
    int m_line = 1;
    int m_column = 1;
    std::vector<Open> m_open;
    bool m_lineStart = true; // at the top level, nothing but blanks so far on this line
    bool m_inName = false;   // where a name goes: before '=', in a [header], after { or , in { }
    bool m_inHeader = false;
    bool m_inBare = false; // in a value that starts with neither a quote, '[' nor '{'
    int m_dots = 0;
    std::optional<SyntaxProblem> m_problem;
    // Non-ASCII characters that start a line after a line-ending backslash in a """ string: valid
    // TOML, but TOML++ asks whether each is whitespace (offset, length in bytes).
    std::vector<std::pair<std::size_t, std::size_t>> m_escapes;

    char at(std::size_t k) const { return k < m_doc.size() ? m_doc[k] : '\0'; }

    void fail(const char* message) { m_problem = SyntaxProblem{m_line, m_column, message}; }

    // Moves past one character (a whole UTF-8 sequence), counting lines and columns as TOML++
    // does; fails on bytes that are not UTF-8.
    bool advance() {
        const char c = m_doc[m_i];
        if (c == '\n') {
            ++m_line;
            m_column = 1;
            ++m_i;
            return true;
        }
        const std::size_t length = utf8Length(m_doc, m_i);
        if (length == 0) {
            fail(kNotUtf8);
            return false;
        }
        m_i += length;
        ++m_column;
        return true;
    }

    bool nonAscii() const { return static_cast<unsigned char>(m_doc[m_i]) >= 0x80; }

    void step() {
        const char c = m_doc[m_i];
        if (m_inBare && bare(c)) return;
        if (c == '\n') {
            m_dots = 0;
            if (m_open.empty()) {
                m_lineStart = true;
                m_inName = false;
                m_inHeader = false;
            }
            advance();
            return;
        }
        if (c == ' ' || c == '\t' || c == '\r') {
            advance();
            return;
        }
        if (c == '#') {
            bool readable = true;
            while (readable && m_i < m_doc.size() && m_doc[m_i] != '\n')
                readable = advance();
            return;
        }
        if (m_lineStart) {
            m_lineStart = false;
            if (c == '[') {
                header();
                return;
            }
            m_inName = true;
        }
        if (!m_inName && startsValue() && !endsValue(c) &&
            std::string_view("\"'[{").find(c) == std::string_view::npos) {
            startBare(c);
            return;
        }
        if (c == '"' || c == '\'') {
            if (!m_inName && !startsValue()) {
                fail(kQuoteInsideValue);
                return;
            }
            text(c);
            return;
        }
        if (nonAscii()) {
            const std::size_t length = utf8Length(m_doc, m_i);
            if (length == 0)
                fail(kNotUtf8);
            else if (isCurlyQuote(m_doc.substr(m_i, length)))
                fail(kCurlyQuote);
            else if (isUnusualSpace(m_doc.substr(m_i, length)))
                fail(kSpace);
            else
                fail(m_inName ? kBareName : kOnlyInQuotes);
            return;
        }
        structure(c);
        if (!m_problem) advance();
    }

    void structure(char c) {
        const bool inList = !m_open.empty() && m_open.back() == Open::List;
        switch (c) {
        case '.':
            if (++m_dots > kMaxDotsPerLine) fail(kTooDeep);
            break;
        case '=':
            if (!m_inHeader) m_inName = false;
            break;
        case '[':
            if (!m_inName) m_open.push_back(Open::List);
            break;
        case '{':
            if (!m_inName) {
                m_open.push_back(Open::InlineTable);
                m_inName = true;
            }
            break;
        case ']':
            if (m_inHeader)
                m_inName = false;
            else if (inList)
                m_open.pop_back();
            break;
        case '}':
            if (inList) {
                fail(kBraceInList);
            } else if (!m_open.empty()) {
                m_open.pop_back();
                m_inName = false; // back in the value that held the { }
            }
            break;
        case ',':
            if (!m_open.empty() && m_open.back() == Open::InlineTable) m_inName = true;
            break;
        default:
            break;
        }
    }

    // A value that starts with neither a quote, '[' nor '{' (a number, a date, true): TOML++ reads
    // it up to a blank, ',', ']', '}' or '#', quotes, brackets and all, asking of each character
    // whether it is whitespace, and takes some shapes of date for a date-time.
    void startBare(char c) {
        if (isDigit(c) && dateTimeWithoutTime(m_doc, m_i)) {
            fail(kDateTime);
            return;
        }
        if (isDigit(c) && dateSpaceLoneDigit(m_doc, m_i)) {
            fail(kDate);
            return;
        }
        m_inBare = true;
        bare(c);
    }

    // One character of a bare value; false (and the value ends) at the character that ends it.
    bool bare(char c) {
        if (endsValue(c)) {
            m_inBare = false;
            return false;
        }
        if (c == '"' || c == '\'') {
            fail(kQuoteInsideValue);
        } else if (nonAscii()) {
            const std::size_t length = utf8Length(m_doc, m_i);
            fail(length == 0                                 ? kNotUtf8
                 : isCurlyQuote(m_doc.substr(m_i, length))   ? kCurlyQuote
                 : isUnusualSpace(m_doc.substr(m_i, length)) ? kSpace
                                                             : kOnlyInQuotes);
        } else if (c == '.' && ++m_dots > kMaxDotsPerLine) {
            fail(kTooDeep);
        } else {
            advance();
        }
        return true;
    }

    // Whether the value TOML++ reads starts here: after '=', '[', ',', '{' or a blank.
    bool startsValue() const {
        if (m_i == 0) return true;
        const char before = m_doc[m_i - 1];
        return before == '=' || before == '[' || before == ',' || before == '{' || before == ' ' ||
               before == '\t' || before == '\n';
    }

    // "[name]" or "[[name]]" at the start of a line: the name must start like a name.
    void header() {
        m_inHeader = true;
        m_inName = true;
        advance(); // '['
        bool blank = skipBlanks();
        if (at(m_i) == '[') {
            if (blank) return; // "[ [": TOML++ refuses it before reading the name
            advance();
            skipBlanks();
        }
        if (m_i >= m_doc.size()) return;
        const char c = m_doc[m_i];
        if (isBareKeyCharacter(c) || c == '"' || c == '\'' || c == ']') return;
        if (nonAscii())
            fail(utf8Length(m_doc, m_i) == 0 ? kNotUtf8 : kBareName);
        else
            fail(kHeaderName);
    }

    bool skipBlanks() {
        bool skipped = false;
        while (at(m_i) == ' ' || at(m_i) == '\t') {
            advance();
            skipped = true;
        }
        return skipped;
    }

    // A string in `quote`s, single or triple; stops after its closing quotes, or before the line
    // end of an unterminated one-line string (TOML++ reports that).
    void text(char quote) {
        m_lineStart = false;
        const std::string fence(3, quote);
        const bool multiLine = m_doc.compare(m_i, 3, fence) == 0;
        for (int k = multiLine ? 3 : 1; k > 0; --k)
            advance();
        while (!m_problem && m_i < m_doc.size()) {
            const char c = m_doc[m_i];
            if (c == '\n' && !multiLine) return;
            if (c == quote) {
                if (!multiLine) {
                    advance();
                    return;
                }
                std::size_t run = 0;
                while (at(m_i + run) == quote)
                    ++run;
                // One or two quotes may end the text just before its closing three.
                const std::size_t take = run >= 3 ? std::min<std::size_t>(run, 5) : run;
                for (std::size_t k = 0; k < take; ++k)
                    advance();
                if (run >= 3) return;
                continue;
            }
            if (c == '\\' && quote == '"') {
                escape(multiLine);
                continue;
            }
            advance();
        }
    }

    void escape(bool multiLine) {
        advance(); // the backslash
        if (m_i >= m_doc.size()) return;
        if (!multiLine) {
            if (m_doc[m_i] != '\n') advance();
            return;
        }
        // In a """ string TOML++ asks whether the character after a backslash is whitespace, and
        // after a line-ending backslash, whether each character of the next lines is.
        if (nonAscii()) {
            fail(kEscape);
            return;
        }
        const char c = m_doc[m_i];
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
            advance();
            return;
        }
        while (at(m_i) == ' ' || at(m_i) == '\t' || at(m_i) == '\r' || at(m_i) == '\n')
            advance();
        if (m_i < m_doc.size() && nonAscii()) {
            const std::size_t length = utf8Length(m_doc, m_i);
            if (length == 0) {
                fail(kNotUtf8);
                return;
            }
            m_escapes.emplace_back(m_i, length);
            advance();
        }
    }
};

// ---- From TOML++'s description to our sentence -----------------------------------------------

bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

// The character at 1-based `line`:`column` (columns count characters), "\n" at a line's end, ""
// past the end of the document.
std::string_view characterAt(std::string_view doc, int line, int column) {
    std::size_t i = 0;
    for (int l = 1; l < line && i < doc.size(); ++i)
        if (doc[i] == '\n') ++l;
    for (int c = 1; c < column && i < doc.size() && doc[i] != '\n'; ++c)
        i += std::max<std::size_t>(1, utf8Length(doc, i));
    if (i >= doc.size()) return {};
    return doc.substr(i, std::max<std::size_t>(1, utf8Length(doc, i)));
}

struct Rule {
    std::string_view scope;   // "" for any
    std::string_view message; // a part of TOML++'s message; "" for any
    const char* sentence;
};

// First match wins. Scopes and messages are TOML++ 3.3's (parser.inl); only used to choose.
constexpr Rule kRules[] = {
    {"", "utf-8", kNotUtf8},
    {"", "vertical tabs", kLineEnd},
    {"", "after '\\r'", kLineEnd},
    {"comment", "control characters", kControlInComment},
    {"", "control character", kControlInText},
    {"", "surrogates", kEscape},
    {"unicode scalar sequence", "", kEscape},
    {"", "escape sequence", kEscape},
    {"", "line-ending backslashes", kEscape},
    {"", "multi-line strings are prohibited in keys", kQuotedName},
    {"", "cannot redefine", kDuplicate},
    {"", "cannot insert", kDuplicate},
    {"", "blank bare keys", kHeaderEmpty},
    {"", "brackets must be contiguous", kHeaderBrackets},
    {"", "maximum nested value depth", kTooNested},
    {"", "expected space or tab", kSpace},
    {"string", "end-of-file", kNoClosingQuote},
    {"literal string", "end-of-file", kNoClosingQuote},
    {"array", "end-of-file", kListEnd},
    {"inline table", "end-of-file", kInlineTableEnd},
    {"table header", "end-of-file", kHeaderEnd},
    {"", "end-of-file", kEndOfFile},
    {"key", "expected bare key", kBareName},
    {"key-value pair", "expected '='", kExpectedEquals},
    {"key-value pair", "expected value", kMissingValue},
    {"", "expected a comment or whitespace", kOnePerLine},
    {"root table", "expected keys, tables", kLineStart},
    {"table header", "expected ']'", kHeaderEnd},
    {"array", "", kList},
    {"inline table", "", kInlineTable},
    {"value", "could not determine value type", kUnknownValue},
    {"boolean", "", kBoolean},
    // A word starting with i or n ("Nightly") is read as inf or nan.
    {"floating-point", "expected 'inf'", kUnknownValue},
    {"floating-point", "expected 'nan'", kUnknownValue},
    {"date", "", kDate},
    {"time", "", kDate},
    {"date-time", "", kDate},
    {"date-time offset", "", kDate},
    {"", "integer", kNumber},
    {"floating-point", "", kNumber},
    {"decimal integer", "", kNumber},
    {"hexadecimal integer", "", kNumber},
    {"octal integer", "", kNumber},
    {"binary integer", "", kNumber},
    {"value", "underscores", kNumber},
    {"", "numeric value too long", kNumber},
    {"", "hexadecimal floating-point", kNumber},
};

} // namespace

GuardedToml guardToml(std::string_view doc) {
    return HazardScanner(doc).run();
}

std::optional<SyntaxProblem> findParserHazard(std::string_view doc) {
    return guardToml(doc).problem;
}

std::string syntaxSentence(std::string_view description, std::string_view doc, int line,
                           int column) {
    // "Error while parsing SCOPE: MESSAGE"; TOML++'s reader errors have no scope.
    constexpr std::string_view kPrefix = "Error while parsing ";
    std::string_view scope;
    std::string_view message = description;
    const std::size_t colon = description.find(": ");
    if (description.rfind(kPrefix, 0) == 0 && colon != std::string_view::npos) {
        scope = description.substr(kPrefix.size(), colon - kPrefix.size());
        message = description.substr(colon + 2);
    }
    // A one-line string cut by the line's end is, to TOML++, a control character in text.
    const std::string_view here = characterAt(doc, line, column);
    if ((scope == "string" || scope == "literal string") && contains(message, "control") &&
        (here.empty() || here == "\n" || here == "\r"))
        return kNoClosingQuote;
    for (const Rule& rule : kRules) {
        if (!rule.scope.empty() && rule.scope != scope) continue;
        if (!rule.message.empty() && !contains(message, rule.message)) continue;
        return rule.sentence;
    }
    return kGeneric;
}

} // namespace ns
