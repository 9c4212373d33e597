// A routines folder holds whatever a person (or a sync tool) left there. Each odd thing in it is
// one clear diagnostic; the good routines beside it still load, and nothing hangs or blocks.
#include "routine_loader.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

namespace fs = std::filesystem;
using namespace ns;

namespace {

const char* const kGood = "name = \"Good\"\n[[steps]]\nstretch = \"wall-calf\"\n";

class RoutineFolderFaults : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "ns-folder-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        m_dir = pattern;
        m_user = m_dir / "routines";
        fs::create_directories(m_user);
        std::ofstream(m_user / "good.toml") << kGood;
    }
    void TearDown() override {
        std::error_code ec;
        fs::permissions(m_user, fs::perms::owner_all, ec);
        fs::remove_all(m_dir, ec);
    }
    RoutineLibrary load() const { return RoutineLibrary::load(NS_ROUTINES_DIR, m_user); }
    // The entry for `id`: loaded or not, with exactly one diagnostic when not.
    static const RoutineEntry& entry(const RoutineLibrary& library, const std::string& id) {
        const RoutineEntry* found = library.find(id);
        if (found == nullptr) throw std::runtime_error("no entry for " + id);
        return *found;
    }
    void expectOneProblem(const std::string& id, DiagnosticKind kind, const std::string& words) {
        const RoutineLibrary library = load();
        ASSERT_NE(library.find("good"), nullptr);
        EXPECT_TRUE(entry(library, "good").result.ok()) << "the good routine must still load";
        const RoutineEntry& bad = entry(library, id);
        ASSERT_FALSE(bad.result.ok());
        ASSERT_EQ(bad.result.diagnostics.size(), 1u);
        EXPECT_EQ(bad.result.diagnostics[0].kind, kind) << bad.result.diagnostics[0].format();
        EXPECT_NE(bad.result.diagnostics[0].message.find(words), std::string::npos)
            << bad.result.diagnostics[0].format();
    }

    fs::path m_dir;
    fs::path m_user;
};

TEST_F(RoutineFolderFaults, AFolderNamedLikeARoutine) {
    fs::create_directories(m_user / "x.toml");
    expectOneProblem("x", DiagnosticKind::Unreadable, "it is a folder, not a file");
}

TEST_F(RoutineFolderFaults, AFifoNamedLikeARoutineIsNeverOpened) {
    ASSERT_EQ(mkfifo((m_user / "y.toml").c_str(), 0600), 0);
    // Opening a FIFO with no writer blocks for ever: reaching the next line is the test.
    expectOneProblem("y", DiagnosticKind::Unreadable, "not a regular file");
}

TEST_F(RoutineFolderFaults, ASymlinkLoop) {
    fs::create_symlink(m_user / "loop.toml", m_user / "loop.toml");
    expectOneProblem("loop", DiagnosticKind::Unreadable, "symbolic links");
}

TEST_F(RoutineFolderFaults, AFiftyMegabyteFileIsRefusedUnread) {
    {
        std::ofstream big(m_user / "big.toml", std::ios::binary);
        big.seekp(50LL * 1024 * 1024 - 1);
        big.put('\n');
    }
    expectOneProblem("big", DiagnosticKind::Unreadable, "larger than 1 MB");
}

TEST_F(RoutineFolderFaults, InvalidUtf8AndNulBytesAreSyntaxErrors) {
    std::ofstream(m_user / "latin1.toml", std::ios::binary)
        << "name = \"Caf\xe9\"\n[[steps]]\nstretch = \"wall-calf\"\n";
    expectOneProblem("latin1", DiagnosticKind::Syntax, "");
    std::ofstream(m_user / "nul.toml", std::ios::binary)
        << std::string("name = \"a\0b\"\n[[steps]]\nstretch = \"wall-calf\"\n", 44);
    expectOneProblem("nul", DiagnosticKind::Syntax, "");
}

// Root reads any folder whatever its mode, so the check runs as an unprivileged user in a child
// process when the tests run as root (as CI does), instead of being skipped.
bool asUnprivileged(const std::function<bool()>& check) {
    if (geteuid() != 0) return check();
    const pid_t child = fork();
    if (child == 0) {
        if (setgid(65534) != 0 || setuid(65534) != 0) _exit(2);
        _exit(check() ? 0 : 1);
    }
    int status = 0;
    waitpid(child, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

TEST_F(RoutineFolderFaults, AFolderThatCannotBeReadIsSaidAndTheBuiltInsStillLoad) {
    // The built-ins come from a copy beside the fixture, readable by anyone: the checkout may be
    // in a folder the unprivileged child cannot enter (a clone under /root, mode 0700).
    const fs::path builtIns = m_dir / "builtin";
    fs::copy(NS_ROUTINES_DIR, builtIns, fs::copy_options::recursive);
    for (const fs::directory_entry& e : fs::recursive_directory_iterator(builtIns))
        fs::permissions(e.path(), e.is_directory() ? static_cast<fs::perms>(0755)
                                                   : static_cast<fs::perms>(0644));
    fs::permissions(builtIns, static_cast<fs::perms>(0755));
    fs::permissions(m_dir, static_cast<fs::perms>(0755));
    fs::permissions(m_user, fs::perms::none);
    const fs::path user = m_user;
    EXPECT_TRUE(asUnprivileged([user, builtIns] {
        const RoutineLibrary library = RoutineLibrary::load(builtIns, user);
        bool said = false;
        for (const Diagnostic& d : library.catalogDiagnostics)
            said = said || (d.kind == DiagnosticKind::Unreadable &&
                            d.message.find("cannot read the routines folder") != std::string::npos);
        const RoutineEntry* nightly = library.find("nightly");
        return said && nightly != nullptr && nightly->result.ok();
    }));
}

} // namespace
