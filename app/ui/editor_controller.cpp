#include "editor_controller.hpp"

#include "format.hpp"
#include "routine_lookup.hpp"
#include "routine_writer.hpp"

#include <algorithm>
#include <cctype>
#include <system_error>

namespace ns {

namespace {

constexpr std::size_t kMaxNameLength = 80;
constexpr std::size_t kMaxDescriptionLength = 200;

std::optional<TimingField> timingField(EditorField field) {
    switch (field) {
    case EditorField::Hold:
        return TimingField::Hold;
    case EditorField::Reps:
        return TimingField::Reps;
    case EditorField::Rest:
        return TimingField::Rest;
    case EditorField::Prepare:
        return TimingField::Prepare;
    case EditorField::Switch:
        return TimingField::Switch;
    case EditorField::Sides:
        break;
    }
    return std::nullopt;
}

// Seconds move by 5 (a click or key press should matter); repetitions by one.
int stepSize(EditorField field) {
    return field == EditorField::Reps ? 1 : 5;
}

const char* sidesText(Sides sides) {
    switch (sides) {
    case Sides::None:
        return "no sides";
    case Sides::Left:
        return "left leg";
    case Sides::Right:
        return "right leg";
    case Sides::Both:
        return "both legs";
    }
    return "";
}

Sides nextSides(Sides sides, int direction) {
    constexpr Sides kOrder[] = {Sides::None, Sides::Left, Sides::Right, Sides::Both};
    int index = 0;
    for (int i = 0; i < 4; ++i)
        if (kOrder[i] == sides) index = i;
    return kOrder[(index + (direction > 0 ? 1 : 3)) % 4];
}

std::string toUtf8(const sf::String& s) {
    const auto bytes = s.toUtf8();
    return std::string(bytes.begin(), bytes.end());
}

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

// A letter or digit as lowercase ASCII for a file name: "É" -> "e", "ß" -> "ss"; "" for anything
// else, which becomes a dash.
std::string asciiLetters(sf::Uint32 c) {
    if (c < 128) {
        if (std::isalnum(static_cast<unsigned char>(c)) == 0) return "";
        return std::string(1, static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    if (c == 0xDF) return "ss";
    if (c >= 0xC0 && c <= 0xFF) {
        // Latin-1 letters with accents, lowercase and uppercase alike.
        static const char* const kBase = "aaaaaaeceeeeiiiidnooooo-ouuuuyts";
        const char base = kBase[(c - 0xC0) % 32];
        if (base != '-') return std::string(1, base);
    }
    return "";
}

} // namespace

EditorController::EditorController(RoutineDocument document, Catalog catalog, std::string id,
                                   std::filesystem::path userRoutinesDir,
                                   std::set<std::string> takenIds)
    : m_editor(std::move(document), std::move(catalog)), m_id(std::move(id)),
      m_userDir(std::move(userRoutinesDir)), m_takenIds(std::move(takenIds)) {
    for (const auto& [stretchId, stretch] : m_editor.catalog().stretches)
        m_pickerIds.push_back(stretchId);
    const auto& stretches = m_editor.catalog().stretches;
    std::stable_sort(m_pickerIds.begin(), m_pickerIds.end(),
                     [&stretches](const std::string& a, const std::string& b) {
                         return stretches.at(a).name < stretches.at(b).name;
                     });
}

RoutineDocument EditorController::newRoutineTemplate(const Catalog& catalog) {
    RoutineDocument document;
    document.name = "My routine";
    document.description = "";
    for (const char* id : {"wall-calf", "towel-stretch"})
        if (catalog.find(id) != nullptr) {
            StepSpec step;
            step.stretchId = id;
            document.steps.push_back(step);
        }
    if (document.steps.empty() && !catalog.stretches.empty()) {
        StepSpec step;
        step.stretchId = catalog.stretches.begin()->first;
        document.steps.push_back(step);
    }
    if (document.steps.empty()) {
        StepSpec step;
        step.name = "Calf stretch";
        document.steps.push_back(step);
    }
    return document;
}

std::string EditorController::idFromName(const std::string& name,
                                         const std::set<std::string>& taken) {
    std::string base;
    for (const sf::Uint32 c : sf::String::fromUtf8(name.begin(), name.end())) {
        const std::string letters = asciiLetters(c);
        if (!letters.empty()) {
            base += letters;
        } else if (!base.empty() && base.back() != '-') {
            base += '-';
        }
    }
    while (!base.empty() && base.back() == '-')
        base.pop_back();
    if (base.empty()) base = "my-routine";
    // Every id made here passes validRoutineId, the rule `edit` and `new` use: the base is cut so
    // that a "-N" suffix still fits the length limit.
    std::string id = base.substr(0, kMaxRoutineIdLength);
    for (int n = 2; taken.count(id) != 0 || !validRoutineId(id); ++n) {
        const std::string suffix = "-" + std::to_string(n);
        std::string cut = base.substr(0, kMaxRoutineIdLength - suffix.size());
        while (!cut.empty() && cut.back() == '-')
            cut.pop_back();
        id = cut + suffix;
    }
    return id;
}

void EditorController::setFocus(EditorFocus focus) {
    if (m_typing && focus != m_focus) finishTyping(true);
    m_focus = focus;
}

bool EditorController::selectStep(std::size_t index) {
    if (index >= m_editor.stepCount() || index == m_step) return false;
    m_step = index;
    return true;
}

void EditorController::setMessage(std::string message, bool error) {
    m_message = std::move(message);
    m_messageIsError = error;
}

bool EditorController::edited(bool ok) {
    if (m_editor.stepCount() > 0) m_step = std::min(m_step, m_editor.stepCount() - 1);
    if (ok) setMessage("");
    return true;
}

bool EditorController::startTyping() {
    if (m_focus != EditorFocus::Name && m_focus != EditorFocus::Description) return false;
    m_typing = true;
    m_typed =
        sf::String::fromUtf8(m_focus == EditorFocus::Name ? m_editor.document().name.begin()
                                                          : m_editor.document().description.begin(),
                             m_focus == EditorFocus::Name ? m_editor.document().name.end()
                                                          : m_editor.document().description.end());
    return true;
}

void EditorController::finishTyping(bool keep) {
    if (!m_typing) return;
    m_typing = false;
    if (!keep) return;
    const std::string text = trimmed(toUtf8(m_typed));
    if (m_focus == EditorFocus::Name) {
        if (text.empty()) {
            setMessage("A routine needs a name: the old one is kept.", true);
            return;
        }
        m_editor.setName(text);
    } else if (m_focus == EditorFocus::Description) {
        m_editor.setDescription(text);
    }
}

bool EditorController::textEntered(sf::Uint32 unicode) {
    if (!m_typing || unicode < 32 || unicode == 127) return false;
    const std::size_t limit = m_focus == EditorFocus::Name ? kMaxNameLength : kMaxDescriptionLength;
    if (m_typed.getSize() >= limit) return false;
    m_typed += unicode;
    return true;
}

KeyContext EditorController::keyContext() const {
    switch (m_prompt) {
    case Prompt::LeaveUnsaved:
        return KeyContext::EditorLeave;
    case Prompt::Help:
        return KeyContext::EditorHelp;
    case Prompt::Picker:
        return KeyContext::EditorPicker;
    case Prompt::None:
        break;
    }
    return m_typing ? KeyContext::EditorTyping : KeyContext::Editor;
}

bool EditorController::keyPressed(const sf::Event::KeyEvent& key) {
    return command(commandFor(keyContext(), key));
}

bool EditorController::command(Command command) {
    switch (m_prompt) {
    case Prompt::LeaveUnsaved:
        if (command == Command::SaveAndLeave) {
            m_prompt = Prompt::None;
            if (save()) m_closed = true;
        } else if (command == Command::Discard) {
            m_prompt = Prompt::None;
            m_closed = true;
        } else if (command == Command::KeepEditing) {
            m_prompt = Prompt::None;
        } else {
            return false;
        }
        return true;
    case Prompt::Help:
        if (command != Command::CloseHelp) return false;
        m_prompt = Prompt::None;
        return true;
    case Prompt::Picker:
        switch (command) {
        case Command::SelectPrevious:
            return pickerMove(-1);
        case Command::SelectNext:
            return pickerMove(1);
        case Command::PageUp:
            return pickerMove(-5);
        case Command::PageDown:
            return pickerMove(5);
        case Command::AddStretch:
            return pickerAdd();
        case Command::Cancel:
            m_prompt = Prompt::None;
            return true;
        default:
            return false;
        }
    case Prompt::None:
        break;
    }

    if (m_typing) {
        if (command == Command::FinishTyping) {
            finishTyping(true);
            return true;
        }
        if (command == Command::Erase) {
            if (m_typed.isEmpty()) return false;
            m_typed.erase(m_typed.getSize() - 1);
            return true;
        }
        return false;
    }

    const bool inValues = m_focus == EditorFocus::StepFields || m_focus == EditorFocus::Defaults;
    constexpr int kFocusCount = 5;
    const int focus = static_cast<int>(m_focus);
    switch (command) {
    case Command::Save:
        return perform(EditorAction::Save);
    case Command::Undo:
        return perform(EditorAction::Undo);
    case Command::Redo:
        return perform(EditorAction::Redo);
    case Command::NextPart:
        setFocus(static_cast<EditorFocus>((focus + 1) % kFocusCount));
        return true;
    case Command::PreviousPart:
        setFocus(static_cast<EditorFocus>((focus + kFocusCount - 1) % kFocusCount));
        return true;
    case Command::Leave:
        requestLeave();
        return true;
    case Command::ShowHelp:
        m_prompt = Prompt::Help;
        return true;
    case Command::AddStretch:
        openPicker();
        return true;
    case Command::RemoveStretch:
        return perform(EditorAction::Remove);
    case Command::DuplicateStretch:
        return perform(EditorAction::Duplicate);
    case Command::MoveStretchUp:
        return perform(EditorAction::MoveUp);
    case Command::MoveStretchDown:
        return perform(EditorAction::MoveDown);
    case Command::SelectPrevious:
    case Command::SelectNext: {
        const int delta = command == Command::SelectPrevious ? -1 : 1;
        switch (m_focus) {
        case EditorFocus::Name:
            if (delta > 0) setFocus(EditorFocus::Description);
            return delta > 0;
        case EditorFocus::Description:
            setFocus(delta < 0 ? EditorFocus::Name : EditorFocus::Steps);
            return true;
        case EditorFocus::Steps:
            if (delta < 0 && m_step == 0) {
                setFocus(EditorFocus::Description);
                return true;
            }
            return selectStep(m_step + static_cast<std::size_t>(delta < 0 ? -1 : 1));
        case EditorFocus::StepFields:
        case EditorFocus::Defaults: {
            const int field =
                std::clamp(static_cast<int>(m_field) + delta, 0, kEditorFieldCount - 1);
            if (field == static_cast<int>(m_field)) return false;
            m_field = static_cast<EditorField>(field);
            return true;
        }
        }
        return false;
    }
    case Command::ValueDown:
    case Command::ValueUp:
    case Command::ValueUpOrOpen:
        if (inValues) return changeValue(command == Command::ValueDown ? -1 : 1);
        if (m_focus == EditorFocus::Steps && command == Command::ValueUpOrOpen) {
            setFocus(EditorFocus::StepFields);
            return true;
        }
        return false;
    case Command::Type:
        if (m_focus == EditorFocus::Name || m_focus == EditorFocus::Description)
            return startTyping();
        if (m_focus == EditorFocus::Steps) {
            setFocus(EditorFocus::StepFields);
            return true;
        }
        return false;
    default:
        return false;
    }
}

bool EditorController::click(const EditorHit& hit) {
    using Kind = EditorHit::Kind;
    switch (hit.kind) {
    case Kind::None:
        return false;
    case Kind::Name:
    case Kind::Description: {
        const EditorFocus target =
            hit.kind == Kind::Name ? EditorFocus::Name : EditorFocus::Description;
        if (m_typing && m_focus == target) return false;
        setFocus(target);
        return startTyping();
    }
    case Kind::Step:
        setFocus(EditorFocus::Steps);
        selectStep(static_cast<std::size_t>(hit.index));
        return true;
    case Kind::Field:
    case Kind::FieldMinus:
    case Kind::FieldPlus:
        if (m_focus != EditorFocus::Defaults) setFocus(EditorFocus::StepFields);
        m_field = static_cast<EditorField>(std::clamp(hit.index, 0, kEditorFieldCount - 1));
        if (hit.kind != Kind::Field) changeValue(hit.kind == Kind::FieldPlus ? 1 : -1);
        return true;
    case Kind::StepsTab:
        setFocus(EditorFocus::StepFields);
        return true;
    case Kind::DefaultsTab:
        setFocus(EditorFocus::Defaults);
        return true;
    case Kind::Action:
        perform(static_cast<EditorAction>(hit.index));
        return true;
    case Kind::PickerRow:
        if (hit.index >= 0 && static_cast<std::size_t>(hit.index) < m_pickerIds.size())
            m_picker = static_cast<std::size_t>(hit.index);
        return true;
    case Kind::PickerAdd:
        return pickerAdd();
    case Kind::PickerCancel:
    case Kind::PromptKeep:
        m_prompt = Prompt::None;
        return true;
    case Kind::PromptSave:
        m_prompt = Prompt::None;
        if (save()) m_closed = true;
        return true;
    case Kind::PromptDiscard:
        m_prompt = Prompt::None;
        m_closed = true;
        return true;
    }
    return false;
}

bool EditorController::perform(EditorAction action) {
    finishTyping(true);
    switch (action) {
    case EditorAction::Add:
        openPicker();
        return true;
    case EditorAction::Remove:
        if (m_editor.stepCount() <= 1) {
            setMessage("A routine keeps at least one stretch.", true);
            return true;
        }
        return edited(m_editor.removeStep(m_step));
    case EditorAction::Duplicate:
        if (!m_editor.duplicateStep(m_step)) return false;
        ++m_step;
        return edited(true);
    case EditorAction::MoveUp:
    case EditorAction::MoveDown: {
        const int delta = action == EditorAction::MoveUp ? -1 : 1;
        if (!m_editor.moveStep(m_step, delta)) return false;
        if (delta < 0)
            --m_step;
        else
            ++m_step;
        return edited(true);
    }
    case EditorAction::Undo:
        if (!m_editor.undo()) {
            setMessage("Nothing to undo.");
            return true;
        }
        return edited(true);
    case EditorAction::Redo:
        if (!m_editor.redo()) {
            setMessage("Nothing to redo.");
            return true;
        }
        return edited(true);
    case EditorAction::Save:
        save();
        return true;
    }
    return false;
}

EditorController::Value EditorController::stepValue(std::size_t step, EditorField field) const {
    if (step >= m_editor.stepCount()) return {};
    const StepSpec& spec = m_editor.document().steps[step];
    const Routine routine = m_editor.resolved(m_id);
    const Step& resolved = routine.steps[step];
    if (field == EditorField::Sides)
        return {toString(resolved.sides), spec.timing.sides.has_value()};
    const TimingField timing = *timingField(field);
    int value = 0;
    switch (timing) {
    case TimingField::Prepare:
        value = resolved.prepare;
        break;
    case TimingField::Hold:
        value = resolved.hold;
        break;
    case TimingField::Reps:
        value = resolved.reps;
        break;
    case TimingField::Rest:
        value = resolved.rest;
        break;
    case TimingField::Switch:
        value = resolved.switchSeconds;
        break;
    }
    const std::string text =
        field == EditorField::Reps ? "× " + std::to_string(value) : std::to_string(value) + " s";
    return {text, timingValue(spec.timing, timing).has_value()};
}

EditorController::Value EditorController::defaultValue(EditorField field) const {
    const TimingSpec& defaults = m_editor.document().defaults;
    if (field == EditorField::Sides) {
        if (!defaults.sides) return {"own", false}; // each stretch's own
        return {toString(*defaults.sides), true};
    }
    const TimingField timing = *timingField(field);
    const auto& own = timingValue(defaults, timing);
    const int value = own ? *own : builtInDefault(timing);
    const std::string text =
        field == EditorField::Reps ? "× " + std::to_string(value) : std::to_string(value) + " s";
    return {text, own.has_value()};
}

const char* EditorController::fieldLabel(EditorField field) {
    switch (field) {
    case EditorField::Hold:
        return "Hold";
    case EditorField::Reps:
        return "Times";
    case EditorField::Sides:
        return "Sides";
    case EditorField::Rest:
        return "Rest";
    case EditorField::Prepare:
        return "Get ready";
    case EditorField::Switch:
        return "Switch legs";
    }
    return "";
}

bool EditorController::changeValue(int direction) {
    if (m_focus == EditorFocus::Defaults) return changeDefaultValue(m_field, direction);
    return changeStepValue(m_step, m_field, direction);
}

bool EditorController::changeStepValue(std::size_t step, EditorField field, int direction) {
    if (step >= m_editor.stepCount()) return false;
    finishTyping(true);
    const Routine routine = m_editor.resolved(m_id);
    const Step& resolved = routine.steps[step];
    if (field == EditorField::Sides)
        return edited(m_editor.setStepSides(step, nextSides(resolved.sides, direction)));
    const TimingField timing = *timingField(field);
    int current = 0;
    switch (timing) {
    case TimingField::Prepare:
        current = resolved.prepare;
        break;
    case TimingField::Hold:
        current = resolved.hold;
        break;
    case TimingField::Reps:
        current = resolved.reps;
        break;
    case TimingField::Rest:
        current = resolved.rest;
        break;
    case TimingField::Switch:
        current = resolved.switchSeconds;
        break;
    }
    const auto [min, max] = timingRange(timing);
    const int next = std::clamp(current + direction * stepSize(field), min, max);
    if (next == current) {
        setMessage(std::string(fieldLabel(field)) + " is " +
                   (direction > 0 ? "at most " : "at least ") + std::to_string(next) +
                   (field == EditorField::Reps ? "." : " s."));
        return true;
    }
    return edited(m_editor.setStepTiming(step, timing, next));
}

bool EditorController::changeDefaultValue(EditorField field, int direction) {
    finishTyping(true);
    const TimingSpec& defaults = m_editor.document().defaults;
    if (field == EditorField::Sides) {
        // "as each stretch" (unset), then none, left, right, both.
        std::optional<Sides> next;
        if (!defaults.sides) {
            next = direction > 0 ? Sides::None : Sides::Both;
        } else if (!(direction > 0 && *defaults.sides == Sides::Both) &&
                   !(direction < 0 && *defaults.sides == Sides::None)) {
            next = nextSides(*defaults.sides, direction);
        }
        return edited(m_editor.setDefaultSides(next));
    }
    const TimingField timing = *timingField(field);
    const auto& own = timingValue(defaults, timing);
    const int current = own ? *own : builtInDefault(timing);
    const auto [min, max] = timingRange(timing);
    const int next = std::clamp(current + direction * stepSize(field), min, max);
    if (next == current && own) return false;
    return edited(m_editor.setDefault(timing, next));
}

std::string EditorController::stepName(std::size_t step) const {
    if (step >= m_editor.stepCount()) return "";
    const StepSpec& spec = m_editor.document().steps[step];
    if (!spec.name.empty()) return spec.name;
    if (const Stretch* stretch = m_editor.catalog().find(spec.stretchId)) return stretch->name;
    return spec.stretchId;
}

std::string EditorController::stepStretchId(std::size_t step) const {
    if (step >= m_editor.stepCount()) return "";
    return m_editor.document().steps[step].stretchId;
}

bool EditorController::stepRightOnly(std::size_t step) const {
    if (step >= m_editor.stepCount()) return false;
    return m_editor.resolved(m_id).steps[step].sides == Sides::Right;
}

std::string EditorController::stepSummary(std::size_t step) const {
    if (step >= m_editor.stepCount()) return "";
    const Routine routine = m_editor.resolved(m_id);
    const Step& s = routine.steps[step];
    std::string text = "hold " + std::to_string(s.hold) + " s";
    if (s.reps > 1) text += " × " + std::to_string(s.reps);
    if (s.sides != Sides::None) text += std::string(", ") + sidesText(s.sides);
    return text;
}

bool EditorController::save() {
    finishTyping(true);
    std::string id = m_id;
    if (id.empty()) {
        std::set<std::string> taken = m_takenIds;
        std::error_code ec;
        for (const auto& file : std::filesystem::directory_iterator(m_userDir, ec))
            if (file.path().extension() == ".toml") taken.insert(file.path().stem().string());
        id = idFromName(m_editor.document().name, taken);
    }
    const auto file = m_userDir / (id + ".toml");
    std::string error;
    if (!saveRoutineAtomically(m_editor.document(), file, m_editor.catalog(), &error)) {
        setMessage("Not saved: " + error, true);
        return false;
    }
    m_editor.markSaved();
    m_id = id;
    m_savedAny = true;
    setMessage("Saved as " + id + ".toml in your routines folder.");
    return true;
}

void EditorController::requestLeave() {
    finishTyping(true);
    if (m_editor.dirty()) {
        m_prompt = Prompt::LeaveUnsaved;
    } else {
        m_closed = true;
    }
}

void EditorController::openPicker() {
    finishTyping(true);
    if (m_pickerIds.empty()) {
        setMessage("The stretch catalog is empty.", true);
        return;
    }
    m_picker = std::min(m_picker, m_pickerIds.size() - 1);
    m_prompt = Prompt::Picker;
}

bool EditorController::pickerMove(int delta) {
    if (m_pickerIds.empty()) return false;
    const int next =
        std::clamp(static_cast<int>(m_picker) + delta, 0, static_cast<int>(m_pickerIds.size()) - 1);
    if (next == static_cast<int>(m_picker)) return false;
    m_picker = static_cast<std::size_t>(next);
    return true;
}

bool EditorController::pickerAdd() {
    if (m_picker >= m_pickerIds.size()) return false;
    const std::size_t at = m_editor.stepCount() == 0 ? 0 : m_step + 1;
    if (!m_editor.addStep(m_pickerIds[m_picker], at)) {
        setMessage("That stretch could not be added.", true);
        return true;
    }
    m_prompt = Prompt::None;
    m_step = at;
    m_focus = EditorFocus::Steps;
    edited(true);
    setMessage("Added " + stepName(at) + ".");
    return true;
}

} // namespace ns
