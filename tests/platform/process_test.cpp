// Running another program (the person's editor) and reading when this process began.
#include "process.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace ns {
namespace {

TEST(Process, RunAndWaitGivesTheExitStatus) {
    EXPECT_EQ(runAndWait({"/bin/sh", "-c", "exit 0"}), 0);
    EXPECT_EQ(runAndWait({"/bin/sh", "-c", "exit 3"}), 3);
    EXPECT_EQ(runAndWait({"sh", "-c", "exit 4"}), 4) << "found on PATH";
}

TEST(Process, ArgumentsArriveAsGivenWithoutTheShellSplittingThem) {
    const auto file = std::filesystem::temp_directory_path() /
                      ("ns process test " + std::to_string(::getpid()) + ".txt");
    ASSERT_EQ(runAndWait({"/bin/sh", "-c", "printf '%s' \"$1\" > \"$2\"", "sh", "two words; $HOME",
                          file.string()}),
              0);
    std::ifstream in(file);
    std::ostringstream text;
    text << in.rdbuf();
    std::filesystem::remove(file);
    EXPECT_EQ(text.str(), "two words; $HOME");
}

TEST(Process, AProgramThatCannotRunIs127AndASignalIsMinusOne) {
    EXPECT_EQ(runAndWait({"/nonexistent/editor"}), 127);
    EXPECT_EQ(runAndWait({"/bin/sh", "-c", "kill -TERM $$"}), -1);
    EXPECT_EQ(runAndWait({}), -1);
}

TEST(Process, ProgramOnPathFindsTheShellAndNotNonsense) {
    EXPECT_TRUE(programOnPath("sh"));
    EXPECT_FALSE(programOnPath("no-such-program-for-nightstretch"));
    EXPECT_FALSE(programOnPath(""));
    EXPECT_FALSE(programOnPath("/bin/sh")) << "a name, not a path";
}

TEST(Process, StartTicksComeFromField22EvenWithBracketsAndSpacesInTheName) {
    const std::string fields = " S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 123456 19 20 21";
    EXPECT_EQ(startTicksFromStat("42 (nightstretch)" + fields), 123456u);
    EXPECT_EQ(startTicksFromStat("42 (a) b (c d)" + fields), 123456u);
    EXPECT_FALSE(startTicksFromStat("42 (nightstretch) S 1 2 3"));
    EXPECT_FALSE(startTicksFromStat("no name at all"));
    EXPECT_FALSE(startTicksFromStat("42 (x) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 -5"));
}

TEST(Process, ThisProcessBeganBeforeNowAndLessThanAMinuteAgo) {
    const long long start = processStartSteadyMs();
    const long long now = std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::steady_clock::now().time_since_epoch())
                              .count();
    EXPECT_LE(start, now);
    EXPECT_GT(start, now - 60000);
    std::ifstream stat("/proc/self/stat");
    std::string line;
    std::getline(stat, line);
    EXPECT_TRUE(startTicksFromStat(line)) << line;
}

} // namespace
} // namespace ns
