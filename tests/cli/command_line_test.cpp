// The command line as users and scripts see it: exit codes, message format, JSON, --home.
#include "run_process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using ns::test::makeTempDir;
using ns::test::readFile;
using ns::test::runNightstretch;
using ns::test::writeFile;

namespace {

class CommandLine : public ns::test::TempHomeTest {
  protected:
    // Runs with a private --home, after the command (global options work on either side).
    ns::test::ProcessResult run(std::vector<std::string> args,
                                const std::map<std::string, std::string>& env = {}) {
        args.emplace_back("--home");
        args.push_back(m_home);
        return runNightstretch(args, env);
    }
    std::string userRoutine(const std::string& id, const std::string& toml) {
        std::string path = m_home + "/config/routines/" + id + ".toml";
        writeFile(path, toml);
        return path;
    }
};

const char* const kShortRoutine = R"(name = "Short"
[defaults]
prepare = 0
rest = 0
switch = 0
[[steps]]
name = "Calf"
sides = "both"
hold = 5
)";

TEST_F(CommandLine, VersionAndHelpExitZero) {
    auto version = runNightstretch({"--version"});
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_NE(version.out.find("nightstretch "), std::string::npos);
    auto help = runNightstretch({"--help"});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.out.find("plan"), std::string::npos);
}

TEST_F(CommandLine, WrongUsageExitsTwo) {
    EXPECT_EQ(run({"frobnicate"}).exitCode, 2);
    EXPECT_EQ(run({"plan"}).exitCode, 2);
    EXPECT_EQ(run({"check"}).exitCode, 2);
    EXPECT_EQ(run({"list", "--no-such-option"}).exitCode, 2);
}

// Issue 12: what the parser says ("files is required", "At Most 1 required but received 2")
// never reaches a person; each mistake is one sentence of ours, exit 2.
TEST_F(CommandLine, WrongUsageIsOneSentenceOfOurs) {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"check"},
          {"plan"},
          {"frobnicate"},
          {"list", "--no-such-option"},
          {"checkin"},
          {"stats", "--today", "2026-10-01", "--today", "2026-10-02"},
          {"plan", "nightly", "quick"},
          {"figure", "wall-calf", "--side", "up", "--png", "x.png"}}) {
        const auto result = run(args);
        const std::string what = args[0] + (args.size() > 1 ? " " + args[1] : "");
        EXPECT_EQ(result.exitCode, 2) << what;
        EXPECT_EQ(result.err.rfind("nightstretch: ", 0), 0u) << what << ": " << result.err;
        EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
        for (const char* internal : {"is required", "At Most", "required but received",
                                     "not expected", "not in {", "Could not convert"})
            EXPECT_EQ(result.err.find(internal), std::string::npos) << what << ": " << result.err;
        EXPECT_NE(result.err.find("see 'nightstretch"), std::string::npos)
            << what << ": " << result.err;
    }
    const auto check = run({"check"});
    EXPECT_NE(check.err.find("'nightstretch check' needs one or more routine files"),
              std::string::npos)
        << check.err;
    const auto twice = run({"stats", "--today", "2026-10-01", "--today", "2026-10-02"});
    EXPECT_NE(twice.err.find("--today was given more than once"), std::string::npos) << twice.err;
}

