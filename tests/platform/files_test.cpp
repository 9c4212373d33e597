// The one atomic write: the whole new contents or the old file byte for byte, permissions kept,
// and no temporary file left behind, whether the write succeeds or fails (really, as root too).
#include "files.hpp"
#include "unprivileged.hpp"

#include <gtest/gtest.h>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace ns {
namespace {

namespace fs = std::filesystem;

std::string readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

fs::perms permissionsOf(const fs::path& file) {
    return fs::status(file).permissions() & fs::perms::all;
}

class AtomicWrite : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "ns-files-test-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        m_root = pattern;
    }
    void TearDown() override {
        setAtomicWriteHookForTests({});
        std::error_code ec;
        fs::permissions(m_root, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(m_root, ec);
    }
    static void write(const fs::path& file, const std::string& text) {
        std::ofstream(file, std::ios::binary) << text;
    }
    // Everything in `dir`, by name, so a left-over temporary file shows in the failure message.
    static std::string namesIn(const fs::path& dir) {
        std::string names;
        for (const auto& item : fs::directory_iterator(dir))
            names += item.path().filename().string() + " ";
        return names;
    }
    fs::path m_root;
};

TEST_F(AtomicWrite, WritesANewFileAndItsFolderWithTheUmasksPermissions) {
    const mode_t previous = ::umask(027);
    const fs::path file = m_root / "config" / "nightstretch" / "settings.toml";
    std::string error;
    const bool written = writeFileAtomically(file, "volume = 70\n", &error);
    ::umask(previous);
    ASSERT_TRUE(written) << error;
    EXPECT_EQ(readFile(file), "volume = 70\n");
    EXPECT_EQ(permissionsOf(file),
              fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    EXPECT_EQ(namesIn(file.parent_path()), "settings.toml ");
}

TEST_F(AtomicWrite, EmptyContentsMakeAnEmptyFile) {
    const fs::path file = m_root / "marker";
    write(file, "old");
    std::string error;
    ASSERT_TRUE(writeFileAtomically(file, "", &error)) << error;
    EXPECT_TRUE(fs::is_regular_file(file));
    EXPECT_EQ(fs::file_size(file), 0u);
}

TEST_F(AtomicWrite, ReplacesAnExistingFileAndKeepsItsPermissions) {
    const fs::path file = m_root / "mine.toml";
    for (const fs::perms kept : {fs::perms::owner_read | fs::perms::owner_write,
                                 fs::perms::owner_all | fs::perms::group_read}) {
        write(file, "old");
        fs::permissions(file, kept);
        std::string error;
        ASSERT_TRUE(writeFileAtomically(file, "new text\n", &error)) << error;
        EXPECT_EQ(readFile(file), "new text\n");
        EXPECT_EQ(permissionsOf(file), kept);
        EXPECT_EQ(namesIn(m_root), "mine.toml ");
    }
}

TEST_F(AtomicWrite, APrivateFileStaysPrivateWhileItsNewContentsAreWritten) {
    const fs::path file = m_root / "history.csv";
    write(file, "old");
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
    std::vector<fs::perms> seen;
    setAtomicWriteHookForTests([&](AtomicWriteStage stage) {
        if (stage == AtomicWriteStage::Write)
            for (const auto& item : fs::directory_iterator(m_root))
                if (item.path() != file) seen.push_back(permissionsOf(item.path()));
        return true;
    });
    std::string error;
    ASSERT_TRUE(writeFileAtomically(file, "new contents", &error)) << error;
    ASSERT_EQ(seen.size(), 1u) << "the temporary file, half written";
    EXPECT_EQ(seen[0], fs::perms::owner_read | fs::perms::owner_write);
}

TEST_F(AtomicWrite, AVeryLongNameCanStillBeWritten) {
    const fs::path file = m_root / (std::string(250, 'n') + ".toml");
    std::string error;
    ASSERT_TRUE(writeFileAtomically(file, "x", &error)) << error;
    EXPECT_EQ(readFile(file), "x");
}

TEST_F(AtomicWrite, FollowsASymlinkAndKeepsIt) {
    fs::create_directories(m_root / "dotfiles");
    write(m_root / "dotfiles" / "mine.toml", "old");
    fs::create_symlink(m_root / "dotfiles" / "mine.toml", m_root / "mine.toml");
    std::string error;
    ASSERT_TRUE(writeFileAtomically(m_root / "mine.toml", "new", &error)) << error;
    EXPECT_TRUE(fs::is_symlink(m_root / "mine.toml"));
    EXPECT_EQ(readFile(m_root / "dotfiles" / "mine.toml"), "new");
    EXPECT_EQ(namesIn(m_root / "dotfiles"), "mine.toml ");
}

TEST_F(AtomicWrite, AFailureAtAnyStageLeavesTheOldFileByteIdentical) {
    const fs::path file = m_root / "mine.toml";
    const std::string old = "name = \"Old\"\n[[steps]]\nname = \"Keep me\"\n";
    write(file, old);
    const std::string longText(200000, 'x');
    for (const AtomicWriteStage failing : {AtomicWriteStage::CreateTemp, AtomicWriteStage::Write,
                                           AtomicWriteStage::Sync, AtomicWriteStage::Rename}) {
        SCOPED_TRACE(static_cast<int>(failing));
        int calls = 0;
        setAtomicWriteHookForTests([&](AtomicWriteStage stage) {
            ++calls;
            return stage != failing;
        });
        std::string error;
        EXPECT_FALSE(writeFileAtomically(file, longText, &error));
        EXPECT_FALSE(error.empty());
        EXPECT_GT(calls, 0);
        EXPECT_EQ(readFile(file), old);
        EXPECT_EQ(namesIn(m_root), "mine.toml ") << "the temporary file is removed";
    }
    setAtomicWriteHookForTests({});
    std::string error;
    EXPECT_TRUE(writeFileAtomically(file, longText, &error)) << error;
    EXPECT_EQ(readFile(file), longText);
}

// A real failure of write(2), for root too: a file size limit makes it fail with EFBIG halfway.
TEST_F(AtomicWrite, AWriteThatFailsHalfwayLeavesTheOldFileAndNoTemporary) {
    const fs::path file = m_root / "history.csv";
    write(file, "old contents\n");
    rlimit previous{};
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &previous), 0);
    rlimit small = previous;
    small.rlim_cur = 4096;
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
    std::string error;
    const bool written = writeFileAtomically(file, std::string(100000, 'y'), &error);
    ::setrlimit(RLIMIT_FSIZE, &previous);
    std::signal(SIGXFSZ, previousHandler);
    EXPECT_FALSE(written);
    EXPECT_NE(error.find("writing"), std::string::npos) << error;
    EXPECT_NE(error.find(file.string()), std::string::npos) << error;
    EXPECT_EQ(readFile(file), "old contents\n");
    EXPECT_EQ(namesIn(m_root), "history.csv ");
}

