// The trace file: each line parses as JSON with DESIGN's fields, in DESIGN's order.
#include "trace.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace ns {
namespace {

using Json = nlohmann::ordered_json;

class TraceTest : public ::testing::Test {
  protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        m_path = std::filesystem::temp_directory_path() /
                 (std::string("nightstretch_trace_") + info->name() + ".jsonl");
        std::filesystem::remove(m_path);
    }
    void TearDown() override { std::filesystem::remove(m_path); }

    std::string path() const { return m_path.string(); }

    // Reads the file as it is now: the writer flushes every line, so it need not be closed.
    std::vector<Json> lines() const {
        std::vector<Json> out;
        std::ifstream in(m_path);
        for (std::string line; std::getline(in, line);)
            out.push_back(Json::parse(line));
        return out;
    }

    static std::vector<std::string> keys(const Json& j) {
        std::vector<std::string> out;
        for (const auto& item : j.items())
            out.push_back(item.key());
        return out;
    }

  private:
    std::filesystem::path m_path;
};

using Keys = std::vector<std::string>;

Routine oneStep() {
    Step step;
    step.stretch.name = "Calf";
    step.sides = Sides::Both;
    step.prepare = 5;
    step.hold = 10;
    step.switchSeconds = 5;
    Routine routine;
    routine.id = "test";
    routine.steps = {step};
    return routine;
}

TEST_F(TraceTest, PhaseLineHasOneBasedStepAndSide) {
    TraceWriter trace(path());
    ASSERT_TRUE(trace.ok());
    Phase phase;
    phase.kind = PhaseKind::Hold;
    phase.step = 0;
    phase.side = Side::Left;
    trace.onPhaseStarted(PhaseEvent{3, &phase, 5000, 5001});
    const std::vector<Json> l = lines();
    ASSERT_EQ(l.size(), 1u);
    EXPECT_EQ(keys(l[0]), (Keys{"event", "index", "kind", "step", "side", "due_ms", "at_ms"}));
    EXPECT_EQ(l[0].dump(), R"({"event":"phase","index":3,"kind":"hold","step":1,"side":"left",)"
                           R"("due_ms":5000,"at_ms":5001})");
}

TEST_F(TraceTest, ChimeLineNamesTheCue) {
    TraceWriter trace(path());
    trace.onCue(CueEvent{Cue::Tick, 12000, 12003});
    EXPECT_EQ(lines().at(0).dump(),
              R"({"event":"chime","sound":"tick","due_ms":12000,"at_ms":12003})");
}

TEST_F(TraceTest, PauseResumeFrameAndFirstFrameLines) {
    TraceWriter trace(path());
    trace.onPaused(12000);
    trace.onResumed(15000);
    trace.frame("0:25", 5007);
    trace.firstFrame(40, 180);
    const std::vector<Json> l = lines();
    ASSERT_EQ(l.size(), 4u);
    EXPECT_EQ(l[0].dump(), R"({"event":"pause","at_ms":12000})");
    EXPECT_EQ(l[1].dump(), R"({"event":"resume","at_ms":15000})");
    EXPECT_EQ(l[2].dump(), R"({"event":"frame","shown":"0:25","at_ms":5007})");
    EXPECT_EQ(l[3].dump(), R"({"event":"first_frame","at_ms":40,"since_process_start_ms":180})");
}

TEST_F(TraceTest, EndLineCarriesStatusHoldSecondsAndStepsSkipped) {
    TraceWriter trace(path());
    trace.onFinished(FinishEvent{SessionStatus::Completed, 148000, 148003, 120, 1});
    EXPECT_EQ(lines().at(0).dump(),
              R"({"event":"end","status":"completed","due_ms":148000,"at_ms":148003,)"
              R"("hold_seconds":120,"steps_skipped":1})");
}

TEST_F(TraceTest, InvalidUtf8InAFrameDoesNotThrow) {
    TraceWriter trace(path());
    EXPECT_NO_THROW(trace.frame("\xff\xfe", 1));
    EXPECT_EQ(lines().at(0)["event"], "frame");
}

TEST_F(TraceTest, AnUnwritablePathIsNotOk) {
    TraceWriter trace("/nonexistent-dir/for/sure/trace.jsonl");
    EXPECT_FALSE(trace.ok());
    trace.frame("0:01", 1); // harmless
}

TEST_F(TraceTest, AWholeSessionTracesEveryEventInOrder) {
    ManualClock clock;
    const Routine routine = oneStep();
    Session session(routine, buildTimeline(routine), clock);
    TraceWriter trace(path());
    session.addObserver(&trace);
    session.start();
    clock.advanceMs(1000);
    session.pause();
    clock.advanceMs(2000);
    session.resume();
    clock.advanceMs(40000);
    session.update();

    std::vector<std::string> summary;
    for (const Json& j : lines()) {
        std::string s = j["event"].get<std::string>();
        if (j.contains("kind"))
            s += " " + j["kind"].get<std::string>() + " " + j["side"].get<std::string>();
        if (j.contains("sound")) s += " " + j["sound"].get<std::string>();
        if (j.contains("due_ms")) s += " " + std::to_string(j["due_ms"].get<long long>());
        summary.push_back(s);
    }
    EXPECT_EQ(summary,
              (std::vector<std::string>{
                  "phase prepare none 0", "chime prepare 0", "pause", "resume",
                  "phase hold left 7000", "chime hold 7000", "chime tick 14000", "chime tick 15000",
                  "chime tick 16000", "phase switch right 17000", "chime switch 17000",
                  "phase hold right 22000", "chime hold 22000", "chime tick 29000",
                  "chime tick 30000", "chime tick 31000", "chime done 32000", "end 32000"}));
    const Json end = lines().back();
    EXPECT_EQ(end["status"], "completed");
    EXPECT_EQ(end["at_ms"], 43000);
    EXPECT_EQ(end["hold_seconds"], 20);
    EXPECT_EQ(end["steps_skipped"], 0);
}

} // namespace
} // namespace ns
