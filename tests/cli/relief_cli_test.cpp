// `nightstretch relief --text` and `about --text` end to end: the guide goes through its steps with
// Space, records a relief event on the night it is (counted in `history --json`), and exits 0;
// stopping early records how far it went; `about` prints every section with the urgent cases.
#include "run_process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

class ReliefCommands : public ns::test::TempHomeTest {
  protected:
    ns::test::ProcessResult run(std::vector<std::string> args, const std::string& input) {
        args.insert(args.begin(), {"--home", m_home});
        return ns::test::runNightstretchWithInput(args, input,
                                                  {{"TZ", "UTC"}, {"ALSOFT_DRIVERS", "null"}});
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
          "more than 10 minutes", "tetanus", "docs/sources.md",
          "If the leg is swollen, red or warm, don't rub it: please see a doctor soon."})
        EXPECT_NE(result.out.find(words), std::string::npos) << words;
}

} // namespace
