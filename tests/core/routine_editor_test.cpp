// The routine editor's model: each edit and its undo and redo, refused edits, the undo depth, the
// unsaved state, and the total kept up to date; what it makes saves and loads back the same.
#include "routine_editor.hpp"
#include "routine_loader.hpp"
#include "routine_writer.hpp"
#include "timeline.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace ns {
namespace {

const Catalog& builtInCatalog() {
    static const Catalog catalog = loadCatalogFile(NS_ROUTINES_DIR "/stretches.toml").catalog;
    return catalog;
}

RoutineDocument nightly() {
    const RoutineDocumentLoadResult loaded =
        loadRoutineDocumentFile(NS_ROUTINES_DIR "/nightly.toml", builtInCatalog());
    if (!loaded.ok()) throw std::runtime_error("nightly.toml did not load");
    return *loaded.document;
}

RoutineEditor nightlyEditor() {
    return RoutineEditor(nightly(), builtInCatalog());
}

std::vector<std::string> stretchIds(const RoutineEditor& editor) {
    std::vector<std::string> ids;
    for (const StepSpec& step : editor.document().steps)
        ids.push_back(step.isInline() ? "inline:" + step.name : step.stretchId);
    return ids;
}

int totalOf(const RoutineEditor& editor) {
    return buildTimeline(editor.resolved("x")).totalSeconds;
}

// Undo brings back `before`, redo `after`, and the total follows both ways.
void expectUndoRedo(RoutineEditor& editor, const RoutineDocument& before,
                    const RoutineDocument& after) {
    ASSERT_TRUE(editor.undo());
    EXPECT_TRUE(editor.document() == before);
    EXPECT_EQ(editor.totalSeconds(), totalOf(editor));
    ASSERT_TRUE(editor.redo());
    EXPECT_TRUE(editor.document() == after);
    EXPECT_EQ(editor.totalSeconds(), totalOf(editor));
}

const std::vector<std::string> kNightlyIds = {"wall-calf", "tibialis-anterior",
                                              "seated-forward-bend", "towel-stretch"};

TEST(RoutineEditor, StartsCleanWithTheLoadedTotal) {
    const RoutineEditor editor = nightlyEditor();
    EXPECT_FALSE(editor.dirty());
    EXPECT_FALSE(editor.canUndo());
    EXPECT_FALSE(editor.canRedo());
    EXPECT_EQ(stretchIds(editor), kNightlyIds);
    const RoutineLoadResult loaded =
        loadRoutineFile(NS_ROUTINES_DIR "/nightly.toml", builtInCatalog());
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(editor.totalSeconds(), buildTimeline(*loaded.routine).totalSeconds);
    EXPECT_EQ(editor.totalSeconds(), 500); // 8:20, as the file says
}

TEST(RoutineEditor, ChangingAHoldUpdatesTheTotalAndUndoes) {
    RoutineEditor editor = nightlyEditor();
    const RoutineDocument before = editor.document();
    const int total = editor.totalSeconds();
    // wall-calf: both sides, 2 reps: four holds.
    ASSERT_TRUE(editor.setStepTiming(0, TimingField::Hold, 45));
    EXPECT_EQ(editor.document().steps[0].timing.hold, 45);
    EXPECT_EQ(editor.resolved("nightly").steps[0].hold, 45);
    EXPECT_EQ(editor.totalSeconds(), total + 4 * 15);
    EXPECT_TRUE(editor.dirty());
    expectUndoRedo(editor, before, editor.document());

    // Clearing the step's value inherits [defaults] again.
    ASSERT_TRUE(editor.setStepTiming(0, TimingField::Hold, std::nullopt));
    EXPECT_FALSE(editor.document().steps[0].timing.hold.has_value());
    EXPECT_EQ(editor.totalSeconds(), total);
    EXPECT_FALSE(editor.dirty()) << "back to what was loaded";
}

TEST(RoutineEditor, OutOfRangeValuesAreRefused) {
    RoutineEditor editor = nightlyEditor();
    const RoutineDocument before = editor.document();
    EXPECT_FALSE(editor.setStepTiming(0, TimingField::Hold, 4));
    EXPECT_FALSE(editor.setStepTiming(0, TimingField::Hold, 301));
    EXPECT_FALSE(editor.setStepTiming(0, TimingField::Reps, 0));
    EXPECT_FALSE(editor.setStepTiming(0, TimingField::Reps, 11));
    EXPECT_FALSE(editor.setStepTiming(0, TimingField::Prepare, 61));
    EXPECT_FALSE(editor.setStepTiming(0, TimingField::Rest, -1));
    EXPECT_FALSE(editor.setStepTiming(0, TimingField::Rest, 121));
    EXPECT_FALSE(editor.setStepTiming(0, TimingField::Switch, 61));
    EXPECT_FALSE(editor.setDefault(TimingField::Hold, 900));
    EXPECT_FALSE(editor.setDefault(TimingField::Reps, 0));
    EXPECT_FALSE(editor.setStepTiming(4, TimingField::Hold, 30)) << "no such step";
    EXPECT_FALSE(editor.setStepSides(9, Sides::Left));
    EXPECT_TRUE(editor.document() == before);
    EXPECT_FALSE(editor.canUndo());
    EXPECT_FALSE(editor.dirty());
    // The edges are allowed.
    EXPECT_TRUE(editor.setStepTiming(0, TimingField::Hold, 5));
    EXPECT_TRUE(editor.setStepTiming(0, TimingField::Hold, 300));
    EXPECT_TRUE(editor.setStepTiming(0, TimingField::Reps, 10));
    EXPECT_TRUE(editor.setStepTiming(0, TimingField::Prepare, 0));
}

TEST(RoutineEditor, AddAStretchFromTheCatalog) {
    RoutineEditor editor = nightlyEditor();
    const RoutineDocument before = editor.document();
    const int total = editor.totalSeconds();
    ASSERT_TRUE(editor.addStep("wall-soleus", 1));
    EXPECT_EQ(stretchIds(editor),
              (std::vector<std::string>{"wall-calf", "wall-soleus", "tibialis-anterior",
                                        "seated-forward-bend", "towel-stretch"}));
    // defaults: prepare 10, hold 30, reps 2, rest 10, switch 5; wall-soleus is both sides.
    EXPECT_EQ(editor.totalSeconds(), total + 10 + 2 * (30 + 5 + 30) + 10);
    expectUndoRedo(editor, before, editor.document());
    ASSERT_TRUE(editor.addStep("towel-stretch", editor.stepCount()));
    EXPECT_EQ(stretchIds(editor).back(), "towel-stretch");
}

TEST(RoutineEditor, AddRefusesUnknownStretchesAndBadPositions) {
    RoutineEditor editor = nightlyEditor();
    EXPECT_FALSE(editor.addStep("wall-calff", 0));
    EXPECT_FALSE(editor.addStep("", 0));
    EXPECT_FALSE(editor.addStep("wall-calf", 5));
    EXPECT_FALSE(editor.addInlineStep("", 0));
    EXPECT_FALSE(editor.addInlineStep("  \t", 0));
    EXPECT_FALSE(editor.canUndo());
}

TEST(RoutineEditor, AddAnInlineStretch) {
    RoutineEditor editor = nightlyEditor();
    const RoutineDocument before = editor.document();
    ASSERT_TRUE(editor.addInlineStep("Ankle circles", 0));
    EXPECT_EQ(stretchIds(editor).front(), "inline:Ankle circles");
    EXPECT_EQ(editor.resolved("x").steps[0].stretch.name, "Ankle circles");
    expectUndoRedo(editor, before, editor.document());
}

TEST(RoutineEditor, RemoveAStepButNeverTheLast) {
    RoutineEditor editor = nightlyEditor();
    const RoutineDocument before = editor.document();
    ASSERT_TRUE(editor.removeStep(1));
    EXPECT_EQ(stretchIds(editor),
              (std::vector<std::string>{"wall-calf", "seated-forward-bend", "towel-stretch"}));
    expectUndoRedo(editor, before, editor.document());
    EXPECT_FALSE(editor.removeStep(3));
    ASSERT_TRUE(editor.removeStep(0));
    ASSERT_TRUE(editor.removeStep(0));
    EXPECT_FALSE(editor.removeStep(0)) << "a routine needs a step";
    EXPECT_EQ(editor.stepCount(), 1u);
}

TEST(RoutineEditor, DuplicateAStep) {
    RoutineEditor editor = nightlyEditor();
    const RoutineDocument before = editor.document();
    ASSERT_TRUE(editor.duplicateStep(1));
    EXPECT_EQ(stretchIds(editor),
              (std::vector<std::string>{"wall-calf", "tibialis-anterior", "tibialis-anterior",
                                        "seated-forward-bend", "towel-stretch"}));
    EXPECT_TRUE(editor.document().steps[2] == before.steps[1]) << "with its own hold and switch";
    expectUndoRedo(editor, before, editor.document());
    EXPECT_FALSE(editor.duplicateStep(9));
}

TEST(RoutineEditor, MoveAStepUpAndDown) {
    RoutineEditor editor = nightlyEditor();
    const RoutineDocument before = editor.document();
    ASSERT_TRUE(editor.moveStep(1, +1));
    EXPECT_EQ(stretchIds(editor), (std::vector<std::string>{"wall-calf", "seated-forward-bend",
                                                            "tibialis-anterior", "towel-stretch"}));
    expectUndoRedo(editor, before, editor.document());
    ASSERT_TRUE(editor.moveStep(3, -3));
    EXPECT_EQ(stretchIds(editor).front(), "towel-stretch");
    EXPECT_FALSE(editor.moveStep(0, -1)) << "already first";
    EXPECT_FALSE(editor.moveStep(3, +1)) << "already last";
    EXPECT_FALSE(editor.moveStep(4, -1)) << "no such step";
    EXPECT_TRUE(editor.moveStep(2, 0)) << "nowhere to go is no change";
}

TEST(RoutineEditor, ChangeDefaultsAndSides) {
    RoutineEditor editor = nightlyEditor();
    const RoutineDocument before = editor.document();
    ASSERT_TRUE(editor.setDefault(TimingField::Reps, 1));
    EXPECT_EQ(editor.document().defaults.reps, 1);
    for (const Step& step : editor.resolved("x").steps)
        EXPECT_EQ(step.reps, 1);
    expectUndoRedo(editor, before, editor.document());

    const RoutineDocument withOneRep = editor.document();
    ASSERT_TRUE(editor.setDefaultSides(Sides::Left));
    EXPECT_EQ(editor.resolved("x").steps[0].sides, Sides::Left);
    expectUndoRedo(editor, withOneRep, editor.document());

    ASSERT_TRUE(editor.setStepSides(0, Sides::Right));
    EXPECT_EQ(editor.resolved("x").steps[0].sides, Sides::Right);
    ASSERT_TRUE(editor.setDefault(TimingField::Prepare, std::nullopt));
    EXPECT_EQ(editor.resolved("x").steps[0].prepare, kDefaultPrepare);
}

TEST(RoutineEditor, NameDescriptionAndWholeSteps) {
    RoutineEditor editor = nightlyEditor();
    EXPECT_FALSE(editor.setName(" "));
    ASSERT_TRUE(editor.setName("My nightly"));
    ASSERT_TRUE(editor.setDescription(""));
    EXPECT_EQ(editor.resolved("x").name, "My nightly");

    StepSpec inlineStep;
    inlineStep.name = "Toe curls";
    inlineStep.instructions = std::vector<std::string>{"Curl your toes.", "Let go."};
    inlineStep.timing.sides = Sides::Both;
    ASSERT_TRUE(editor.setStep(2, inlineStep));
    EXPECT_EQ(editor.resolved("x").steps[2].stretch.name, "Toe curls");
    StepSpec unnamed;
    EXPECT_FALSE(editor.setStep(2, unnamed));
    StepSpec tooLong = inlineStep;
    tooLong.timing.hold = 301;
    EXPECT_FALSE(editor.setStep(2, tooLong));
    StepSpec unknown;
    unknown.stretchId = "nope";
    EXPECT_FALSE(editor.setStep(2, unknown));
    ASSERT_TRUE(editor.undo());
    ASSERT_TRUE(editor.undo());
    ASSERT_TRUE(editor.undo());
    EXPECT_TRUE(editor.document() == nightly());
}

TEST(RoutineEditor, UndoGoesBackAtLeastFiftyChanges) {
    RoutineEditor editor = nightlyEditor();
    const RoutineDocument start = editor.document();
    std::vector<RoutineDocument> states{start};
    for (int i = 0; i < 60; ++i) {
        ASSERT_TRUE(editor.setStepTiming(i % 4, TimingField::Hold, 10 + i));
        states.push_back(editor.document());
    }
    for (int i = 59; i >= 0; --i) {
        ASSERT_TRUE(editor.undo()) << i;
        EXPECT_TRUE(editor.document() == states[static_cast<std::size_t>(i)]) << i;
    }
    EXPECT_FALSE(editor.undo());
    EXPECT_FALSE(editor.dirty());
    for (int i = 1; i <= 60; ++i) {
        ASSERT_TRUE(editor.redo()) << i;
        EXPECT_TRUE(editor.document() == states[static_cast<std::size_t>(i)]) << i;
    }
    EXPECT_FALSE(editor.redo());
}

TEST(RoutineEditor, UndoDepthIsBoundedAndKeepsTheNewest) {
    RoutineEditor editor = nightlyEditor();
    const int edits = static_cast<int>(RoutineEditor::kUndoDepth) + 20;
    for (int i = 0; i < edits; ++i)
        ASSERT_TRUE(editor.setStepTiming(0, TimingField::Hold, 5 + i % 200));
    std::size_t undone = 0;
    while (editor.undo())
        ++undone;
    EXPECT_EQ(undone, RoutineEditor::kUndoDepth);
    EXPECT_TRUE(editor.dirty()) << "the oldest changes can no longer be undone";
}

TEST(RoutineEditor, ANewEditClearsRedo) {
    RoutineEditor editor = nightlyEditor();
    ASSERT_TRUE(editor.setStepTiming(0, TimingField::Hold, 40));
    ASSERT_TRUE(editor.undo());
    EXPECT_TRUE(editor.canRedo());
    ASSERT_TRUE(editor.setStepTiming(1, TimingField::Hold, 40));
    EXPECT_FALSE(editor.canRedo());
    EXPECT_FALSE(editor.redo());
}

TEST(RoutineEditor, NoChangeAddsNoUndoStep) {
    RoutineEditor editor = nightlyEditor();
    EXPECT_TRUE(editor.setStepTiming(1, TimingField::Hold, 20)); // already 20
    EXPECT_TRUE(editor.setName(editor.document().name));
    EXPECT_FALSE(editor.canUndo());
    EXPECT_FALSE(editor.dirty());
}

TEST(RoutineEditor, DirtyFollowsTheSavedState) {
    RoutineEditor editor = nightlyEditor();
    ASSERT_TRUE(editor.setStepTiming(0, TimingField::Hold, 40));
    EXPECT_TRUE(editor.dirty());
    editor.markSaved();
    EXPECT_FALSE(editor.dirty());
    ASSERT_TRUE(editor.undo());
    EXPECT_TRUE(editor.dirty()) << "differs from what was saved";
    ASSERT_TRUE(editor.redo());
    EXPECT_FALSE(editor.dirty());
}

TEST(RoutineEditor, EditsSaveAndLoadBackTheSame) {
    RoutineEditor editor = nightlyEditor();
    ASSERT_TRUE(editor.setStepTiming(0, TimingField::Hold, 45));
    ASSERT_TRUE(editor.moveStep(3, -2));
    ASSERT_TRUE(editor.addInlineStep("Say \"goodnight\" \u2013 \u00e9", 0));
    ASSERT_TRUE(editor.duplicateStep(2));
    ASSERT_TRUE(editor.setDefault(TimingField::Rest, 0));
    const std::string text = formatRoutine(editor.document());
    const RoutineDocumentLoadResult back =
        parseRoutineDocument(text, "nightly.toml", builtInCatalog());
    ASSERT_TRUE(back.ok()) << text;
    EXPECT_TRUE(*back.document == editor.document()) << text;
    EXPECT_EQ(
        buildTimeline(resolveRoutine(*back.document, "nightly", builtInCatalog())).totalSeconds,
        editor.totalSeconds());
}

} // namespace
} // namespace ns
