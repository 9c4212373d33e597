// A thousand sessions back to back in one process, as a window left open for years of nights
// would run them: each through SessionRun (recorded in a real history file), drawn each second
// off-screen by a new session screen, on a manual clock. What stays allocated must not grow; under
// the asan preset LeakSanitizer checks that nothing is lost at exit.
#include "session_scene.hpp"
#include "ui_test_support.hpp"

#include "clock.hpp"
#include "history.hpp"
#include "session_run.hpp"

#include <gtest/gtest.h>

#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/OpenGL.hpp>

#include <cstdlib>
#include <filesystem>
#include <malloc.h>

#if defined(__SANITIZE_ADDRESS__)
// From the sanitizer runtime (GCC installs no header for it).
extern "C" std::size_t __sanitizer_get_current_allocated_bytes();
#endif

namespace ns {
namespace {

namespace fs = std::filesystem;

// Bytes the program has allocated and not freed (the allocator's own count, not the pages it
// keeps): ASan's when it replaces malloc, else glibc's.
std::size_t bytesInUse() {
#if defined(__SANITIZE_ADDRESS__)
    return __sanitizer_get_current_allocated_bytes();
#else
    const struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
#endif
}

// One short stretch: get ready 5 s, hold 5 s a side with a switch between.
Routine shortRoutine() {
    Routine routine = test::sampleRoutine();
    routine.steps.resize(1);
    Step& step = routine.steps.front();
    step.prepare = 5;
    step.hold = 5;
    step.reps = 1;
    step.rest = 0;
    step.switchSeconds = 2;
    return routine;
}

class ThousandSessions : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_NE(test::theme(), nullptr);
        std::string pattern = (fs::temp_directory_path() / "ns-thousand-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        m_dir = pattern;
        HistoryStore::OpenResult opened = HistoryStore::open(m_dir / "history.sqlite3");
        ASSERT_NE(opened.store, nullptr) << opened.error;
        m_history = std::move(opened.store);
        ASSERT_TRUE(m_texture.create(640, 400));
    }
    void TearDown() override {
        m_history.reset();
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }

    // One whole session, drawn as the window draws it: everything first, then each second's
    // changed part.
    void runOneSession() {
        SessionRunOptions options;
        options.history = m_history.get();
        std::string error;
        int code = 0;
        auto run = SessionRun::create(shortRoutine(), m_clock, options, &error, &code);
        ASSERT_NE(run, nullptr) << error;
        run->start();
        SessionScene scene(*test::theme(), run->session());
        scene.layout({640.f, 400.f});
        m_texture.clear();
        scene.draw(m_texture);
        m_texture.display();
        scene.takeDamage();
        while (!run->session().finished()) {
            m_clock.advanceMs(1000);
            run->update();
            if (!scene.refresh()) continue;
            const FrameDamage damage = scene.takeDamage();
            if (damage.isEverything()) {
                m_texture.clear();
                scene.draw(m_texture);
            } else {
                for (const sf::FloatRect& part : damage.rects())
                    scene.drawPart(m_texture, part);
            }
            m_texture.display();
        }
        EXPECT_FALSE(run->historyFailed()) << run->historyError();
        // Let the GL driver finish what it was given, so what it holds is not counted mid-frame.
        ASSERT_TRUE(m_texture.setActive(true));
        glFinish();
    }

    fs::path m_dir;
    ManualClock m_clock;
    std::unique_ptr<HistoryStore> m_history;
    sf::RenderTexture m_texture;
};

TEST_F(ThousandSessions, MemoryInUseGrowsByLessThanOneMegabyte) {
    // The first sessions fill what is made once: glyph pages, the database's page cache.
    for (int i = 0; i < 50; ++i)
        runOneSession();
    const std::size_t before = bytesInUse();
    for (int i = 0; i < 950; ++i) {
        runOneSession();
        if (HasFatalFailure()) return;
    }
    const std::size_t after = bytesInUse();
    const double grownMb = (static_cast<double>(after) - static_cast<double>(before)) / 1e6;
    RecordProperty("grown_kb", static_cast<int>(grownMb * 1000));
    EXPECT_LT(grownMb, 1.0) << "in use before: " << before << " bytes, after: " << after;
    EXPECT_EQ(m_history->sessions().size(), 1000u);
}

} // namespace
} // namespace ns
