// The keyboard: which key means what, in one place (the help overlay lists the same keys).
#pragma once

#include <SFML/Window/Event.hpp>

namespace ns {

enum class WindowCommand {
    None,
    Up,
    Down,
    Enter,       // start the chosen routine; confirm
    TogglePause, // Space
    NextPhase,   // Right
    Back,        // Left
    NextStep,    // N
    Mute,        // M
    VolumeUp,    // +, =, keypad +
    VolumeDown,  // -, keypad -
    Fullscreen,  // F
    Help,        // H, ?
    Escape,      // Esc: quit (asks during a session), or "keep going" in that question
    Quit,        // Q: quit (asks during a session)
    Progress,    // P: the progress screen (and back)
    Edit,        // E: the diary of the chosen night, on the progress screen
};

WindowCommand commandForKey(const sf::Event::KeyEvent& key);

} // namespace ns
