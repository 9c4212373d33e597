// The routine writer's contract: what it writes loads back to the same routine (every built-in one
// included), in DESIGN's key order with comments, and a routine that would not load back is never
// saved (the atomic write itself is tested in tests/platform/files_test.cpp).
#include "routine_loader.hpp"
#include "routine_writer.hpp"
#include "timeline.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace ns {
namespace {

namespace fs = std::filesystem;

std::string listDiagnostics(const Diagnostics& diagnostics) {
    std::string out;
    for (const Diagnostic& diagnostic : diagnostics)
        out += "  " + diagnostic.format() + "\n";
    return out.empty() ? "  (none)\n" : out;
}

const Catalog& builtInCatalog() {
    static const Catalog catalog = loadCatalogFile(NS_ROUTINES_DIR "/stretches.toml").catalog;
    return catalog;
}

std::string readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

void expectSameStretch(const Stretch& a, const Stretch& b) {
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.muscles, b.muscles);
    EXPECT_EQ(a.sides, b.sides);
    EXPECT_EQ(a.hold, b.hold);
    EXPECT_EQ(a.instructions, b.instructions);
    EXPECT_EQ(a.caution, b.caution);
}

void expectSameRoutine(const Routine& a, const Routine& b) {
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.description, b.description);
    ASSERT_EQ(a.steps.size(), b.steps.size());
    for (std::size_t i = 0; i < a.steps.size(); ++i) {
        SCOPED_TRACE("step " + std::to_string(i + 1));
        expectSameStretch(a.steps[i].stretch, b.steps[i].stretch);
        EXPECT_EQ(a.steps[i].prepare, b.steps[i].prepare);
        EXPECT_EQ(a.steps[i].hold, b.steps[i].hold);
        EXPECT_EQ(a.steps[i].reps, b.steps[i].reps);
        EXPECT_EQ(a.steps[i].rest, b.steps[i].rest);
        EXPECT_EQ(a.steps[i].switchSeconds, b.steps[i].switchSeconds);
        EXPECT_EQ(a.steps[i].sides, b.steps[i].sides);
    }
    const Timeline ta = buildTimeline(a);
    const Timeline tb = buildTimeline(b);
    EXPECT_EQ(ta.totalSeconds, tb.totalSeconds);
    EXPECT_EQ(ta.holdSeconds, tb.holdSeconds);
    ASSERT_EQ(ta.phases.size(), tb.phases.size());
    for (std::size_t i = 0; i < ta.phases.size(); ++i) {
        EXPECT_EQ(ta.phases[i].kind, tb.phases[i].kind);
        EXPECT_EQ(ta.phases[i].side, tb.phases[i].side);
        EXPECT_EQ(ta.phases[i].startSeconds, tb.phases[i].startSeconds);
        EXPECT_EQ(ta.phases[i].durationSeconds, tb.phases[i].durationSeconds);
    }
}

// Formats `document`, parses it back and checks it is the same document; returns the text.
std::string expectRoundTrip(const RoutineDocument& document, const Catalog& catalog) {
    std::string text = formatRoutine(document);
    const RoutineDocumentLoadResult back = parseRoutineDocument(text, "written.toml", catalog);
    EXPECT_TRUE(back.ok()) << listDiagnostics(back.diagnostics) << text;
    if (back.ok()) {
        EXPECT_TRUE(*back.document == document) << text;
        expectSameRoutine(resolveRoutine(*back.document, "r", catalog),
                          resolveRoutine(document, "r", catalog));
    }
    return text;
}

RoutineDocument inlineDocument(const std::string& name) {
    RoutineDocument document;
    document.name = name;
    StepSpec step;
    step.name = "Ankle circles";
    document.steps.push_back(step);
    return document;
}

// ---- Round trips -----------------------------------------------------------------------------

TEST(RoutineWriter, EveryBuiltInRoutineRoundTrips) {
    int checked = 0;
    for (const auto& item : fs::directory_iterator(NS_ROUTINES_DIR)) {
        const fs::path& file = item.path();
        if (file.extension() != ".toml" || file.filename() == "stretches.toml") continue;
        SCOPED_TRACE(file.string());
        const RoutineDocumentLoadResult original = loadRoutineDocumentFile(file, builtInCatalog());
        ASSERT_TRUE(original.ok()) << listDiagnostics(original.diagnostics);
        const std::string text = formatRoutine(*original.document);
        const RoutineDocumentLoadResult back =
            parseRoutineDocument(text, "written.toml", builtInCatalog());
        ASSERT_TRUE(back.ok()) << listDiagnostics(back.diagnostics) << text;
        EXPECT_TRUE(*back.document == *original.document) << text;

        // The same routine as the loader makes from the shipped file, down to the timeline.
        const RoutineLoadResult loaded = loadRoutineFile(file, builtInCatalog());
        ASSERT_TRUE(loaded.ok());
        Routine resolved = resolveRoutine(*back.document, file.stem().string(), builtInCatalog());
        resolved.path = file;
        expectSameRoutine(resolved, *loaded.routine);
        ++checked;
    }
    EXPECT_GE(checked, 4);
}

