// The voice as a listener would judge it: each phrase of plausible length, as loud as the chimes
// (RMS within 3 dB), never at full scale, faded at its edges; and across the whole nightly routine
// no phrase overlaps a chime's strike or another phrase. Every phrase of nightly is written as a
// WAV under NS_ARTIFACTS_DIR/voice/ so a person can listen.
#include "audio_cues.hpp"
#include "phrase_synthesis.hpp"
#include "routine_loader.hpp"
#include "session_run.hpp"
#include "voice.hpp"
#include "wav_file.hpp"

#include <SFML/Audio/SoundBuffer.hpp>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace ns {
namespace {

double decibels(double ratio) {
    return 20.0 * std::log10(ratio);
}

// Each phrase synthesised once. A map, whose entries stay put: the vector this was once handed out
// references into its old storage when it grew (found by the ASan pass of scripts/test).
const PhraseAudio& synthesized(const std::string& text) {
    static std::map<std::string, PhraseAudio> cache;
    if (const auto found = cache.find(text); found != cache.end()) return found->second;
    std::string problem;
    std::optional<PhraseAudio> audio = synthesizePhrase(text, &problem);
    if (!audio) throw std::runtime_error("no voice: " + problem);
    return cache.emplace(text, std::move(*audio)).first->second;
}

TEST(VoiceSynthesis, PhraseHasAPlausibleCalmLength) {
    const PhraseAudio& hold = synthesized("Hold.");
    const PhraseAudio& change = synthesized("Change to your right leg.");
    EXPECT_GT(hold.sampleRate, 8000u);
    EXPECT_GE(hold.lengthMs(), 300);
    EXPECT_LE(hold.lengthMs(), 1500);
    // Five words at a calm pace: between about 1.5 and 4 words a second.
    EXPECT_GE(change.lengthMs(), 1250);
    EXPECT_LE(change.lengthMs(), 3400);
}

TEST(VoiceSynthesis, SlowedVoiceIsLongerThanFlitesOwnPace) {
    // The stretch lengthens phrases by kVoiceStretch; the word estimate assumes it too.
    const PhraseAudio& phrase = synthesized("Wall calf stretch. Left leg first.");
    EXPECT_NEAR(static_cast<double>(phrase.lengthMs()),
                static_cast<double>(estimatePhraseMs("Wall calf stretch. Left leg first.")),
                0.5 * static_cast<double>(estimatePhraseMs("Wall calf stretch. Left leg first.")));
}

TEST(VoiceSynthesis, LoudnessMatchesTheChimesWithin3Decibels) {
    for (const char* text : {"Hold.", "Relax.", "Change to your right leg.",
                             "Well done. Sleep well.", "Towel stretch in bed. Left leg first."}) {
        const double rms = rmsOf(synthesized(text).samples);
        EXPECT_LE(std::abs(decibels(rms / chimeRms())), 3.0) << text;
    }
    // The chimes' reference is itself a real level, not silence.
    EXPECT_GT(chimeRms(), 0.02);
    EXPECT_LT(chimeRms(), 0.5);
}

TEST(VoiceSynthesis, NoSampleReachesFullScale) {
    for (const char* text : {"Hold.", "Shin stretch. Left leg first.", "Well done. Sleep well."}) {
        const PhraseAudio& audio = synthesized(text);
        EXPECT_LT(peakOf(audio.samples), 0.9) << text;
        EXPECT_GT(peakOf(audio.samples), 0.1) << text; // and it is not silent
    }
}

TEST(VoiceSynthesis, PhraseFadesInAndOut) {
    const PhraseAudio& audio = synthesized("Relax.");
    ASSERT_GT(audio.samples.size(), 100u);
    EXPECT_EQ(audio.samples.front(), 0);
    EXPECT_LE(std::abs(static_cast<int>(audio.samples.back())), 40);
}

TEST(Voice, PhrasesAreSynthesizedOnceByText) {
    AudioCues audio;
    Voice voice(audio);
    ASSERT_TRUE(voice.available());
    const long long first = voice.prepare("Hold.");
    const std::optional<PhraseAudio> cached = voice.phrase("Hold.");
    ASSERT_TRUE(cached);
    EXPECT_EQ(cached->lengthMs(), first);
    EXPECT_EQ(voice.prepare("Hold."), first);
    EXPECT_EQ(voice.phrase("Hold.")->samples, cached->samples);
    EXPECT_FALSE(voice.phrase("Relax."));
    voice.say("Hold."); // through the null device: no crash, no sound
    voice.say("never prepared");
    voice.stop();
}

TEST(AudioCuesStrike, StrikeEndsWithinTheCue) {
    for (Cue cue : {Cue::Prepare, Cue::Hold, Cue::Switch, Cue::Rest, Cue::Tick, Cue::Done}) {
        const auto samples = synthesizeCue(cue);
        const long long cueMs = static_cast<long long>(samples.size()) * 1000 / 44100;
        EXPECT_GT(cueStrikeMs(cue), 0);
        EXPECT_LE(cueStrikeMs(cue), cueMs);
    }
    // The two- and three-note chimes strike for longer than the single bell.
    EXPECT_GT(cueStrikeMs(Cue::Switch), cueStrikeMs(Cue::Hold));
    EXPECT_GT(cueStrikeMs(Cue::Done), cueStrikeMs(Cue::Switch));
}

// A phrase starts while the chime's long tail still rings (its strike is a few hundred ms of a
// cue of about two seconds): the tail is lowered under the voice, and the next chime is whole.
TEST(VoiceDuck, TheChimesTailIsDuckedUnderTheVoice) {
    AudioCues audio;
    ASSERT_TRUE(audio.available());
    const PhraseAudio& hold = synthesized("Hold.");
    sf::SoundBuffer buffer;
    ASSERT_TRUE(
        buffer.loadFromSamples(hold.samples.data(), hold.samples.size(), 1, hold.sampleRate));
    audio.play(Cue::Hold);
    const float full = audio.loudestChimeGain();
    ASSERT_GT(full, 0.f) << "the bell rings for about two seconds";
    audio.playVoice(buffer);
    EXPECT_NEAR(audio.loudestChimeGain(), full * kTailDuck, 0.01f);
    audio.setVolume(audio.volume()); // a volume key while the voice speaks keeps the duck
    EXPECT_NEAR(audio.loudestChimeGain(), full * kTailDuck, 0.01f);
    audio.stopVoice();
    audio.play(Cue::Rest);
    EXPECT_NEAR(audio.loudestChimeGain(), full, 0.01f) << "the next chime at its own volume";
}

TEST(VoiceDuck, MutedTheVoiceIsNotAudible) {
    AudioCues audio;
    Voice voice(audio);
    ASSERT_TRUE(voice.available());
    EXPECT_TRUE(voice.audible());
    audio.setMuted(true);
    EXPECT_FALSE(voice.audible());
    audio.setMuted(false);
    audio.setVolume(0);
    EXPECT_FALSE(voice.audible());
}

const Routine& nightly() {
    static const RoutineLibrary library = RoutineLibrary::load(NS_ROUTINES_DIR, {});
    const RoutineEntry* entry = library.find("nightly");
    if (!entry || !entry->result.ok()) throw std::runtime_error("nightly did not load");
    return *entry->result.routine;
}

std::string slug(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)) != 0)
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else if (!out.empty() && out.back() != '-')
            out += '-';
        if (out.size() >= 48) break;
    }
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    return out;
}

