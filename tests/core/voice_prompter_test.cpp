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
    bool audible() const override { return !muted; }

    const ManualClock& clock;
    std::vector<std::string> prepared;
    std::vector<std::string> said;
    std::vector<TimePoint> saidAt;
    int stops = 0;
    bool muted = false;
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

TEST_F(VoicePrompterTest, PauseCutsThePhraseAndResumeDoesNotSayItAgain) {
    auto run = make(makeRoutine({makeStep(Sides::Both, 10, 1, 5)}));
    run->start();
    runTo(*run, 600); // "Test stretch. Left leg first." sounds (about 3 s long)
    ASSERT_EQ(m_speaker.said.size(), 1u);
    ASSERT_TRUE(run->session().pause());
    EXPECT_EQ(m_speaker.stops, 1) << "pausing silences the phrase at once";
    EXPECT_FALSE(run->voiceBusy(m_clock.now()));
    runTo(*run, 3000);
    ASSERT_TRUE(run->session().resume()); // paused 2.4 s: get ready now ends at 7.4 s
    runTo(*run, 7699);
    EXPECT_EQ(m_speaker.said.size(), 1u) << "the cut phrase is not said again on resume";
    runTo(*run, 7700);
    EXPECT_EQ(m_speaker.said, (std::vector<std::string>{"Test stretch. Left leg first.", "Hold."}));
    ASSERT_EQ(m_speaker.saidAt.size(), 2u);
    EXPECT_EQ(m_speaker.saidAt[1], m_start + Millis(7700)) << "the next phase speaks on time";
    const auto events = sayEvents();
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[1]["due_ms"], 7700);
}

TEST_F(VoicePrompterTest, PhraseDueWhilePausedIsDroppedNotSaidAtResume) {
    // A strike of 800 ms: the person pauses at 600 ms, before the phrase was due at 800 ms.
    auto run = make(makeRoutine({makeStep(Sides::Both, 10, 1, 5)}), 800);
    run->start();
    runTo(*run, 600);
    ASSERT_TRUE(run->session().pause());
    runTo(*run, 5000);
    EXPECT_FALSE(run->nextWakeup() && *run->nextWakeup() <= m_clock.now());
    ASSERT_TRUE(run->session().resume()); // get ready's 4.4 s left: ends at 9.4 s
    runTo(*run, 10199);
    EXPECT_TRUE(m_speaker.said.empty());
    runTo(*run, 10200);
    EXPECT_EQ(m_speaker.said, (std::vector<std::string>{"Hold."}));
}

TEST_F(VoicePrompterTest, MutedSaysNothingButTracesEachPhraseMarkedMuted) {
    m_speaker.muted = true;
    auto run = make(makeRoutine({makeStep(Sides::Both, 10, 1, 5)}));
    run->start();
    runTo(*run, 600);
    EXPECT_FALSE(run->voiceBusy(m_clock.now())) << "nothing sounds, nothing to wait for";
    runTo(*run, 12000);
    m_speaker.muted = false; // unmuted mid-run: from the next phrase on it is heard
    runTo(*run, 33000);
    EXPECT_EQ(m_speaker.said, (std::vector<std::string>{"Change to your right leg.", "Hold.",
                                                        "Well done. Sleep well."}));
    const auto events = sayEvents();
    ASSERT_EQ(events.size(), 5u);
    for (std::size_t i = 0; i < events.size(); ++i)
        EXPECT_EQ(events[i].value("muted", false), i < 2) << events[i].dump();
    EXPECT_EQ(events[0]["text"], "Test stretch. Left leg first.");
}

TEST_F(VoicePrompterTest, TheStrikeCountsFromWhenTheChimeReallyRang) {
    auto run = make(makeRoutine({makeStep(Sides::Both, 10, 1, 5)}));
    run->start();
    runTo(*run, 4990);
    m_clock.advanceMs(40); // a busy moment: the hold's chime, due at 5000 ms, rings at 5030 ms
    run->update();
    ASSERT_EQ(run->session().phase().kind, PhaseKind::Hold);
    runTo(*run, 5329);
    EXPECT_EQ(m_speaker.said.size(), 1u) << "not under the strike of a chime that rang late";
    runTo(*run, 5330);
    ASSERT_EQ(m_speaker.said.size(), 2u);
    EXPECT_EQ(m_speaker.said[1], "Hold.");
    const auto events = sayEvents();
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[1]["due_ms"], 5330);
    EXPECT_EQ(events[1]["at_ms"], 5330);
}

} // namespace
} // namespace ns
