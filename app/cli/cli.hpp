// The command line: parses arguments and dispatches to the core, the window or the terminal.
#pragma once

namespace ns {

// Returns the process exit code: 0 success, 1 invalid input, 2 wrong usage or unreadable file,
// 3 the environment cannot run it. Never throws.
int runCli(int argc, char** argv);

} // namespace ns
