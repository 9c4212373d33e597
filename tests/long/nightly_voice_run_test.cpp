// The whole nightly routine run for real, in real time (about 8.5 minutes): `start --text --trace`
// with the voice on, through OpenAL's null driver. From its trace and the phrases' buffer lengths:
// a "say" for every phase, each after its phase's chime has struck, none sounding under a chime or
// another phrase, and "Well done" at the end. (How late each phrase starts is measured in
// scripts/bench, never asserted here.)
#include "audio_cues.hpp"
#include "phrase_synthesis.hpp"
#include "run_process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ns {
namespace {

struct Interval {
    long long from = 0;
    long long to = 0;
    std::string what;
};

Cue cueNamed(const std::string& sound) {
    for (Cue cue : {Cue::Prepare, Cue::Hold, Cue::Switch, Cue::Rest, Cue::Tick, Cue::Done})
        if (sound == toString(cue)) return cue;
    ADD_FAILURE() << "unknown chime '" << sound << "'";
    return Cue::Tick;
}

// The phrase's length as the app's voice makes it (the same Flite voice and settings).
long long phraseMs(const std::string& text) {
    static std::map<std::string, long long> lengths;
    if (const auto found = lengths.find(text); found != lengths.end()) return found->second;
    std::string problem;
    const std::optional<PhraseAudio> audio = synthesizePhrase(text, &problem);
    EXPECT_TRUE(audio) << problem;
    const long long ms = audio ? audio->lengthMs() : 0;
    lengths.emplace(text, ms);
    return ms;
}

TEST(NightlyVoiceRun, EveryPhaseIsSpokenAndNoPhraseSoundsUnderAChime) {
    const std::string home = test::makeTempDir();
    const std::filesystem::path artifacts = std::filesystem::path(NS_ARTIFACTS_DIR) / "voice";
    std::filesystem::create_directories(artifacts);
    const std::string trace = (artifacts / "nightly-text-run.jsonl").string();
    const test::ProcessResult result =
        test::runNightstretch({"--home", home, "start", "--text", "nightly", "--trace", trace},
                              {{"ALSOFT_DRIVERS", "null"}, {"NIGHTSTRETCH_HOME", ""}});
    std::filesystem::remove_all(home);
    ASSERT_EQ(result.exitCode, 0) << result.err;

    std::vector<nlohmann::json> phases;
    std::vector<nlohmann::json> says;
    std::vector<Interval> chimes;
    std::optional<nlohmann::json> end;
    std::ifstream in(trace);
    for (std::string line; std::getline(in, line);) {
        const auto event = nlohmann::json::parse(line);
        const std::string kind = event["event"];
        if (kind == "phase") phases.push_back(event);
        if (kind == "say") says.push_back(event);
        if (kind == "end") end = event;
        if (kind == "chime") {
            const long long at = event["at_ms"];
            chimes.push_back({at, at + cueStrikeMs(cueNamed(event["sound"])), event["sound"]});
        }
    }
    ASSERT_TRUE(end) << "the trace has no end";
    EXPECT_EQ((*end)["status"], "completed");
    ASSERT_GE(phases.size(), 20u) << "nightly has many phases";

    // One phrase in each phase (due after the phase began, before the next), then "Well done".
    ASSERT_EQ(says.size(), phases.size() + 1);
    for (std::size_t i = 0; i < phases.size(); ++i) {
        const long long begins = phases[i]["due_ms"];
        const long long ends = i + 1 < phases.size()
                                   ? static_cast<long long>(phases[i + 1]["due_ms"])
                                   : static_cast<long long>((*end)["due_ms"]);
        const long long due = says[i]["due_ms"];
        EXPECT_GT(due, begins) << "phase " << i << ": after its chime's strike";
        EXPECT_LT(due, ends) << "phase " << i << " (" << phases[i]["kind"] << ") has no phrase";
        EXPECT_FALSE(says[i].value("muted", false));
    }
    EXPECT_EQ(says.back()["text"], "Well done. Sleep well.");

    // Each phrase as long as its buffer, from when it started: clear of every chime's strike (as
    // the chimes really rang, from their own start times) and of every other phrase.
    std::vector<Interval> phrases;
    for (const auto& say : says) {
        const long long at = say["at_ms"];
        phrases.push_back({at, at + phraseMs(say["text"]), say["text"]});
    }
    for (const Interval& phrase : phrases) {
        for (const Interval& chime : chimes)
            EXPECT_TRUE(phrase.to <= chime.from || chime.to <= phrase.from)
                << "'" << phrase.what << "' at " << phrase.from << "-" << phrase.to
                << " ms overlaps the " << chime.what << " chime at " << chime.from << "-"
                << chime.to << " ms";
        for (const Interval& other : phrases)
            if (&other != &phrase) {
                EXPECT_TRUE(phrase.to <= other.from || other.to <= phrase.from)
                    << "'" << phrase.what << "' overlaps '" << other.what << "'";
            }
    }
}

} // namespace
} // namespace ns
