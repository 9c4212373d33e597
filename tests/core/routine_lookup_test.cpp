// Finding a routine by id or path, and the kind (hence the exit code) of every reason it fails.
#include "routine_lookup.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace ns;

namespace {

class RoutineLookupTest : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "ns-lookup-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        m_dir = pattern;
        fs::create_directories(m_dir / "user");
        m_library = RoutineLibrary::load(NS_ROUTINES_DIR, m_dir / "user");
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }
    fs::path write(const std::string& name, const std::string& text) {
        fs::path file = m_dir / name;
        std::ofstream(file) << text;
        return file;
    }
    fs::path m_dir;
    RoutineLibrary m_library;
};

TEST_F(RoutineLookupTest, ABuiltInIdIsFound) {
    const RoutineLookup lookup = findRoutine("nightly", m_library);
    ASSERT_TRUE(lookup.ok());
    EXPECT_EQ(lookup.routine->id, "nightly");
    EXPECT_EQ(lookup.exitCode(), 0);
}

TEST_F(RoutineLookupTest, AnUnknownIdSuggestsTheClosestAndIsUsage) {
    const RoutineLookup lookup = findRoutine("nigthly", m_library);
    ASSERT_FALSE(lookup.ok());
    ASSERT_EQ(lookup.diagnostics.size(), 1u);
    EXPECT_EQ(lookup.diagnostics[0].kind, DiagnosticKind::UnknownRoutine);
    EXPECT_EQ(lookup.diagnostics[0].format(),
              "nightstretch: unknown routine 'nigthly'; did you mean 'nightly'? (try "
              "'nightstretch list')");
    EXPECT_EQ(lookup.exitCode(), 2);
}

TEST_F(RoutineLookupTest, AMissingFileIsUnreadable) {
    const RoutineLookup lookup = findRoutine((m_dir / "gone.toml").string(), m_library);
    ASSERT_FALSE(lookup.ok());
    EXPECT_EQ(lookup.diagnostics[0].kind, DiagnosticKind::Unreadable);
    EXPECT_EQ(lookup.exitCode(), 2);
}

TEST_F(RoutineLookupTest, AFolderNamedLikeARoutineIsUnreadable) {
    fs::create_directories(m_dir / "folder.toml");
    const RoutineLookup lookup = findRoutine((m_dir / "folder.toml").string(), m_library);
    ASSERT_FALSE(lookup.ok());
    EXPECT_EQ(lookup.diagnostics[0].kind, DiagnosticKind::Unreadable);
    EXPECT_EQ(lookup.exitCode(), 2);
}

TEST_F(RoutineLookupTest, ARoutineWithoutStepsIsInvalidNotUnreadable) {
    const fs::path file = write("nosteps.toml", "name = \"Empty\"\n");
    const RoutineLookup lookup = findRoutine(file.string(), m_library);
    ASSERT_FALSE(lookup.ok());
    EXPECT_EQ(lookup.diagnostics[0].kind, DiagnosticKind::NoSteps);
    EXPECT_EQ(lookup.diagnostics[0].line, 0); // about the whole file, and still exit 1
    EXPECT_EQ(lookup.exitCode(), 1);
}

TEST_F(RoutineLookupTest, EachProblemCarriesItsKind) {
    struct Case {
        const char* toml;
        DiagnosticKind kind;
    };
    const Case cases[] = {
        {"name = \"x\"\n[[steps]]\nstretch = \"wall-calf\"\nhodl = 30\n",
         DiagnosticKind::UnknownKey},
        {"name = \"x\"\n[[steps]]\nstretch = \"wall-calf\"\nhold = 900\n",
         DiagnosticKind::InvalidValue},
        {"name = \"x\"\n[[steps]]\nstretch = \"wall-caf\"\n", DiagnosticKind::UnknownId},
        {"name = \"x\"\n[[steps]\n", DiagnosticKind::Syntax},
        {"name = \"x\"\nsteps = []\n", DiagnosticKind::NoSteps},
    };
    for (const Case& c : cases) {
        const fs::path file = write("case.toml", c.toml);
        const RoutineLookup lookup = findRoutine(file.string(), m_library);
        ASSERT_FALSE(lookup.ok()) << c.toml;
        EXPECT_EQ(lookup.diagnostics[0].kind, c.kind)
            << c.toml << " gave " << toString(lookup.diagnostics[0].kind);
        EXPECT_EQ(lookup.exitCode(), 1) << c.toml;
    }
}

TEST_F(RoutineLookupTest, AUserRoutineThatFailsIsFoundButInvalid) {
    std::ofstream(m_dir / "user" / "mine.toml") << "name = \"x\"\n";
    m_library = RoutineLibrary::load(NS_ROUTINES_DIR, m_dir / "user");
    const RoutineLocateResult located = locateRoutine("mine", m_library);
    ASSERT_TRUE(located.location); // `edit mine` can still open it
    EXPECT_EQ(located.location->file, m_dir / "user" / "mine.toml");
    EXPECT_EQ(findRoutine("mine", m_library).exitCode(), 1);
}

TEST(RoutineIds, TheRuleEveryCommandUses) {
    EXPECT_TRUE(validRoutineId("my-evening"));
    EXPECT_TRUE(validRoutineId(std::string(kMaxRoutineIdLength, 'a')));
    EXPECT_FALSE(validRoutineId(std::string(kMaxRoutineIdLength + 1, 'a')));
    EXPECT_FALSE(validRoutineId("-x"));
    EXPECT_FALSE(validRoutineId("Upper"));
    EXPECT_FALSE(validRoutineId("stretches"));
    EXPECT_FALSE(validRoutineId(""));
}

} // namespace
