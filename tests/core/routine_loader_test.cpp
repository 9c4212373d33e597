// The routine loader's contract: strict validation with line:column diagnostics, the resolution
// order of values, the catalog's checks, the routine library, and surviving any input.
#include "routine_loader.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace ns {
namespace {

namespace fs = std::filesystem;

const Catalog& testCatalog() {
    static const Catalog catalog = loadCatalogFile(NS_TEST_DATA "/test-stretches.toml").catalog;
    return catalog;
}

RoutineLoadResult load(std::string_view toml) {
    return parseRoutine(toml, "test.toml", "test", testCatalog());
}

std::string listDiagnostics(const Diagnostics& diagnostics) {
    std::string out;
    for (const Diagnostic& diagnostic : diagnostics)
        out += "  " + diagnostic.format() + "\n";
    return out.empty() ? "  (none)\n" : out;
}

::testing::AssertionResult loadFails(std::string_view toml, int line, int column,
                                     const std::string& fragment) {
    const RoutineLoadResult result = load(toml);
    if (result.ok()) return ::testing::AssertionFailure() << "loaded without errors:\n" << toml;
    for (const Diagnostic& diagnostic : result.diagnostics) {
        if (diagnostic.line == line && diagnostic.column == column &&
            diagnostic.message.find(fragment) != std::string::npos)
            return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << "expected an error at " << line << ":" << column
                                         << " containing \"" << fragment << "\" for:\n"
                                         << toml << "\ngot:\n"
                                         << listDiagnostics(result.diagnostics);
}

// One line an error case: the document, where the error must point, and what it must say.
void expectLoadFails(std::string_view toml, int line, int column, const std::string& fragment) {
    EXPECT_TRUE(loadFails(toml, line, column, fragment));
}

// A valid routine's first lines; steps follow from line 2.
constexpr const char* kName = "name = \"R\"\n";

std::string withName(const std::string& rest) {
    return kName + rest;
}

// ---- Unknown keys ----------------------------------------------------------------------------

TEST(RoutineLoader, UnknownKeySuggestsClosestName) {
    expectLoadFails(withName("[[steps]]\nstretch = \"wall-calf\"\n"
                             "[[steps]]\nstretch = \"wall-calf\"\nhodl = 30\n"),
                    6, 1, "unknown key 'hodl' in step 2; did you mean 'hold'?");
}

TEST(RoutineLoader, UnknownKeyAtTopLevelSuggestsClosestName) {
    expectLoadFails(withName("descripton = \"x\"\n[[steps]]\nstretch = \"wall-calf\"\n"), 2, 1,
                    "unknown key 'descripton' at the top level; did you mean 'description'?");
}

TEST(RoutineLoader, UnknownKeyInDefaultsSuggestsClosestName) {
    expectLoadFails(withName("[defaults]\n  swtich = 3\n[[steps]]\nstretch = \"wall-calf\"\n"), 3,
                    3, "unknown key 'swtich' in [defaults]; did you mean 'switch'?");
}

TEST(RoutineLoader, UnknownKeyWithNothingCloseListsAllowedKeys) {
    expectLoadFails(withName("[[steps]]\nstretch = \"wall-calf\"\ncolour = \"red\"\n"), 4, 1,
                    "unknown key 'colour' in step 1; allowed keys are 'stretch', 'name'");
}

TEST(RoutineLoader, KeysAreCaseSensitiveButSuggestTheRightCase) {
    expectLoadFails(withName("[[steps]]\nstretch = \"wall-calf\"\nHold = 30\n"), 4, 1,
                    "did you mean 'hold'?");
}

// ---- Types -----------------------------------------------------------------------------------

TEST(RoutineLoader, HoldAsStringIsWrongType) {
    expectLoadFails(withName("[[steps]]\nstretch = \"wall-calf\"\nhold = \"30\"\n"), 4, 8,
                    "'hold' must be a whole number of seconds, got a string");
}

TEST(RoutineLoader, DecimalSecondsAreRefused) {
    expectLoadFails(withName("[[steps]]\nstretch = \"wall-calf\"\nhold = 30.0\n"), 4, 8,
                    "'hold' must be a whole number of seconds, got the decimal number 30.0");
}

TEST(RoutineLoader, RepsAsBooleanIsWrongType) {
    expectLoadFails(withName("[defaults]\nreps = true\n[[steps]]\nstretch = \"wall-calf\"\n"), 3, 8,
                    "'reps' must be a whole number, got true");
}

TEST(RoutineLoader, NameMustBeText) {
    expectLoadFails("name = 5\n[[steps]]\nstretch = \"wall-calf\"\n", 1, 8,
                    "'name' must be text in quotes, got the number 5");
}

TEST(RoutineLoader, InstructionsMustBeAListOfText) {
    expectLoadFails(withName("[[steps]]\nname = \"A\"\ninstructions = \"Sit.\"\n"), 4, 16,
                    "'instructions' must be a list");
    expectLoadFails(withName("[[steps]]\nname = \"A\"\ninstructions = [\"Sit.\", 2]\n"), 4, 25,
                    "item 2 of 'instructions' must be text in quotes, got the number 2");
}

TEST(RoutineLoader, DefaultsMustBeATable) {
    expectLoadFails(withName("defaults = 5\n[[steps]]\nstretch = \"wall-calf\"\n"), 2, 12,
                    "'defaults' must be a table");
}

// ---- Ranges ----------------------------------------------------------------------------------

TEST(RoutineLoader, HoldOutOfRangeSaysWhatIsAllowed) {
    expectLoadFails(withName("[[steps]]\nstretch = \"wall-calf\"\nhold = 900\n"), 4, 8,
                    "'hold' must be between 5 and 300 seconds, got 900");
    expectLoadFails(withName("[[steps]]\nstretch = \"wall-calf\"\nhold = 4\n"), 4, 8,
                    "'hold' must be between 5 and 300 seconds, got 4");
}

TEST(RoutineLoader, RepsOutOfRangeSaysWhatIsAllowed) {
    expectLoadFails(withName("[[steps]]\nstretch = \"wall-calf\"\nreps = 0\n"), 4, 8,
                    "'reps' must be between 1 and 10, got 0");
}

TEST(RoutineLoader, OtherSecondsOutOfRange) {
    expectLoadFails(withName("[defaults]\nprepare = 61\n[[steps]]\nname = \"A\"\n"), 3, 11,
                    "'prepare' must be between 0 and 60 seconds, got 61");
    expectLoadFails(withName("[defaults]\nrest = -1\n[[steps]]\nname = \"A\"\n"), 3, 8,
                    "'rest' must be between 0 and 120 seconds, got -1");
    expectLoadFails(withName("[[steps]]\nname = \"A\"\nswitch = 61\n"), 4, 10,
                    "'switch' must be between 0 and 60 seconds, got 61");
}

TEST(RoutineLoader, HugeNumbersAreOutOfRangeNotWrapped) {
    expectLoadFails(withName("[[steps]]\nname = \"A\"\nhold = 9223372036854775807\n"), 4, 8,
                    "got 9223372036854775807");
    expectLoadFails(withName("[[steps]]\nname = \"A\"\nhold = 4294967326\n"), 4, 8,
                    "must be between 5 and 300 seconds");
}

// ---- Sides and stretch ids -------------------------------------------------------------------

TEST(RoutineLoader, SidesTypoSuggestsClosestValue) {
    expectLoadFails(withName("[[steps]]\nname = \"A\"\nsides = \"lfet\"\n"), 4, 9,
                    "'sides' must be 'none', 'left', 'right' or 'both', got 'lfet'; did you mean "
                    "'left'?");
}

TEST(RoutineLoader, SidesMustBeText) {
    expectLoadFails(withName("[defaults]\nsides = 2\n[[steps]]\nname = \"A\"\n"), 3, 9,
                    "'sides' must be 'none', 'left', 'right' or 'both', got the number 2");
}

TEST(RoutineLoader, UnknownStretchSuggestsClosestId) {
    expectLoadFails(withName("[[steps]]\nstretch = \"wall-calff\"\n"), 3, 11,
                    "unknown stretch 'wall-calff' in step 1; did you mean 'wall-calf'?");
}

TEST(RoutineLoader, UnknownStretchWithNothingCloseListsKnownIds) {
    expectLoadFails(withName("[[steps]]\nstretch = \"yoga\"\n"), 3, 11,
                    "unknown stretch 'yoga' in step 1; known stretches include 'forward-bend', "
                    "'wall-calf'");
}

TEST(RoutineLoader, StepNeedsStretchOrName) {
    expectLoadFails(withName("[[steps]]\nstretch = \"wall-calf\"\n[[steps]]\nhold = 30\n"), 4, 1,
                    "step 2 needs 'stretch' (an id from the stretch catalog) or 'name'");
}

TEST(RoutineLoader, InlineNameMustNotBeEmpty) {
    expectLoadFails(withName("[[steps]]\nname = \"  \"\n"), 3, 8, "'name' must not be empty");
}

// ---- Routine shape ---------------------------------------------------------------------------

TEST(RoutineLoader, NameIsRequired) {
    expectLoadFails("[[steps]]\nstretch = \"wall-calf\"\n", 0, 0, "needs a 'name'");
}

TEST(RoutineLoader, NoStepsIsAnError) {
    expectLoadFails(kName, 0, 0, "the routine has no steps");
}

TEST(RoutineLoader, EmptyStepsIsAnError) {
    expectLoadFails(withName("steps = []\n"), 2, 9, "'steps' is empty");
}

TEST(RoutineLoader, StepsMustBeAListOfTables) {
    expectLoadFails(withName("steps = 3\n"), 2, 9,
                    "'steps' must be a list of [[steps]] tables, got the number 3");
    expectLoadFails(withName("[steps]\nstretch = \"wall-calf\"\n"), 2, 1,
                    "'steps' must be a list of [[steps]] tables, got a table");
    expectLoadFails(withName("steps = [\"wall-calf\"]\n"), 2, 10,
                    "step 1 must be a table of keys like stretch = \"wall-calf\", got a string");
}

TEST(RoutineLoader, InlineTableStepsAreAccepted) {
    const RoutineLoadResult result =
        load(withName("steps = [{ stretch = \"wall-calf\" }, { name = \"A\" }]\n"));
    ASSERT_TRUE(result.ok()) << listDiagnostics(result.diagnostics);
    EXPECT_EQ(result.routine->steps.size(), 2u);
}

TEST(RoutineLoader, SyntaxErrorPointsAtLineAndColumn) {
    expectLoadFails(withName("[[steps]]\nhold = [1,\n  2,, ]\n"), 4, 5,
                    "separate the items of a list with single commas");
    expectLoadFails("name = \"unterminated\n", 1, 21, "this text has no closing quote");
}

// ---- Collecting everything -------------------------------------------------------------------

TEST(RoutineLoader, AllErrorsAreCollectedInFileOrder) {
    const RoutineLoadResult result = load("descripton = 1\n"
                                          "[defaults]\n"
                                          "hold = \"30\"\n"
                                          "[[steps]]\n"
                                          "stretch = \"wal-calf\"\n"
                                          "reps = 0\n"
                                          "[[steps]]\n"
                                          "sides = \"bth\"\n");
    ASSERT_FALSE(result.ok());
    const std::vector<std::pair<int, std::string>> expected = {
        {0, "needs a 'name'"},         {1, "unknown key 'descripton'"},
        {3, "'hold' must be a whole"}, {5, "did you mean 'wall-calf'?"},
        {6, "'reps' must be between"}, {7, "step 2 needs 'stretch'"},
        {8, "did you mean 'both'?"},
    };
    ASSERT_EQ(result.diagnostics.size(), expected.size()) << listDiagnostics(result.diagnostics);
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(result.diagnostics[i].line, expected[i].first);
        EXPECT_NE(result.diagnostics[i].message.find(expected[i].second), std::string::npos)
            << result.diagnostics[i].message;
    }
}

TEST(RoutineLoader, DiagnosticsNameTheFileLikeACompiler) {
    const RoutineLoadResult result = loadRoutineFile(NS_TEST_DATA "/mine.toml", testCatalog());
    ASSERT_EQ(result.diagnostics.size(), 2u) << listDiagnostics(result.diagnostics);
    const std::string file = NS_TEST_DATA "/mine.toml";
    EXPECT_EQ(result.diagnostics[0].format(),
              file + ":7:1: error: unknown key 'hodl' in step 2; did you mean 'hold'?");
    EXPECT_EQ(result.diagnostics[1].format(),
              file + ":9:8: error: 'hold' must be between 5 and 300 seconds, got 900");
}

// ---- Resolution order ------------------------------------------------------------------------

TEST(RoutineLoader, StepValueWinsOverDefaultsCatalogAndBuiltIn) {
    const RoutineLoadResult result =
        load(withName("[defaults]\nhold = 20\nsides = \"left\"\n"
                      "[[steps]]\nstretch = \"wall-calf\"\nhold = 10\nsides = \"right\"\n"));
    ASSERT_TRUE(result.ok()) << listDiagnostics(result.diagnostics);
    EXPECT_EQ(result.routine->steps[0].hold, 10);
    EXPECT_EQ(result.routine->steps[0].sides, Sides::Right);
}

TEST(RoutineLoader, DefaultsWinOverCatalogAndBuiltIn) {
    const RoutineLoadResult result = load(withName(
        "[defaults]\nhold = 20\nsides = \"left\"\nprepare = 0\nreps = 3\nrest = 15\nswitch = 2\n"
        "[[steps]]\nstretch = \"wall-calf\"\n"));
    ASSERT_TRUE(result.ok()) << listDiagnostics(result.diagnostics);
    const Step& step = result.routine->steps[0];
    EXPECT_EQ(step.hold, 20);
    EXPECT_EQ(step.sides, Sides::Left);
    EXPECT_EQ(step.prepare, 0);
    EXPECT_EQ(step.reps, 3);
    EXPECT_EQ(step.rest, 15);
    EXPECT_EQ(step.switchSeconds, 2);
}

TEST(RoutineLoader, CatalogWinsOverBuiltIn) {
    const RoutineLoadResult result = load(withName("[[steps]]\nstretch = \"wall-calf\"\n"));
    ASSERT_TRUE(result.ok()) << listDiagnostics(result.diagnostics);
    const Step& step = result.routine->steps[0];
    EXPECT_EQ(step.hold, 45);
    EXPECT_EQ(step.sides, Sides::Both);
    EXPECT_EQ(step.stretch.id, "wall-calf");
    EXPECT_EQ(step.stretch.name, "Wall calf stretch");
    EXPECT_EQ(step.stretch.instructions.size(), 2u);
    EXPECT_EQ(step.stretch.caution, "A mild pull only.");
}

TEST(RoutineLoader, BuiltInDefaultsComeLast) {
    const RoutineLoadResult result = load(withName("[[steps]]\nstretch = \"forward-bend\"\n"
                                                   "[[steps]]\nname = \"Inline\"\n"));
    ASSERT_TRUE(result.ok()) << listDiagnostics(result.diagnostics);
    for (const Step& step : result.routine->steps) {
        EXPECT_EQ(step.prepare, kDefaultPrepare);
        EXPECT_EQ(step.hold, kDefaultHold);
        EXPECT_EQ(step.reps, kDefaultReps);
        EXPECT_EQ(step.rest, kDefaultRest);
        EXPECT_EQ(step.switchSeconds, kDefaultSwitch);
        EXPECT_EQ(step.sides, Sides::None);
    }
}

TEST(RoutineLoader, StepMayRewordACatalogStretch) {
    const RoutineLoadResult result =
        load(withName("[[steps]]\nstretch = \"wall-calf\"\nname = \"Calf\"\n"
                      "instructions = [\"Just lean.\"]\ncaution = \"\"\nmuscles = [\"calf\"]\n"));
    ASSERT_TRUE(result.ok()) << listDiagnostics(result.diagnostics);
    const Stretch& stretch = result.routine->steps[0].stretch;
    EXPECT_EQ(stretch.id, "wall-calf");
    EXPECT_EQ(stretch.name, "Calf");
    EXPECT_EQ(stretch.instructions, std::vector<std::string>{"Just lean."});
    EXPECT_EQ(stretch.caution, "");
    EXPECT_EQ(stretch.muscles, std::vector<std::string>{"calf"});
}

TEST(RoutineLoader, InlineStepNeedsOnlyAName) {
    const RoutineLoadResult result = loadRoutineFile(NS_TEST_DATA "/inline-only.toml", Catalog{});
    ASSERT_TRUE(result.ok()) << listDiagnostics(result.diagnostics);
    const Routine& routine = *result.routine;
    EXPECT_EQ(routine.id, "inline-only");
    EXPECT_EQ(routine.name, "Inline only");
    EXPECT_EQ(routine.description, "Two stretches of my own.");
    EXPECT_EQ(routine.path, fs::path(NS_TEST_DATA "/inline-only.toml"));
    ASSERT_EQ(routine.steps.size(), 2u);
    EXPECT_EQ(routine.steps[0].stretch.id, "");
    EXPECT_EQ(routine.steps[0].sides, Sides::Both);
    EXPECT_EQ(routine.steps[0].stretch.sides, Sides::Both);
    EXPECT_EQ(routine.steps[0].hold, 20);
    EXPECT_TRUE(routine.steps[1].stretch.instructions.empty());
    EXPECT_EQ(routine.steps[1].hold, 15);
}

// ---- Files -----------------------------------------------------------------------------------

TEST(RoutineLoader, MissingFileIsADiagnosticForTheWholeFile) {
    const RoutineLoadResult result =
        loadRoutineFile(NS_TEST_DATA "/no-such-routine.toml", testCatalog());
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].line, 0);
    EXPECT_NE(result.diagnostics[0].message.find("cannot read file: "), std::string::npos);
    EXPECT_NE(result.diagnostics[0].format().find("no-such-routine.toml: error: cannot read"),
              std::string::npos);
}

