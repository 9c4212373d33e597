// `nightstretch relief [--text] [--shin]` and `nightstretch about [--text]`.
#pragma once

#include "paths.hpp"

namespace ns {

struct ReliefOptions {
    bool text = false; // in the terminal
    bool shin = false; // a cramp in the shin or foot (default: the calf)
};
int reliefCommand(const Paths& paths, const ReliefOptions& options);

int aboutCommand(const Paths& paths, bool text);

} // namespace ns
