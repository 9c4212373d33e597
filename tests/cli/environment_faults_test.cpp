// What the machine may lack: a display, the font, an audio device. Each is one clear sentence
// (and exit 3 where nothing can be shown), never an abort.
#include "run_process.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

class EnvironmentFaults : public ns::test::TempHomeTest {
  protected:
    // Runs the binary with the system's DejaVu folder hidden behind an empty one, in a mount
    // namespace of its own (as root, which CI is); the exit code, stderr in `*err`.
    int runWithoutTheFont(const std::string& args, std::string* err) {
        const std::string empty = m_home + "/no-fonts";
        fs::create_directories(empty);
        const std::string command =
            "unshare -m sh -c \"mount --bind '" + empty +
            "' /usr/share/fonts/truetype/dejavu && ALSOFT_DRIVERS=null exec '" + NS_BINARY +
            "' --home '" + m_home + "' " + args + "\" </dev/null >/dev/null 2>'" + m_home +
            "/err.txt'";
        const int status = std::system(command.c_str());
        *err = ns::test::readFile(m_home + "/err.txt");
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    static bool canHideTheFont() {
        return geteuid() == 0 && std::getenv("DISPLAY") != nullptr &&
               std::system("unshare -m true >/dev/null 2>&1") == 0;
    }
};

TEST_F(EnvironmentFaults, NoDisplayIsExitThreeAndOffersTheTerminal) {
    const auto result = ns::test::runNightstretch({"--home", m_home, "start", "quick"},
                                                  {{"DISPLAY", ""}, {"ALSOFT_DRIVERS", "null"}});
    EXPECT_EQ(result.exitCode, 3);
    EXPECT_NE(result.err.find("start --text"), std::string::npos) << result.err;
    EXPECT_EQ(result.signal, 0);
}

// Issue 18: a person with a cramp now is not sent to the nightly routine: each command without a
// display names its own text form, and home names both a routine and the relief guide.
TEST_F(EnvironmentFaults, NoDisplayNamesEachCommandsOwnTextForm) {
    struct Case {
        std::vector<std::string> args;
        std::string named;
        std::string notNamed;
    };
    const std::vector<Case> cases = {
        {{"relief"}, "'nightstretch relief --text'", "start --text"},
        {{"relief", "--shin"}, "'nightstretch relief --text --shin'", "start --text"},
        {{"about"}, "'nightstretch about --text'", "start --text"},
        {{"start", "quick"}, "'nightstretch start --text quick'", "relief"},
        {{}, "'nightstretch relief --text' for a cramp now", "about --text"},
        {{}, "'nightstretch start --text' for tonight's routine", "about --text"},
    };
    for (const Case& c : cases) {
        std::vector<std::string> args = {"--home", m_home};
        args.insert(args.end(), c.args.begin(), c.args.end());
        const auto result =
            ns::test::runNightstretch(args, {{"DISPLAY", ""}, {"ALSOFT_DRIVERS", "null"}});
        EXPECT_EQ(result.exitCode, 3) << result.err;
        EXPECT_NE(result.err.find(c.named), std::string::npos) << result.err;
        EXPECT_EQ(result.err.find(c.notNamed), std::string::npos) << result.err;
    }
}

TEST_F(EnvironmentFaults, AMissingFontIsExitThreeWithWhatToInstall) {
    if (!canHideTheFont()) GTEST_SKIP() << "needs root, a display and unshare";
    std::string err;
    EXPECT_EQ(runWithoutTheFont("start quick", &err), 3) << err;
    EXPECT_NE(err.find("fonts-dejavu-core"), std::string::npos) << err;
    EXPECT_EQ(runWithoutTheFont("stats --png '" + m_home + "/p.png'", &err), 3) << err;
    EXPECT_NE(err.find("fonts-dejavu-core"), std::string::npos) << err;
    EXPECT_FALSE(fs::exists(m_home + "/p.png"));
}

TEST_F(EnvironmentFaults, NoAudioDeviceIsOneWarningAndTheSessionRuns) {
    ns::test::writeFile(m_home + "/five.toml",
                        "name = \"Five\"\n[[steps]]\nname = \"Calf\"\nprepare = 0\nhold = 5\n");
    // A driver list with no device OpenAL can open: what a machine without sound looks like.
    const auto result =
        ns::test::runNightstretch({"--home", m_home, "start", "--text", m_home + "/five.toml"},
                                  {{"ALSOFT_DRIVERS", "no-such-driver"}});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("Well done"), std::string::npos) << result.out;
    std::size_t warnings = 0;
    for (std::size_t at = result.err.find("sound"); at != std::string::npos;
         at = result.err.find("sound", at + 1))
        ++warnings;
    EXPECT_EQ(warnings, 1u) << result.err;
}

// Issue 18: stats and checkin on a history that cannot be opened (its folder is a file here: root
// ignores file modes) say what to do, not only that it cannot be opened.
TEST_F(EnvironmentFaults, StatsAndCheckinOnAHistoryThatCannotBeOpenedSayWhatToDo) {
    ns::test::writeFile(m_home + "/data", "a file where the data folder belongs\n");
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"stats"},
          std::vector<std::string>{"checkin", "--cramps", "1"}}) {
        std::vector<std::string> withHome = {"--home", m_home};
        withHome.insert(withHome.end(), args.begin(), args.end());
        const auto result = ns::test::runNightstretch(withHome, {{"ALSOFT_DRIVERS", "null"}});
        EXPECT_EQ(result.exitCode, 3) << result.err;
        EXPECT_NE(result.err.find("the history cannot be opened"), std::string::npos) << result.err;
        EXPECT_NE(result.err.find("history.sqlite3"), std::string::npos) << result.err;
        EXPECT_NE(result.err.find("make sure its folder can be written"), std::string::npos)
            << result.err;
        EXPECT_NE(result.err.find("then run the command again"), std::string::npos) << result.err;
    }
}

} // namespace
