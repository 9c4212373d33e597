// `nightstretch start --text` at a real (pseudo-)terminal, as a person types: Q asks before it
// stops (one rule with the window), V turns the voice off or on and keeps the choice, and the end
// says what was held and whether the history kept it, even when it could not.
#include "run_process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

class TerminalSession : public ns::test::TempHomeTest {
  protected:
    // A routine of the person's own, so `nightstretch log ID` knows it: one hold of `hold` s.
    void writeRoutine(int hold) {
        ns::test::writeFile(m_home + "/config/routines/one.toml",
                            "name = \"One\"\n[[steps]]\nname = \"Calf\"\nprepare = 0\nhold = " +
                                std::to_string(hold) + "\n");
    }
    static std::map<std::string, std::string> env() {
        return {{"TZ", "UTC"}, {"ALSOFT_DRIVERS", "null"}, {"DISPLAY", ""}};
    }
    ns::test::ProcessResult onTerminal(std::vector<std::string> args,
                                       const std::vector<ns::test::TerminalStep>& steps) {
        args.insert(args.begin(), {"--home", m_home});
        return ns::test::runNightstretchOnTerminal(args, steps, env());
    }
    ns::test::ProcessResult run(std::vector<std::string> args) {
        args.insert(args.begin(), {"--home", m_home});
        return ns::test::runNightstretch(args, env());
    }
    nlohmann::json sessions() {
        const auto result = run({"history", "--json"});
        EXPECT_EQ(result.exitCode, 0) << result.err;
        return nlohmann::json::parse(result.out).at("sessions");
    }
    // The `say` lines of a trace, in order.
    static std::vector<std::string> said(const std::string& trace) {
        std::vector<std::string> texts;
        std::ifstream in(trace);
        for (std::string line; std::getline(in, line);) {
            const auto event = nlohmann::json::parse(line);
            if (event.at("event") == "say") texts.push_back(event.at("text").get<std::string>());
        }
        return texts;
    }
    std::string settings() const { return ns::test::readFile(m_home + "/config/settings.toml"); }
};

// Issue 18: Q used to quit at once while the window asked. Now Q asks, holding the countdown, and
// Q again stops; the end says what was held and that it was saved, as the window's end does.
TEST_F(TerminalSession, QAsksFirstAndQAgainStopsSayingWhatWasSaved) {
    writeRoutine(60);
    const auto result =
        onTerminal({"start", "--text", "one"}, {{"Q stop.", "q"}, {"Stop the routine?", "q"}});
    EXPECT_EQ(result.exitCode, 0) << result.out << result.err;
    EXPECT_NE(result.out.find("Q or Enter = stop, any other key = keep going"), std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("Stopped."), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("You held your stretches for"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("Saved in your history."), std::string::npos) << result.out;
    EXPECT_EQ(result.out.find("Paused."), std::string::npos) << "the question says why it holds";
    const auto stored = sessions();
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].at("status"), "quit");
}

// Any other key goes on (an arrow, a letter); Esc asks too, and Enter stops.
TEST_F(TerminalSession, AnyOtherKeyGoesOnAndEscThenEnterStops) {
    writeRoutine(60);
    const auto result = onTerminal({"start", "--text", "one"}, {{"Q stop.", "q"},
                                                                {"Stop the routine?", "x"},
                                                                {"Going on.", "\x1b"},
                                                                {"Stop the routine?", "\x1b[C"},
                                                                {"Going on.", "\x1b"},
                                                                {"Stop the routine?", "\r"}});
    EXPECT_EQ(result.exitCode, 0) << result.out << result.err;
    EXPECT_NE(result.out.find("Stopped."), std::string::npos) << result.out;
    const auto stored = sessions();
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].at("status"), "quit");
}

// V turns the voice off while it runs (nothing more is said, not even "Well done") and
// settings.toml keeps it, as V does in the window.
TEST_F(TerminalSession, VTurnsTheVoiceOffWhileRunningAndTheSettingsKeepIt) {
    writeRoutine(8);
    const std::string trace = m_home + "/trace.jsonl";
    const auto result = onTerminal({"start", "--text", "one", "--trace", trace},
                                   {{"Q stop.", "v"}, {"Voice off", ""}});
    EXPECT_EQ(result.exitCode, 0) << result.out << result.err;
    EXPECT_NE(result.out.find("Well done. Sleep well."), std::string::npos) << result.out;
    for (const std::string& text : said(trace))
        EXPECT_EQ(text.find("Well done"), std::string::npos) << "said after V: " << text;
    EXPECT_NE(settings().find("voice = false"), std::string::npos) << settings();
}

// --voice on|off: for this run and kept for the next ones; anything else is wrong usage.
TEST_F(TerminalSession, VoiceOnOrOffIsKeptInTheSettings) {
    writeRoutine(5);
    const std::string quiet = m_home + "/quiet.jsonl";
    auto result = run({"start", "--text", "one", "--voice", "off", "--trace", quiet});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(said(quiet).empty());
    EXPECT_NE(settings().find("voice = false"), std::string::npos) << settings();

    const std::string still = m_home + "/still.jsonl";
    result = run({"start", "--text", "one", "--trace", still});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(said(still).empty()) << "the choice was kept";

    const std::string spoken = m_home + "/spoken.jsonl";
    result = run({"start", "--text", "one", "--voice", "on", "--trace", spoken});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    ASSERT_FALSE(said(spoken).empty());
    EXPECT_EQ(said(spoken).back(), "Well done. Sleep well.");
    EXPECT_NE(settings().find("voice = true"), std::string::npos) << settings();

    result = run({"start", "--text", "one", "--voice", "loud"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("--voice"), std::string::npos) << result.err;
}

// Issue 18: a history that cannot be opened (its folder is a file here: root ignores file modes)
// used to end "Well done" with exit 0. Now the end says it was not saved and what to do, and the
// exit code says the environment failed it.
TEST_F(TerminalSession, AHistoryThatCannotBeWrittenEndsSayingNotSavedAndWhatToDo) {
    writeRoutine(5);
    ns::test::writeFile(m_home + "/data", "a file where the data folder belongs\n");
    const auto result = run({"start", "--text", "one"});
    EXPECT_EQ(result.exitCode, 3) << result.out << result.err;
    EXPECT_NE(result.out.find("Well done. Sleep well."), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("Not saved: the history cannot be opened."), std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("make sure the history's folder can be written"), std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("'nightstretch log one' records tonight's stretching"),
              std::string::npos)
        << result.out;
    EXPECT_EQ(result.out.find("Saved in your history"), std::string::npos) << result.out;
}

} // namespace
