// The voice as the app runs it: phrases come from the helper process, and Flite (with the voice
// module) is never mapped into the app's own process. This executable links no Flite at all, so a
// phrase with a length can only have come from the helper.
#include "audio_cues.hpp"
#include "voice.hpp"
#include "voice_helper.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace ns {
namespace {

std::string ownMaps() {
    std::ifstream maps("/proc/self/maps");
    std::stringstream text;
    text << maps.rdbuf();
    return text.str();
}

TEST(VoiceHelper, PhrasesComeFromTheHelperAndFliteStaysOutOfThisProcess) {
    AudioCues audio;
    Voice voice(audio);
    ASSERT_TRUE(voice.available());
    const long long holdMs = voice.prepare("Hold.");
    const long long longerMs = voice.prepare("Change to your right leg.");
    voice.donePreparing();
    EXPECT_GE(holdMs, 300);
    EXPECT_GT(longerMs, holdMs);
    ASSERT_TRUE(voice.phrase("Hold."));
    EXPECT_FALSE(voice.phrase("Hold.")->samples.empty());
    const std::string maps = ownMaps();
    EXPECT_EQ(maps.find("libflite"), std::string::npos);
    EXPECT_EQ(maps.find("libnightstretch_voice"), std::string::npos);
}

TEST(VoiceHelper, AfterDonePreparingANewPhraseStartsANewHelper) {
    AudioCues audio;
    Voice voice(audio);
    ASSERT_TRUE(voice.available());
    EXPECT_GT(voice.prepare("Rest."), 0);
    voice.donePreparing();
    EXPECT_GT(voice.prepare("Sit tall."), 0);                             // a new helper answers
    EXPECT_EQ(voice.prepare("Rest."), voice.phrase("Rest.")->lengthMs()); // kept, not asked again
    voice.donePreparing();
}

TEST(VoiceHelper, ATextTooLongForTheHelperEndsItAndTheVoiceStartsAnother) {
    std::unique_ptr<VoiceHelper> helper = VoiceHelper::start();
    ASSERT_NE(helper, nullptr);
    ASSERT_TRUE(helper->loaded()) << helper->problem();
    std::string problem;
    EXPECT_FALSE(helper->synthesize(std::string(5000, 'a'), &problem));
    EXPECT_TRUE(helper->ended());
    EXPECT_NE(problem.find("ended"), std::string::npos) << problem;
    EXPECT_FALSE(helper->synthesize("Hold.", &problem)); // it does not answer again

    AudioCues audio;
    Voice voice(audio);
    EXPECT_LT(voice.prepare(std::string(5000, 'a')), 0);
    EXPECT_GT(voice.prepare("Hold."), 0); // from a new helper
    voice.donePreparing();
}

} // namespace
} // namespace ns
