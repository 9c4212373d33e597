// The home screen with the built-in routines and a broken one: lengths, errors in full, a
// selection that skips what cannot be started, and nothing cut off.
#include "home_scene.hpp"
#include "ui_test_support.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>

namespace ns {
namespace {

std::filesystem::path brokenUserDir() {
    auto dir = std::filesystem::path(NS_ARTIFACTS_DIR) / "home-user-routines";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "mine.toml") << "name = \"Mine\"\n\n[[steps]]\nstretch = \"wall-calf\"\n"
                                        "hodl = 30\nhold = 900\n";
    return dir;
}

std::vector<HomeEntry> sampleEntries() {
    std::vector<HomeEntry> entries;
    entries.push_back(
        {"in-bed", "In-bed stretches", "Gentle stretches lying down.", 300, true, {}});
    entries.push_back({"mine",
                       "mine",
                       "",
                       0,
                       false,
                       {"/home/someone/.config/nightstretch/routines/mine.toml:7:1: error: "
                        "unknown key 'hodl' in step 2; did you mean 'hold'?",
                        "/home/someone/.config/nightstretch/routines/mine.toml:9:8: error: "
                        "'hold' must be between 5 and 300 seconds, got 900",
                        "third problem"}});
    entries.push_back({"nightly",
                       "Nightly leg-cramp routine",
                       "Calves, shins and the backs of the legs before sleep: standing first, "
                       "ending in bed. About 8 minutes.",
                       500,
                       true,
                       {}});
    entries.push_back({"quick", "Quick calf stretch", "", 145, true, {}});
    return entries;
}

TEST(HomeScene, YourCopyOfABuiltInIsMarkedAndTwoSameNamesShowTheirIds) {
    auto dir = std::filesystem::path(NS_ARTIFACTS_DIR) / "home-own-copies";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "quick.toml") << "name = \"Quick\"\n[[steps]]\nstretch = \"wall-calf\"\n";
    for (const char* id : {"evening-a", "evening-b"})
        std::ofstream(dir / (std::string(id) + ".toml"))
            << "name = \"Evening\"\n[[steps]]\nstretch = \"wall-calf\"\n";
    const auto entries = homeEntries(RoutineLibrary::load(NS_ROUTINES_DIR, dir));
    std::map<std::string, HomeEntry> byId;
    for (const auto& entry : entries)
        byId[entry.id] = entry;
    EXPECT_EQ(byId["quick"].name, "Quick  (yours, from built-in)");
    EXPECT_NE(byId["quick"].description.find("nightstretch reset quick"), std::string::npos);
    EXPECT_EQ(byId["evening-a"].name, "Evening  [evening-a]");
    EXPECT_EQ(byId["evening-b"].name, "Evening  [evening-b]");
    EXPECT_EQ(byId["nightly"].name.find('['), std::string::npos) << "a name of its own stays";
}

TEST(HomeScene, ListsTheBuiltInRoutinesWithTheirLength) {
    ASSERT_NE(test::theme(), nullptr);
    const RoutineLibrary library = RoutineLibrary::load(NS_ROUTINES_DIR, brokenUserDir());
    const auto entries = homeEntries(library);
    ASSERT_FALSE(entries.empty());
    bool sawNightly = false;
    bool sawBroken = false;
    for (const auto& entry : entries) {
        if (entry.id == "nightly") {
            sawNightly = true;
            EXPECT_TRUE(entry.valid);
            EXPECT_GT(entry.totalSeconds, 60);
        }
        if (entry.id == "mine") {
            sawBroken = true;
            EXPECT_FALSE(entry.valid);
            ASSERT_FALSE(entry.errors.empty());
            EXPECT_NE(entry.errors[0].find("mine.toml:"), std::string::npos) << entry.errors[0];
        }
    }
    EXPECT_TRUE(sawNightly);
    EXPECT_TRUE(sawBroken);
    EXPECT_EQ(entries[0].id, "nightly") << "the default routine comes first";

    HomeScene scene(*test::theme());
    scene.setEntries(entries);
    EXPECT_EQ(scene.selected(), 0) << "Enter starts the nightly routine";
    for (sf::Vector2u size : {sf::Vector2u{1280, 800}, sf::Vector2u{800, 600}}) {
        const sf::Image image = test::render({&scene}, size);
        const std::string name = "home-" + std::to_string(size.x) + "x" + std::to_string(size.y);
        test::saveArtifact(image, name);
        test::expectFitsAndCalm(scene, image, size, name);
    }
}

