// What the sound badge says for each state of the sound keys, the device and the voice.
#include "sound_badge.hpp"

#include <gtest/gtest.h>

namespace ns {
namespace {

SoundState state(bool available, bool muted, int volume, bool voice, bool voiceWorks) {
    SoundState s;
    s.available = available;
    s.muted = muted;
    s.volume = volume;
    s.voice = voice;
    s.voiceWorks = voiceWorks;
    return s;
}

TEST(SoundBadgeText, SaysWhatWillBeHeard) {
    EXPECT_EQ(soundBadgeText(state(true, false, 70, true, true)), "Sound 70 % · Voice on");
    EXPECT_EQ(soundBadgeText(state(true, false, 60, false, true)), "Sound 60 % · Voice off");
    EXPECT_EQ(soundBadgeText(state(true, true, 70, true, true)), "Sound off (M)");
    EXPECT_EQ(soundBadgeText(state(false, false, 70, true, true)), "Sound unavailable");
}

TEST(SoundBadgeText, AVoiceThatCannotSpeakIsNotCalledOn) {
    EXPECT_EQ(soundBadgeText(state(true, false, 70, true, false)),
              "Sound 70 % · Voice unavailable");
    EXPECT_EQ(soundBadgeText(state(true, false, 70, false, false)), "Sound 70 % · Voice off");
    EXPECT_FALSE(soundSilent(state(true, false, 70, true, false))) << "the chimes still ring";
    EXPECT_NE(state(true, false, 70, true, false), state(true, false, 70, true, true));
}

} // namespace
} // namespace ns