struct Interval {
    long long from = 0;
    long long to = 0;
    std::string what;
};

// The whole nightly routine, run on a manual clock woken exactly when the run asks (as a front
// end does), traced; then the trace's chimes and phrases checked against each other.
TEST(VoiceNightly, NoPhraseOverlapsAChimeOrAnotherPhrase) {
    AudioCues audio;
    Voice voice(audio);
    ASSERT_TRUE(voice.available());
    const fs::path artifacts = fs::path(NS_ARTIFACTS_DIR) / "voice";
    fs::create_directories(artifacts);
    const fs::path tracePath = artifacts / "nightly-trace.jsonl";

    ManualClock clock;
    SessionRunOptions options;
    options.speaker = &voice;
    options.strikes = cueStrikes();
    options.tracePath = tracePath.string();
    std::string error;
    auto run = SessionRun::create(nightly(), clock, options, &error, nullptr);
    ASSERT_TRUE(run) << error;
    run->start();
    for (int guard = 0;
         guard < 100000 && (!run->session().finished() || run->voiceBusy(clock.now())); ++guard) {
        const auto wake = run->nextWakeup();
        if (wake)
            clock.advance(std::max(*wake - clock.now(), std::chrono::steady_clock::duration(1)));
        else
            clock.advanceMs(100); // only the last phrase still sounding
        run->update();
    }
    ASSERT_TRUE(run->session().finished());
    ASSERT_NE(run->voice(), nullptr);
    const PhrasePlan& plan = run->voice()->plan();

    std::vector<Interval> chimes;
    std::vector<Interval> phrases;
    std::ifstream in(tracePath);
    for (std::string line; std::getline(in, line);) {
        const auto event = nlohmann::json::parse(line);
        if (event["event"] == "chime") {
            const std::string sound = event["sound"];
            const Cue cue = sound == "prepare"  ? Cue::Prepare
                            : sound == "hold"   ? Cue::Hold
                            : sound == "switch" ? Cue::Switch
                            : sound == "rest"   ? Cue::Rest
                            : sound == "tick"   ? Cue::Tick
                                                : Cue::Done;
            const long long due = event["due_ms"];
            chimes.push_back({due, due + cueStrikeMs(cue), sound});
        } else if (event["event"] == "say") {
            const std::string text = event["text"];
            const long long due = event["due_ms"];
            const long long at = event["at_ms"];
            EXPECT_EQ(at, due) << text; // the manual clock wakes exactly when asked
            const std::optional<PhraseAudio> phrase = voice.phrase(text);
            ASSERT_TRUE(phrase) << text;
            phrases.push_back({at, at + phrase->lengthMs(), text});
        }
    }
    // A phrase for every phase, and "Well done" at the end.
    EXPECT_EQ(phrases.size(), run->session().timeline().phases.size() + 1);
    EXPECT_EQ(phrases.back().what, "Well done. Sleep well.");
    for (const Interval& phrase : phrases) {
        for (const Interval& chime : chimes)
            EXPECT_TRUE(phrase.to + kPhraseGapMs <= chime.from || chime.to <= phrase.from)
                << "'" << phrase.what << "' at " << phrase.from << "-" << phrase.to
                << " ms overlaps the " << chime.what << " chime at " << chime.from << "-"
                << chime.to << " ms";
        for (const Interval& other : phrases)
            if (&other != &phrase) {
                EXPECT_TRUE(phrase.to <= other.from || other.to <= phrase.from)
                    << "'" << phrase.what << "' overlaps '" << other.what << "'";
            }
    }
    // The first get-ready has time for the first instruction line.
    EXPECT_NE(phrases.front().what.find("Left leg first. "), std::string::npos)
        << phrases.front().what;

    // Every phrase of nightly, to listen to.
    std::set<std::string> texts;
    for (const PlannedPhrase& phrase : plan.phases)
        if (!phrase.text.empty()) texts.insert(phrase.text);
    texts.insert(plan.end.text);
    int number = 0;
    for (const std::string& text : texts) {
        const std::optional<PhraseAudio> audioOfPhrase = voice.phrase(text);
        ASSERT_TRUE(audioOfPhrase);
        char prefix[16];
        std::snprintf(prefix, sizeof prefix, "%02d-", ++number);
        test::writeWav(artifacts / (prefix + slug(text) + ".wav"), audioOfPhrase->samples,
                       audioOfPhrase->sampleRate);
    }
    EXPECT_GE(number, 7);
}

} // namespace
} // namespace ns