TEST(RoutineLoader, FolderIsNotARoutine) {
    const RoutineLoadResult result = loadRoutineFile(NS_TEST_DATA, testCatalog());
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].message, "cannot read file: it is a folder, not a file");
}

TEST(RoutineLoader, DeviceIsNotARoutine) {
    if (!fs::exists("/dev/zero")) GTEST_SKIP() << "no /dev/zero here";
    const RoutineLoadResult result = loadRoutineFile("/dev/zero", testCatalog());
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].message, "cannot read file: it is not a regular file");
}

// ---- closestMatch ----------------------------------------------------------------------------

TEST(RoutineLoader, ClosestMatchCatchesTyposOnly) {
    const std::vector<std::string> keys = {"prepare", "hold", "reps", "rest", "switch", "sides"};
    EXPECT_EQ(closestMatch("hodl", keys), "hold");
    EXPECT_EQ(closestMatch("HOLD", keys), "hold");
    EXPECT_EQ(closestMatch("rep", keys), "reps");
    EXPECT_EQ(closestMatch("prepair", keys), "prepare");
    EXPECT_EQ(closestMatch("colour", keys), "");
    EXPECT_EQ(closestMatch("", keys), "");
    EXPECT_EQ(closestMatch("hold", {}), "");
    EXPECT_EQ(closestMatch(std::string(100000, 'x'), keys), "");
}

