// `nightstretch relief [--text] [--shin] [--voice on|off]` and `nightstretch about [--text]`.
#pragma once

#include <string>

#include "paths.hpp"
#include "settings.hpp"

namespace ns {

struct ReliefOptions {
    bool text = false;     // in the terminal
    bool shin = false;     // a cramp in the shin or foot (default: the calf)
    std::string tracePath; // --text: each phrase said, as `say` lines (JSON), for tests
    std::string voice;     // --voice on|off (kept in the settings); empty: as the settings say
};
int reliefCommand(const Paths& paths, const ReliefOptions& options);

// The settings, with `--voice on|off` applied and kept in settings.toml when given (as V keeps it
// in the window); `voice` empty: as they are.
Settings settingsWithVoice(const Paths& paths, const std::string& voice);

int aboutCommand(const Paths& paths, bool text);

} // namespace ns
