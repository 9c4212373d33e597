// The bedtime reminder on the home screen: the line says what is set, and R moves it through the
// evening's times to off, writing (and removing) the timer as `remind --at` / `--off` do (with a
// fake user systemd); where no user systemd runs, R says it could not and what to do.
#include "fake_user_systemd.hpp"
#include "home_screen.hpp"
#include "note_screen.hpp"
#include "reminder.hpp"
#include "switchboard.hpp"
#include "ui_test_support.hpp"

#include "clock.hpp"
#include "theme.hpp"

#include <SFML/Graphics/RenderTexture.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <vector>

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
        // The units go to $XDG_CONFIG_HOME/systemd/user, which a (fake) systemd --user takes.
        m_systemd.emplace(m_home / "fake-systemd");
        std::map<std::string, std::string> env = m_systemd->environment();
        env["XDG_CONFIG_HOME"] = (m_home / "config").string();
        m_env.emplace(env);
    }
    void TearDown() override {
        m_env.reset();
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
    // Readable at each size: every line of the note inside the window (saved to look at).
    void lookAt(const NoteScreen& note, const std::string& name) {
        for (const sf::Vector2u size :
             {sf::Vector2u{800, 600}, sf::Vector2u{1280, 800}, sf::Vector2u{1920, 1080}}) {
            m_board->layout({static_cast<float>(size.x), static_cast<float>(size.y)});
            sf::RenderTexture texture;
            ASSERT_TRUE(texture.create(size.x, size.y));
            texture.clear(palette::kBackground);
            m_board->draw(texture);
            texture.display();
            test::saveArtifact(texture.getTexture().copyToImage(),
                               name + "-" + std::to_string(size.x) + "x" + std::to_string(size.y));
            for (const sf::FloatRect& bounds : note.overlay().textBounds())
                EXPECT_TRUE(test::inside(bounds, size)) << size.x << "x" << size.y;
        }
        m_board->layout({1280.f, 800.f});
    }
    fs::path timer() const { return m_home / "config" / "systemd" / "user" / kReminderTimer; }

    std::optional<test::FakeUserSystemd> m_systemd;
    std::optional<test::ScopedEnvironment> m_env;
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
    EXPECT_NE(m_systemd->calls().find("enable nightstretch-reminder.timer"), std::string::npos);
}

TEST_F(HomeReminder, WithNoUserSystemdRSaysItCouldNotAndWhatToDo) {
    // systemctl on PATH but no systemd --user running (as on this machine).
    const test::ScopedEnvironment noUserSystemd(test::Environment{{"XDG_RUNTIME_DIR", ""}});
    open();
    m_board->handle(keyEvent(sf::Keyboard::R));
    auto* note = dynamic_cast<NoteScreen*>(m_board->top());
    ASSERT_NE(note, nullptr) << "R must say that the reminder could not be switched on";
    // The same result `remind --at` prints.
    const ReminderChange expected = applyReminder(m_options.paths, ReminderTime::parse("21:00"),
                                                  "nightly", "/usr/bin/nightstretch");
    EXPECT_EQ(note->overlay().heading(), "Reminder not switched on");
    EXPECT_EQ(note->overlay().paragraphs(),
              (std::vector<std::string>{expected.message, expected.advice}));
    EXPECT_NE(expected.message.find("Could not switch on the reminder"), std::string::npos);
    EXPECT_FALSE(fs::exists(timer()));
    lookAt(*note, "reminder-not-switched-on");
    m_board->handle(keyEvent(sf::Keyboard::Enter));
    EXPECT_EQ(line(), "No bedtime reminder \u00b7 R"); // not "Bedtime reminder 21:00"
    EXPECT_EQ(m_systemd->calls(), "");
}

TEST_F(HomeReminder, UnderHomeRWritesItAndSaysItIsNotSwitchedOn) {
    // As under --home DIR: the config folder is DIR/config, and the units stay under DIR.
    m_options.paths.configDir = m_home / "config";
    const test::ScopedEnvironment ownFolderElsewhere(
        test::Environment{{"XDG_CONFIG_HOME", (m_home / "xdg").string()}});
    open();
    m_board->handle(keyEvent(sf::Keyboard::R));
    auto* note = dynamic_cast<NoteScreen*>(m_board->top());
    ASSERT_NE(note, nullptr) << "R must say that the timer is not switched on";
    EXPECT_EQ(note->overlay().heading(), "Reminder 21:00 written, not switched on");
    ASSERT_EQ(note->overlay().paragraphs().size(), 2u);
    EXPECT_EQ(note->overlay().paragraphs()[1], reminderHomeAdvice(m_options.paths));
    EXPECT_NE(note->overlay().paragraphs()[1].find("systemctl --user link"), std::string::npos);
    lookAt(*note, "reminder-under-home");
    m_board->handle(keyEvent(sf::Keyboard::Enter));
    EXPECT_EQ(line(), "Bedtime reminder 21:00 \u00b7 R"); // written, as the note says
    EXPECT_EQ(m_systemd->calls(), "");
}

} // namespace
} // namespace ns