// ---- The catalog -----------------------------------------------------------------------------

::testing::AssertionResult catalogFails(std::string_view toml, int line, int column,
                                        const std::string& fragment) {
    const CatalogLoadResult result = parseCatalog(toml, "stretches.toml");
    for (const Diagnostic& diagnostic : result.diagnostics) {
        if (diagnostic.line == line && diagnostic.column == column &&
            diagnostic.message.find(fragment) != std::string::npos)
            return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << "expected an error at " << line << ":" << column
                                         << " containing \"" << fragment << "\"; got:\n"
                                         << listDiagnostics(result.diagnostics);
}

TEST(RoutineLoaderCatalog, ChecksKeysTypesAndRanges) {
    EXPECT_TRUE(catalogFails("[a]\nname = \"A\"\nhodl = 30\n", 3, 1,
                             "unknown key 'hodl' in stretch 'a'; did you mean 'hold'?"));
    EXPECT_TRUE(catalogFails("[a]\nname = \"A\"\nhold = 301\n", 3, 8,
                             "'hold' must be between 5 and 300 seconds, got 301"));
    EXPECT_TRUE(
        catalogFails("[a]\nname = \"A\"\nsides = \"bothe\"\n", 3, 9, "did you mean 'both'?"));
    EXPECT_TRUE(
        catalogFails("[a]\nname = \"A\"\nmuscles = \"calf\"\n", 3, 11, "'muscles' must be a list"));
    EXPECT_TRUE(catalogFails("[a]\nhold = 30\n", 1, 1, "stretch 'a' needs a 'name'"));
    EXPECT_TRUE(catalogFails("a = 3\n", 1, 5, "stretch 'a' must be a table"));
    EXPECT_TRUE(catalogFails("[a\n", 1, 3, "a table name ends with ]"));
    EXPECT_TRUE(catalogFails("[a]\nname = \"A\"\nstanding = \"yes\"\n", 3, 12,
                             "'standing' must be true or false, not"));
}

TEST(RoutineLoaderCatalog, StandingIsReadAndOffByDefault) {
    const CatalogLoadResult result =
        parseCatalog("[a]\nname = \"A\"\nstanding = true\n[b]\nname = \"B\"\n", "stretches.toml");
    ASSERT_TRUE(result.diagnostics.empty()) << listDiagnostics(result.diagnostics);
    EXPECT_TRUE(result.catalog.find("a")->standing);
    EXPECT_FALSE(result.catalog.find("b")->standing);
}

TEST(RoutineLoaderCatalog, KeepsStretchesWithABadDetail) {
    const CatalogLoadResult result =
        parseCatalog("[a]\nname = \"A\"\nhold = 1\n[b]\nhold = 30\n", "stretches.toml");
    EXPECT_EQ(result.diagnostics.size(), 2u) << listDiagnostics(result.diagnostics);
    ASSERT_NE(result.catalog.find("a"), nullptr);
    EXPECT_FALSE(result.catalog.find("a")->hold.has_value());
    EXPECT_EQ(result.catalog.find("b"), nullptr); // nothing to show without a name
}

TEST(RoutineLoaderCatalog, ReadsEveryField) {
    const CatalogLoadResult result = loadCatalogFile(NS_TEST_DATA "/test-stretches.toml");
    ASSERT_TRUE(result.diagnostics.empty()) << listDiagnostics(result.diagnostics);
    const Stretch* stretch = result.catalog.find("wall-calf");
    ASSERT_NE(stretch, nullptr);
    EXPECT_EQ(stretch->id, "wall-calf");
    EXPECT_EQ(stretch->name, "Wall calf stretch");
    EXPECT_EQ(stretch->muscles, std::vector<std::string>{"gastrocnemius"});
    EXPECT_EQ(stretch->sides, Sides::Both);
    EXPECT_EQ(stretch->hold, 45);
    EXPECT_EQ(stretch->instructions.size(), 2u);
    EXPECT_EQ(stretch->caution, "A mild pull only.");
    EXPECT_EQ(result.catalog.find("nope"), nullptr);
}

TEST(RoutineLoaderCatalog, EmptyCatalogExplainsUnknownStretch) {
    const RoutineLoadResult result =
        parseRoutine(withName("[[steps]]\nstretch = \"wall-calf\"\n"), "t.toml", "t", Catalog{});
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_NE(result.diagnostics[0].message.find("catalog is empty"), std::string::npos);
}

// ---- The library -----------------------------------------------------------------------------

class RoutineLoaderLibrary : public ::testing::Test {
  protected:
    void SetUp() override {
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        m_root = fs::temp_directory_path() / ("ns-library-test-" + std::to_string(stamp));
        fs::create_directories(m_root / "builtin");
        fs::create_directories(m_root / "user");
        fs::copy_file(NS_TEST_DATA "/test-stretches.toml", m_root / "builtin" / "stretches.toml");
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(m_root, ec);
    }
    void write(const fs::path& file, const std::string& text) {
        std::ofstream(m_root / file, std::ios::binary) << text;
    }
    fs::path m_root;
};

TEST_F(RoutineLoaderLibrary, UserRoutinesOverrideBuiltInOnesAndAllAreSorted) {
    write("builtin/zeta.toml", withName("[[steps]]\nstretch = \"wall-calf\"\n"));
    write("builtin/alpha.toml", "name = \"Built-in alpha\"\n[[steps]]\nname = \"A\"\n");
    write("builtin/notes.txt", "not a routine");
    write("user/alpha.toml", "name = \"My alpha\"\n[[steps]]\nstretch = \"forward-bend\"\n");
    write("user/broken.toml", "name = \n");
    write("user/stretches.toml", "[x]\nname = \"X\"\n");
    fs::create_directories(m_root / "user" / "folder.toml");

    const RoutineLibrary library = RoutineLibrary::load(m_root / "builtin", m_root / "user");
    EXPECT_TRUE(library.catalogDiagnostics.empty()) << listDiagnostics(library.catalogDiagnostics);
    EXPECT_NE(library.catalog.find("wall-calf"), nullptr);
    // A folder named like a routine is listed with its problem, not silently passed over.
    ASSERT_EQ(library.entries.size(), 4u);
    EXPECT_EQ(library.entries[0].id, "alpha");
    EXPECT_EQ(library.entries[1].id, "broken");
    EXPECT_EQ(library.entries[2].id, "folder");
    EXPECT_FALSE(library.entries[2].result.ok());
    EXPECT_EQ(library.entries[3].id, "zeta");

    const RoutineEntry* alpha = library.find("alpha");
    ASSERT_NE(alpha, nullptr);
    EXPECT_FALSE(alpha->builtIn);
    ASSERT_TRUE(alpha->result.ok());
    EXPECT_EQ(alpha->result.routine->name, "My alpha");
    EXPECT_EQ(alpha->path, m_root / "user" / "alpha.toml");

    const RoutineEntry* broken = library.find("broken");
    ASSERT_NE(broken, nullptr);
    EXPECT_FALSE(broken->result.ok());
    EXPECT_EQ(broken->result.diagnostics.at(0).line, 1);

    ASSERT_NE(library.find("zeta"), nullptr);
    EXPECT_TRUE(library.find("zeta")->builtIn);
    EXPECT_EQ(library.find("stretches"), nullptr);
    EXPECT_EQ(library.find("nope"), nullptr);
}

TEST_F(RoutineLoaderLibrary, MissingFoldersAreNotErrors) {
    write("builtin/one.toml", withName("[[steps]]\nstretch = \"wall-calf\"\n"));
    const RoutineLibrary library =
        RoutineLibrary::load(m_root / "builtin", m_root / "no-such-user-folder");
    ASSERT_EQ(library.entries.size(), 1u);
    EXPECT_TRUE(library.entries[0].result.ok());

    const RoutineLibrary nothing = RoutineLibrary::load(m_root / "none", fs::path());
    EXPECT_TRUE(nothing.entries.empty());
    ASSERT_EQ(nothing.catalogDiagnostics.size(), 1u); // the catalog is the one file that must exist
    EXPECT_NE(nothing.catalogDiagnostics[0].message.find("cannot read file"), std::string::npos);
}

// ---- Hostile input ---------------------------------------------------------------------------

TEST(RoutineLoader, SurvivesDeepNesting) {
    std::string dotted;
    for (int i = 0; i < 100000; ++i)
        dotted += "a.";
    EXPECT_FALSE(load(dotted + "b = 1\n").diagnostics.empty());
    EXPECT_FALSE(load("[" + dotted + "b]\n").diagnostics.empty());
    EXPECT_FALSE(load("x = " + std::string(100000, '[') + std::string(100000, ']')).ok());
    std::string tables;
    for (int i = 0; i < 100000; ++i)
        tables += "{a=";
    EXPECT_FALSE(load("x = " + tables).ok());
    EXPECT_FALSE(parseCatalog(dotted + "b = 1\n", "c.toml").diagnostics.empty());
}

TEST(RoutineLoader, SurvivesOddBytesAndUnicode) {
    EXPECT_FALSE(load(std::string("name = \"a\0b\"\n", 13)).ok());
    EXPECT_FALSE(load("name = \"\xff\xfe\"\n").ok());
    EXPECT_FALSE(load("\xef\xbb\xbfname = \"R\"\n\"\xe2\x80\x8bhold\" = 1\n").ok());
    const RoutineLoadResult unicode =
        load("name = \"Étirements du soir 🌙\"\n[[steps]]\nname = \"Mollets\"\n");
    ASSERT_TRUE(unicode.ok()) << listDiagnostics(unicode.diagnostics);
    EXPECT_EQ(unicode.routine->name, "Étirements du soir 🌙");
}

TEST(RoutineLoader, LongUserTextIsShortenedInMessages) {
    const std::string key(5000, 'k');
    const RoutineLoadResult result = load(withName(key + " = 1\n[[steps]]\nname = \"A\"\n"));
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_LT(result.diagnostics[0].message.size(), 300u);
    EXPECT_NE(result.diagnostics[0].message.find("..."), std::string::npos);
}

TEST(RoutineLoader, EmptyDocument) {
    const RoutineLoadResult result = load("");
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(result.diagnostics.size(), 2u) << listDiagnostics(result.diagnostics);
}

} // namespace
} // namespace ns

