// The diary is health data: under the usual umask (022) a first run leaves nothing of it that
// another account could read; exports still follow the person's umask; an older, readable
// history is made private once, with a notice.
#include "run_process.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace fs = std::filesystem;

namespace {

unsigned modeOf(const fs::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return 01000; // missing: never a valid mode
    return info.st_mode & 0777;
}

class PrivateFiles : public ns::test::TempHomeTest {
  protected:
    // Runs the real binary with the umask most desktops have; its exit code.
    int runWithUmask022(const std::string& args) {
        const std::string command = "umask 022; ALSOFT_DRIVERS=null exec '" +
                                    std::string(NS_BINARY) + "' --home '" + m_home + "' " + args +
                                    " </dev/null >'" + m_home + "/out.txt' 2>'" + m_home +
                                    "/err.txt'";
        const int status = std::system(command.c_str());
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    std::string err() { return ns::test::readFile(m_home + "/err.txt"); }
};

const char* const kShort = R"(name = "Short"
[[steps]]
name = "Calf"
prepare = 0
hold = 5
)";

TEST_F(PrivateFiles, AFirstRunUnderUmask022LeavesNothingOthersCanRead) {
    ns::test::writeFile(m_home + "/short.toml", kShort);
    ASSERT_EQ(runWithUmask022("start --text '" + m_home + "/short.toml'"), 0) << err();
    ASSERT_EQ(runWithUmask022("checkin --cramps 1 --pain 3"), 0) << err();

    const fs::path data = fs::path(m_home) / "data";
    EXPECT_EQ(modeOf(data), 0700u);
    EXPECT_EQ(modeOf(data / "history.sqlite3"), 0600u);
    EXPECT_EQ(modeOf(data / "backups"), 0700u);
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(m_home)) {
        const fs::path& path = entry.path();
        if (path.filename() == "out.txt" || path.filename() == "err.txt" ||
            path.filename() == "short.toml")
            continue; // made by the test, not the app
        ++files;
        EXPECT_EQ(modeOf(path) & 077, 0u) << path << " is " << std::oct << modeOf(path);
    }
    EXPECT_GE(files, 5); // folders, the history, a backup, the log: the check saw them
    EXPECT_EQ(modeOf(fs::path(m_home) / "state" / "nightstretch.log"), 0600u);
}

TEST_F(PrivateFiles, ExportsFollowThePersonsUmask) {
    ASSERT_EQ(runWithUmask022("checkin --cramps 0"), 0) << err();
    ASSERT_EQ(runWithUmask022("export --csv '" + m_home + "/export'"), 0) << err();
    EXPECT_EQ(modeOf(fs::path(m_home) / "export"), 0755u);
    EXPECT_EQ(modeOf(fs::path(m_home) / "export" / "sessions.csv"), 0644u);
    EXPECT_EQ(modeOf(fs::path(m_home) / "export" / "checkins.csv"), 0644u);
}

// The pictures are drawn by the window module, which has its own copy of the platform code: it
// wrote them 0600 until the loader handed it the person's umask.
TEST_F(PrivateFiles, PicturesFollowThePersonsUmask) {
    if (std::getenv("DISPLAY") == nullptr) GTEST_SKIP() << "drawing needs a display";
    ASSERT_EQ(runWithUmask022("stats --png '" + m_home + "/progress.png'"), 0) << err();
    EXPECT_EQ(modeOf(fs::path(m_home) / "progress.png"), 0644u);
    ASSERT_EQ(runWithUmask022("figure wall-calf --png '" + m_home + "/calf.png'"), 0) << err();
    EXPECT_EQ(modeOf(fs::path(m_home) / "calf.png"), 0644u);
}

TEST_F(PrivateFiles, AReadableHistoryIsMadePrivateOnceWithANotice) {
    ASSERT_EQ(runWithUmask022("checkin --cramps 2"), 0) << err();
    const fs::path data = fs::path(m_home) / "data";
    fs::permissions(data, static_cast<fs::perms>(0755));
    fs::permissions(data / "history.sqlite3", static_cast<fs::perms>(0644));

    ASSERT_EQ(runWithUmask022("stats"), 0) << err();
    EXPECT_NE(err().find("could read your history; it is now yours alone"), std::string::npos)
        << err();
    EXPECT_EQ(modeOf(data), 0700u);
    EXPECT_EQ(modeOf(data / "history.sqlite3"), 0600u);

    ASSERT_EQ(runWithUmask022("stats"), 0) << err();
    EXPECT_EQ(err().find("yours alone"), std::string::npos) << "said twice: " << err();
}

} // namespace