TEST(RoutineWriter, QuotesBackslashesUnicodeAndControlCharactersRoundTrip) {
    RoutineDocument document =
        inlineDocument("Say \"stop\" \\ back\\slash \u00c9tirement \u5c0f\u817f");
    document.description = "Line one\nLine two\ttabbed\r\n\b\f \x01 \x1f \x7f end \U0001F9D8";
    StepSpec& step = document.steps[0];
    step.instructions = std::vector<std::string>{"\"Quoted\"", "C:\\path\\", "", "multi\nline"};
    step.caution = "Don't \"force\" it \u2013 ever.";
    step.muscles = std::vector<std::string>{"mollet \u00e9", "\\", std::string("nul\0byte", 8)};
    const std::string text = expectRoundTrip(document, Catalog{});
    EXPECT_NE(text.find("\\u0001"), std::string::npos) << text;
    EXPECT_NE(text.find("\\u007F"), std::string::npos) << text;
    EXPECT_NE(text.find("\u5c0f\u817f"), std::string::npos) << "UTF-8 is written as is";
}

TEST(RoutineWriter, CatalogStepOverridesRoundTripIncludingEmptyOnes) {
    RoutineDocument document;
    document.name = "Overrides";
    StepSpec step;
    step.stretchId = "wall-calf";
    step.name = "Calf, my way";
    step.instructions = std::vector<std::string>{};
    step.caution = "";
    step.muscles = std::vector<std::string>{"calf"};
    step.timing.sides = Sides::Left;
    step.timing.hold = 300;
    document.steps.push_back(step);
    expectRoundTrip(document, builtInCatalog());
    const Routine routine = resolveRoutine(document, "r", builtInCatalog());
    EXPECT_TRUE(routine.steps[0].stretch.instructions.empty());
    EXPECT_EQ(routine.steps[0].stretch.caution, "");
}

TEST(RoutineWriter, EveryTimingValueAndSidesRoundTrip) {
    RoutineDocument document = inlineDocument("All values");
    document.defaults = {0, 5, 10, 120, 60, Sides::Both};
    StepSpec step;
    step.stretchId = "towel-stretch";
    step.timing = {60, 300, 1, 0, 0, Sides::None};
    document.steps.push_back(step);
    document.steps[0].timing.sides = Sides::Right;
    expectRoundTrip(document, builtInCatalog());
}

// ---- Layout ----------------------------------------------------------------------------------

TEST(RoutineWriter, WritesDocumentedKeyOrderWithComments) {
    RoutineDocument document;
    document.name = "Nightly";
    document.description = "Calves first.";
    document.defaults.hold = 30;
    document.defaults.prepare = 5;
    document.defaults.sides = Sides::Both;
    StepSpec catalogStep;
    catalogStep.stretchId = "wall-calf";
    catalogStep.timing.sides = Sides::Left;
    catalogStep.timing.reps = 2;
    catalogStep.timing.hold = 20;
    document.steps.push_back(catalogStep);
    StepSpec inlineStep;
    inlineStep.name = "Seated forward bend";
    inlineStep.caution = "Gently.";
    inlineStep.instructions = std::vector<std::string>{"Sit.", "Reach."};
    inlineStep.timing.sides = Sides::None;
    inlineStep.timing.hold = 30;
    document.steps.push_back(inlineStep);

    const std::string expected =
        "# Written by Nightstretch. Edit freely: `nightstretch check FILE` checks it.\n"
        "name = \"Nightly\"\n"
        "description = \"Calves first.\"\n"
        "\n"
        "[defaults]          # every step inherits these unless it says otherwise\n"
        "prepare = 5         # seconds of \"get ready\" before the first hold of a step   "
        "(0\u201360)\n"
        "hold = 30           # seconds per hold                                         "
        "(5\u2013300)\n"
        "sides = \"both\"      # \"none\" | \"left\" | \"right\" | \"both\"\n"
        "\n"
        "[[steps]]\n"
        "stretch = \"wall-calf\"\n"
        "hold = 20\n"
        "reps = 2\n"
        "sides = \"left\"\n"
        "\n"
        "[[steps]]\n"
        "name = \"Seated forward bend\"\n"
        "instructions = [\n"
        "  \"Sit.\",\n"
        "  \"Reach.\",\n"
        "]\n"
        "sides = \"none\"      # \"none\" | \"left\" | \"right\" | \"both\"\n"
        "caution = \"Gently.\"\n"
        "hold = 30\n";
    EXPECT_EQ(formatRoutine(document), expected);
    expectRoundTrip(document, builtInCatalog());
}