// Files from anywhere: every limit is one clear diagnostic, found without parsing the whole flood.
namespace ns {
namespace {

std::string manySteps(std::size_t count, const std::string& step) {
    std::string toml = "name = \"Many\"\n";
    for (std::size_t i = 0; i < count; ++i)
        toml += "[[steps]]\n" + step;
    return toml;
}

TEST(RoutineLimits, TenThousandStepsIsOneClearError) {
    const auto result =
        parseRoutine(manySteps(10000, "stretch = \"wall-calf\"\n"), "many.toml", "many",
                     loadCatalogFile(NS_ROUTINES_DIR "/stretches.toml").catalog);
    ASSERT_FALSE(result.ok());
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_NE(result.diagnostics[0].message.find("at most 100 steps, this one has 10000"),
              std::string::npos)
        << result.diagnostics[0].format();
    EXPECT_EQ(result.diagnostics[0].line, 2); // where the steps begin
}

TEST(RoutineLimits, AHundredStepsAreStillARoutine) {
    const auto result = parseRoutine(manySteps(100, "name = \"x\"\nhold = 5\nprepare = 0\n"),
                                     "hundred.toml", "hundred", Catalog{});
    EXPECT_TRUE(result.ok()) << (result.diagnostics.empty() ? "" : result.diagnostics[0].format());
}

TEST(RoutineLimits, ATooLongRoutineSaysHowLongItIs) {
    // 20 steps of 300 s × 10 reps: each value in range, the whole far beyond a bedtime routine.
    const auto result = parseRoutine(manySteps(20, "name = \"x\"\nhold = 300\nreps = 10\n"),
                                     "long.toml", "long", Catalog{});
    ASSERT_FALSE(result.ok());
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].kind, DiagnosticKind::InvalidValue);
    EXPECT_NE(result.diagnostics[0].message.find("a routine can last at most 2:00:00"),
              std::string::npos)
        << result.diagnostics[0].format();
}

