#include "keymap.hpp"

namespace ns {

namespace {

using K = sf::Keyboard;
using C = KeyContext;
using M = Modifier;

// Any modifiers: the window's keys have always worked with Shift or Ctrl held.
Chord key(K::Key code, const char* name = nullptr) {
    return {code, M::Any, M::Any, M::Any, name};
}
// No Ctrl: the editor's letters, so that Ctrl+S is never also S.
Chord plain(K::Key code, const char* name = nullptr) {
    return {code, M::Off, M::Any, M::Any, name};
}
Chord shift(K::Key code) {
    return {code, M::Any, M::Any, M::On, nullptr};
}
Chord ctrl(K::Key code) {
    return {code, M::On, M::Any, M::Any, nullptr};
}
Chord ctrlShift(K::Key code) {
    return {code, M::On, M::Any, M::On, nullptr};
}
Chord alt(K::Key code) {
    return {code, M::Off, M::On, M::Any, nullptr};
}

// '+' is Shift+'=' and '?' is Shift+'/' on most keyboards.
const std::vector<Chord> kHelpKeys = {key(K::H), key(K::Slash, "?"), key(K::F1, "")};

std::vector<KeyBinding> makeKeymap() {
    return {
        // Everywhere the window shows a screen, a session or its questions.
        {C::Global, Command::Mute, {key(K::M)}, "sound on or off"},
        {C::Global, Command::ToggleVoice, {key(K::V)}, "spoken prompts on or off"},
        {C::Global, Command::VolumeUp, {key(K::Equal, "+"), key(K::Add, "")}, "louder, softer"},
        {C::Global,
         Command::VolumeDown,
         {key(K::Hyphen, "−"), key(K::Subtract, "")},
         "louder, softer"},
        {C::Global, Command::Fullscreen, {key(K::F)}, "full screen"},
        {C::Global, Command::ShowRelief, {key(K::C)}, "a cramp now: what helps"},
        {C::Global, Command::ShowAbout, {key(K::I)}, "leg cramps: when to see a doctor"},

        {C::Home, Command::SelectPrevious, {key(K::Up)}, "choose a routine"},
        {C::Home, Command::SelectNext, {key(K::Down)}, "choose a routine"},
        {C::Home, Command::StartRoutine, {key(K::Enter)}, "start the chosen routine"},
        {C::Home, Command::EditRoutine, {key(K::E)}, "edit the chosen routine"},
        {C::Home, Command::NewRoutine, {key(K::N)}, "make a new routine"},
        {C::Home, Command::ShowProgress, {key(K::P)}, "progress and cramp diary"},
        {C::Home, Command::ChangeReminder, {key(K::R)}, "bedtime reminder time"},
        {C::Home, Command::CloseWindow, {key(K::Escape), key(K::Q)}, "close"},
        {C::Home, Command::ShowHelp, kHelpKeys, "this help"},

        {C::Session, Command::TogglePause, {key(K::Space)}, "pause, or continue"},
        {C::Session, Command::NextPhase, {key(K::Right)}, "skip to the next part"},
        {C::Session, Command::PhaseBack, {key(K::Left)}, "go back"},
        {C::Session, Command::NextStretch, {key(K::N)}, "next stretch"},
        {C::Session, Command::AskToStop, {key(K::Escape), key(K::Q)}, "stop (asks first)"},
        {C::Session, Command::ShowHelp, kHelpKeys, "this help"},

        // The overlay says its keys itself; the others reach the session under it.
        {C::Paused, Command::TogglePause, {key(K::Space)}, ""},
        {C::Paused, Command::AskToStop, {key(K::Escape), key(K::Q)}, ""},

        {C::StopQuestion, Command::ConfirmStop, {key(K::Enter), key(K::Q)}, ""},
        {C::StopQuestion, Command::KeepGoing, {key(K::Escape)}, ""},

        // The question's buttons say what the keys do.
        {C::Question, Command::Accept, {key(K::Enter)}, ""},
        {C::Question, Command::Decline, {key(K::Escape)}, ""},
        {C::Question, Command::Discard, {key(K::D), key(K::N, "")}, ""}, // a third answer

        {C::Done, Command::GoHome, {key(K::Enter)}, "back to the routines"},
        {C::Done, Command::CloseWindow, {key(K::Escape), key(K::Q)}, "close"},
        {C::Done, Command::ShowHelp, kHelpKeys, "this help"},

        {C::Progress, Command::PreviousWeek, {key(K::Up)}, "choose a night"},
        {C::Progress, Command::NextWeek, {key(K::Down)}, "choose a night"},
        {C::Progress, Command::PreviousNight, {key(K::Left)}, "choose a night"},
        {C::Progress, Command::NextNight, {key(K::Right)}, "choose a night"},
        {C::Progress,
         Command::OpenDiary,
         {key(K::Enter), key(K::E)},
         "the diary of the chosen night"},
        {C::Progress,
         Command::RemoveSession,
         {key(K::Delete)},
         "remove a session of the chosen night (asks first)"},
        {C::Progress, Command::GoHome, {key(K::Escape), key(K::P)}, "back to the routines"},
        {C::Progress, Command::CloseWindow, {key(K::Q)}, "close"},
        {C::Progress, Command::ShowHelp, kHelpKeys, "this help"},

        {C::Relief,
         Command::StepEased,
         {key(K::Space), key(K::Right), key(K::Enter)},
         "it eased: the next step"},
        {C::Relief, Command::StepBack, {key(K::Left)}, "the step before"},
        {C::Relief, Command::OtherCramp, {key(K::S)}, "calf, or shin and foot"},
        {C::Relief, Command::CloseScreen, {key(K::Escape), key(K::Q)}, "close"},
        {C::Relief, Command::ShowHelp, kHelpKeys, "this help"},

        {C::About,
         Command::PageDown,
         {key(K::Space), key(K::Right), key(K::Down), key(K::PageDown)},
         "more"},
        {C::About, Command::PageUp, {key(K::Left), key(K::Up), key(K::PageUp)}, "back"},
        {C::About, Command::ShowWelcome, {key(K::W)}, "the welcome again"},
        {C::About,
         Command::CloseScreen,
         {key(K::Escape), key(K::Enter), key(K::I), key(K::Q)},
         "close"},
        {C::About, Command::ShowHelp, kHelpKeys, "this help"},

        {C::Welcome, Command::CloseScreen, {key(K::Enter), key(K::Space), key(K::Escape)}, "begin"},

        {C::Note, Command::CloseScreen, {key(K::Enter), key(K::Space), key(K::Escape)}, "close"},

        {C::Help,
         Command::CloseHelp,
         {key(K::H), key(K::Slash, "?"), key(K::F1, ""), key(K::Escape), key(K::Enter)},
         ""},

        {C::CheckIn, Command::PreviousField, {key(K::Up)}, "choose a line"},
        {C::CheckIn, Command::NextField, {key(K::Down)}, "choose a line"},
        {C::CheckIn, Command::NextFieldAround, {key(K::Tab)}, "choose a line"},
        {C::CheckIn, Command::PreviousFieldAround, {shift(K::Tab)}, "choose a line"},
        {C::CheckIn, Command::ValueDown, {key(K::Left)}, "change the number"},
        {C::CheckIn, Command::ValueUp, {key(K::Right)}, "change the number"},
        {C::CheckIn, Command::Erase, {key(K::BackSpace)}, "take back what was typed"},
        {C::CheckIn, Command::Save, {key(K::Enter)}, "save"},
        {C::CheckIn, Command::Dismiss, {key(K::Escape)}, "not now (asks first)"},
        {C::CheckIn, Command::ShowHelp, kHelpKeys, "this help"},

        {C::Editor,
         Command::NextPart,
         {plain(K::Tab)},
         "next part: name, stretches, values, defaults"},
        {C::Editor,
         Command::PreviousPart,
         {{K::Tab, M::Off, M::Any, M::On, nullptr}},
         "the part before"},
        {C::Editor, Command::SelectPrevious, {plain(K::Up)}, "choose a stretch or a value"},
        {C::Editor, Command::SelectNext, {plain(K::Down)}, "choose a stretch or a value"},
        {C::Editor, Command::ValueDown, {plain(K::Left)}, "change the chosen value"},
        {C::Editor, Command::ValueUpOrOpen, {plain(K::Right)}, "change the chosen value"},
        {C::Editor,
         Command::ValueDown,
         {plain(K::Hyphen, "−"), plain(K::Subtract, "")},
         "change the chosen value"},
        {C::Editor,
         Command::ValueUp,
         {plain(K::Equal, "+"), plain(K::Add, "")},
         "change the chosen value"},
        {C::Editor, Command::Type, {plain(K::Enter)}, "type the name or description (Enter ends)"},
        {C::Editor,
         Command::AddStretch,
         {plain(K::A), plain(K::Insert, "")},
         "add a stretch from the list"},
        {C::Editor, Command::RemoveStretch, {plain(K::Delete)}, "remove the chosen stretch"},
        {C::Editor, Command::DuplicateStretch, {plain(K::D)}, "copy the chosen stretch"},
        {C::Editor, Command::MoveStretchUp, {plain(K::U), alt(K::Up)}, "move the stretch up"},
        {C::Editor, Command::MoveStretchDown, {plain(K::J), alt(K::Down)}, "move the stretch down"},
        {C::Editor, Command::Undo, {ctrl(K::Z)}, "undo"},
        {C::Editor, Command::Redo, {ctrl(K::Y), ctrlShift(K::Z)}, "redo"},
        {C::Editor, Command::Save, {ctrl(K::S)}, "save"},
        {C::Editor,
         Command::ShowHelp,
         {plain(K::H), plain(K::Slash, "?"), plain(K::F1, "")},
         "this list of keys"},
        {C::Editor, Command::Leave, {plain(K::Escape)}, "leave the editor (asks to save changes)"},

        {C::EditorTyping, Command::FinishTyping, {key(K::Enter), key(K::Escape), key(K::Tab)}, ""},
        {C::EditorTyping, Command::Erase, {key(K::BackSpace)}, ""},

        {C::EditorPicker, Command::SelectPrevious, {key(K::Up)}, ""},
        {C::EditorPicker, Command::SelectNext, {key(K::Down)}, ""},
        {C::EditorPicker, Command::PageUp, {key(K::PageUp)}, ""},
        {C::EditorPicker, Command::PageDown, {key(K::PageDown)}, ""},
        {C::EditorPicker, Command::AddStretch, {key(K::Enter)}, ""},
        {C::EditorPicker, Command::Cancel, {key(K::Escape)}, ""},

        {C::EditorLeave, Command::SaveAndLeave, {key(K::Enter)}, ""},
        {C::EditorLeave, Command::Discard, {key(K::N)}, ""},
        {C::EditorLeave, Command::KeepEditing, {key(K::Escape)}, ""},

        {C::EditorHelp,
         Command::CloseHelp,
         {key(K::H), key(K::Slash, "?"), key(K::F1, ""), key(K::Escape), key(K::Enter)},
         ""},
    };
}

bool matches(Modifier wanted, bool held) {
    return wanted == M::Any || (wanted == M::On) == held;
}

int specificity(const Chord& chord) {
    return static_cast<int>(chord.ctrl != M::Any) + static_cast<int>(chord.alt != M::Any) +
           static_cast<int>(chord.shift != M::Any);
}

// The command of the best-matching chord among `context`'s bindings, or None.
Command lookUp(KeyContext context, const sf::Event::KeyEvent& key) {
    Command best = Command::None;
    int bestSpecificity = -1;
    for (const auto& binding : keymap()) {
        if (binding.context != context) continue;
        for (const auto& chord : binding.chords) {
            if (chord.key != key.code || !matches(chord.ctrl, key.control) ||
                !matches(chord.alt, key.alt) || !matches(chord.shift, key.shift))
                continue;
            if (specificity(chord) > bestSpecificity) {
                best = binding.command;
                bestSpecificity = specificity(chord);
            }
        }
    }
    return best;
}

std::string keyName(K::Key code) {
    if (code >= K::A && code <= K::Z) return std::string(1, static_cast<char>('A' + (code - K::A)));
    if (code >= K::Num0 && code <= K::Num9)
        return std::string(1, static_cast<char>('0' + (code - K::Num0)));
    if (code >= K::F1 && code <= K::F15) return "F" + std::to_string(code - K::F1 + 1);
    switch (code) {
    case K::Space:
        return "Space";
    case K::Enter:
        return "Enter";
    case K::Escape:
        return "Esc";
    case K::Tab:
        return "Tab";
    case K::BackSpace:
        return "Backspace";
    case K::Delete:
        return "Delete";
    case K::Insert:
        return "Insert";
    case K::PageUp:
        return "PgUp";
    case K::PageDown:
        return "PgDn";
    case K::Left:
        return "←";
    case K::Right:
        return "→";
    case K::Up:
        return "↑";
    case K::Down:
        return "↓";
    case K::Equal:
        return "=";
    case K::Hyphen:
    case K::Subtract:
        return "−";
    case K::Add:
        return "+";
    case K::Slash:
        return "/";
    default:
        return "?";
    }
}

} // namespace

const std::vector<KeyBinding>& keymap() {
    static const std::vector<KeyBinding> kKeymap = makeKeymap();
    return kKeymap;
}

bool takesGlobalKeys(KeyContext context) {
    switch (context) {
    case C::Global:
    case C::Home:
    case C::Session:
    case C::Paused:
    case C::StopQuestion:
    case C::Question:
    case C::Done:
    case C::Progress:
    case C::Help:
    case C::Relief:
    case C::About:
    case C::Welcome:
    case C::Note:
        return true;
    default:
        return false; // the forms and the editor: letters are typed, − and + change values
    }
}

Command commandFor(KeyContext context, const sf::Event::KeyEvent& key) {
    const Command own = lookUp(context, key);
    if (own != Command::None || context == C::Global || !takesGlobalKeys(context)) return own;
    return lookUp(C::Global, key);
}

std::string chordName(const Chord& chord) {
    if (chord.name) return chord.name;
    std::string name;
    if (chord.ctrl == M::On) name += "Ctrl+";
    if (chord.alt == M::On) name += "Alt+";
    if (chord.shift == M::On) name += "Shift+";
    return name + keyName(chord.key);
}

std::string keyFor(KeyContext context, Command command) {
    for (const auto& binding : keymap()) {
        if (binding.context != context || binding.command != command) continue;
        for (const auto& chord : binding.chords)
            if (!chordName(chord).empty()) return chordName(chord);
    }
    return "";
}

std::vector<HelpLine> helpLines(KeyContext context) {
    std::vector<HelpLine> lines;
    auto add = [&lines](const KeyBinding& binding) {
        const std::string words = binding.words ? binding.words : "";
        if (words.empty()) return;
        if (lines.empty() || lines.back().words != words) lines.push_back({"", words});
        for (const auto& chord : binding.chords) {
            const std::string name = chordName(chord);
            if (name.empty()) continue;
            std::string& keys = lines.back().keys;
            // One name once: '=' and keypad '+' are both "+".
            if (("  " + keys + "  ").find("  " + name + "  ") != std::string::npos) continue;
            keys += (keys.empty() ? "" : "  ") + name;
        }
    };
    for (const auto& binding : keymap())
        if (binding.context == context) add(binding);
    if (context != C::Global && takesGlobalKeys(context))
        for (const auto& binding : keymap())
            if (binding.context == C::Global) add(binding);
    return lines;
}

} // namespace ns
