// The moving figure as the window loop sees it: the same Switchboard, a manual clock moved to each
// wakeup the board asks for, and a count of the frames drawn. A breathing figure costs a few
// frames a second, each only the part it moved; with reduce_motion the figure never draws itself.
#include "session_screen.hpp"
#include "switchboard.hpp"
#include "ui_test_support.hpp"

#include "clock.hpp"
#include "figure_motion.hpp"
#include "theme.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace ns {
namespace {

const sf::Vector2f kSize{1280.f, 800.f};

struct LoopCount {
    int frames = 0;        // frames drawn
    int figureFrames = 0;  // of which the figure had moved
    int wholeFrames = 0;   // of which everything was drawn again
    int wakeups = 0;       // turns of the loop
    int figureWakeups = 0; // turns the figure asked for (none of the session's deadlines)
};

class FigureMotionFrames : public testing::Test {
  protected:
    void SetUp() override {
        std::string error;
        ASSERT_TRUE(m_theme.loadFonts(Theme::fontFolders(NS_ASSETS_DIR), &error)) << error;
        m_theme.setPoseFolder(std::string(NS_ASSETS_DIR) + "/poses");
        std::string pattern =
            (std::filesystem::temp_directory_path() / "ns-motion-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        m_home = pattern;
        m_options.paths.configDir = m_home / "config";
        m_options.paths.dataDir = m_home / "data";
        m_options.paths.stateDir = m_home / "state";
        m_options.paths.shareDir = std::filesystem::path(NS_ROUTINES_DIR).parent_path();
    }
    void TearDown() override {
        m_board.reset();
        std::error_code ec;
        std::filesystem::remove_all(m_home, ec);
    }

    // The sample routine (wall calf, 5 s to get ready, then a 30 s hold) started at once.
    void start(bool reduceMotion) {
        if (reduceMotion) {
            std::filesystem::create_directories(m_options.paths.configDir);
            std::ofstream(m_options.paths.settingsFile()) << "reduce_motion = true\n";
        }
        m_board =
            std::make_unique<Switchboard>(m_options,
                                          RoutineLibrary::load(m_options.paths.builtInRoutinesDir(),
                                                               m_options.paths.userRoutinesDir()),
                                          m_theme, m_clock);
        std::string error;
        int code = 0;
        m_board->begin(SessionRun::create(test::sampleRoutine(), m_clock,
                                          windowRunOptions(m_options, false), &error, &code),
                       kSize);
        ASSERT_NE(screen(), nullptr) << error;
        EXPECT_EQ(m_board->settings().reduceMotion, reduceMotion);
    }

    SessionScreen* screen() const { return dynamic_cast<SessionScreen*>(m_board->top()); }

    // The window loop over `ms` of the clock: update, draw what changed, sleep until the next
    // wakeup (at most a second, as the window caps its wait).
    LoopCount runLoop(long long ms) {
        LoopCount count;
        const TimePoint end = m_clock.now() + Millis(ms);
        Pose lastPose = screen()->scene().figurePose();
        while (m_clock.now() < end && count.wakeups < 100000) {
            m_board->update();
            if (m_board->needsDraw()) {
                const FrameDamage damage = m_board->takeDamage();
                ++count.frames;
                if (damage.isEverything()) ++count.wholeFrames;
                const Pose pose = screen()->scene().figurePose();
                if (largestJointMove(pose, lastPose) > 0) ++count.figureFrames;
                lastPose = pose;
                m_board->presented();
            }
            const auto due = m_board->nextWakeup();
            const auto sessionDue = screen()->session().nextWakeup();
            TimePoint next = m_clock.now() + std::chrono::seconds(1);
            if (due && *due < next) next = *due;
            if (due && (!sessionDue || *due < *sessionDue)) ++count.figureWakeups;
            m_clock.advance(std::max(next, m_clock.now()) - m_clock.now());
            ++count.wakeups;
        }
        return count;
    }

    Theme m_theme;
    WindowOptions m_options;
    ManualClock m_clock;
    std::unique_ptr<Switchboard> m_board;
    std::filesystem::path m_home;
};

TEST_F(FigureMotionFrames, ABreathingHoldDrawsAFewFiguresASecondEachInPart) {
    start(false);
    runLoop(7000); // getting ready, and 2 s into the hold
    ASSERT_EQ(screen()->session().phase().kind, PhaseKind::Hold);
    const LoopCount count = runLoop(20000);
    const int seconds = 20;
    // The countdown's seconds, and the breath's pixels between them.
    EXPECT_GE(count.figureFrames, seconds / 2) << "the figure breathes";
    EXPECT_LE(count.frames, seconds * 5) << "a few frames a second, not sixty";
    EXPECT_EQ(count.wholeFrames, 0) << "a breath redraws only the figure";
    EXPECT_LE(count.wakeups, count.frames + seconds + 2) << "no wakeup without a reason";
    EXPECT_GT(count.figureWakeups, 0);
    RecordProperty("frames", count.frames);
    RecordProperty("figure_frames", count.figureFrames);
    RecordProperty("wakeups", count.wakeups);
}

TEST_F(FigureMotionFrames, GettingReadyMovesTheFigureIntoItsHoldInAboutASecondAndAHalf) {
    start(false);
    const Pose first = screen()->scene().figurePose();
    const LoopCount moving = runLoop(1600);
    EXPECT_GT(moving.figureFrames, 15) << "a smooth move";
    EXPECT_GT(largestJointMove(first, screen()->scene().figurePose()), 0.1);
    const LoopCount after = runLoop(3000);
    EXPECT_EQ(after.figureFrames, 0) << "then it stays in the hold pose";
    EXPECT_LE(after.frames, 4) << "only the countdown's seconds";
}

TEST_F(FigureMotionFrames, ReduceMotionDrawsNoFigureFramesAndWakesOnlyForTheClock) {
    start(true);
    const Pose first = screen()->scene().figurePose();
    const LoopCount gettingReady = runLoop(4000);
    EXPECT_EQ(gettingReady.figureFrames, 0);
    EXPECT_LT(largestJointMove(first, screen()->scene().figurePose()), 1e-9)
        << "the hold pose at once";
    runLoop(3000);
    ASSERT_EQ(screen()->session().phase().kind, PhaseKind::Hold);
    const LoopCount count = runLoop(20000);
    EXPECT_EQ(count.figureFrames, 0);
    EXPECT_EQ(count.figureWakeups, 0);
    EXPECT_LE(count.frames, 21) << "the countdown's seconds only";
    EXPECT_LE(count.wakeups, 22);
}

// Paused, the breath stops with the countdown and wakes nothing.
TEST_F(FigureMotionFrames, APausedHoldStandsStill) {
    start(false);
    runLoop(8000);
    ASSERT_EQ(screen()->session().phase().kind, PhaseKind::Hold);
    screen()->session().pause();
    m_board->update();
    m_board->needsDraw();
    m_board->presented();
    const LoopCount count = runLoop(10000);
    EXPECT_EQ(count.figureFrames, 0);
    EXPECT_EQ(count.figureWakeups, 0);
}

} // namespace
} // namespace ns