TEST(RoutineLimits, LongTextIsRefusedWithItsLength) {
    expectLoadFails(withName("description = \"" + std::string(600, 'x') +
                             "\"\n[[steps]]\nstretch = \"wall-calf\"\n"),
                    2, 15, "'description' is too long: at most 500 characters, got 600");
    // Characters, not bytes: 500 accented letters are 1000 bytes and still allowed.
    std::string accented;
    for (int i = 0; i < 500; ++i)
        accented += "é";
    const auto ok =
        parseRoutine(withName("description = \"" + accented + "\"\n[[steps]]\nname = \"x\"\n"),
                     "ok.toml", "ok", Catalog{});
    EXPECT_TRUE(ok.ok()) << (ok.diagnostics.empty() ? "" : ok.diagnostics[0].format());
}

TEST(RoutineLimits, TooManyInstructionLinesAreRefused) {
    std::string lines = "[";
    for (int i = 0; i < 31; ++i)
        lines += std::string(i > 0 ? ", " : "") + "\"a line\"";
    lines += "]";
    expectLoadFails(withName("[[steps]]\nname = \"x\"\ninstructions = " + lines + "\n"), 4, 16,
                    "'instructions' has too many lines: at most 30, got 31");
}

TEST(RoutineLimits, AHugeCatalogIsOneError) {
    std::string toml;
    for (int i = 0; i < 600; ++i)
        toml += "[s" + std::to_string(i) + "]\nname = \"x\"\n";
    const CatalogLoadResult result = parseCatalog(toml, "stretches.toml");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_NE(result.diagnostics[0].message.find("at most 500 stretches, this one has 600"),
              std::string::npos);
}

} // namespace
} // namespace ns
