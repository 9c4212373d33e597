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
    settings.fullscreen = true;
    settings.dayStartsAt = "05:30";
    const fs::path file = m_root / "config" / "settings.toml";
    ASSERT_TRUE(settings.save(file));
    Diagnostics diagnostics;
    const Settings back = Settings::load(file, &diagnostics);
    EXPECT_TRUE(diagnostics.empty());
    EXPECT_EQ(back.volume, 35);
    EXPECT_TRUE(back.muted);
    EXPECT_TRUE(back.fullscreen);
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

} // namespace
} // namespace ns
