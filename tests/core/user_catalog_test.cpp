// The user's stretch catalog (config/stretches.toml beside config/routines/) adds and overrides
// stretches with the same checks, a broken one is reported and left out; reloading keeps the last
// good version of a routine that stops validating.
#include "routine_loader.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

namespace ns {
namespace {

namespace fs = std::filesystem;

std::string listDiagnostics(const Diagnostics& diagnostics) {
    std::string out;
    for (const Diagnostic& diagnostic : diagnostics)
        out += "  " + diagnostic.format() + "\n";
    return out.empty() ? "  (none)\n" : out;
}

class UserCatalog : public ::testing::Test {
  protected:
    void SetUp() override {
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        m_root = fs::temp_directory_path() / ("ns-user-catalog-test-" + std::to_string(stamp));
        fs::create_directories(m_root / "builtin");
        fs::create_directories(m_root / "config" / "routines");
        fs::copy_file(NS_TEST_DATA "/test-stretches.toml", m_root / "builtin" / "stretches.toml");
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(m_root, ec);
    }
    void write(const fs::path& file, const std::string& text) {
        std::ofstream(m_root / file, std::ios::binary) << text;
    }
    RoutineLibrary load() const { return RoutineLibrary::load(builtInDir(), userDir()); }
    fs::path builtInDir() const { return m_root / "builtin"; }
    fs::path userDir() const { return m_root / "config" / "routines"; }
    fs::path m_root;
};

TEST(UserCatalogFile, IsBesideTheRoutinesFolder) {
    EXPECT_EQ(userCatalogFile("/home/a/.config/nightstretch/routines"),
              fs::path("/home/a/.config/nightstretch/stretches.toml"));
    EXPECT_EQ(userCatalogFile("/home/a/.config/nightstretch/routines/"),
              fs::path("/home/a/.config/nightstretch/stretches.toml"));
    EXPECT_EQ(userCatalogFile(fs::path()), fs::path());
}

TEST_F(UserCatalog, AddsAndOverridesStretchesById) {
    write("config/stretches.toml", "[toe-curls]\nname = \"Toe curls\"\nsides = \"both\"\n"
                                   "hold = 15\ninstructions = [\"Curl your toes.\"]\n"
                                   "[wall-calf]\nname = \"My calf stretch\"\nhold = 60\n");
    write("config/routines/mine.toml", "name = \"Mine\"\n[[steps]]\nstretch = \"toe-curls\"\n"
                                       "[[steps]]\nstretch = \"wall-calf\"\n");
    write("builtin/calves.toml", "name = \"Calves\"\n[[steps]]\nstretch = \"wall-calf\"\n");

    const RoutineLibrary library = load();
    EXPECT_TRUE(library.catalogDiagnostics.empty()) << listDiagnostics(library.catalogDiagnostics);
    ASSERT_NE(library.catalog.find("toe-curls"), nullptr);
    ASSERT_NE(library.catalog.find("forward-bend"), nullptr) << "built-in ones stay";
    EXPECT_EQ(library.catalog.find("wall-calf")->name, "My calf stretch");

    const RoutineEntry* mine = library.find("mine");
    ASSERT_NE(mine, nullptr);
    ASSERT_TRUE(mine->result.ok()) << listDiagnostics(mine->result.diagnostics);
    EXPECT_EQ(mine->result.routine->steps[0].stretch.name, "Toe curls");
    EXPECT_EQ(mine->result.routine->steps[0].hold, 15);
    EXPECT_EQ(mine->result.routine->steps[0].sides, Sides::Both);
    // The override is the whole entry: its sides ("none" by default) replace the built-in "both".
    EXPECT_EQ(mine->result.routine->steps[1].hold, 60);
    EXPECT_EQ(mine->result.routine->steps[1].sides, Sides::None);

    // Built-in routines resolve against the merged catalog too.
    const RoutineEntry* calves = library.find("calves");
    ASSERT_NE(calves, nullptr);
    ASSERT_TRUE(calves->result.ok());
    EXPECT_EQ(calves->result.routine->steps[0].stretch.name, "My calf stretch");
}

TEST_F(UserCatalog, ABrokenUserCatalogIsReportedAndIgnored) {
    write("config/stretches.toml", "[toe-curls]\nname = \"Toe curls\"\n"
                                   "[wall-calf]\nname = \"My calf stretch\"\nhodl = 60\n");
    write("config/routines/mine.toml", "name = \"Mine\"\n[[steps]]\nstretch = \"wall-calf\"\n");

    const RoutineLibrary library = load();
    ASSERT_FALSE(library.catalogDiagnostics.empty());
    const Diagnostic& first = library.catalogDiagnostics[0];
    EXPECT_EQ(first.file, (m_root / "config" / "stretches.toml").string());
    EXPECT_EQ(first.line, 5);
    EXPECT_NE(first.message.find("did you mean 'hold'?"), std::string::npos) << first.message;
    EXPECT_NE(library.catalogDiagnostics.back().message.find("none of the stretches"),
              std::string::npos);

    // Nothing from it is used, not even the stretch that was fine; the built-in catalog works.
    EXPECT_EQ(library.catalog.find("toe-curls"), nullptr);
    ASSERT_NE(library.catalog.find("wall-calf"), nullptr);
    EXPECT_EQ(library.catalog.find("wall-calf")->name, "Wall calf stretch");
    const RoutineEntry* mine = library.find("mine");
    ASSERT_NE(mine, nullptr);
    EXPECT_TRUE(mine->result.ok()) << listDiagnostics(mine->result.diagnostics);
}

TEST_F(UserCatalog, SyntaxErrorsAndUnreadableFilesAreReportedToo) {
    write("config/stretches.toml", "[toe-curls\nname = \"x\"\n");
    RoutineLibrary library = load();
    ASSERT_FALSE(library.catalogDiagnostics.empty());
    EXPECT_EQ(library.catalogDiagnostics[0].line, 1);
    EXPECT_NE(library.catalog.find("wall-calf"), nullptr);

    fs::remove(m_root / "config" / "stretches.toml");
    fs::create_directories(m_root / "config" / "stretches.toml");
    library = load();
    ASSERT_FALSE(library.catalogDiagnostics.empty());
    EXPECT_NE(library.catalogDiagnostics[0].message.find("folder"), std::string::npos);
    EXPECT_NE(library.catalog.find("wall-calf"), nullptr);
}

TEST_F(UserCatalog, NoUserCatalogIsNotAnError) {
    const RoutineLibrary library = load();
    EXPECT_TRUE(library.catalogDiagnostics.empty()) << listDiagnostics(library.catalogDiagnostics);
    EXPECT_EQ(library.catalog.stretches.size(), 2u);
}

// ---- Reload ----------------------------------------------------------------------------------

TEST_F(UserCatalog, ReloadKeepsTheLastGoodVersionOfARoutineThatStopsValidating) {
    write("config/routines/mine.toml",
          "name = \"Mine\"\n[[steps]]\nstretch = \"wall-calf\"\nhold = 40\n");
    write("builtin/calves.toml", "name = \"Calves\"\n[[steps]]\nstretch = \"wall-calf\"\n");
    const RoutineLibrary first = load();
    ASSERT_TRUE(first.find("mine")->result.ok());
    EXPECT_FALSE(first.find("mine")->lastGood.has_value());

    write("config/routines/mine.toml",
          "name = \"Mine\"\n[[steps]]\nstretch = \"wall-calf\"\nhold = 900\n");
    const RoutineLibrary second = RoutineLibrary::reload(first, builtInDir(), userDir());
    const RoutineEntry* mine = second.find("mine");
    ASSERT_NE(mine, nullptr);
    ASSERT_FALSE(mine->result.ok());
    EXPECT_EQ(mine->result.diagnostics.at(0).line, 4) << "the error is there to show";
    ASSERT_TRUE(mine->lastGood.has_value());
    EXPECT_EQ(mine->lastGood->steps[0].hold, 40);
    ASSERT_NE(mine->usableRoutine(), nullptr);
    EXPECT_EQ(mine->usableRoutine()->steps[0].hold, 40);
    ASSERT_TRUE(second.find("calves")->result.ok());
    EXPECT_FALSE(second.find("calves")->lastGood.has_value());

    // Still broken at the next reload: the same last good version carries over.
    write("config/routines/mine.toml", "name = \"Mine\"\n[[steps]]\nhodl = 3\n");
    const RoutineLibrary third = RoutineLibrary::reload(second, builtInDir(), userDir());
    ASSERT_TRUE(third.find("mine")->lastGood.has_value());
    EXPECT_EQ(third.find("mine")->lastGood->steps[0].hold, 40);

    // Fixed: the new version loads and nothing old is kept.
    write("config/routines/mine.toml",
          "name = \"Mine\"\n[[steps]]\nstretch = \"wall-calf\"\nhold = 50\n");
    const RoutineLibrary fourth = RoutineLibrary::reload(third, builtInDir(), userDir());
    ASSERT_TRUE(fourth.find("mine")->result.ok());
    EXPECT_FALSE(fourth.find("mine")->lastGood.has_value());
    EXPECT_EQ(fourth.find("mine")->usableRoutine()->steps[0].hold, 50);
}

TEST_F(UserCatalog, ReloadOfARoutineThatNeverLoadedHasNothingToKeep) {
    write("config/routines/broken.toml", "name = \n");
    const RoutineLibrary first = load();
    const RoutineLibrary second = RoutineLibrary::reload(first, builtInDir(), userDir());
    const RoutineEntry* broken = second.find("broken");
    ASSERT_NE(broken, nullptr);
    EXPECT_FALSE(broken->result.ok());
    EXPECT_FALSE(broken->lastGood.has_value());
    EXPECT_EQ(broken->usableRoutine(), nullptr);
}

TEST_F(UserCatalog, ReloadPicksUpAChangedUserCatalog) {
    write("config/routines/mine.toml", "name = \"Mine\"\n[[steps]]\nstretch = \"toe-curls\"\n");
    const RoutineLibrary first = load();
    EXPECT_FALSE(first.find("mine")->result.ok()) << "toe-curls is not in any catalog yet";

    write("config/stretches.toml", "[toe-curls]\nname = \"Toe curls\"\n");
    const RoutineLibrary second = RoutineLibrary::reload(first, builtInDir(), userDir());
    EXPECT_TRUE(second.catalogDiagnostics.empty()) << listDiagnostics(second.catalogDiagnostics);
    ASSERT_TRUE(second.find("mine")->result.ok());
    EXPECT_EQ(second.find("mine")->result.routine->steps[0].stretch.name, "Toe curls");
}

} // namespace
} // namespace ns