TEST(RoutineWriter, DefaultsCommentsGiveEveryRange) {
    RoutineDocument document = inlineDocument("R");
    document.defaults = {5, 30, 1, 10, 5, std::nullopt};
    const std::string text = formatRoutine(document);
    for (const char* line :
         {"prepare = 5         # seconds of \"get ready\"", "reps = 1            # holds per side",
          "(1\u201310)\n", "rest = 10           # seconds of rest", "(0\u2013120)\n",
          "switch = 5          # seconds to change sides", "(0\u201360)\n"})
        EXPECT_NE(text.find(line), std::string::npos) << line << "\n" << text;
}

TEST(RoutineWriter, NoDefaultsMeansNoDefaultsTable) {
    const std::string text = formatRoutine(inlineDocument("R"));
    EXPECT_EQ(text.find("[defaults]"), std::string::npos) << text;
    EXPECT_EQ(text.find("description"), std::string::npos) << text;
}

// ---- Saving ----------------------------------------------------------------------------------

class RoutineWriterFiles : public ::testing::Test {
  protected:
    void SetUp() override {
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        m_root = fs::temp_directory_path() / ("ns-writer-test-" + std::to_string(stamp));
        fs::create_directories(m_root);
    }
    void TearDown() override {
        setAtomicWriteHookForTests({});
        std::error_code ec;
        fs::permissions(m_root, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(m_root, ec);
    }
    static void write(const fs::path& file, const std::string& text) {
        std::ofstream(file, std::ios::binary) << text;
    }
    static std::size_t filesIn(const fs::path& dir) {
        std::size_t count = 0;
        for ([[maybe_unused]] const auto& item : fs::directory_iterator(dir))
            ++count;
        return count;
    }
    fs::path m_root;
};

TEST_F(RoutineWriterFiles, SaveWritesWhatLoadsBack) {
    RoutineDocument document = inlineDocument("Mine");
    document.steps[0].timing.hold = 45;
    const fs::path file = m_root / "config" / "routines" / "mine.toml";
    std::string error;
    ASSERT_TRUE(saveRoutineAtomically(document, file, builtInCatalog(), &error)) << error;
    const RoutineDocumentLoadResult back = loadRoutineDocumentFile(file, builtInCatalog());
    ASSERT_TRUE(back.ok()) << listDiagnostics(back.diagnostics);
    EXPECT_TRUE(*back.document == document);
    EXPECT_EQ(filesIn(file.parent_path()), 1u) << "no temporary file left behind";
}

TEST_F(RoutineWriterFiles, SaveRefusesWhatWouldNotLoadAndWritesNothing) {
    const fs::path file = m_root / "mine.toml";
    write(file, "old contents");
    RoutineDocument empty = inlineDocument(" ");
    RoutineDocument badHold = inlineDocument("R");
    badHold.steps[0].timing.hold = 900;
    RoutineDocument unknownStretch = inlineDocument("R");
    unknownStretch.steps[0].stretchId = "wall-calff";
    RoutineDocument noSteps = inlineDocument("R");
    noSteps.steps.clear();
    for (const RoutineDocument* document : {&empty, &badHold, &unknownStretch, &noSteps}) {
        std::string error;
        EXPECT_FALSE(saveRoutineAtomically(*document, file, builtInCatalog(), &error));
        EXPECT_NE(error.find("not saved"), std::string::npos) << error;
        EXPECT_EQ(readFile(file), "old contents");
    }
    EXPECT_EQ(filesIn(m_root), 1u);
}

TEST_F(RoutineWriterFiles, AFailedSaveOfARoutineKeepsTheOldRoutine) {
    const fs::path file = m_root / "mine.toml";
    const std::string old = formatRoutine(inlineDocument("Old"));
    write(file, old);
    setAtomicWriteHookForTests(
        [](AtomicWriteStage stage) { return stage != AtomicWriteStage::Write; });
    std::string error;
    EXPECT_FALSE(saveRoutineAtomically(inlineDocument("New"), file, builtInCatalog(), &error));
    EXPECT_EQ(readFile(file), old);
    EXPECT_EQ(filesIn(m_root), 1u);
}

// Issue 18: `new --from` renames the copy and keeps every other line, comments included; a
// text without a name line of its own, or one that would not load back, is not changed.
TEST(RoutineWriter, WithRoutineNameChangesOnlyTheTopLevelNameLine) {
    const std::string text = "# mine\nname = \"Old\"   # the old name\ndescription = \"d\"\n"
                             "[[steps]]\nname = \"Calf\"\nhold = 5\n";
    const auto renamed = withRoutineName(text, "New \"one\"", builtInCatalog());
    ASSERT_TRUE(renamed);
    EXPECT_EQ(*renamed, "# mine\nname = \"New \\\"one\\\"\"\ndescription = \"d\"\n"
                        "[[steps]]\nname = \"Calf\"\nhold = 5\n");
    // Only a step's name: no routine name line to change.
    EXPECT_FALSE(
        withRoutineName("[[steps]]\nname = \"Calf\"\nhold = 5\n", "New", builtInCatalog()));
    // A routine that does not load stays as it is.
    EXPECT_FALSE(withRoutineName("name = \"Old\"\n", "New", builtInCatalog()));
}

} // namespace
} // namespace ns