TEST(HomeScene, SelectionSkipsRoutinesThatCannotStart) {
    ASSERT_NE(test::theme(), nullptr);
    HomeScene scene(*test::theme());
    scene.setEntries(sampleEntries());
    scene.layout({1280.f, 800.f});
    EXPECT_EQ(scene.selected(), 0);
    EXPECT_TRUE(scene.moveSelection(1));
    EXPECT_EQ(scene.selected(), 2) << "the broken routine is skipped";
    EXPECT_TRUE(scene.moveSelection(1));
    EXPECT_EQ(scene.selected(), 3);
    EXPECT_FALSE(scene.moveSelection(1)) << "stays on the last one";
    EXPECT_TRUE(scene.moveSelection(-1));
    EXPECT_EQ(scene.selected(), 2);
    EXPECT_FALSE(scene.select(1));
    ASSERT_NE(scene.selectedEntry(), nullptr);
    EXPECT_EQ(scene.selectedEntry()->id, "nightly");
}

TEST(HomeScene, AClickFindsTheRowUnderThePointer) {
    ASSERT_NE(test::theme(), nullptr);
    HomeScene scene(*test::theme());
    scene.setEntries(sampleEntries());
    scene.layout({1280.f, 800.f});
    EXPECT_EQ(scene.entryAt({640.f, 140.f * 0.5f}), -1) << "the title is not a row";
    // Walk down the middle of the window and collect the rows met.
    std::vector<int> met;
    for (float y = 0.f; y < 800.f; y += 2.f) {
        const int index = scene.entryAt({640.f, y});
        if (index >= 0 && (met.empty() || met.back() != index)) met.push_back(index);
    }
    EXPECT_EQ(met, (std::vector<int>{0, 1, 2, 3}));
}

TEST(HomeScene, ErrorsAreWrappedNotCutOff) {
    ASSERT_NE(test::theme(), nullptr);
    HomeScene scene(*test::theme());
    scene.setEntries(sampleEntries());
    scene.setNotice("sound unavailable");
    for (sf::Vector2u size : {sf::Vector2u{800, 600}, sf::Vector2u{1920, 1080}}) {
        const sf::Image image = test::render({&scene}, size);
        const std::string name =
            "home-errors-" + std::to_string(size.x) + "x" + std::to_string(size.y);
        test::saveArtifact(image, name);
        test::expectFitsAndCalm(scene, image, size, name);
    }
}

// Issue 12: a history that cannot be used is a framed banner in plain view (what is not saved,
// what to do), not small grey text in a corner; the list makes room for it.
TEST(HomeScene, AHistoryThatCannotBeUsedIsABannerAboveTheFooter) {
    ASSERT_NE(test::theme(), nullptr);
    HomeScene scene(*test::theme());
    scene.setEntries(sampleEntries());
    BannerText banner = historyNotOpened("/home/someone/.local/share/nightstretch/history.sqlite3",
                                         "unable to open database file");
    banner.action += " Or restore the newest backup: nightstretch restore"; // an extra line
    scene.setBanner(banner);
    ASSERT_TRUE(scene.banner().shown());
    for (sf::Vector2u size : {sf::Vector2u{800, 600}, sf::Vector2u{1280, 800}}) {
        const sf::Image image = test::render({&scene}, size);
        const std::string name =
            "home-history-banner-" + std::to_string(size.x) + "x" + std::to_string(size.y);
        test::saveArtifact(image, name);
        test::expectFitsAndCalm(scene, image, size, name);
        const sf::FloatRect box = scene.banner().box();
        EXPECT_GT(box.width, 0.8f * static_cast<float>(size.x)) << name << ": across the window";
        EXPECT_GT(box.top, 0.4f * static_cast<float>(size.y)) << name;
        const auto lines = scene.banner().textBounds();
        ASSERT_GE(lines.size(), 3u) << name << ": headline, detail and what to do";
        EXPECT_GE(lines.front().height, 0.02f * static_cast<float>(size.y)) << name << ": big";
        for (const auto& line : lines)
            EXPECT_TRUE(test::inside(line, size)) << name;
        // No routine row under it.
        for (float y = box.top; y <= box.top + box.height; y += 4.f) {
            EXPECT_EQ(scene.entryAt({static_cast<float>(size.x) / 2.f, y}), -1) << name << y;
        }
    }
    scene.setBanner({});
    EXPECT_FALSE(scene.banner().shown());
}

