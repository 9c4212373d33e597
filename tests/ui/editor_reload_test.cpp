// Live reload: the watcher notices a changed routine file, and a file that breaks keeps its last
// good version, which the home screen offers with the error.
#include "home_scene.hpp"
#include "routine_loader.hpp"
#include "routine_watcher.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace ns {
namespace {

namespace fs = std::filesystem;

TEST(EditorReload, ABrokenFileIsNoticedAndKeepsItsLastGoodVersion) {
    const fs::path root = fs::temp_directory_path() / "ns-editor-reload";
    fs::remove_all(root);
    const fs::path user = root / "routines";
    fs::create_directories(user);
    std::ofstream(user / "mine.toml") << "name = \"Mine\"\n\n[[steps]]\nstretch = \"wall-calf\"\n"
                                         "hold = 30\n";
    RoutineWatcher watcher(user);
    const RoutineLibrary first = RoutineLibrary::load(NS_ROUTINES_DIR, user);
    ASSERT_NE(first.find("mine"), nullptr);
    ASSERT_TRUE(first.find("mine")->result.ok());
    EXPECT_FALSE(watcher.changed()) << "nothing changed yet";

    std::ofstream(user / "mine.toml") << "name = \"Mine\"\n\n[[steps]]\nstretch = \"wall-calf\"\n"
                                         "hodl = 30\nhold = 900\n";
    const auto start = std::chrono::steady_clock::now();
    EXPECT_TRUE(watcher.poll(start + RoutineWatcher::kInterval)) << "the watcher sees the change";
    EXPECT_FALSE(watcher.poll(start + RoutineWatcher::kInterval + std::chrono::milliseconds(10)))
        << "at most once a second";

    const RoutineLibrary second = RoutineLibrary::reload(first, NS_ROUTINES_DIR, user);
    const RoutineEntry* entry = second.find("mine");
    ASSERT_NE(entry, nullptr);
    EXPECT_FALSE(entry->result.ok());
    EXPECT_FALSE(entry->result.diagnostics.empty());
    ASSERT_TRUE(entry->lastGood.has_value());
    ASSERT_NE(entry->usableRoutine(), nullptr);
    EXPECT_EQ(entry->usableRoutine()->steps[0].hold, 30);

    // The home row can still start it, and says why it is the old version.
    for (const auto& home : homeEntries(second))
        if (home.id == "mine") {
            EXPECT_TRUE(home.valid);
            EXPECT_FALSE(home.errors.empty());
            EXPECT_EQ(home.name, "Mine");
        }

    fs::remove(user / "mine.toml");
    EXPECT_TRUE(watcher.changed()) << "a removed file is a change too";
    fs::remove_all(root);
}

TEST(EditorReload, TheUserCatalogIsWatchedToo) {
    const fs::path root = fs::temp_directory_path() / "ns-editor-reload-catalog";
    fs::remove_all(root);
    const fs::path user = root / "routines";
    fs::create_directories(user);
    RoutineWatcher watcher(user);
    std::ofstream(userCatalogFile(user)) << "# my stretches\n";
    EXPECT_TRUE(watcher.changed());
    fs::remove_all(root);
}

} // namespace
} // namespace ns
