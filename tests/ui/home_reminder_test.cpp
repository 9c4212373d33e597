// The bedtime reminder on the home screen: the line says what is set, and R moves it through the
// evening's times to off, writing (and removing) the timer as `remind --at` / `--off` do.
#include "home_screen.hpp"
#include "reminder.hpp"
#include "switchboard.hpp"
#include "ui_test_support.hpp"

#include "clock.hpp"
#include "theme.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

namespace ns {
namespace {

namespace fs = std::filesystem;

sf::Event keyEvent(sf::Keyboard::Key code) {
    sf::Event event{};
    event.type = sf::Event::KeyPressed;
    event.key.code = code;
    return event;
}

class HomeReminder : public testing::Test {
  protected:
    void SetUp() override {
        ASSERT_NE(test::theme(), nullptr);
        std::string pattern = (fs::temp_directory_path() / "ns-home-reminder-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        m_home = pattern;
        m_options.paths.configDir = m_home / "config" / "nightstretch";
        m_options.paths.dataDir = m_home / "data" / "nightstretch";
        m_options.paths.stateDir = m_home / "state" / "nightstretch";
        m_options.paths.shareDir = fs::path(NS_ROUTINES_DIR).parent_path();
    }
    void TearDown() override {
        m_board.reset();
        std::error_code ec;
        fs::remove_all(m_home, ec);
    }
    Switchboard& open() {
        m_board =
            std::make_unique<Switchboard>(m_options,
                                          RoutineLibrary::load(m_options.paths.builtInRoutinesDir(),
                                                               m_options.paths.userRoutinesDir()),
                                          *test::theme(), m_clock);
        m_board->begin(nullptr, {1280.f, 800.f});
        return *m_board;
    }
    const std::string& line() const {
        auto* home = dynamic_cast<HomeScreen*>(m_board->top());
        EXPECT_NE(home, nullptr);
        static const std::string none;
        return home ? home->scene().reminderLine() : none;
    }
    fs::path timer() const { return m_home / "config" / "systemd" / "user" / kReminderTimer; }

    WindowOptions m_options;
    ManualClock m_clock;
    std::unique_ptr<Switchboard> m_board;
    fs::path m_home;
};

TEST_F(HomeReminder, TheLineShowsWhatIsSet) {
    ASSERT_TRUE(applyReminder(m_options.paths, ReminderTime::parse("21:45"), "quick",
                              "/usr/bin/nightstretch")
                    .ok);
    open();
    EXPECT_EQ(line(), "Bedtime reminder 21:45 \u00b7 R");
}

TEST_F(HomeReminder, RMovesItThroughTheEveningToOff) {
    open();
    EXPECT_EQ(line(), "No bedtime reminder \u00b7 R");
    m_board->handle(keyEvent(sf::Keyboard::R));
    EXPECT_EQ(line(), "Bedtime reminder 21:00 \u00b7 R");
    ASSERT_TRUE(fs::exists(timer()));
    EXPECT_EQ(readReminder(m_options.paths).at->str(), "21:00");
    for (const char* expected : {"21:30", "22:00", "22:30", "23:00"}) {
        m_board->handle(keyEvent(sf::Keyboard::R));
        EXPECT_EQ(line(), std::string("Bedtime reminder ") + expected + " \u00b7 R");
    }
    m_board->handle(keyEvent(sf::Keyboard::R));
    EXPECT_EQ(line(), "No bedtime reminder \u00b7 R");
    EXPECT_FALSE(fs::exists(timer()));
}

} // namespace
} // namespace ns
