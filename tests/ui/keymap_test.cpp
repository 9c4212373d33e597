// The one keymap: every key the README lists means what it says on its screen, modifiers choose
// between bindings, and help is made from the same table.
#include "keymap.hpp"

#include <gtest/gtest.h>

#include <set>

namespace ns {
namespace {

using K = sf::Keyboard;

sf::Event::KeyEvent key(K::Key code, bool shift = false, bool control = false, bool alt = false) {
    sf::Event::KeyEvent k{};
    k.code = code;
    k.shift = shift;
    k.control = control;
    k.alt = alt;
    return k;
}

TEST(Keymap, EveryWindowKeyHasItsCommandOnItsScreen) {
    EXPECT_EQ(commandFor(KeyContext::Session, key(K::Space)), Command::TogglePause);
    EXPECT_EQ(commandFor(KeyContext::Session, key(K::Right)), Command::NextPhase);
    EXPECT_EQ(commandFor(KeyContext::Session, key(K::Left)), Command::PhaseBack);
    EXPECT_EQ(commandFor(KeyContext::Session, key(K::N)), Command::NextStretch);
    EXPECT_EQ(commandFor(KeyContext::Session, key(K::Escape)), Command::AskToStop);
    EXPECT_EQ(commandFor(KeyContext::Session, key(K::Q)), Command::AskToStop);
    EXPECT_EQ(commandFor(KeyContext::Session, key(K::M)), Command::Mute);
    EXPECT_EQ(commandFor(KeyContext::Session, key(K::V)), Command::ToggleVoice);
    EXPECT_EQ(commandFor(KeyContext::Progress, key(K::Delete)), Command::RemoveSession);
    EXPECT_EQ(commandFor(KeyContext::Question, key(K::Enter)), Command::Accept);
    EXPECT_EQ(commandFor(KeyContext::Question, key(K::Escape)), Command::Decline);
    EXPECT_EQ(commandFor(KeyContext::Home, key(K::V)), Command::ToggleVoice);
    EXPECT_EQ(commandFor(KeyContext::Home, key(K::Add)), Command::VolumeUp);
    EXPECT_EQ(commandFor(KeyContext::Home, key(K::Equal)), Command::VolumeUp);
    EXPECT_EQ(commandFor(KeyContext::Home, key(K::Equal, true)), Command::VolumeUp);
    EXPECT_EQ(commandFor(KeyContext::Done, key(K::Subtract)), Command::VolumeDown);
    EXPECT_EQ(commandFor(KeyContext::Progress, key(K::Hyphen)), Command::VolumeDown);
    EXPECT_EQ(commandFor(KeyContext::StopQuestion, key(K::F)), Command::Fullscreen);
    EXPECT_EQ(commandFor(KeyContext::Home, key(K::H)), Command::ShowHelp);
    EXPECT_EQ(commandFor(KeyContext::Home, key(K::Slash, true)), Command::ShowHelp);
    EXPECT_EQ(commandFor(KeyContext::Home, key(K::Enter)), Command::StartRoutine);
    EXPECT_EQ(commandFor(KeyContext::Home, key(K::Up)), Command::SelectPrevious);
    EXPECT_EQ(commandFor(KeyContext::Home, key(K::Down)), Command::SelectNext);
    EXPECT_EQ(commandFor(KeyContext::Home, key(K::E)), Command::EditRoutine);
    EXPECT_EQ(commandFor(KeyContext::Home, key(K::N)), Command::NewRoutine);
    EXPECT_EQ(commandFor(KeyContext::Home, key(K::P)), Command::ShowProgress);
    EXPECT_EQ(commandFor(KeyContext::Home, key(K::Q)), Command::CloseWindow);
    EXPECT_EQ(commandFor(KeyContext::Progress, key(K::P)), Command::GoHome);
    EXPECT_EQ(commandFor(KeyContext::Progress, key(K::E)), Command::OpenDiary);
    EXPECT_EQ(commandFor(KeyContext::StopQuestion, key(K::Enter)), Command::ConfirmStop);
    EXPECT_EQ(commandFor(KeyContext::StopQuestion, key(K::Escape)), Command::KeepGoing);
    EXPECT_EQ(commandFor(KeyContext::Help, key(K::Escape)), Command::CloseHelp);
    EXPECT_EQ(commandFor(KeyContext::Home, key(K::Z)), Command::None);
}

TEST(Keymap, FormsAndTheEditorTakeNoSoundKeys) {
    // M is a letter of a note, − lowers a value: the window's keys stay out.
    EXPECT_EQ(commandFor(KeyContext::CheckIn, key(K::M)), Command::None);
    EXPECT_EQ(commandFor(KeyContext::Editor, key(K::M)), Command::None);
    EXPECT_EQ(commandFor(KeyContext::Editor, key(K::Hyphen)), Command::ValueDown);
    EXPECT_EQ(commandFor(KeyContext::EditorTyping, key(K::F)), Command::None);
}

TEST(Keymap, TheBindingWithTheMostModifiersWins) {
    EXPECT_EQ(commandFor(KeyContext::Editor, key(K::Tab)), Command::NextPart);
    EXPECT_EQ(commandFor(KeyContext::Editor, key(K::Tab, true)), Command::PreviousPart);
    EXPECT_EQ(commandFor(KeyContext::Editor, key(K::Z, false, true)), Command::Undo);
    EXPECT_EQ(commandFor(KeyContext::Editor, key(K::Z, true, true)), Command::Redo);
    EXPECT_EQ(commandFor(KeyContext::Editor, key(K::Y, false, true)), Command::Redo);
    EXPECT_EQ(commandFor(KeyContext::Editor, key(K::S, false, true)), Command::Save);
    EXPECT_EQ(commandFor(KeyContext::Editor, key(K::S)), Command::None);
    EXPECT_EQ(commandFor(KeyContext::Editor, key(K::Up)), Command::SelectPrevious);
    EXPECT_EQ(commandFor(KeyContext::Editor, key(K::Up, false, false, true)),
              Command::MoveStretchUp);
    EXPECT_EQ(commandFor(KeyContext::Editor, key(K::D, false, true)), Command::None);
    EXPECT_EQ(commandFor(KeyContext::CheckIn, key(K::Tab, true)), Command::PreviousFieldAround);
}

TEST(Keymap, NoChordMeansTwoThingsOnOneScreen) {
    for (const auto& a : keymap())
        for (const auto& b : keymap()) {
            if (&a == &b || a.context != b.context || a.command == b.command) continue;
            for (const auto& ca : a.chords)
                for (const auto& cb : b.chords)
                    EXPECT_FALSE(ca.key == cb.key && ca.ctrl == cb.ctrl && ca.alt == cb.alt &&
                                 ca.shift == cb.shift)
                        << chordName(ca) << " is bound twice in context "
                        << static_cast<int>(a.context);
        }
}

TEST(Keymap, HelpOfAScreenIsItsBindingsThenTheGlobalOnes) {
    const auto lines = helpLines(KeyContext::Session);
    std::set<std::string> words;
    for (const auto& line : lines)
        words.insert(line.words);
    EXPECT_EQ(lines.front().keys, "Space");
    EXPECT_EQ(lines.front().words, "pause, or continue");
    EXPECT_TRUE(words.count("sound on or off"));
    EXPECT_TRUE(words.count("louder, softer"));
    EXPECT_FALSE(words.count("start the chosen routine")) << "a home key in the session's help";
    for (const auto& line : lines) {
        if (line.words == "louder, softer") {
            EXPECT_EQ(line.keys, "+  −");
        } else if (line.words == "this help") {
            EXPECT_EQ(line.keys, "H  ?");
        } else if (line.words == "stop (asks first)") {
            EXPECT_EQ(line.keys, "Esc  Q");
        }
    }
    // Every line names at least one key.
    for (auto context : {KeyContext::Home, KeyContext::Session, KeyContext::Done,
                         KeyContext::Progress, KeyContext::Editor})
        for (const auto& line : helpLines(context))
            EXPECT_FALSE(line.keys.empty()) << line.words;
}

TEST(Keymap, TheQuestionsNameTheirKeysFromTheTable) {
    EXPECT_EQ(keyFor(KeyContext::Paused, Command::TogglePause), "Space");
    EXPECT_EQ(keyFor(KeyContext::Paused, Command::AskToStop), "Esc");
    EXPECT_EQ(keyFor(KeyContext::StopQuestion, Command::ConfirmStop), "Enter");
    EXPECT_EQ(keyFor(KeyContext::StopQuestion, Command::KeepGoing), "Esc");
    EXPECT_EQ(keyFor(KeyContext::Home, Command::TogglePause), "");
}

TEST(Keymap, TheEditorsHelpNamesItsModifiers) {
    std::set<std::string> keys;
    for (const auto& line : helpLines(KeyContext::Editor))
        keys.insert(line.keys);
    EXPECT_TRUE(keys.count("Ctrl+S"));
    EXPECT_TRUE(keys.count("Ctrl+Y  Ctrl+Shift+Z"));
    EXPECT_TRUE(keys.count("U  Alt+↑"));
    EXPECT_TRUE(keys.count("←  →  −  +"));
    EXPECT_FALSE(keys.count("M")) << "the sound keys do not work in the editor";
    EXPECT_FALSE(keys.count("V")) << "nor the voice's";
}

} // namespace
} // namespace ns