// Issue 12: an empty --home would quietly mean the real ~/.config.
TEST_F(CommandLine, AnEmptyHomeIsAnError) {
    const auto result = runNightstretch({"--home", "", "list"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("--home needs a folder"), std::string::npos) << result.err;
    EXPECT_TRUE(result.out.empty()) << "nothing listed from the real config: " << result.out;
}

// Issue 12: `check nightly` is a routine id where a file belongs.
TEST_F(CommandLine, CheckOfAnIdSaysItTakesFilesAndWhereTheFileIs) {
    const auto result = run({"check", "nightly"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("check takes routine files"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("nightly.toml"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("'nightstretch plan nightly'"), std::string::npos) << result.err;
    EXPECT_EQ(result.err.find("cannot read"), std::string::npos) << result.err;
}

TEST_F(CommandLine, ListShowsEveryBuiltInRoutineWithItsTotal) {
    auto result = run({"list"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    for (const char* id : {"nightly", "trial", "quick", "in-bed"})
        EXPECT_NE(result.out.find(id), std::string::npos) << id;
    auto json = nlohmann::json::parse(run({"list", "--json"}).out);
    bool sawNightly = false;
    for (const auto& routine : json["routines"]) {
        if (routine["id"] != "nightly") continue;
        sawNightly = true;
        EXPECT_GE(routine["total_seconds"].get<int>(), 300);
        EXPECT_LE(routine["total_seconds"].get<int>(), 600);
    }
    EXPECT_TRUE(sawNightly);
}

TEST_F(CommandLine, ListKeepsGoingPastABrokenUserRoutine) {
    userRoutine("broken", "name = \"Broken\"\n[[steps]]\nstretch = \"wall-calf\"\nhodl = 30\n");
    auto result = run({"list"});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_NE(result.out.find("nightly"), std::string::npos);
    EXPECT_NE(result.out.find("broken.toml:4:1: error: unknown key 'hodl'"), std::string::npos)
        << result.out;
}

TEST_F(CommandLine, CheckNamesTheLineAndSuggestsTheKey) {
    const std::string file = m_home + "/mine.toml";
    writeFile(file, "name = \"Mine\"\n\n[[steps]]\nstretch = \"wall-calf\"\nhodl = 30\n");
    auto result = run({"check", file});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find(file + ":5:1: error: unknown key 'hodl' in step 1; did you mean "
                                     "'hold'?"),
              std::string::npos)
        << result.err;
}

TEST_F(CommandLine, CheckReportsOutOfRangeValues) {
    const std::string file = m_home + "/long.toml";
    writeFile(file, "name = \"Long\"\n[[steps]]\nstretch = \"wall-calf\"\nhold = 900\n");
    auto result = run({"check", file});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find(":4:8: error: 'hold' must be between 5 and 300 seconds, got 900"),
              std::string::npos)
        << result.err;
}

TEST_F(CommandLine, CheckAcceptsAGoodFileAndRejectsAMissingOne) {
    const std::string good = m_home + "/good.toml";
    writeFile(good, kShortRoutine);
    EXPECT_EQ(run({"check", good}).exitCode, 0);
    auto missing = run({"check", m_home + "/nope.toml"});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_NE(missing.err.find("nope.toml"), std::string::npos);
}

// Issue 18: one step is "1 step", one stretch "1 stretch".
TEST_F(CommandLine, CheckCountsInWords) {
    const std::string one = m_home + "/one.toml";
    writeFile(one, "name = \"One\"\n[[steps]]\nname = \"Calf\"\nhold = 5\n");
    auto result = run({"check", one});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find(": ok, 1 step, "), std::string::npos) << result.out;
    const std::string catalog = m_home + "/catalog/stretches.toml";
    writeFile(catalog, "[wall-calf]\nname = \"Wall calf\"\nsides = \"both\"\n"
                       "instructions = [\"Lean on the wall.\"]\n");
    result = run({"check", catalog});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find(": ok, 1 stretch\n"), std::string::npos) << result.out;
}

// Issue 18: help names what an option takes (FILE, not TEXT) and not the parser's lists.
TEST_F(CommandLine, HelpSaysWhatOptionsTakeInPlainWords) {
    auto relief = run({"relief", "--help"});
    ASSERT_EQ(relief.exitCode, 0);
    EXPECT_NE(relief.out.find("--trace FILE"), std::string::npos) << relief.out;
    EXPECT_EQ(relief.out.find("TEXT"), std::string::npos) << relief.out;
    auto remind = run({"remind", "--help"});
    ASSERT_EQ(remind.exitCode, 0);
    EXPECT_NE(remind.out.find("--off"), std::string::npos) << remind.out;
    EXPECT_EQ(remind.out.find("Excludes"), std::string::npos) << remind.out;
    EXPECT_EQ(remind.out.find("Needs"), std::string::npos) << remind.out;
    // Using them wrongly is still told in a sentence.
    auto both = run({"remind", "--off", "--at", "21:00"});
    EXPECT_EQ(both.exitCode, 2);
    EXPECT_NE(both.err.find("cannot be used together"), std::string::npos) << both.err;
}

// Issue 18: `stretches` lists the ids figure and routines take; the JSON is one document.
TEST_F(CommandLine, StretchesListsEveryIdWithItsName) {
    auto text = run({"stretches"});
    ASSERT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("wall-calf"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("Wall calf stretch  (each leg)"), std::string::npos) << text.out;
    auto json = run({"stretches", "--json"});
    ASSERT_EQ(json.exitCode, 0) << json.err;
    const auto doc = nlohmann::json::parse(json.out);
    ASSERT_GE(doc.at("stretches").size(), 10U);
    bool found = false;
    for (const auto& stretch : doc.at("stretches")) {
        EXPECT_NE(text.out.find(stretch.at("id").get<std::string>()), std::string::npos);
        if (stretch.at("id") == "wall-calf") {
            found = true;
            EXPECT_EQ(stretch.at("name"), "Wall calf stretch");
            EXPECT_EQ(stretch.at("sides"), "both");
        }
    }
    EXPECT_TRUE(found);
    // The person's own stretches are listed too.
    writeFile(m_home + "/config/stretches.toml",
              "[my-ankle]\nname = \"My ankle circles\"\ninstructions = [\"Circle.\"]\n");
    const std::string mine = run({"stretches"}).out;
    const auto line = mine.find("\nmy-ankle ");
    ASSERT_NE(line, std::string::npos) << mine;
    EXPECT_LT(mine.find("My ankle circles", line), mine.find('\n', line + 1)) << mine;
}

// Issue 18: a copy is named after what it was copied from and its own id, never the same name
// (EditCommands.NewFromCopiesTheRoutineWithItsComments: and the rest of the file as it was).
TEST_F(CommandLine, NewFromARoutineGivesTheCopyItsOwnName) {
    auto result = run({"new", "my-evening", "--from", "nightly"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("named \"Nightly leg-cramp routine (my-evening)\""),
              std::string::npos)
        << result.out;
    auto list = run({"list", "--json"});
    std::set<std::string> names;
    const nlohmann::json listed = nlohmann::json::parse(list.out); // kept: the loop reads into it
    for (const auto& routine : listed.at("routines"))
        EXPECT_TRUE(names.insert(routine.at("name").get<std::string>()).second)
            << "two routines are called " << routine.at("name");
}

TEST_F(CommandLine, CheckNeverCrashesOnTheTomlCorpus) {
    const fs::path corpus = NS_CORPUS_DIR;
    if (!fs::exists(corpus)) GTEST_SKIP() << "no corpus at " << corpus;
    std::vector<std::string> files{"check"};
    for (const auto& entry : fs::recursive_directory_iterator(corpus))
        if (entry.is_regular_file() && entry.path().extension() == ".toml")
            files.push_back(entry.path().string());
    ASSERT_GT(files.size(), 100u);
    auto result = run(files);
    EXPECT_EQ(result.signal, 0);
    EXPECT_TRUE(result.exitCode == 0 || result.exitCode == 1) << result.exitCode;
    // Every error is our sentence, never the parser's words (README, "Exit codes").
    std::istringstream lines(result.out + result.err);
    int errors = 0;
    for (std::string line; std::getline(lines, line);) {
        const std::size_t at = line.find(": error: ");
        if (at == std::string::npos) continue;
        ++errors;
        const std::string message = line.substr(at);
        for (const char* phrase :
             {"Error while parsing", "while reading", "saw '", "explicitly prohibited",
              "could not determine", "expected ", "encountered", "not valid TOML:"})
            EXPECT_EQ(message.find(phrase), std::string::npos) << line;
    }
    EXPECT_GT(errors, 400);
}

TEST_F(CommandLine, PlanJsonHasEveryPhaseBackToBack) {
    auto result = run({"plan", "nightly", "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    auto plan = nlohmann::json::parse(result.out);
    EXPECT_EQ(plan["routine"], "nightly");
    int expectedStart = 0;
    for (const auto& phase : plan["phases"]) {
        for (const char* key :
             {"kind", "step", "name", "side", "rep", "start_seconds", "duration_seconds"})
            EXPECT_TRUE(phase.contains(key)) << key;
        EXPECT_EQ(phase["start_seconds"].get<int>(), expectedStart);
        expectedStart += phase["duration_seconds"].get<int>();
    }
    EXPECT_EQ(plan["total_seconds"].get<int>(), expectedStart);
}

TEST_F(CommandLine, PlanOfAPathUsesTheTimelineRules) {
    const std::string file = m_home + "/example.toml";
    writeFile(file, "name = \"Example\"\n[[steps]]\nname = \"Calf\"\nsides = \"both\"\n"
                    "prepare = 5\nhold = 30\nreps = 2\nrest = 10\nswitch = 5\n");
    auto plan = nlohmann::json::parse(run({"plan", file, "--json"}).out);
    EXPECT_EQ(plan["total_seconds"], 145);
    EXPECT_EQ(plan["phases"].size(), 8u);
}

TEST_F(CommandLine, UnknownRoutineSuggestsTheClosestId) {
    auto result = run({"plan", "nighly"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("did you mean 'nightly'"), std::string::npos) << result.err;
}

TEST_F(CommandLine, InvalidRoutineExitsOne) {
    userRoutine("nightly", "name = \"Mine\"\nsteps = []\n");
    auto result = run({"plan", "nightly"});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("nightly.toml:"), std::string::npos) << result.err;
}

TEST_F(CommandLine, HomeBeforeTheCommandAndUserRoutinesOverrideBuiltIns) {
    userRoutine("nightly", kShortRoutine);
    auto result = runNightstretch({"--home", m_home, "plan", "nightly", "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(nlohmann::json::parse(result.out)["total_seconds"], 10);
    auto viaEnv = runNightstretch({"plan", "nightly", "--json"}, {{"NIGHTSTRETCH_HOME", m_home}});
    EXPECT_EQ(nlohmann::json::parse(viaEnv.out)["total_seconds"], 10);
}

TEST_F(CommandLine, WindowWithoutADisplayExitsThreeWithOneSentence) {
    auto result = run({"start", "nightly"}, {{"DISPLAY", ""}, {"WAYLAND_DISPLAY", ""}});
    EXPECT_EQ(result.exitCode, 3);
    EXPECT_NE(result.err.find("--text"), std::string::npos) << result.err;
}

// The first run's welcome in the terminal: once, before the routine, with the red flags and the
// urgent line; the "seen" file is the window's too (state/welcome-shown), so neither shows it
// again.
TEST_F(CommandLine, TheFirstTextRunPrintsTheWelcomeOnceBeforeTheRoutine) {
    const std::string file = m_home + "/tiny.toml";
    writeFile(file, "name = \"Tiny\"\n[defaults]\nprepare = 0\n[[steps]]\nname = \"Calf\"\n"
                    "sides = \"none\"\nhold = 5\n");
    ASSERT_FALSE(fs::exists(m_home + "/state/welcome-shown"));
    auto first = run({"start", "--text", file}, {{"ALSOFT_DRIVERS", "null"}});
    ASSERT_EQ(first.exitCode, 0) << first.err;
    const auto welcome = first.out.find("Welcome to Nightstretch");
    ASSERT_NE(welcome, std::string::npos) << first.out;
    EXPECT_LT(welcome, first.out.find("Tiny: ")) << "before the routine: " << first.out;
    for (const char* words :
         {"swollen, red or warm", "see one soon",
          "Get help at once if a cramp lasts more than 10 minutes", "nightstretch relief --text"})
        EXPECT_NE(first.out.find(words), std::string::npos) << words << "\n" << first.out;
    EXPECT_TRUE(fs::exists(m_home + "/state/welcome-shown")) << "the window's file too";

    auto second = run({"start", "--text", file}, {{"ALSOFT_DRIVERS", "null"}});
    ASSERT_EQ(second.exitCode, 0) << second.err;
    EXPECT_EQ(second.out.find("Welcome"), std::string::npos) << second.out;
}

TEST_F(CommandLine, TextModeRunsToTheEndAndWritesATrace) {
    const std::string file = m_home + "/short.toml";
    writeFile(file, kShortRoutine);
    const std::string trace = m_home + "/trace.jsonl";
    auto result = run({"start", "--text", file, "--trace", trace}, {{"ALSOFT_DRIVERS", "null"}});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("Well done"), std::string::npos) << result.out;

    std::istringstream lines(readFile(trace));
    std::string line;
    int phases = 0;
    nlohmann::json end;
    std::vector<std::string> said;
    long long lastChimeDue = -1;
    while (std::getline(lines, line)) {
        auto event = nlohmann::json::parse(line);
        if (event["event"] == "phase") {
            ++phases;
            // How late is measured by scripts/bench, not asserted here: only never early.
            EXPECT_GE(event["at_ms"].get<long long>(), event["due_ms"].get<long long>());
        }
        if (event["event"] == "chime" && event["sound"] != "tick") lastChimeDue = event["due_ms"];
        if (event["event"] == "say") {
            said.push_back(event["text"]);
            // The voice is on by default: each phrase after its phase's chime, never early.
            EXPECT_GT(event["due_ms"].get<long long>(), lastChimeDue) << line;
            EXPECT_GE(event["at_ms"].get<long long>(), event["due_ms"].get<long long>());
        }
        if (event["event"] == "end") end = event;
    }
    EXPECT_EQ(phases, 2); // hold left, hold right
    ASSERT_FALSE(end.is_null());
    EXPECT_EQ(end["status"], "completed");
    EXPECT_EQ(end["due_ms"], 10000);
    EXPECT_GE(end["at_ms"].get<long long>(), 10000);
    EXPECT_EQ(said, (std::vector<std::string>{"Hold.", "Hold.", "Well done. Sleep well."}));
}

TEST_F(CommandLine, TextModeWithTheVoiceOffSaysNothing) {
    const std::string file = m_home + "/short.toml";
    writeFile(file, kShortRoutine);
    writeFile(m_home + "/config/settings.toml", "voice = false\n");
    const std::string trace = m_home + "/trace.jsonl";
    auto result = run({"start", "--text", file, "--trace", trace}, {{"ALSOFT_DRIVERS", "null"}});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const std::string text = readFile(trace);
    EXPECT_NE(text.find("\"event\":\"end\""), std::string::npos) << text;
    EXPECT_EQ(text.find("\"event\":\"say\""), std::string::npos) << text;
}

} // namespace

// A hand-edited settings file with a mistake: the command still works, with one warning that
// names the line, and the file is left as the person wrote it.
TEST_F(CommandLine, ABadSettingsFileIsOneWarningWithItsLine) {
    const std::string file = m_home + "/config/settings.toml";
    writeFile(file, "volume = 250\nday_starts_at = \"4am\"\n");
    const auto result = run({"stats"});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.err.find("settings.toml:1:10: 'volume' must be between 0 and 100; the "
                              "default is used (and 1 more in that file)"),
              std::string::npos)
        << result.err;
    EXPECT_EQ(result.err.find("settings.toml", result.err.find("settings.toml") + 1),
              std::string::npos)
        << "warned more than once: " << result.err;
    EXPECT_EQ(readFile(file), "volume = 250\nday_starts_at = \"4am\"\n");
}

namespace {

class FigureCommand : public CommandLine {};

TEST_F(FigureCommand, WritesThePictureOfAStretch) {
    if (std::getenv("DISPLAY") == nullptr) GTEST_SKIP() << "drawing needs a display";
    const std::string png = m_home + "/calf.png";
    const auto result =
        run({"figure", "wall-calf", "--side", "right", "--pose", "start", "--png", png});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const std::string bytes = readFile(png);
    ASSERT_GT(bytes.size(), 1000u);
    EXPECT_EQ(bytes.substr(1, 3), "PNG");
}

TEST_F(FigureCommand, AnUnknownStretchSuggestsTheClosest) {
    const auto result = run({"figure", "wall-clf", "--png", m_home + "/x.png"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("unknown stretch 'wall-clf'; did you mean 'wall-calf'?"),
              std::string::npos)
        << result.err;
}

// Issue 18: a stretch nobody would mistype points to the list of them.
TEST_F(FigureCommand, AnUnknownStretchPointsToTheList) {
    const auto result = run({"figure", "nope", "--png", m_home + "/x.png"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("'nightstretch stretches' lists them"), std::string::npos)
        << result.err;
}

// Issue 18: the picture is a PNG: another extension is refused (no PNG bytes in a .jpg), and a
// folder that is not there is named. Neither needs a display to be told.
TEST_F(FigureCommand, APictureNameItCannotWriteIsRefusedWithWhy) {
    const std::string jpg = m_home + "/calf.jpg";
    auto result = run({"figure", "wall-calf", "--png", jpg}, {{"DISPLAY", ""}});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("must end in .png (not 'calf.jpg')"), std::string::npos)
        << result.err;
    EXPECT_FALSE(fs::exists(jpg));
    result = run({"stats", "--png", jpg}, {{"DISPLAY", ""}});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("must end in .png"), std::string::npos) << result.err;
    result = run({"figure", "wall-calf", "--png", "/no/such/dir/x.png"}, {{"DISPLAY", ""}});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("cannot write /no/such/dir/x.png: there is no folder '/no/such/dir'"),
              std::string::npos)
        << result.err;
}

TEST_F(FigureCommand, OnlyLeftOrRightAndStartOrHold) {
    EXPECT_EQ(run({"figure", "wall-calf", "--side", "up", "--png", m_home + "/x.png"}).exitCode, 2);
    EXPECT_EQ(run({"figure", "wall-calf", "--pose", "sit", "--png", m_home + "/x.png"}).exitCode,
              2);
    EXPECT_EQ(run({"figure", "wall-calf"}).exitCode, 2) << "--png is required";
}

} // namespace
