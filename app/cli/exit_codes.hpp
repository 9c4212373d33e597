// The process exit codes, a user-facing contract (DESIGN: "Command line").
#pragma once

namespace ns {

constexpr int kExitOk = 0;
constexpr int kExitInvalid = 1;     // the input was invalid (a routine that fails to validate)
constexpr int kExitUsage = 2;       // wrong usage or a file that cannot be read
constexpr int kExitEnvironment = 3; // no display, no font: a sentence says what to do

} // namespace ns
