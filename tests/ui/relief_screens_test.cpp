// Issue 10's screens driven through the Switchboard as a person would: C opens the relief guide
// (pausing a session first) and records a relief; I opens "what helps, when to see a doctor";
// the welcome shows once; a "yes" in the check-in shows the doctor note at once; the six-week
// review shows once at night 42. Each is rendered at 800x600 and 1280x800 and saved to look at.
#include "about_screen.hpp"
#include "checkin_screen.hpp"
#include "history.hpp"
#include "home_screen.hpp"
#include "note_screen.hpp"
#include "pause_screen.hpp"
#include "relief_screen.hpp"
#include "session_screen.hpp"
#include "switchboard.hpp"
#include "ui_test_support.hpp"

#include "about_text.hpp"
#include "clock.hpp"
#include "theme.hpp"

#include <SFML/Graphics/RenderTexture.hpp>

#include <gtest/gtest.h>

#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

namespace ns {
namespace {

using K = sf::Keyboard;

const sf::Vector2u kSizes[] = {{800, 600}, {1280, 800}};

sf::Event keyEvent(K::Key code) {
    sf::Event event{};
    event.type = sf::Event::KeyPressed;
    event.key.code = code;
    return event;
}

sf::Event textEvent(sf::Uint32 unicode) {
    sf::Event event{};
    event.type = sf::Event::TextEntered;
    event.text.unicode = unicode;
    return event;
}

template <typename T> T* topAs(const Switchboard& board) {
    return dynamic_cast<T*>(board.top());
}

// The theme with the real pose data, so the relief guide has its figure.
const Theme& posedTheme() {
    static const Theme theme = [] {
        Theme t;
        std::string error;
        EXPECT_TRUE(t.loadFonts(Theme::fontFolders(NS_ASSETS_DIR), &error)) << error;
        t.setPoseFolder(std::string(NS_ASSETS_DIR) + "/poses");
        return t;
    }();
    return theme;
}

class ReliefScreensTest : public testing::Test {
  protected:
    void SetUp() override {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "ns-relief-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        m_home = pattern;
        m_options.paths.configDir = m_home / "config";
        m_options.paths.dataDir = m_home / "data";
        m_options.paths.stateDir = m_home / "state";
        m_options.paths.shareDir = std::filesystem::path(NS_ROUTINES_DIR).parent_path();
        auto opened = HistoryStore::open(m_options.paths.historyFile());
        ASSERT_NE(opened.store, nullptr) << opened.error;
        m_history = std::move(opened.store);
        m_options.history = m_history.get();
    }
    void TearDown() override {
        m_board.reset();
        m_history.reset();
        std::error_code ec;
        std::filesystem::remove_all(m_home, ec);
    }

    Switchboard& open() {
        m_board.reset();
        m_board =
            std::make_unique<Switchboard>(m_options,
                                          RoutineLibrary::load(m_options.paths.builtInRoutinesDir(),
                                                               m_options.paths.userRoutinesDir()),
                                          posedTheme(), m_clock);
        m_board->begin(nullptr, {1280.f, 800.f});
        return *m_board;
    }
    // As the window's loop does, a frame reaches the screen after each key (a session starts once
    // its first frame is shown).
    void press(K::Key code) {
        m_board->handle(keyEvent(code));
        m_board->presented();
    }

    // The board drawn at each size, checked (inside, dark, warm) and saved as `name`-WxH.png.
    void lookAt(const std::string& name) {
        for (const sf::Vector2u size : kSizes) {
            m_board->layout({static_cast<float>(size.x), static_cast<float>(size.y)});
            sf::RenderTexture texture;
            ASSERT_TRUE(texture.create(size.x, size.y));
            texture.clear(palette::kBackground);
            m_board->draw(texture);
            texture.display();
            const sf::Image image = texture.getTexture().copyToImage();
            const std::string label =
                name + "-" + std::to_string(size.x) + "x" + std::to_string(size.y);
            test::saveArtifact(image, label);
            const test::PixelStats stats = test::measure(image);
            EXPECT_LT(stats.meanLuminance, 60.0) << label;
            EXPECT_LT(stats.blueFraction, 0.001) << label;
        }
        m_board->layout({1280.f, 800.f});
    }

    std::string today() const { return tonightAt(std::time(nullptr), m_options.dayStart).str(); }

