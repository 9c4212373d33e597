// Questions on the terminal: one line of answer, its first letter.
#include "terminal_question.hpp"

#include <unistd.h>

#include <cctype>
#include <iostream>

namespace ns {

bool canAskOnTerminal() {
    return isatty(STDIN_FILENO) != 0;
}

char askOnTerminal(const std::string& question, char byDefault, char withoutTerminal) {
    if (!canAskOnTerminal()) return withoutTerminal;
    std::cout << question << std::flush;
    std::string line;
    if (!std::getline(std::cin, line)) return withoutTerminal;
    if (line.empty()) return byDefault;
    return static_cast<char>(std::tolower(static_cast<unsigned char>(line[0])));
}

} // namespace ns