// Issue 10: help during a cramp is one key away and says so on home, without opening help.
TEST(HomeScene, SaysWhichKeysHelpDuringACramp) {
    ASSERT_NE(test::theme(), nullptr);
    HomeScene scene(*test::theme());
    scene.setEntries(sampleEntries());
    scene.setSoundState(SoundState{});
    for (sf::Vector2u size : {sf::Vector2u{800, 600}, sf::Vector2u{1280, 800}}) {
        const sf::Image image = test::render({&scene}, size);
        const std::string name =
            "home-cramp-hint-" + std::to_string(size.x) + "x" + std::to_string(size.y);
        test::expectFitsAndCalm(scene, image, size, name);
        const std::string hint = scene.crampHint().getString().toAnsiString();
        EXPECT_NE(hint.find("C  a cramp now"), std::string::npos) << hint;
        EXPECT_NE(hint.find("I  about cramps"), std::string::npos) << hint;
        const sf::FloatRect box = scene.crampHint().getGlobalBounds();
        EXPECT_TRUE(test::inside(box, size)) << name;
        EXPECT_GE(box.height, 0.018f * static_cast<float>(size.y)) << name << ": readable";
        ASSERT_NE(scene.soundBadge(), nullptr);
        EXPECT_FALSE(box.intersects(scene.soundBadge()->bounds())) << name;
    }
}

TEST(HomeScene, ManyRoutinesScrollToKeepTheSelectionInView) {
    ASSERT_NE(test::theme(), nullptr);
    std::vector<HomeEntry> entries;
    entries.reserve(20);
    for (int i = 0; i < 20; ++i)
        entries.push_back(
            {"r" + std::to_string(i), "Routine " + std::to_string(i), "", 300, true, {}});
    HomeScene scene(*test::theme());
    scene.setEntries(entries);
    const sf::Vector2u size{800, 600};
    scene.layout({800.f, 600.f});
    for (int i = 0; i < 19; ++i)
        EXPECT_TRUE(scene.moveSelection(1));
    EXPECT_EQ(scene.selected(), 19);
    bool selectedVisible = false;
    for (float y = 0.f; y < 600.f; y += 2.f)
        if (scene.entryAt({400.f, y}) == 19) selectedVisible = true;
    EXPECT_TRUE(selectedVisible);
    const sf::Image image = test::render({&scene}, size);
    test::saveArtifact(image, "home-scrolled-800x600");
    test::expectFitsAndCalm(scene, image, size, "home-scrolled");
}

TEST(HomeScene, NoRoutinesSaysWhereToPutThem) {
    ASSERT_NE(test::theme(), nullptr);
    HomeScene scene(*test::theme());
    scene.setEntries({});
    scene.setEmptyHint("Put routine files in /home/someone/.config/nightstretch/routines.");
    EXPECT_EQ(scene.selected(), -1);
    EXPECT_EQ(scene.selectedEntry(), nullptr);
    const sf::Vector2u size{800, 600};
    const sf::Image image = test::render({&scene}, size);
    test::saveArtifact(image, "home-empty-800x600");
    test::expectFitsAndCalm(scene, image, size, "home-empty");
}

} // namespace
} // namespace ns
