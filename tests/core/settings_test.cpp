// settings.toml: what is saved loads back the same, and a save that cannot happen keeps the old
// file whole and leaves nothing behind.
#include "settings.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace ns {
namespace {

namespace fs = std::filesystem;

class SettingsFile : public ::testing::Test {
  protected:
    static std::string readAll(const fs::path& file) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "ns-settings-test-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        m_root = pattern;
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(m_root, ec);
    }
    fs::path m_root;
};

TEST_F(SettingsFile, WhatIsSavedLoadsBackAndNothingElseIsLeft) {
    Settings settings;
    settings.volume = 35;
    settings.muted = true;
    settings.voice = false;
    settings.fullscreen = true;
    settings.reduceMotion = true;
    settings.dayStartsAt = "05:30";
    const fs::path file = m_root / "config" / "settings.toml";
    ASSERT_TRUE(settings.save(file));
    Diagnostics diagnostics;
    const Settings back = Settings::load(file, &diagnostics);
    EXPECT_TRUE(diagnostics.empty());
    EXPECT_EQ(back.volume, 35);
    EXPECT_TRUE(back.muted);
    EXPECT_FALSE(back.voice);
    EXPECT_TRUE(back.fullscreen);
    EXPECT_TRUE(back.reduceMotion);
    EXPECT_EQ(back.dayStartsAt, "05:30");
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(file.parent_path()))
        ++entries;
    EXPECT_EQ(entries, 1u) << "no temporary file left behind";
}

TEST_F(SettingsFile, ASaveThatCannotHappenKeepsTheOldFile) {
    const fs::path file = m_root / "settings.toml";
    Settings settings;
    settings.volume = 20;
    ASSERT_TRUE(settings.save(file));
    // A folder where the file should be cannot be replaced, by root either.
    Settings other;
    other.volume = 90;
    EXPECT_FALSE(other.save(m_root / "settings.toml" / "inside.toml"));
    EXPECT_EQ(Settings::load(file).volume, 20);
    fs::create_directories(m_root / "taken.toml");
    EXPECT_FALSE(other.save(m_root / "taken.toml"));
    EXPECT_TRUE(fs::is_directory(m_root / "taken.toml"));
}

// A settings file edited by hand: each bad value falls back to its default and is reported with
// its line; the file itself is never changed by reading it.
TEST_F(SettingsFile, BadValuesFallBackOneByOneWithTheirLines) {
    const fs::path file = m_root / "settings.toml";
    const std::string text = "volume = 250\nmuted = true\nday_starts_at = \"25:00\"\nloud = 1\n";
    std::ofstream(file) << text;
    Diagnostics problems;
    const Settings settings = Settings::load(file, &problems);
    EXPECT_EQ(settings.volume, Settings{}.volume);
    EXPECT_TRUE(settings.muted); // the good line still counts
    EXPECT_EQ(settings.dayStartsAt, Settings{}.dayStartsAt);
    ASSERT_EQ(problems.size(), 3u);
    EXPECT_EQ(problems[0].line, 1);
    EXPECT_NE(problems[0].message.find("'volume' must be between 0 and 100"), std::string::npos);
    EXPECT_EQ(problems[1].line, 3);
    EXPECT_EQ(problems[2].line, 4);
    EXPECT_EQ(readAll(file), text);
}

TEST_F(SettingsFile, VoiceIsOnByDefaultAndABadValueIsReported) {
    EXPECT_TRUE(Settings{}.voice);
    Diagnostics problems;
    EXPECT_FALSE(Settings::parse("voice = false\n", "settings.toml", &problems).voice);
    EXPECT_TRUE(problems.empty());
    const Settings bad =
        Settings::parse("volume = 20\nvoice = \"yes\"\n", "settings.toml", &problems);
    EXPECT_TRUE(bad.voice);
    EXPECT_EQ(bad.volume, 20);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].line, 2);
    EXPECT_EQ(problems[0].column, 9);
    EXPECT_NE(problems[0].message.find("'voice' must be true or false"), std::string::npos);
}