TEST_F(AtomicWrite, AParentThatIsAFileIsAnErrorAndNothingIsWritten) {
    write(m_root / "not-a-folder", "a file");
    std::string error;
    EXPECT_FALSE(writeFileAtomically(m_root / "not-a-folder" / "sub" / "mine.toml", "x", &error));
    EXPECT_NE(error.find("cannot create the folder"), std::string::npos) << error;
    EXPECT_FALSE(writeFileAtomically(m_root / "not-a-folder" / "mine.toml", "x", &error));
    EXPECT_EQ(readFile(m_root / "not-a-folder"), "a file");
    EXPECT_EQ(namesIn(m_root), "not-a-folder ");
}

TEST_F(AtomicWrite, ATargetThatIsAFolderIsAnError) {
    fs::create_directories(m_root / "mine.toml");
    std::string error;
    EXPECT_FALSE(writeFileAtomically(m_root / "mine.toml", "x", &error));
    EXPECT_NE(error.find("folder"), std::string::npos) << error;
    EXPECT_TRUE(fs::is_directory(m_root / "mine.toml"));
    EXPECT_EQ(namesIn(m_root), "mine.toml ");
}

TEST_F(AtomicWrite, AReadOnlyFolderIsAnErrorAndTheOldFileStays) {
    const fs::path file = m_root / "mine.toml";
    write(file, "old");
    test::runUnprivileged({m_root}, [&] { // root would write anyway
        fs::permissions(m_root, fs::perms::owner_read | fs::perms::owner_exec);
        std::string error;
        EXPECT_FALSE(writeFileAtomically(file, "new", &error));
        EXPECT_NE(error.find("temporary file"), std::string::npos) << error;
        fs::permissions(m_root, fs::perms::owner_all, fs::perm_options::add);
        EXPECT_EQ(readFile(file), "old");
    });
}

