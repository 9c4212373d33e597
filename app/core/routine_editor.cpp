// The routine editor's model: checked edits, snapshot undo/redo, the dirty state and the total.
#include "routine_editor.hpp"

#include "timeline.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

namespace ns {

namespace {

// The loader's rule for names: something besides spaces and tabs.
bool hasText(const std::string& text) {
    return text.find_first_not_of(" \t") != std::string::npos;
}

bool timingValid(const TimingSpec& timing) {
    return std::all_of(std::begin(kTimingFields), std::end(kTimingFields),
                       [&timing](TimingField field) {
                           const std::optional<int>& value = timingValue(timing, field);
                           return !value || timingInRange(field, *value);
                       });
}

} // namespace

RoutineEditor::RoutineEditor(RoutineDocument document, Catalog catalog)
    : m_document(std::move(document)), m_saved(m_document), m_catalog(std::move(catalog)) {
    refresh();
}

bool RoutineEditor::validStep(const StepSpec& step) const {
    if (step.isInline() ? !hasText(step.name) : !m_catalog.find(step.stretchId)) return false;
    if (!step.isInline() && !step.name.empty() && !hasText(step.name)) return false;
    return timingValid(step.timing);
}

bool RoutineEditor::setName(const std::string& name) {
    if (!hasText(name)) return false;
    RoutineDocument changed = m_document;
    changed.name = name;
    return commit(std::move(changed));
}

bool RoutineEditor::setDescription(const std::string& description) {
    RoutineDocument changed = m_document;
    changed.description = description;
    return commit(std::move(changed));
}

bool RoutineEditor::addStep(const std::string& stretchId, std::size_t at) {
    if (at > m_document.steps.size() || !m_catalog.find(stretchId)) return false;
    StepSpec step;
    step.stretchId = stretchId;
    RoutineDocument changed = m_document;
    changed.steps.insert(changed.steps.begin() + static_cast<std::ptrdiff_t>(at), std::move(step));
    return commit(std::move(changed));
}

bool RoutineEditor::addInlineStep(const std::string& name, std::size_t at) {
    if (at > m_document.steps.size() || !hasText(name)) return false;
    StepSpec step;
    step.name = name;
    RoutineDocument changed = m_document;
    changed.steps.insert(changed.steps.begin() + static_cast<std::ptrdiff_t>(at), std::move(step));
    return commit(std::move(changed));
}

bool RoutineEditor::removeStep(std::size_t index) {
    if (!validStepIndex(index) || m_document.steps.size() <= 1) return false;
    RoutineDocument changed = m_document;
    changed.steps.erase(changed.steps.begin() + static_cast<std::ptrdiff_t>(index));
    return commit(std::move(changed));
}

bool RoutineEditor::duplicateStep(std::size_t index) {
    if (!validStepIndex(index)) return false;
    RoutineDocument changed = m_document;
    const StepSpec copy = changed.steps[index];
    changed.steps.insert(changed.steps.begin() + static_cast<std::ptrdiff_t>(index) + 1, copy);
    return commit(std::move(changed));
}

bool RoutineEditor::moveStep(std::size_t index, int delta) {
    if (!validStepIndex(index)) return false;
    const long long target = static_cast<long long>(index) + delta;
    if (target < 0 || target >= static_cast<long long>(m_document.steps.size())) return false;
    RoutineDocument changed = m_document;
    StepSpec step = std::move(changed.steps[index]);
    changed.steps.erase(changed.steps.begin() + static_cast<std::ptrdiff_t>(index));
    changed.steps.insert(changed.steps.begin() + static_cast<std::ptrdiff_t>(target),
                         std::move(step));
    return commit(std::move(changed));
}

bool RoutineEditor::setStep(std::size_t index, const StepSpec& step) {
    if (!validStepIndex(index) || !validStep(step)) return false;
    RoutineDocument changed = m_document;
    changed.steps[index] = step;
    return commit(std::move(changed));
}

bool RoutineEditor::setStepTiming(std::size_t index, TimingField field, std::optional<int> value) {
    if (!validStepIndex(index) || (value && !timingInRange(field, *value))) return false;
    RoutineDocument changed = m_document;
    timingValue(changed.steps[index].timing, field) = value;
    return commit(std::move(changed));
}

bool RoutineEditor::setStepSides(std::size_t index, std::optional<Sides> sides) {
    if (!validStepIndex(index)) return false;
    RoutineDocument changed = m_document;
    changed.steps[index].timing.sides = sides;
    return commit(std::move(changed));
}

bool RoutineEditor::setDefault(TimingField field, std::optional<int> value) {
    if (value && !timingInRange(field, *value)) return false;
    RoutineDocument changed = m_document;
    timingValue(changed.defaults, field) = value;
    return commit(std::move(changed));
}

bool RoutineEditor::setDefaultSides(std::optional<Sides> sides) {
    RoutineDocument changed = m_document;
    changed.defaults.sides = sides;
    return commit(std::move(changed));
}

bool RoutineEditor::undo() {
    if (m_undo.empty()) return false;
    m_redo.push_back(std::move(m_document));
    m_document = std::move(m_undo.back());
    m_undo.pop_back();
    refresh();
    return true;
}

bool RoutineEditor::redo() {
    if (m_redo.empty()) return false;
    m_undo.push_back(std::move(m_document));
    m_document = std::move(m_redo.back());
    m_redo.pop_back();
    refresh();
    return true;
}

Routine RoutineEditor::resolved(const std::string& id) const {
    return resolveRoutine(m_document, id, m_catalog);
}

bool RoutineEditor::commit(RoutineDocument changed) {
    if (changed == m_document) return true;
    m_undo.push_back(std::move(m_document));
    if (m_undo.size() > kUndoDepth) m_undo.pop_front();
    m_redo.clear();
    m_document = std::move(changed);
    refresh();
    return true;
}

void RoutineEditor::refresh() {
    m_totalSeconds = buildTimeline(resolveRoutine(m_document, "", m_catalog)).totalSeconds;
}

} // namespace ns