TEST_F(SettingsFile, MotionIsOnByDefaultAndReduceMotionKeepsFiguresStill) {
    EXPECT_FALSE(Settings{}.reduceMotion);
    Diagnostics problems;
    EXPECT_TRUE(Settings::parse("reduce_motion = true\n", "settings.toml", &problems).reduceMotion);
    EXPECT_TRUE(problems.empty());
    const Settings bad =
        Settings::parse("muted = true\nreduce_motion = 1\n", "settings.toml", &problems);
    EXPECT_FALSE(bad.reduceMotion);
    EXPECT_TRUE(bad.muted);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].line, 2);
    EXPECT_EQ(problems[0].column, 17);
    EXPECT_NE(problems[0].message.find("'reduce_motion' must be true or false"), std::string::npos);
}

TEST_F(SettingsFile, ASyntaxErrorGivesTheDefaultsAndItsLine) {
    const fs::path file = m_root / "settings.toml";
    std::ofstream(file) << "volume = 40\nmuted = tru\n";
    Diagnostics problems;
    const Settings settings = Settings::load(file, &problems);
    EXPECT_EQ(settings.volume, Settings{}.volume);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].kind, DiagnosticKind::Syntax);
    EXPECT_EQ(problems[0].line, 2);
}

TEST_F(SettingsFile, InputsTheTomlParserCannotSurviveAreDiagnostics) {
    const fs::path file = m_root / "settings.toml";
    for (const std::string& text : {std::string(R"(title = [ " \", ",})"),
                                    std::string("a") + std::string(5000, '.') + "b = 1\n",
                                    std::string("volume = \"\0\"\n", 13)}) {
        std::ofstream(file, std::ios::binary) << text;
        Diagnostics problems;
        Settings::load(file, &problems);
        EXPECT_FALSE(problems.empty()) << text.substr(0, 40);
    }
}

TEST_F(SettingsFile, AHugeOrOddFileIsRefusedUnread) {
    const fs::path file = m_root / "settings.toml";
    {
        std::ofstream big(file, std::ios::binary);
        big.seekp(std::streamoff{20} * 1024 * 1024);
        big.put('\n');
    }
    Diagnostics problems;
    EXPECT_EQ(Settings::load(file, &problems).volume, Settings{}.volume);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].kind, DiagnosticKind::Unreadable);
    fs::remove(file);
    fs::create_directories(file);
    problems.clear();
    Settings::load(file, &problems);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].kind, DiagnosticKind::Unreadable);
}

// Saving (a mute, a volume change) over a file with mistakes keeps the person's text beside it.
TEST_F(SettingsFile, SavingOverAFileWithMistakesKeepsThePersonsText) {
    const fs::path file = m_root / "settings.toml";
    const std::string text = "# my notes\nvolume = 250\n";
    std::ofstream(file) << text;
    Settings settings;
    settings.muted = true;
    ASSERT_TRUE(settings.save(file));
    int kept = 0;
    for (const auto& entry : fs::directory_iterator(m_root)) {
        if (entry.path().filename().string().rfind("settings.toml.kept-", 0) != 0) continue;
        ++kept;
        EXPECT_EQ(readAll(entry.path()), text);
    }
    EXPECT_EQ(kept, 1);
    Diagnostics problems;
    EXPECT_TRUE(Settings::load(file, &problems).muted);
    EXPECT_TRUE(problems.empty());

    // A clean file is simply replaced: no copy.
    ASSERT_TRUE(settings.save(file));
    kept = 0;
    for (const auto& entry : fs::directory_iterator(m_root))
        kept +=
            static_cast<int>(entry.path().filename().string().rfind("settings.toml.kept-", 0) == 0);
    EXPECT_EQ(kept, 1);
}

} // namespace
} // namespace ns
