// `new` and `edit`: hand editing is first class, and a broken edit never replaces a good file.
#include "run_process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <vector>

namespace fs = std::filesystem;
using ns::test::makeTempDir;
using ns::test::readFile;
using ns::test::runNightstretch;
using ns::test::writeFile;

namespace {

class EditCommands : public ns::test::TempHomeTest {
  protected:
    ns::test::ProcessResult run(std::vector<std::string> args,
                                std::map<std::string, std::string> env = {}) {
        args.insert(args.begin(), {"--home", m_home});
        env.emplace("VISUAL", "");
        return runNightstretch(args, env);
    }
    // An "editor" that runs one sed expression on the file it is given.
    std::string sedEditor(const std::string& expression) {
        std::string script = m_home + "/editor.sh";
        writeFile(script, "#!/bin/sh\nsed -i '" + expression + "' \"$1\"\n");
        fs::permissions(script, fs::perms::owner_all);
        return script;
    }
    int total(const std::string& routine) {
        auto result = run({"plan", routine, "--json"});
        EXPECT_EQ(result.exitCode, 0) << result.err;
        return nlohmann::json::parse(result.out)["total_seconds"].get<int>();
    }
    std::string userFile(const std::string& id) {
        return m_home + "/config/routines/" + id + ".toml";
    }
    static std::string builtInFile(const std::string& id) {
        return (fs::path(NS_BINARY).parent_path().parent_path() / "share" / "nightstretch" /
                "routines" / (id + ".toml"))
            .string();
    }
};

TEST_F(EditCommands, NewCreatesAValidRoutineOnce) {
    ASSERT_EQ(run({"new", "my-evening"}).exitCode, 0);
    EXPECT_TRUE(fs::exists(userFile("my-evening")));
    EXPECT_GT(total("my-evening"), 0);
    EXPECT_EQ(run({"new", "my-evening"}).exitCode, 1) << "never overwrites";
    EXPECT_EQ(run({"new", "Bad Id"}).exitCode, 1);
}

TEST_F(EditCommands, NewFromCopiesTheRoutineWithItsComments) {
    ASSERT_EQ(run({"new", "mine", "--from", "nightly"}).exitCode, 0);
    // Comments and all as they were; only the name is its own (issue 18: never two routines of
    // one name).
    std::string expected = readFile(builtInFile("nightly"));
    const std::string name = "name = \"Nightly leg-cramp routine\"";
    expected.replace(expected.find(name), name.size(),
                     "name = \"Nightly leg-cramp routine (mine)\"");
    EXPECT_EQ(readFile(userFile("mine")), expected);
    EXPECT_EQ(run({"new", "other", "--from", "no-such-routine"}).exitCode, 2);
}

TEST_F(EditCommands, EditSavesAGoodChangeToTheUsersCopyOnly) {
    const std::string builtInBefore = readFile(builtInFile("nightly"));
    const int before = total("nightly");
    auto result = run({"edit", "nightly"}, {{"EDITOR", sedEditor("s/^hold = 30/hold = 40/")}});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(fs::exists(userFile("nightly")));
    EXPECT_GT(total("nightly"), before);
    EXPECT_EQ(readFile(builtInFile("nightly")), builtInBefore);
}

TEST_F(EditCommands, ATypoIsReportedWithItsLineAndTheLastGoodVersionKept) {
    ASSERT_EQ(run({"new", "mine", "--from", "nightly"}).exitCode, 0);
    const std::string good = readFile(userFile("mine"));
    auto result = run({"edit", "mine"}, {{"EDITOR", sedEditor("s/^hold = 30/hodl = 30/")}});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("mine.toml:"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("error: unknown key 'hodl' in [defaults]; did you mean 'hold'?"),
              std::string::npos)
        << result.err;
    EXPECT_EQ(readFile(userFile("mine")), good);
    for (const auto& entry : fs::directory_iterator(m_home + "/config/routines"))
        EXPECT_EQ(entry.path().filename().string().find(".editing"), std::string::npos)
            << "the scratch copy is cleaned up";
}

// Choosing "keep" (the answer without a terminal) keeps the last good version and sets the broken
// edit aside beside it, saying where: what was typed is not lost.
TEST_F(EditCommands, KeepingTheLastGoodVersionSetsTheBrokenEditAsideAndSaysWhere) {
    ASSERT_EQ(run({"new", "mine", "--from", "nightly"}).exitCode, 0);
    const std::string good = readFile(userFile("mine"));
    auto result =
        run({"edit", "mine"}, {{"EDITOR", sedEditor("s/^hold = 30/Übung = 40 # my note/")}});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_EQ(readFile(userFile("mine")), good);
    // Our sentence for the syntax error, at its line and column, never the parser's words.
    EXPECT_NE(result.err.find("mine.toml:"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("mine.toml:7:1: error: a name must start with a letter a-z"),
              std::string::npos)
        << result.err;
    std::vector<fs::path> aside;
    for (const auto& entry : fs::directory_iterator(m_home + "/config/routines"))
        if (entry.path().filename().string().rfind("mine.toml.unsaved-", 0) == 0)
            aside.push_back(entry.path());
    ASSERT_EQ(aside.size(), 1u) << result.err;
    EXPECT_NE(readFile(aside[0].string()).find("Übung = 40 # my note"), std::string::npos);
    EXPECT_NE(result.err.find("is kept in " + aside[0].string()), std::string::npos) << result.err;
    // Set aside, not loaded: the routines still load, with no error about it.
    EXPECT_EQ(run({"list"}).exitCode, 0);
}

TEST_F(EditCommands, AFailingEditorChangesNothing) {
    auto result = run({"edit", "nightly"}, {{"EDITOR", "false"}});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_FALSE(fs::exists(userFile("nightly")));
}

} // namespace
