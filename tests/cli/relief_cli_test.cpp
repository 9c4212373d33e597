// `nightstretch relief --text` and `about --text` end to end: the guide goes through its steps with
// Space, records a relief event on the night it is (counted in `history --json`), and exits 0;
// stopping early records how far it went; `about` prints every section with the urgent cases.
#include "run_process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

// Characters on a line, not UTF-8 bytes.
std::size_t characters(const std::string& line) {
    std::size_t count = 0;
    for (const char c : line)
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++count;
    return count;
}

// The words as one flow: a line break and the indent after it read as one space.
std::string flowed(const std::string& text) {
    std::istringstream in(text);
    std::string out;
    for (std::string word; in >> word;)
        out += (out.empty() ? "" : " ") + word;
    return out;
}

class ReliefCommands : public ns::test::TempHomeTest {
  protected:
    ns::test::ProcessResult run(std::vector<std::string> args, const std::string& input) {
        args.insert(args.begin(), {"--home", m_home});
        return ns::test::runNightstretchWithInput(args, input,
                                                  {{"TZ", "UTC"}, {"ALSOFT_DRIVERS", "null"}});
    }
    ns::test::ProcessResult runWith(std::vector<std::string> args, const std::string& input,
                                    const std::string& columns) {
        args.insert(args.begin(), {"--home", m_home});
        return ns::test::runNightstretchWithInput(
            args, input, {{"TZ", "UTC"}, {"ALSOFT_DRIVERS", "null"}, {"COLUMNS", columns}});
    }
    nlohmann::json history() {
        auto result = run({"history", "--json"}, "");
        EXPECT_EQ(result.exitCode, 0) << result.err;
        return nlohmann::json::parse(result.out);
    }
};

TEST_F(ReliefCommands, SpaceGoesThroughEveryStepRecordsTheReliefAndExitsZero) {
    const auto result = run({"relief", "--text"}, "     ");
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("A cramp in the calf"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("1 of 5  Stretch the calf"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("toes toward your knee"), std::string::npos);
    // Wrapped to the terminal's width: the words, not the line breaks.
    EXPECT_NE(result.out.find("swollen, red or warm"), std::string::npos);
    EXPECT_NE(result.out.find("Turn on a light"), std::string::npos);
    EXPECT_NE(result.out.find("5 of 5  Loosen the bedclothes"), std::string::npos);
    EXPECT_NE(result.out.find("Well done"), std::string::npos);
    EXPECT_NE(result.out.find("A cramp over 10 minutes that does not ease"), std::string::npos);
    const auto reliefs = history().at("reliefs");
    ASSERT_EQ(reliefs.size(), 1u);
    EXPECT_EQ(reliefs[0].at("variant"), "calf");
    EXPECT_EQ(reliefs[0].at("steps_done"), 5);
    EXPECT_EQ(reliefs[0].at("night").get<std::string>().size(), 10u);
}

TEST_F(ReliefCommands, StoppingEarlyKeepsHowFarItWentAndTheShinGuideIsItsOwn) {
    const auto result = run({"relief", "--text", "--shin"}, " bq");
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("A cramp in the shin or foot"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("Stretch the cramped muscle"), std::string::npos);
    EXPECT_NE(result.out.find("Stopped."), std::string::npos);
    const auto reliefs = history().at("reliefs");
    ASSERT_EQ(reliefs.size(), 1u);
    EXPECT_EQ(reliefs[0].at("variant"), "shin");
    EXPECT_EQ(reliefs[0].at("steps_done"), 1);
}

// The say lines of a relief trace, in order.
std::vector<std::string> saidIn(const std::string& trace) {
    std::vector<std::string> said;
    std::ifstream in(trace);
    for (std::string line; std::getline(in, line);) {
        const auto event = nlohmann::json::parse(line);
        if (event.at("event") == "say") said.push_back(event.at("text").get<std::string>());
    }
    return said;
}

// Eyes closed in the terminal too: each step is said as it comes, and "Well done" at the end;
// with the voice off in the settings, nothing is.
TEST_F(ReliefCommands, TheTextGuideSpeaksEachStepUnlessTheVoiceIsOff) {
    const std::string trace = m_home + "/relief.trace";
    auto result = run({"relief", "--text", "--trace", trace}, "     ");
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const std::vector<std::string> said = saidIn(trace);
    ASSERT_EQ(said.size(), 6u) << "five steps and the last words";
    EXPECT_NE(said.front().find("Stretch the calf"), std::string::npos) << said.front();
    EXPECT_EQ(said.back(), "Well done. Sleep well.");

    std::filesystem::create_directories(m_home + "/config");
    ns::test::writeFile(m_home + "/config/settings.toml", "voice = false\n");
    std::filesystem::remove(trace);
    result = run({"relief", "--text", "--trace", trace}, "     ");
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(saidIn(trace).empty());
}

// Issue 18: --voice off silences the guide and is kept for next time (as V does in the window);
// --voice on brings it back.
TEST_F(ReliefCommands, VoiceOffIsKeptUntilVoiceOn) {
    const std::string trace = m_home + "/relief.trace";
    auto result = run({"relief", "--text", "--voice", "off", "--trace", trace}, "     ");
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(saidIn(trace).empty());
    std::filesystem::remove(trace);
    result = run({"relief", "--text", "--trace", trace}, "     ");
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(saidIn(trace).empty()) << "kept in settings.toml";
    std::filesystem::remove(trace);
    result = run({"relief", "--text", "--voice", "on", "--trace", trace}, "     ");
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(saidIn(trace).size(), 6u);
}

// V during the guide: the voice stops for the steps after it, says so, and the choice is kept.
TEST_F(ReliefCommands, VTurnsTheVoiceOffDuringTheGuide) {
    const std::string trace = m_home + "/relief.trace";
    const auto result = run({"relief", "--text", "--trace", trace}, "v     ");
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("Voice off (V turns it on)."), std::string::npos) << result.out;
    const std::vector<std::string> said = saidIn(trace);
    ASSERT_EQ(said.size(), 1u) << "only the first step, before V";
    EXPECT_NE(said.front().find("Stretch the calf"), std::string::npos) << said.front();
    EXPECT_NE(ns::test::readFile(m_home + "/config/settings.toml").find("voice = false"),
              std::string::npos);
}

