// A yes/no style question on the terminal, for commands that ask before they change something.
#pragma once

#include <string>

namespace ns {

// Asks on the terminal: an empty answer is `byDefault`; without a terminal, `withoutTerminal`.
// Returns the answer's first letter, lower-cased.
char askOnTerminal(const std::string& question, char byDefault, char withoutTerminal);

// True when standard input is a terminal a person can answer on.
bool canAskOnTerminal();

} // namespace ns
