// The routine editor screen as a model without a window: which part has the focus, the text being
// typed, the stretch picker and the "save your changes?" question, and what keys and clicks do to
// the RoutineEditor underneath. The scene draws it; tests drive it directly.
#pragma once

#include "keymap.hpp"
#include "routine_editor.hpp"

#include <SFML/System/String.hpp>
#include <SFML/Window/Event.hpp>

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ns {

// Where the keyboard is in the editor. Tab goes through them in this order.
enum class EditorFocus { Name, Description, Steps, StepFields, Defaults };

// The values shown for a step (and for the defaults), top to bottom.
enum class EditorField { Hold, Reps, Sides, Rest, Prepare, Switch };
inline constexpr int kEditorFieldCount = 6;

// The buttons under the step list.
enum class EditorAction { Add, Remove, Duplicate, MoveUp, MoveDown, Undo, Redo, Save };

// What a click landed on (the scene finds it; the controller acts on it).
struct EditorHit {
    enum class Kind {
        None,
        Name,
        Description,
        Step,
        Field,      // the row of a value: focuses it
        FieldMinus, // − of a value
        FieldPlus,  // + of a value
        StepsTab,   // "This stretch" over the values
        DefaultsTab,
        Action,
        PickerRow,
        PickerAdd,
        PickerCancel,
        PromptSave,
        PromptDiscard,
        PromptKeep,
    };
    Kind kind = Kind::None;
    int index = 0; // step, field, picker row or EditorAction
};

class EditorController {
  public:
    enum class Prompt { None, Picker, LeaveUnsaved, Help };

    // Edits `document`. `id` is where it is saved (userRoutinesDir/id.toml); empty for a new
    // routine, whose id comes from its name when first saved, unlike every id in `takenIds`.
    EditorController(RoutineDocument document, Catalog catalog, std::string id,
                     std::filesystem::path userRoutinesDir, std::set<std::string> takenIds = {});

    // A new routine: a copy of a short template (a calf and a towel stretch, when the catalog has
    // them).
    static RoutineDocument newRoutineTemplate(const Catalog& catalog);
    // "My calf routine!" -> "my-calf-routine"; unique against `taken` ("-2", "-3"...).
    static std::string idFromName(const std::string& name, const std::set<std::string>& taken);

    // Keys (through the keymap) and typed text; true when anything shown changed.
    bool keyPressed(const sf::Event::KeyEvent& key);
    bool command(Command command);
    KeyContext keyContext() const; // the editor, typing, or one of its questions
    bool textEntered(sf::Uint32 unicode);
    bool click(const EditorHit& hit);

    // The actions, also used by clicks.
    bool perform(EditorAction action);
    bool changeValue(int direction); // the focused value, one step down (-1) or up (+1)
    bool changeStepValue(std::size_t step, EditorField field, int direction);
    bool changeDefaultValue(EditorField field, int direction);
    bool save();
    void requestLeave(); // closes, or asks first when there are unsaved changes
    void openPicker();
    bool pickerMove(int delta);
    bool pickerAdd(); // adds the chosen stretch after the selected step

    const RoutineEditor& editor() const { return m_editor; }
    const std::string& id() const { return m_id; }
    bool isNew() const { return m_id.empty(); }
    EditorFocus focus() const { return m_focus; }
    void setFocus(EditorFocus focus);
    std::size_t selectedStep() const { return m_step; }
    bool selectStep(std::size_t index);
    EditorField selectedField() const { return m_field; }
    bool typing() const { return m_typing; }
    const sf::String& typedText() const { return m_typed; }
    Prompt prompt() const { return m_prompt; }
    const std::vector<std::string>& pickerIds() const { return m_pickerIds; }
    std::size_t pickerSelected() const { return m_picker; }
    bool closed() const { return m_closed; }
    bool savedAny() const { return m_savedAny; } // written at least once: the library changed
    const std::string& message() const { return m_message; }
    bool messageIsError() const { return m_messageIsError; }

    // What a value shows: the number (or sides word), and whether it is the step's own value
    // (false: inherited from the defaults or the catalog).
    struct Value {
        std::string text;
        bool own = false;
    };
    Value stepValue(std::size_t step, EditorField field) const;
    Value defaultValue(EditorField field) const;
    static const char* fieldLabel(EditorField field);

    // "hold 30 s × 2, both legs": one step as it runs.
    std::string stepSummary(std::size_t step) const;
    std::string stepName(std::size_t step) const;
    // Whose figure the step shows: its catalog stretch id (empty for an inline stretch: the
    // neutral figure), and whether it stretches only the right leg (the mirrored figure).
    std::string stepStretchId(std::size_t step) const;
    bool stepRightOnly(std::size_t step) const;

  private:
    bool startTyping();
    void finishTyping(bool keep);
    void setMessage(std::string message, bool error = false);
    bool edited(bool ok);

    RoutineEditor m_editor;
    std::string m_id;
    std::filesystem::path m_userDir;
    std::set<std::string> m_takenIds;
    EditorFocus m_focus = EditorFocus::Steps;
    std::size_t m_step = 0;
    EditorField m_field = EditorField::Hold;
    bool m_typing = false;
    sf::String m_typed;
    Prompt m_prompt = Prompt::None;
    std::vector<std::string> m_pickerIds; // catalog ids, by stretch name
    std::size_t m_picker = 0;
    bool m_closed = false;
    bool m_savedAny = false;
    std::string m_message;
    bool m_messageIsError = false;
};

} // namespace ns
