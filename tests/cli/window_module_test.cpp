// The window part is a module loaded only when needed: a running `start --text` maps no SFML
// graphics, X11 or OpenGL, and a binary whose module is missing says so with exit code 3.
#include "run_process.hpp"

#include <gtest/gtest.h>

#include <signal.h> // NOLINT(modernize-deprecated-headers): kill() is POSIX, not in <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

namespace fs = std::filesystem;

namespace {

using WindowModuleTest = ns::test::TempHomeTest;

const char* const kShortRoutine = R"(name = "Short"
[[steps]]
name = "Calf"
sides = "none"
prepare = 0
hold = 10
)";

// `start --text` in a child with stdin, stdout and stderr on /dev/null, killed on the way out.
class TextSession {
  public:
    TextSession(const std::string& home, const std::string& routine) {
        m_pid = fork();
        if (m_pid == 0) {
            std::freopen("/dev/null", "r", stdin);
            std::freopen("/dev/null", "w", stdout);
            std::freopen("/dev/null", "w", stderr);
            setenv("ALSOFT_DRIVERS", "null", 1);
            execl(NS_BINARY, NS_BINARY, "--home", home.c_str(), "start", "--text", routine.c_str(),
                  static_cast<char*>(nullptr));
            _exit(127);
        }
    }
    ~TextSession() {
        if (m_pid <= 0) return;
        kill(m_pid, SIGKILL);
        waitpid(m_pid, nullptr, 0);
    }
    TextSession(const TextSession&) = delete;
    TextSession& operator=(const TextSession&) = delete;

    bool running() const { return m_pid > 0 && waitpid(m_pid, nullptr, WNOHANG) == 0; }
    std::string maps() const {
        std::ostringstream text;
        text << std::ifstream("/proc/" + std::to_string(m_pid) + "/maps").rdbuf();
        return text.str();
    }

  private:
    pid_t m_pid = -1;
};

// Runs `command` through the shell; its stderr and stdout, then "exit=N".
std::string shell(const std::string& command) {
    std::string output;
    if (FILE* pipe = popen((command + " 2>&1; echo exit=$?").c_str(), "r")) {
        char buffer[512];
        while (std::fgets(buffer, sizeof buffer, pipe))
            output += buffer;
        pclose(pipe);
    }
    return output;
}

} // namespace

TEST_F(WindowModuleTest, TextModeMapsNoWindowLibraries) {
    const std::string routine = m_home + "/short.toml";
    ns::test::writeFile(routine, kShortRoutine);
    TextSession session(m_home, routine);

    // The session has started (chimes made, history written) once its history file exists.
    const fs::path history = fs::path(m_home) / "data" / "history.sqlite3";
    const auto giveUp = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!fs::exists(history) && session.running() && std::chrono::steady_clock::now() < giveUp)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    ASSERT_TRUE(fs::exists(history)) << "start --text did not start its session";
    std::this_thread::sleep_for(std::chrono::milliseconds(300)); // into the hold
    ASSERT_TRUE(session.running());
    const std::string maps = session.maps();

    EXPECT_NE(maps.find("libsfml-audio"), std::string::npos) << "the chimes should be loaded";
    for (const char* library : {"libsfml-graphics", "libsfml-window", "libX11", "libGL", "libxcb",
                                "libnightstretch_window"})
        EXPECT_EQ(maps.find(library), std::string::npos) << library << " is mapped:\n" << maps;
}

TEST_F(WindowModuleTest, AMissingWindowModuleIsExitThreeWithOneSentence) {
    // The binary alone, without lib/nightstretch/ beside its folder.
    const fs::path binary = fs::path(m_home) / "bin" / "nightstretch";
    fs::create_directories(binary.parent_path());
    fs::copy_file(NS_BINARY, binary);
    const std::string run = "ALSOFT_DRIVERS=null '" + binary.string() + "' --home '" + m_home + "'";

    const std::string window = shell(run + " start");
    EXPECT_NE(window.find("nightstretch: the window part of Nightstretch is missing; in this "
                          "terminal, use 'nightstretch start --text'\n"),
              std::string::npos)
        << window;
    EXPECT_NE(window.find("exit=3"), std::string::npos) << window;
    // Issue 18: each command names its own text form, never the routine for a cramp now.
    const std::string relief = shell(run + " relief");
    EXPECT_NE(relief.find("use 'nightstretch relief --text'\n"), std::string::npos) << relief;
    EXPECT_EQ(relief.find("start --text"), std::string::npos) << relief;

    const std::string picture = shell(run + " stats --png '" + m_home + "/p.png'");
    EXPECT_NE(picture.find("the window part of Nightstretch is missing"), std::string::npos)
        << picture;
    EXPECT_NE(picture.find("exit=3"), std::string::npos) << picture;
    EXPECT_FALSE(fs::exists(m_home + "/p.png"));
}
