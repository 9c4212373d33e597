// The TOML project's own test documents: the loaders must answer every one without crashing.
#include "routine_loader.hpp"
#include "toml_syntax.hpp"

#include <toml++/toml.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace ns {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> corpusFiles(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".toml" && it->is_regular_file(ec)) files.push_back(*it);
    std::sort(files.begin(), files.end());
    return files;
}

std::string readBytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

bool isSyntaxError(const Diagnostic& diagnostic) {
    return diagnostic.kind == DiagnosticKind::Syntax;
}

bool hasSyntaxError(const Diagnostics& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(), isSyntaxError);
}

bool under(const fs::path& file, const std::string& part) {
    return file.generic_string().find(part) != std::string::npos;
}

// TOML++ 3.3 speaks TOML 1.0. These valid documents use TOML 1.1 syntax (times without seconds,
// newlines in inline tables, \e and \x escapes), as does everything under spec-1.1.0/.
bool usesToml11(const fs::path& file) {
    static const std::vector<std::string> kToml11 = {
        "valid/datetime/no-seconds.toml",  "valid/inline-table/newline-comment.toml",
        "valid/inline-table/newline.toml", "valid/key/empty-05.toml",
        "valid/string/escape-esc.toml",    "valid/string/hex-escape.toml"};
    if (under(file, "spec-1.1.0")) return true;
    return std::any_of(kToml11.begin(), kToml11.end(),
                       [&](const std::string& part) { return under(file, part); });
}

class TomlCorpus : public ::testing::Test {
  protected:
    void SetUp() override {
        const fs::path dir = NS_CORPUS_DIR;
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) GTEST_SKIP() << "no TOML corpus at " << dir;
        m_files = corpusFiles(dir);
        ASSERT_GT(m_files.size(), 100u);
        m_catalog = loadCatalogFile(fs::path(NS_ROUTINES_DIR) / "stretches.toml").catalog;
    }
    std::vector<fs::path> m_files;
    Catalog m_catalog;
};

TEST_F(TomlCorpus, EveryDocumentGetsAnAnswerWithoutCrashing) {
    for (const fs::path& file : m_files) {
        SCOPED_TRACE(file.string());
        const std::string text = readBytes(file);
        const RoutineLoadResult routine =
            parseRoutine(text, file.string(), file.stem().string(), m_catalog);
        // None of them is a routine: each must be refused, with a reason.
        EXPECT_FALSE(routine.ok());
        EXPECT_FALSE(routine.diagnostics.empty());
        const CatalogLoadResult catalog = parseCatalog(text, file.string());
        for (const Diagnostic& diagnostic : catalog.diagnostics)
            EXPECT_FALSE(diagnostic.message.empty());
    }
}

TEST_F(TomlCorpus, ValidDocumentsAreNotSyntaxErrors) {
    int checked = 0;
    for (const fs::path& file : m_files) {
        if (!under(file, "/valid/") || usesToml11(file)) continue;
        SCOPED_TRACE(file.string());
        const std::string text = readBytes(file);
        const Diagnostics diagnostics = parseCatalog(text, file.string()).diagnostics;
        EXPECT_FALSE(hasSyntaxError(diagnostics)) << diagnostics.front().format();
        ++checked;
    }
    EXPECT_GT(checked, 50);
}

TEST_F(TomlCorpus, InvalidDocumentsAreRefused) {
    int refusedAsSyntax = 0;
    int invalid = 0;
    for (const fs::path& file : m_files) {
        if (!under(file, "/invalid/")) continue;
        SCOPED_TRACE(file.string());
        ++invalid;
        const std::string text = readBytes(file);
        const RoutineLoadResult routine = parseRoutine(text, file.string(), "x", m_catalog);
        EXPECT_FALSE(routine.diagnostics.empty());
        if (hasSyntaxError(routine.diagnostics)) {
            ++refusedAsSyntax;
            EXPECT_GE(routine.diagnostics.front().line, 1) << "a syntax error points at a line";
        }
    }
    // TOML++ misses a few corner cases of the spec; the loader still refuses them as routines.
    EXPECT_GT(refusedAsSyntax, invalid * 9 / 10) << refusedAsSyntax << " of " << invalid;
}

// TOML++'s message for `text` ("expected '=', saw 'k'"), without its "Error while parsing X: ";
// empty when it parses, or when the guard keeps the text from it.
std::string parserMessage(const std::string& text) {
    if (findParserHazard(text)) return {};
#if TOML_EXCEPTIONS
    try {
        (void)toml::parse(text, std::string_view("corpus.toml"));
        return {};
    } catch (const toml::parse_error& err) {
        const std::string description(err.description());
#else
    const toml::parse_result result = toml::parse(text, std::string_view("corpus.toml"));
    if (result) return {};
    {
        const std::string description(result.error().description());
#endif
        const std::size_t colon = description.find(": ");
        return colon == std::string::npos ? description : description.substr(colon + 2);
    }
}

// The README's promise: never the parser's own words. Each invalid document's errors are our
// sentences; none holds the parser's message or its turns of phrase.
TEST_F(TomlCorpus, NoErrorSpeaksInTheParsersWords) {
    const std::vector<std::string> parserPhrases = {
        "Error while parsing", "while reading", "saw '",       "explicitly prohibited",
        "could not determine", "expected ",     "encountered", "utf-8 sequence"};
    int checked = 0;
    for (const fs::path& file : m_files) {
        if (!under(file, "/invalid/")) continue;
        SCOPED_TRACE(file.string());
        const std::string text = readBytes(file);
        const std::string parserSaid = parserMessage(text);
        for (const Diagnostic& diagnostic :
             parseRoutine(text, file.string(), "x", m_catalog).diagnostics) {
            if (diagnostic.kind != DiagnosticKind::Syntax) continue;
            ++checked;
            if (!parserSaid.empty()) {
                EXPECT_EQ(diagnostic.message.find(parserSaid), std::string::npos)
                    << diagnostic.message;
            }
            for (const std::string& phrase : parserPhrases)
                EXPECT_EQ(diagnostic.message.find(phrase), std::string::npos)
                    << phrase << " in " << diagnostic.message;
        }
    }
    EXPECT_GT(checked, 400);
}

} // namespace
} // namespace ns