// The first screen (before the first step's key) already has the urgent line.
TEST_F(ReliefCommands, TheUrgentLineComesBeforeTheFirstStep) {
    for (const char* shin : {"", "--shin"}) {
        std::vector<std::string> args = {"relief", "--text"};
        if (*shin != '\0') args.emplace_back(shin);
        const auto result = run(args, "q");
        ASSERT_EQ(result.exitCode, 0) << result.err;
        const auto urgent = result.out.find("A cramp over 10 minutes that does not ease");
        const auto firstStep = result.out.find("1 of ");
        ASSERT_NE(firstStep, std::string::npos) << result.out;
        EXPECT_LT(urgent, firstStep) << result.out;
    }
}

TEST_F(ReliefCommands, InputEndingStopsCleanly) {
    const auto result = run({"relief", "--text"}, "");
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("Stopped."), std::string::npos);
    EXPECT_EQ(history().at("reliefs").size(), 1u) << "a relief begun is a relief used";
}

TEST_F(ReliefCommands, AboutPrintsWhatHelpsTheRedFlagsAndTheUrgentCases) {
    const auto result = run({"about", "--text"}, "");
    ASSERT_EQ(result.exitCode, 0) << result.err;
    for (const char* words :
         {"Leg cramps: what helps, when to see a doctor", "Restless legs are different",
          "about six weeks", "several times a week or nightly", "swollen, red or warm",
          "numbness or tingling", "new medicine", "don't stop a medicine on your own", "quinine",
          "more than 10 minutes", "tetanus", "share/nightstretch/sources.md", "pregnancy",
          "midwife", "poor blood flow to the legs", "do not mean you have one",
          "If the leg is swollen, red or warm, don't rub it: please see a doctor soon."})
        EXPECT_NE(flowed(result.out).find(words), std::string::npos) << words;
    // Night cramps always come at rest: "without exertion" would send everyone to a doctor.
    EXPECT_EQ(result.out.find("exertion"), std::string::npos);
}

// Issue 18: the file about --text names is there (installed beside the routines; the build tree
// has it in the same place).
TEST_F(ReliefCommands, AboutNamesASourcesFileThatExists) {
    const auto result = run({"about", "--text"}, "");
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto lines = linesOf(result.out);
    ASSERT_GE(lines.size(), 2U);
    EXPECT_EQ(lines[lines.size() - 2], "Where each sentence comes from:");
    const std::string file = lines.back().substr(lines.back().find_first_not_of(' '));
    EXPECT_TRUE(std::filesystem::is_regular_file(file)) << file;
    EXPECT_NE(ns::test::readFile(file).find("Where Nightstretch's health sentences come from"),
              std::string::npos);
}

// Issue 18: about --text and relief --text wrap to the terminal's width (COLUMNS for a pipe, the
// terminal's own width on a terminal), between words, saying the same words at any width.
TEST_F(ReliefCommands, TextIsWrappedToTheTerminalsWidthBetweenWords) {
    const auto wide = runWith({"about", "--text"}, "", "1000");
    ASSERT_EQ(wide.exitCode, 0) << wide.err;
    for (const char* columns : {"80", "60", "40"}) {
        const auto about = runWith({"about", "--text"}, "", columns);
        ASSERT_EQ(about.exitCode, 0) << about.err;
        auto lines = linesOf(about.out);
        lines.pop_back(); // the sources file's path: a path is never broken
        for (const std::string& line : lines)
            EXPECT_LE(characters(line), std::stoul(columns)) << columns << ": " << line;
        EXPECT_EQ(flowed(about.out), flowed(wide.out)) << columns;
        const auto relief = runWith({"relief", "--text"}, "     ", columns);
        ASSERT_EQ(relief.exitCode, 0) << relief.err;
        for (const std::string& line : linesOf(relief.out))
            EXPECT_LE(characters(line), std::stoul(columns)) << columns << ": " << line;
    }
    if (!ns::test::hasScript()) GTEST_SKIP() << "script(1) makes the terminal";
    const std::string onTerminal =
        ns::test::runOnTerminal({"--home", m_home, "about", "--text"}, "", "stty cols 60");
    ASSERT_NE(onTerminal.find("Restless legs"), std::string::npos) << onTerminal;
    auto lines = linesOf(onTerminal);
    lines.pop_back(); // the path
    for (std::string line : lines) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        EXPECT_LE(characters(line), 60U) << line;
    }
}

} // namespace
