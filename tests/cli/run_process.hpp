// Runs the real nightstretch binary in a child process and captures what it prints.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace ns::test {

struct ProcessResult {
    int exitCode = -1; // -1 when it did not exit normally
    int signal = 0;    // the signal that killed it, if any
    std::string out;
    std::string err;
};

// `env` entries are added to (or, with an empty value, removed from) the inherited environment.
// Standard input is /dev/null.
ProcessResult runNightstretch(const std::vector<std::string>& args,
                              const std::map<std::string, std::string>& env = {});
// The same with `input` as its standard input (a file, not a terminal).
ProcessResult runNightstretchWithInput(const std::vector<std::string>& args,
                                       const std::string& input,
                                       const std::map<std::string, std::string>& env = {});

// One step of a person at a terminal: wait until the output since the last key typed holds
// `waitFor` ("" at once), then type `type`.
struct TerminalStep {
    std::string waitFor;
    std::string type;
};
// The binary on a pseudo-terminal of 80 columns (stdin and stdout; stderr apart), typed into step
// by step, each key sent only once the output shows it is awaited, so nothing depends on timing.
// A step whose text never comes fails the test after a minute (the process is killed).
ProcessResult runNightstretchOnTerminal(const std::vector<std::string>& args,
                                        const std::vector<TerminalStep>& steps,
                                        const std::map<std::string, std::string>& env = {});

// nightstretch `args` on a pseudo-terminal made by script(1), in UTC, with `typed` as what is
// typed on it (Enter included when wanted: "y\n"). `setUp` runs first on the same terminal (for
// example "stty cols 60"). Returns what the terminal showed. Needs /usr/bin/script
// (hasScript()).
std::string runOnTerminal(const std::vector<std::string>& args, const std::string& typed,
                          const std::string& setUp = "");
bool hasScript();

std::string makeTempDir();
void writeFile(const std::string& path, const std::string& text);
std::string readFile(const std::string& path);

// A test with its own empty folder for --home, removed afterwards.
class TempHomeTest : public ::testing::Test {
  protected:
    void SetUp() override { m_home = makeTempDir(); }
    void TearDown() override { std::filesystem::remove_all(m_home); }
    std::string m_home;
};

} // namespace ns::test
