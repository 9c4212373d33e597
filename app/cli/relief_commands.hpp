// `nightstretch relief [--text] [--shin]` and `nightstretch about [--text]`.
#pragma once

#include <string>

#include "paths.hpp"

namespace ns {

struct ReliefOptions {
    bool text = false;     // in the terminal
    bool shin = false;     // a cramp in the shin or foot (default: the calf)
    std::string tracePath; // --text: each phrase said, as `say` lines (JSON), for tests
};
int reliefCommand(const Paths& paths, const ReliefOptions& options);

int aboutCommand(const Paths& paths, bool text);

} // namespace ns