    // 41 nights stretched before tonight, night 42 of the programme, each with a check-in whose
    // cramps are `firstCramps` in the first two weeks and `laterCramps` after.
    void madeSixWeeks(int firstCramps, int laterCramps) {
        const Date tonight = *Date::parse(today());
        for (int back = 41; back >= 1; --back) {
            SessionRecord session;
            session.routineId = "quick";
            session.routineName = "Quick";
            session.startedAt = std::time(nullptr) - static_cast<std::time_t>(back) * 86400;
            session.night = tonight.plus(-back).str();
            session.plannedHoldSeconds = 100;
            session.holdSecondsDone = 100;
            session.status = "completed";
            ASSERT_GT(m_history->addSession(session), 0);
            CheckIn checkIn;
            checkIn.night = session.night;
            checkIn.cramps = back > 27 ? firstCramps : laterCramps;
            checkIn.pain = checkIn.cramps > 0 ? 6 : 0;
            checkIn.sleep = checkIn.cramps > 0 ? 5 : 0;
            checkIn.recordedAt = session.startedAt;
            ASSERT_TRUE(m_history->putCheckIn(checkIn));
        }
    }

    WindowOptions m_options;
    ManualClock m_clock;
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<Switchboard> m_board;
    std::filesystem::path m_home;
};

// Says what it is asked to, in order; each phrase "made" in no time.
class RecordingSpeaker final : public Speaker {
  public:
    long long prepare(const std::string& text) override {
        prepared.push_back(text);
        return 1000;
    }
    void donePreparing() override { ++preparations; }
    void say(const std::string& text) override { said.push_back(text); }
    void stop() override { ++stops; }
    std::vector<std::string> prepared;
    std::vector<std::string> said;
    int preparations = 0;
    int stops = 0;
};

// A cramp now: the step is on the screen first, and only then its phrase is made and said.
TEST(ReliefScreenVoice, AStepIsSaidOnceItIsOnTheScreen) {
    RecordingSpeaker speaker;
    ReliefScreen screen(posedTheme(), ReliefVariant::Calf, nullptr, DayStart{}, &speaker);
    EXPECT_TRUE(speaker.said.empty()) << "nothing before the first frame";
    screen.presented();
    ASSERT_EQ(speaker.said.size(), 1u);
    EXPECT_EQ(speaker.said[0], screen.guide().current().spoken);
    EXPECT_EQ(speaker.preparations, 1) << "the helper is let go after each phrase";
    screen.presented(); // a later frame of the same step says nothing more
    EXPECT_EQ(speaker.said.size(), 1u);
}

TEST_F(ReliefScreensTest, COnHomeGuidesStepByStepAndRecordsAReliefOnTonight) {
    Switchboard& board = open();
    press(K::C);
    auto* relief = topAs<ReliefScreen>(board);
    ASSERT_NE(relief, nullptr);
    EXPECT_EQ(relief->guide().current().title, "Stretch the calf");
    EXPECT_TRUE(relief->scene().figureBounds()) << "the towel stretch's figure beside the words";
    lookAt("relief-calf");
    ASSERT_EQ(m_history->reliefs().size(), 1u);
    EXPECT_EQ(m_history->reliefs()[0].night, today());
    press(K::Space);
    EXPECT_EQ(relief->guide().current().title, "Rub it gently");
    press(K::Left);
    EXPECT_EQ(relief->guide().index(), 0u);
    press(K::S);
    EXPECT_EQ(relief->guide().variant(), ReliefVariant::ShinOrFoot);
    EXPECT_EQ(m_history->reliefs()[0].variant, "shin") << "recorded where the cramp is";
    lookAt("relief-shin");
    for (int i = 0; i < 5; ++i)
        press(K::Right);
    EXPECT_TRUE(relief->guide().finished());
    lookAt("relief-done");
    EXPECT_EQ(m_history->reliefs()[0].stepsDone, 5);
    press(K::Enter);
    EXPECT_NE(topAs<HomeScreen>(board), nullptr) << "closing the guide goes back home";
    EXPECT_EQ(m_history->reliefCountFor(today()), 1);
}

// Every step of both guides, at each size: its words inside the window, clear of each other and
// of the figure; the shin guide's first picture is its own (the foot easing down). Saved to look
// at.
TEST_F(ReliefScreensTest, EveryStepOfBothGuidesFitsAndIsSavedToLookAt) {
    Switchboard& board = open();
    press(K::C);
    auto* relief = topAs<ReliefScreen>(board);
    ASSERT_NE(relief, nullptr);
    for (const ReliefVariant variant : {ReliefVariant::Calf, ReliefVariant::ShinOrFoot}) {
        if (variant == ReliefVariant::ShinOrFoot) press(K::S);
        ASSERT_EQ(relief->guide().variant(), variant);
        EXPECT_EQ(relief->guide().current().poseId,
                  variant == ReliefVariant::Calf ? "towel-stretch" : "relief-shin");
        for (std::size_t step = 0; step < relief->guide().steps().size(); ++step) {
            ASSERT_EQ(relief->guide().index(), step);
            const std::string name = std::string("relief-") + reliefVariantName(variant) + "-step" +
                                     std::to_string(step + 1);
            SCOPED_TRACE(name);
            for (const sf::Vector2u size : kSizes) {
                const sf::Vector2f window(static_cast<float>(size.x), static_cast<float>(size.y));
                board.layout(window);
                const std::vector<sf::FloatRect> texts = relief->scene().textBounds();
                for (std::size_t i = 0; i < texts.size(); ++i) {
                    const sf::FloatRect& t = texts[i];
                    EXPECT_GE(t.left, 0.f);
                    EXPECT_GE(t.top, 0.f);
                    EXPECT_LE(t.left + t.width, window.x);
                    EXPECT_LE(t.top + t.height, window.y);
                    for (std::size_t k = i + 1; k < texts.size(); ++k)
                        EXPECT_FALSE(t.intersects(texts[k])) << i << " and " << k;
                    if (const auto figure = relief->scene().figureBounds()) {
                        EXPECT_FALSE(t.intersects(*figure)) << "text " << i << " on the figure";
                    }
                }
            }
            lookAt(name);
            press(K::Right);
        }
        ASSERT_TRUE(relief->guide().finished());
        press(K::Left); // back into the guide, so S switches it
    }
}

TEST_F(ReliefScreensTest, CDuringASessionPausesItFirstAndEscLeavesItPaused) {
    Switchboard& board = open();
    press(K::Enter); // start the chosen routine
    auto* session = dynamic_cast<SessionScreen*>(board.at(0));
    ASSERT_NE(session, nullptr);
    ASSERT_FALSE(session->session().paused());
    press(K::C); // at once: in the phase's first moment the engine takes no pause yet
    ASSERT_NE(topAs<ReliefScreen>(board), nullptr);
    m_clock.advanceMs(600);
    board.update();
    EXPECT_TRUE(session->session().paused()) << "the routine waits while the cramp is helped";
    ASSERT_NE(topAs<ReliefScreen>(board), nullptr) << "still on top of \"Paused\"";
    const long long pausedAt = session->session().totalRemainingMs();
    m_clock.advanceMs(5000);
    board.update();
    EXPECT_EQ(session->session().totalRemainingMs(), pausedAt) << "nothing counted meanwhile";
    lookAt("relief-over-session");
    press(K::Escape);
    EXPECT_NE(topAs<PauseScreen>(board), nullptr) << "back to \"Paused\": Space continues";
    EXPECT_TRUE(session->session().paused());
    EXPECT_EQ(m_history->reliefs().size(), 1u);
}

TEST_F(ReliefScreensTest, IShowsEveryAboutSentenceOverPagesAndIClosesIt) {
    Switchboard& board = open();
    press(K::I);
    auto* about = topAs<AboutScreen>(board);
    ASSERT_NE(about, nullptr);
    for (const sf::Vector2u size : kSizes) {
        board.layout({static_cast<float>(size.x), static_cast<float>(size.y)});
        std::string shown;
        for (const std::string& line : about->scene().allLines())
            shown += line + " ";
        // Every section's heading, and the two urgent cases, somewhere in the pages.
        for (const AboutSection& section : aboutSections())
            EXPECT_NE(shown.find(section.heading), std::string::npos) << section.heading;
        EXPECT_NE(shown.find("10 minutes"), std::string::npos);
        EXPECT_NE(shown.find("\u2022  A cramp is a sudden"), std::string::npos)
            << "each sentence a bullet, in UTF-8 (not boxes)";
        EXPECT_NE(shown.find("tetanus"), std::string::npos);
    }
    for (int page = 0; page < about->scene().pageCount(); ++page) {
        lookAt("about-page" + std::to_string(page + 1));
        press(K::Right);
    }
    EXPECT_EQ(about->scene().page(), about->scene().pageCount() - 1);
    press(K::I);
    EXPECT_NE(topAs<HomeScreen>(board), nullptr);
}

TEST_F(ReliefScreensTest, TheWelcomeShowsOnceOnTheFirstRunAndWOnAboutShowsItAgain) {
    m_options.welcomeOnFirstRun = true;
    Switchboard& board = open();
    ASSERT_NE(topAs<WelcomeScreen>(board), nullptr);
    lookAt("welcome");
    press(K::Enter);
    EXPECT_NE(topAs<HomeScreen>(board), nullptr);
    Switchboard& again = open();
    EXPECT_NE(topAs<HomeScreen>(again), nullptr) << "never shown again unless asked";
    press(K::I);
    press(K::W);
    EXPECT_NE(topAs<WelcomeScreen>(again), nullptr);
}

TEST_F(ReliefScreensTest, AYesToSwellingInTheCheckInShowsTheDoctorNoteAtOnce) {
    Switchboard& board = open();
    const Date tonight = *Date::parse(today());
    board.openCheckIn(tonight.plus(-1));
    auto* checkIn = topAs<CheckInScreen>(board);
    ASSERT_NE(checkIn, nullptr);
    for (int i = 0; i < 4; ++i)
        press(K::Down);
    ASSERT_EQ(checkIn->form().focused(), CheckInForm::Field::Symptoms);
    board.handle(textEvent(' ')); // "Swelling, redness or warmth of a leg?" yes
    EXPECT_TRUE(checkIn->form().symptom(Symptom::Swelling));
    lookAt("checkin-symptoms");
    press(K::Enter);
    auto* note = topAs<NoteScreen>(board);
    ASSERT_NE(note, nullptr) << "the note shows at once";
    EXPECT_EQ(note->overlay().heading(), "You noted swelling, redness or warmth of a leg.");
    lookAt("doctor-note");
    ASSERT_EQ(m_history->symptomAnswers().size(), 1u);
    EXPECT_EQ(m_history->symptomAnswers()[0].symptom, Symptom::Swelling);
    press(K::Enter);
    EXPECT_EQ(topAs<NoteScreen>(board), nullptr);
}

TEST_F(ReliefScreensTest, ACheckInWithoutAnswersAndACalmDiaryShowsNoNote) {
    Switchboard& board = open();
    board.openCheckIn(Date::parse(today())->plus(-1));
    press(K::Enter);
    EXPECT_EQ(topAs<NoteScreen>(board), nullptr);
    EXPECT_TRUE(m_history->symptomAnswers().empty());
}

TEST_F(ReliefScreensTest, TheMorningCheckInStartsFromTheReliefsOfThatNight) {
    ReliefRecord relief;
    relief.night = Date::parse(today())->plus(-1).str();
    m_history->addRelief(relief);
    m_history->addRelief(relief);
    Switchboard& board = open();
    board.openCheckIn(Date::parse(today())->plus(-1));
    auto* checkIn = topAs<CheckInScreen>(board);
    ASSERT_NE(checkIn, nullptr);
    EXPECT_EQ(checkIn->form().value(CheckInForm::Field::Cramps), 2);
}

TEST_F(ReliefScreensTest, AtNightFortyTwoTheReviewShowsOnce) {
    madeSixWeeks(2, 0); // cramps in the first two weeks, none in the last
    Switchboard& board = open();
    auto* review = topAs<NoteScreen>(board);
    ASSERT_NE(review, nullptr) << "the six-week review on night 42";
    EXPECT_EQ(review->overlay().heading(), "Six weeks");
    std::string words;
    for (const std::string& p : review->overlay().paragraphs())
        words += p + " ";
    EXPECT_NE(words.find("on 14 nights of the 14 you wrote down"), std::string::npos) << words;
    EXPECT_NE(words.find("That is better"), std::string::npos) << words;
    lookAt("six-week-review");
    press(K::Enter);
    Switchboard& again = open();
    EXPECT_EQ(topAs<NoteScreen>(again), nullptr) << "once";
}

// Cramps still most nights: no better, and the doctor note's reason and advice are in the review.
TEST_F(ReliefScreensTest, TheReviewCarriesTheDoctorLineWhileItsRuleIsMet) {
    madeSixWeeks(1, 1);
    Switchboard& board = open();
    auto* review = topAs<NoteScreen>(board);
    ASSERT_NE(review, nullptr) << "the six-week review on night 42";
    std::string words;
    for (const std::string& p : review->overlay().paragraphs())
        words += p + " ";
    EXPECT_NE(words.find("no better"), std::string::npos) << words;
    EXPECT_NE(words.find("Cramps came on 7 of the last 7 nights."), std::string::npos) << words;
    EXPECT_NE(words.find("see a doctor"), std::string::npos) << words;
    lookAt("six-week-review-doctor");
}

} // namespace
} // namespace ns
