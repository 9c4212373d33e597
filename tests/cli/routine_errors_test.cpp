// The same problem with a routine gives the same exit code and the same sentence in every command
// and in both front ends (the code comes from the problem's kind, never from its wording).
#include "run_process.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using ns::test::runNightstretch;
using ns::test::writeFile;

namespace {

class RoutineErrors : public ns::test::TempHomeTest {
  protected:
    ns::test::ProcessResult run(std::vector<std::string> args) {
        args.emplace_back("--home");
        args.push_back(m_home);
        // No display: a window that got as far as opening would say so with exit 3, not 1 or 2.
        return runNightstretch(args, {{"DISPLAY", ""}, {"ALSOFT_DRIVERS", "null"}});
    }
    // Every command that takes ROUTINE, run on `name`: exit codes and stderr.
    void expectEverywhere(const std::string& name, int exitCode, const std::string& sentence) {
        const std::vector<std::vector<std::string>> commands = {{"plan", name},
                                                                {"plan", name, "--json"},
                                                                {"start", name},
                                                                {"start", "--text", name},
                                                                {"log", name}};
        for (const auto& command : commands) {
            const auto result = run(command);
            std::string shown;
            for (const auto& word : command)
                shown += word + " ";
            EXPECT_EQ(result.exitCode, exitCode) << shown << "\n" << result.err;
            EXPECT_NE(result.err.find(sentence), std::string::npos) << shown << "\n" << result.err;
            EXPECT_EQ(result.out.find("Traceback"), std::string::npos);
        }
    }
};

TEST_F(RoutineErrors, ARoutineWithoutStepsIsExitOneEverywhere) {
    const std::string file = m_home + "/nosteps.toml";
    writeFile(file, "name = \"Nothing\"\n");
    expectEverywhere(file, 1, "nosteps.toml: error: the routine has no steps");
    EXPECT_EQ(run({"check", file}).exitCode, 1);
}

TEST_F(RoutineErrors, AnInvalidValueIsExitOneWithItsLineEverywhere) {
    const std::string file = m_home + "/long.toml";
    writeFile(file, "name = \"Long\"\n[[steps]]\nstretch = \"wall-calf\"\nhold = 900\n");
    expectEverywhere(file, 1, "long.toml:4:8: error: 'hold' must be between 5 and 300");
    EXPECT_EQ(run({"check", file}).exitCode, 1);
}

TEST_F(RoutineErrors, AMissingFileIsExitTwoEverywhere) {
    const std::string file = m_home + "/missing.toml";
    expectEverywhere(file, 2, "missing.toml: error: cannot read file");
    EXPECT_EQ(run({"check", file}).exitCode, 2);
}

TEST_F(RoutineErrors, AnUnknownIdSuggestsTheSameRoutineEverywhere) {
    expectEverywhere("nigthly", 2, "unknown routine 'nigthly'; did you mean 'nightly'?");
}

TEST_F(RoutineErrors, AnUnreadableFileAmongInvalidOnesMakesCheckExitTwo) {
    const std::string bad = m_home + "/bad.toml";
    writeFile(bad, "name = \"x\"\n");
    EXPECT_EQ(run({"check", bad, m_home + "/missing.toml"}).exitCode, 2);
    EXPECT_EQ(run({"check", bad}).exitCode, 1);
}

} // namespace