TEST_F(AtomicWrite, WritersAtTheSameTimeEachLeaveAWholeVersion) {
    const fs::path file = m_root / "settings.toml";
    std::vector<std::string> versions;
    for (char c : std::string("abcd"))
        versions.emplace_back(50000, c);
    std::vector<std::thread> writers;
    writers.reserve(versions.size());
    for (const std::string& version : versions)
        writers.emplace_back([&file, &version] {
            for (int i = 0; i < 5; ++i)
                writeFileAtomically(file, version, nullptr);
        });
    for (std::thread& writer : writers)
        writer.join();
    const std::string last = readFile(file);
    EXPECT_NE(std::find(versions.begin(), versions.end(), last), versions.end())
        << "not one whole version: " << last.size() << " bytes";
    EXPECT_EQ(namesIn(m_root), "settings.toml ");
}

// ---- A file another library writes by name (SFML's PNG) ----------------------------------------

TEST_F(AtomicWrite, ATemporaryBesideEndsWithTheSuffixAndReplacesTheFile) {
    const fs::path file = m_root / "progress";
    write(file, "old picture");
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
    std::string error;
    const std::optional<fs::path> temporary = createTemporaryFileBeside(file, ".png", &error);
    ASSERT_TRUE(temporary) << error;
    EXPECT_EQ(temporary->parent_path(), m_root);
    EXPECT_EQ(temporary->extension(), ".png");
    EXPECT_TRUE(fs::is_regular_file(*temporary));
    write(*temporary, "new picture");
    ASSERT_TRUE(replaceFileAtomically(*temporary, file, &error)) << error;
    EXPECT_EQ(readFile(file), "new picture");
    EXPECT_EQ(permissionsOf(file), fs::perms::owner_read | fs::perms::owner_write);
    EXPECT_EQ(namesIn(m_root), "progress ");
}

TEST_F(AtomicWrite, AFailedReplaceRemovesWhatWasWritten) {
    const fs::path file = m_root / "progress.png";
    std::string error;
    const std::optional<fs::path> temporary = createTemporaryFileBeside(file, ".png", &error);
    ASSERT_TRUE(temporary) << error;
    write(*temporary, "new picture");
    fs::create_directories(file / "in-the-way"); // a folder where the picture should go
    EXPECT_FALSE(replaceFileAtomically(*temporary, file, &error));
    EXPECT_NE(error.find("folder"), std::string::npos) << error;
    EXPECT_FALSE(fs::exists(*temporary));
    EXPECT_EQ(namesIn(m_root), "progress.png ");
}

TEST_F(AtomicWrite, NoTemporaryInAFolderThatDoesNotExist) {
    std::string error;
    EXPECT_FALSE(createTemporaryFileBeside(m_root / "missing" / "p.png", ".png", &error));
    EXPECT_NE(error.find("temporary file"), std::string::npos) << error;
    EXPECT_FALSE(fs::exists(m_root / "missing"));
}

} // namespace
} // namespace ns
