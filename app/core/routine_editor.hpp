// The routine editor's model: checked edits of a RoutineDocument with undo and redo, the unsaved
// state, and the resolved routine and its total as you edit. No SFML: the window only draws it.
#pragma once

#include "routine.hpp"
#include "routine_document.hpp"

#include <cstddef>
#include <deque>
#include <optional>
#include <string>

namespace ns {

class RoutineEditor {
  public:
    // How many changes undo can go back.
    static constexpr std::size_t kUndoDepth = 100;

    // `document` is taken as the saved state (not dirty).
    RoutineEditor(RoutineDocument document, Catalog catalog);

    const RoutineDocument& document() const { return m_document; }
    const Catalog& catalog() const { return m_catalog; }
    std::size_t stepCount() const { return m_document.steps.size(); }

    // Every edit checks its arguments (indices, ranges from routine.hpp, known stretch ids,
    // non-empty names) and returns false, changing nothing, when they are wrong. An edit that
    // changes nothing returns true and adds no undo step. No edit makes a document that saves
    // into one that doesn't: it keeps a name and at least one step.
    bool setName(const std::string& name);
    bool setDescription(const std::string& description);

    // Inserts a step at `at` (0..stepCount(); stepCount() appends).
    bool addStep(const std::string& stretchId, std::size_t at);
    bool addInlineStep(const std::string& name, std::size_t at);
    bool removeStep(std::size_t index);    // refused for the only step
    bool duplicateStep(std::size_t index); // the copy goes right after it
    bool moveStep(std::size_t index, int delta);
    // Replaces a whole step (e.g. an inline stretch's name, instructions and caution).
    bool setStep(std::size_t index, const StepSpec& step);

    // nullopt removes the step's own value, so it inherits again.
    bool setStepTiming(std::size_t index, TimingField field, std::optional<int> value);
    bool setStepSides(std::size_t index, std::optional<Sides> sides);
    bool setDefault(TimingField field, std::optional<int> value);
    bool setDefaultSides(std::optional<Sides> sides);

    bool canUndo() const { return !m_undo.empty(); }
    bool canRedo() const { return !m_redo.empty(); }
    bool undo();
    bool redo();

    // Whether the document differs from the last saved (or loaded) one; undoing back to it is
    // clean again.
    bool dirty() const { return m_document != m_saved; }
    void markSaved() { m_saved = m_document; }

    // The routine as it would run, with every value resolved; `id` becomes Routine::id.
    Routine resolved(const std::string& id) const;
    // The routine's total duration in seconds, kept up to date by every edit.
    int totalSeconds() const { return m_totalSeconds; }

  private:
    // Applies `changed` as one undoable edit (if it differs from the document).
    bool commit(RoutineDocument changed);
    void refresh();
    bool validStepIndex(std::size_t index) const { return index < m_document.steps.size(); }
    bool validStep(const StepSpec& step) const;

    RoutineDocument m_document;
    RoutineDocument m_saved;
    Catalog m_catalog;
    std::deque<RoutineDocument> m_undo;
    std::deque<RoutineDocument> m_redo;
    int m_totalSeconds = 0;
};

} // namespace ns
