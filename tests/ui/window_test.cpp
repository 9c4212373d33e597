// A real window under the test display, and runWindow's answers: exit codes for bad input and no
// display, and a whole (tiny) routine run with a trace, closing by itself when done.
#include "session_scene.hpp"
#include "timeline.hpp"
#include "ui_test_support.hpp"
#include "window_app.hpp"

#include "clock.hpp"
#include "session.hpp"

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <gtest/gtest.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

namespace ns {
namespace {

bool hasDisplay() {
    const char* display = std::getenv("DISPLAY");
    return display != nullptr && *display != '\0';
}

Paths testPaths(const std::string& name) {
    const std::filesystem::path home = std::filesystem::path(NS_ARTIFACTS_DIR) / name;
    std::filesystem::remove_all(home);
    Paths paths;
    paths.configDir = home / "config";
    paths.dataDir = home / "data";
    paths.stateDir = home / "state";
    paths.shareDir = std::filesystem::path(NS_ROUTINES_DIR).parent_path(); // routines/, assets/
    return paths;
}

// Runs `body` with DISPLAY unset, then puts it back.
template <typename F> auto withoutDisplay(F body) {
    const char* old = std::getenv("DISPLAY");
    const std::optional<std::string> saved = old ? std::optional<std::string>(old) : std::nullopt;
    unsetenv("DISPLAY");
    auto result = body();
    if (saved) setenv("DISPLAY", saved->c_str(), 1);
    return result;
}

TEST(Window, OpensAndDrawsAFrame) {
    if (!hasDisplay()) GTEST_SKIP() << "no DISPLAY";
    ASSERT_NE(test::theme(), nullptr);
    ManualClock clock;
    Routine routine = test::sampleRoutine();
    Timeline timeline = buildTimeline(routine);
    Session session(std::move(routine), std::move(timeline), clock);
    session.start();
    SessionScene scene(*test::theme(), session);

    sf::RenderWindow window(sf::VideoMode(800, 600), "Nightstretch test", sf::Style::Default);
    ASSERT_TRUE(window.isOpen());
    scene.layout({800.f, 600.f});
    window.clear(palette::kBackground);
    scene.draw(window);
    sf::Texture captured;
    ASSERT_TRUE(captured.create(800, 600));
    captured.update(window);
    window.display();
    const sf::Image image = captured.copyToImage();
    test::saveArtifact(image, "window-800x600");
    const test::PixelStats stats = test::measure(image);
    EXPECT_GT(stats.meanLuminance, 20.0) << "something besides the background was drawn";
    EXPECT_LT(stats.meanLuminance, 60.0);
    window.close();
}

TEST(RunWindow, WithoutADisplaySaysSoAndExitsWith3) {
    WindowOptions options;
    options.paths = testPaths("run-no-display");
    testing::internal::CaptureStderr();
    const int code = withoutDisplay([&] { return runWindow(options); });
    const std::string err = testing::internal::GetCapturedStderr();
    EXPECT_EQ(code, 3);
    EXPECT_NE(err.find("DISPLAY"), std::string::npos) << err;
    EXPECT_NE(err.find("--text"), std::string::npos) << err;
}

TEST(RunWindow, UnknownRoutineListsTheKnownOnesAndExitsWith2) {
    WindowOptions options;
    options.paths = testPaths("run-unknown");
    options.routine = "nigthly";
    testing::internal::CaptureStderr();
    const int code = runWindow(options);
    const std::string err = testing::internal::GetCapturedStderr();
    EXPECT_EQ(code, 2);
    EXPECT_NE(err.find("unknown routine 'nigthly'"), std::string::npos) << err;
    EXPECT_NE(err.find("nightly"), std::string::npos) << err;
}

TEST(RunWindow, InvalidRoutineFilePrintsDiagnosticsAndExitsWith1) {
    WindowOptions options;
    options.paths = testPaths("run-invalid");
    options.routine = std::string(NS_TEST_DATA) + "/mine.toml";
    testing::internal::CaptureStderr();
    const int code = runWindow(options);
    const std::string err = testing::internal::GetCapturedStderr();
    EXPECT_EQ(code, 1);
    EXPECT_NE(err.find("mine.toml:"), std::string::npos) << err;
    EXPECT_NE(err.find("error:"), std::string::npos) << err;
}

TEST(RunWindow, MissingRoutineFileExitsWith2) {
    WindowOptions options;
    options.paths = testPaths("run-missing");
    options.routine = "/nonexistent/folder/nothing.toml";
    testing::internal::CaptureStderr();
    const int code = runWindow(options);
    GTEST_LOG_(INFO) << testing::internal::GetCapturedStderr();
    EXPECT_EQ(code, 2);
}

// A five-second routine, run for real: the trace shows every second drawn, once and in order, and
// the window closes by itself after the done screen (NIGHTSTRETCH_EXIT_WHEN_DONE). How late each
// second is drawn is measured by scripts/bench, not here: a busy machine must not fail a test.
TEST(RunWindow, RunsARoutineToTheEndAndTracesEachSecond) {
    if (!hasDisplay()) GTEST_SKIP() << "no DISPLAY";
    WindowOptions options;
    options.paths = testPaths("run-tiny");
    std::filesystem::create_directories(options.paths.configDir);
    const auto routineFile = options.paths.configDir / "tiny.toml";
    std::ofstream(routineFile) << "name = \"Tiny\"\n\n[[steps]]\nname = \"Tiny stretch\"\n"
                                  "instructions = [\"Just breathe.\"]\nsides = \"none\"\n"
                                  "prepare = 0\nhold = 5\n";
    options.routine = routineFile.string();
    const auto traceFile = options.paths.configDir / "trace.jsonl";
    options.tracePath = traceFile.string();
    options.processStartMs =
        std::chrono::duration_cast<Millis>(std::chrono::steady_clock::now().time_since_epoch())
            .count();
    setenv("NIGHTSTRETCH_EXIT_WHEN_DONE", "1", 1);
    const int code = runWindow(options);
    unsetenv("NIGHTSTRETCH_EXIT_WHEN_DONE");
    EXPECT_EQ(code, 0);

    std::ifstream in(traceFile);
    std::string line;
    std::vector<std::pair<std::string, long long>> frames;
    bool firstFrame = false;
    bool completed = false;
    while (std::getline(in, line)) {
        if (line.find("\"first_frame\"") != std::string::npos) firstFrame = true;
        if (line.find("\"completed\"") != std::string::npos) completed = true;
        if (line.find(R"("event":"frame")") == std::string::npos) continue;
        const auto shownAt = line.find(R"("shown":")") + 9;
        const std::string shown = line.substr(shownAt, line.find('"', shownAt) - shownAt);
        const auto atAt = line.find("\"at_ms\":") + 8;
        frames.emplace_back(shown, std::stoll(line.substr(atAt)));
    }
    EXPECT_TRUE(firstFrame);
    EXPECT_TRUE(completed);
    ASSERT_EQ(frames.size(), 5u);
    for (std::size_t i = 0; i < frames.size(); ++i) {
        EXPECT_EQ(frames[i].first, std::to_string(5 - i));
        // Never before its second is due (a countdown must not run ahead of the clock).
        EXPECT_GE(frames[i].second, static_cast<long long>(i) * 1000)
            << "second " << frames[i].first << " drawn early";
        if (i > 0) {
            EXPECT_GT(frames[i].second, frames[i - 1].second);
        }
    }
}

// The process is asked to go away mid-routine (or while the window is still starting, on a busy
// machine): the session ends as interrupted, exit code 130, never a killed process.
TEST(RunWindow, ASignalInterruptsTheSessionAndCloses) {
    if (!hasDisplay()) GTEST_SKIP() << "no DISPLAY";
    WindowOptions options;
    options.paths = testPaths("run-signal");
    std::filesystem::create_directories(options.paths.configDir);
    options.routine = "quick";
    const auto traceFile = options.paths.configDir / "trace.jsonl";
    options.tracePath = traceFile.string();
    std::thread killer([] {
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        std::raise(SIGTERM);
    });
    const int code = runWindow(options);
    killer.join();
    EXPECT_EQ(code, 130);
    std::ifstream in(traceFile);
    std::stringstream all;
    all << in.rdbuf();
    EXPECT_NE(all.str().find("\"interrupted\""), std::string::npos) << all.str();
}

} // namespace
} // namespace ns
