// The one keymap: per screen, which key (with which modifiers) does what, and the words the help
// shows for it. Every screen reads its keys here and every help list is drawn from here, so help
// can never disagree with the keys.
#pragma once

#include <SFML/Window/Event.hpp>

#include <string>
#include <vector>

namespace ns {

// Where the keyboard is: a screen, an overlay, or a mode inside one.
enum class KeyContext {
    Global,       // sound and full screen, on every screen and overlay that takes them
    Home,         // the routine list
    Session,      // a routine running
    Paused,       // the "Paused" overlay over a session
    StopQuestion, // "Stop the routine?"
    Done,         // "Well done"
    Progress,     // the calendar and the cramp diary
    Help,         // the list of keys
    CheckIn,      // "How was last night?"
    Editor,       // the routine editor
    EditorTyping, // typing the name or the description
    EditorPicker, // choosing a stretch to add
    EditorLeave,  // "Save your changes?"
    EditorHelp,   // the editor's list of keys
    Question,     // a yes/no question with two buttons (restore the history? remove a session?)
    Relief,       // the relief guide during a cramp
    About,        // "Leg cramps: what helps, when to see a doctor"
    Welcome,      // the first run's welcome
    Note,         // the doctor note after a check-in
};

// What a key asks for; what it does is the screen's business, named after what the person gets.
enum class Command {
    None,
    // Global
    Mute,
    ToggleVoice,
    VolumeUp,
    VolumeDown,
    Fullscreen,
    ShowHelp,
    ShowRelief, // C: a cramp now
    ShowAbout,  // I: what helps, when to see a doctor
    // Lists and forms
    SelectPrevious,
    SelectNext,
    PageUp,
    PageDown,
    // Home
    StartRoutine,
    EditRoutine,
    NewRoutine,
    ShowProgress,
    ChangeReminder,
    CloseWindow,
    // Session and its overlays
    TogglePause,
    NextPhase,
    PhaseBack,
    NextStretch,
    AskToStop,
    ConfirmStop,
    KeepGoing,
    // Done, progress
    GoHome,
    PreviousWeek,
    NextWeek,
    PreviousNight,
    NextNight,
    OpenDiary,
    // Help
    CloseHelp,
    // Check-in
    PreviousField,
    NextField,
    PreviousFieldAround, // Shift+Tab: wraps from the first to the last
    NextFieldAround,     // Tab: wraps from the last to the first
    ValueDown,
    ValueUp,
    Save,
    Dismiss,
    Erase,
    // Editor
    NextPart,
    PreviousPart,
    ValueUpOrOpen, // → : the chosen value up, or from the stretches into their values
    Type,          // Enter: type the name or description, or go into the values
    FinishTyping,
    AddStretch,
    RemoveStretch,
    DuplicateStretch,
    MoveStretchUp,
    MoveStretchDown,
    Undo,
    Redo,
    Leave,
    SaveAndLeave,
    Discard,
    KeepEditing,
    Cancel,
    // Questions, and correcting the record
    Accept,
    Decline,
    RemoveSession,
    // Relief, about, welcome
    StepEased,
    StepBack,
    OtherCramp,
    CloseScreen,
    ShowWelcome,
};

// Whether a modifier must be held, must not be, or does not matter.
enum class Modifier { Any, Off, On };

struct Chord {
    sf::Keyboard::Key key = sf::Keyboard::Unknown;
    Modifier ctrl = Modifier::Any;
    Modifier alt = Modifier::Any;
    Modifier shift = Modifier::Any;
    // What help shows; null: named from the key; "": an alias help leaves out (keypad, F1).
    const char* name = nullptr;
};

struct KeyBinding {
    KeyContext context;
    Command command;
    std::vector<Chord> chords;
    // Help's words; empty: not listed (a key of a question that says its keys itself).
    const char* words;
};

// Every binding, in the order help lists them.
const std::vector<KeyBinding>& keymap();

// Whether the sound and full-screen keys work here.
bool takesGlobalKeys(KeyContext context);

// The command of `key` in `context`, or of the global keys where they work; the binding whose
// modifiers say the most wins (Shift+Tab over Tab). Command::None when the key means nothing here.
Command commandFor(KeyContext context, const sf::Event::KeyEvent& key);

// "Ctrl+S", "Space", "→", "?".
std::string chordName(const Chord& chord);
// The first key help shows for `command` in `context` ("Space"), for the words a screen says
// itself ("Paused — Space to continue"); "" when it has none.
std::string keyFor(KeyContext context, Command command);

// One line of help: the keys, and what they do.
struct HelpLine {
    std::string keys;
    std::string words;
};
// The help of a context, from the table: its bindings, then the global ones where they work;
// bindings next to each other with the same words share a line.
std::vector<HelpLine> helpLines(KeyContext context);

} // namespace ns
