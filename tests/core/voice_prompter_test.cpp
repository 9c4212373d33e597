// The voice prompter through the session runner: each phrase starts once its chime has struck, on
// the session's clock, is traced as a "say" event, and is dropped when the person pauses first.
#include "session_run.hpp"
#include "test_routines.hpp"
#include "voice_prompter.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace ns {
namespace {

using test::makeRoutine;
using test::makeStep;

// Says nothing aloud: records what it was asked, when, on the test's clock.
struct RecordingSpeaker final : Speaker {
    explicit RecordingSpeaker(const ManualClock& clock) : clock(clock) {}
    long long prepare(const std::string& text) override {
        prepared.push_back(text);
        return estimatePhraseMs(text);
    }
    void say(const std::string& text) override {
        said.push_back(text);
        saidAt.push_back(clock.now());
    }
    void stop() override { ++stops; }

    const ManualClock& clock;
    std::vector<std::string> prepared;
    std::vector<std::string> said;
    std::vector<TimePoint> saidAt;
    int stops = 0;
};

CueStrikes strikes(long long ms = 300) {
    CueStrikes s{};
    s.fill(ms);
    return s;
}

class VoicePrompterTest : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "ns-voice-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        m_dir = pattern;
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }
    std::unique_ptr<SessionRun> make(Routine routine, long long strikeMs = 300) {
        SessionRunOptions options;
        options.speaker = &m_speaker;
        options.strikes = strikes(strikeMs);
        options.tracePath = (m_dir / "trace.jsonl").string();
        std::string error;
        auto run = SessionRun::create(std::move(routine), m_clock, options, &error, nullptr);
        EXPECT_TRUE(run) << error;
        return run;
    }
    // Steps the clock 1 ms at a time to `ms` since the start, updating as a front end would.
    void runTo(SessionRun& run, long long ms) {
        while (m_clock.now() - m_start < Millis(ms)) {
            m_clock.advanceMs(1);
            run.update();
        }
    }
    std::vector<nlohmann::json> sayEvents() const {
        std::vector<nlohmann::json> events;
        std::ifstream in(m_dir / "trace.jsonl");
        for (std::string line; std::getline(in, line);) {
            const auto event = nlohmann::json::parse(line);
            if (event["event"] == "say") events.push_back(event);
        }
        return events;
    }

    fs::path m_dir;
    ManualClock m_clock;
    TimePoint m_start = m_clock.now();
    RecordingSpeaker m_speaker{m_clock};
};

TEST_F(VoicePrompterTest, EveryPhraseIsPreparedBeforeTheStart) {
    auto run = make(makeRoutine({makeStep(Sides::Both, 10, 1, 5)}));
    EXPECT_FALSE(m_speaker.prepared.empty());
    EXPECT_TRUE(m_speaker.said.empty());
}

TEST_F(VoicePrompterTest, PhraseStartsOnceTheChimeHasStruck) {
    auto run = make(makeRoutine({makeStep(Sides::Both, 10, 1, 5)}));
    run->start();
    runTo(*run, 299);
    EXPECT_TRUE(m_speaker.said.empty());
    ASSERT_TRUE(run->nextWakeup());
    EXPECT_EQ(*run->nextWakeup(), m_start + Millis(300));
    runTo(*run, 300);
    ASSERT_EQ(m_speaker.said.size(), 1u);
    EXPECT_EQ(m_speaker.said[0], "Test stretch. Left leg first.");
    EXPECT_EQ(m_speaker.saidAt[0], m_start + Millis(300));
}

TEST_F(VoicePrompterTest, WholeRoutineIsSpokenAndTraced) {
    auto run = make(makeRoutine({makeStep(Sides::Both, 10, 1, 5)}));
    run->start();
    // prepare 5, hold L 10, switch 5, hold R 10: the end at 30 s, "Well done" after its chime.
    runTo(*run, 33000);
    EXPECT_TRUE(run->session().finished());
    const std::vector<std::string> expected = {"Test stretch. Left leg first.", "Hold.",
                                               "Change to your right leg.", "Hold.",
                                               "Well done. Sleep well."};
    EXPECT_EQ(m_speaker.said, expected);
    const auto events = sayEvents();
    ASSERT_EQ(events.size(), expected.size());
    const std::vector<long long> due = {300, 5300, 15300, 20300, 30300};
    for (std::size_t i = 0; i < events.size(); ++i) {
        EXPECT_EQ(events[i]["text"], expected[i]);
        EXPECT_EQ(events[i]["due_ms"], due[i]);
        EXPECT_EQ(events[i]["at_ms"], due[i]);
    }
    EXPECT_FALSE(run->voiceBusy(m_clock.now()));
}

TEST_F(VoicePrompterTest, PauseBeforeThePhraseDropsIt) {
    // Keys are ignored in a phase's first 500 ms: a strike of 800 ms leaves time to pause first.
    auto run = make(makeRoutine({makeStep(Sides::None, 10, 1, 5)}), 800);
    run->start();
    runTo(*run, 600);
    ASSERT_TRUE(run->session().pause());
    runTo(*run, 2000);
    run->session().resume();
    runTo(*run, 4000);
    EXPECT_TRUE(m_speaker.said.empty());
}

TEST_F(VoicePrompterTest, SkipStopsAPhraseStillSounding) {
    auto run = make(makeRoutine({makeStep(Sides::Both, 10, 1, 5)}));
    run->start();
    runTo(*run, 600); // the get-ready phrase sounds
    ASSERT_EQ(m_speaker.said.size(), 1u);
    EXPECT_TRUE(run->voiceBusy(m_clock.now()));
    ASSERT_TRUE(run->session().nextPhase());
    EXPECT_EQ(m_speaker.stops, 1);
}

TEST_F(VoicePrompterTest, VoiceTurnedOffMidRunStopsAndSaysNoMore) {
    auto run = make(makeRoutine({makeStep(Sides::Both, 10, 1, 5)}));
    run->start();
    runTo(*run, 600);
    ASSERT_EQ(m_speaker.said.size(), 1u);
    run->setVoice(nullptr, strikes());
    EXPECT_EQ(m_speaker.stops, 1);
    EXPECT_EQ(run->voice(), nullptr);
    runTo(*run, 33000);
    EXPECT_EQ(m_speaker.said.size(), 1u);
}

TEST_F(VoicePrompterTest, VoiceTurnedOnMidRunSpeaksFromTheNextPhase) {
    SessionRunOptions options;
    auto run = SessionRun::create(makeRoutine({makeStep(Sides::Both, 10, 1, 5)}), m_clock, options,
                                  nullptr, nullptr);
    ASSERT_TRUE(run);
    run->start();
    runTo(*run, 1000);
    run->setVoice(&m_speaker, strikes());
    runTo(*run, 6000);
    EXPECT_EQ(m_speaker.said, (std::vector<std::string>{"Hold."}));
}

TEST_F(VoicePrompterTest, QuitSaysNoWellDone) {
    auto run = make(makeRoutine({makeStep(Sides::None, 10, 1, 5)}));
    run->start();
    runTo(*run, 1000);
    run->session().quit();
    runTo(*run, 5000);
    ASSERT_EQ(m_speaker.said.size(), 1u);
    EXPECT_FALSE(run->voiceBusy(m_clock.now() + Millis(60000)));
}

} // namespace
} // namespace ns
