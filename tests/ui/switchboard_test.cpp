// The window's screens driven as a person would, with key, text and mouse events and a manual
// clock, through the same Switchboard the window uses (no display needed to decide what happens).
#include "checkin_screen.hpp"
#include "doctor_note.hpp"
#include "done_screen.hpp"
#include "editor_screen.hpp"
#include "help_screen.hpp"
#include "history.hpp"
#include "history_backups.hpp"
#include "home_screen.hpp"
#include "note_screen.hpp"
#include "pause_screen.hpp"
#include "progress_screen.hpp"
#include "progress_test_data.hpp"
#include "question_screen.hpp"
#include "session_screen.hpp"
#include "stop_question_screen.hpp"
#include "switchboard.hpp"
#include "ui_test_support.hpp"

#include "about_screen.hpp"
#include "about_text.hpp"

#include "clock.hpp"
#include "theme.hpp"

#include <SFML/Graphics/RenderTexture.hpp>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>

namespace ns {
namespace {

using K = sf::Keyboard;

const sf::Vector2f kSize{1280.f, 800.f};

sf::Event keyEvent(K::Key code, bool shift = false) {
    sf::Event event{};
    event.type = sf::Event::KeyPressed;
    event.key.code = code;
    event.key.shift = shift;
    return event;
}

sf::Event textEvent(sf::Uint32 unicode) {
    sf::Event event{};
    event.type = sf::Event::TextEntered;
    event.text.unicode = unicode;
    return event;
}

sf::Event mouseEvent(sf::Event::EventType type, sf::Vector2f point) {
    sf::Event event{};
    event.type = type;
    if (type == sf::Event::MouseMoved) {
        event.mouseMove.x = static_cast<int>(point.x);
        event.mouseMove.y = static_cast<int>(point.y);
    } else {
        event.mouseButton.button = sf::Mouse::Left;
        event.mouseButton.x = static_cast<int>(point.x);
        event.mouseButton.y = static_cast<int>(point.y);
    }
    return event;
}

sf::Event closedEvent() {
    sf::Event event{};
    event.type = sf::Event::Closed;
    return event;
}

template <typename T> T* topAs(const Switchboard& board) {
    return dynamic_cast<T*>(board.top());
}

class SwitchboardTest : public testing::Test {
  protected:
    void SetUp() override {
        ASSERT_NE(test::theme(), nullptr);
        // A folder of its own, so that runs side by side (ctest -j, two checkouts) never meet.
        std::string pattern = (std::filesystem::temp_directory_path() / "ns-board-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        m_home = pattern;
        const std::filesystem::path& home = m_home;
        m_options.paths.configDir = home / "config";
        m_options.paths.dataDir = home / "data";
        m_options.paths.stateDir = home / "state";
        m_options.paths.shareDir = std::filesystem::path(NS_ROUTINES_DIR).parent_path();
    }
    void TearDown() override {
        m_board.reset();
        m_history.reset();
        std::error_code ec;
        std::filesystem::remove_all(m_home, ec);
    }

    void withHistory() {
        auto opened = HistoryStore::open(m_options.paths.historyFile());
        ASSERT_NE(opened.store, nullptr) << opened.error;
        m_history = std::move(opened.store);
        m_options.history = m_history.get();
    }

    // The window as opened without a routine: home.
    Switchboard& open() {
        m_board =
            std::make_unique<Switchboard>(m_options,
                                          RoutineLibrary::load(m_options.paths.builtInRoutinesDir(),
                                                               m_options.paths.userRoutinesDir()),
                                          *test::theme(), m_clock);
        m_board->begin(nullptr, kSize);
        return *m_board;
    }

    // As the window's loop does: after a key or a tick, a frame reaches the screen (a session
    // starts once its first frame is shown).
    void press(K::Key code, bool shift = false) {
        m_board->handle(keyEvent(code, shift));
        m_board->presented();
    }

    // Time goes by in steps, as the loop would see it.
    void wait(long long ms) {
        for (long long done = 0; done < ms; done += 100) {
            m_clock.advanceMs(std::min<long long>(100, ms - done));
            m_board->update();
            m_board->presented();
        }
    }

    // What the window would show now.
    sf::Image picture() {
        sf::RenderTexture texture;
        if (!texture.create(static_cast<unsigned>(kSize.x), static_cast<unsigned>(kSize.y))) {
            ADD_FAILURE() << "cannot create a render texture";
            return {};
        }
        texture.clear(palette::kBackground);
        m_board->draw(texture);
        texture.display();
        m_board->presented();
        return texture.getTexture().copyToImage();
    }

    Session& session() {
        auto* screen = dynamic_cast<SessionScreen*>(m_board->at(0));
        EXPECT_NE(screen, nullptr) << "no session at the bottom of the stack";
        return screen->session();
    }

    WindowOptions m_options;
    ManualClock m_clock;
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<Switchboard> m_board;
    std::filesystem::path m_home;
};

TEST_F(SwitchboardTest, OpensOnHome) {
    Switchboard& board = open();
    EXPECT_EQ(board.depth(), 1u);
    ASSERT_NE(topAs<HomeScreen>(board), nullptr);
    EXPECT_NE(topAs<HomeScreen>(board)->scene().selectedEntry(), nullptr);
}

TEST_F(SwitchboardTest, EnterOnHomeStartsTheSelectedRoutine) {
    Switchboard& board = open();
    press(K::Down);
    const HomeEntry* chosen = topAs<HomeScreen>(board)->scene().selectedEntry();
    ASSERT_NE(chosen, nullptr);
    const std::string id = chosen->id;
    press(K::Enter);
    ASSERT_NE(topAs<SessionScreen>(board), nullptr);
    EXPECT_EQ(session().routine().id, id);
    EXPECT_TRUE(session().started());
}

TEST_F(SwitchboardTest, EscDuringASessionAsksAndHoldsStillThenEscKeepsGoing) {
    Switchboard& board = open();
    press(K::Enter);
    wait(2000);
    const long long remaining = session().phaseRemainingMs();
    press(K::Escape);
    ASSERT_NE(topAs<StopQuestionScreen>(board), nullptr);
    EXPECT_TRUE(session().paused());
    wait(5000);
    EXPECT_EQ(session().phaseRemainingMs(), remaining) << "the countdown ran while asking";
    // Shift alone is no answer: the question stays.
    press(K::LShift);
    ASSERT_NE(topAs<StopQuestionScreen>(board), nullptr);
    press(K::Escape);
    ASSERT_NE(topAs<SessionScreen>(board), nullptr);
    EXPECT_FALSE(session().paused());
    wait(1000);
    EXPECT_EQ(session().phaseRemainingMs(), remaining - 1000);
}

// Issue 12: the question holds the countdown even when asked in a phase's first moment, when a
// pause key would be refused as a stray press; No lets it run on from where it was.
TEST_F(SwitchboardTest, StopQuestionInAPhasesFirstMomentStillHoldsTheCountdown) {
    Switchboard& board = open();
    press(K::Enter);
    wait(200);
    ASSERT_TRUE(session().inputGuarded());
    const long long remaining = session().phaseRemainingMs();
    press(K::Escape);
    ASSERT_NE(topAs<StopQuestionScreen>(board), nullptr);
    EXPECT_TRUE(session().paused());
    wait(5000);
    EXPECT_EQ(session().phaseRemainingMs(), remaining) << "the countdown ran while asking";
    press(K::Escape);
    ASSERT_NE(topAs<SessionScreen>(board), nullptr) << "no pause screen: it goes on";
    EXPECT_FALSE(session().paused());
    wait(1000);
    EXPECT_EQ(session().phaseRemainingMs(), remaining - 1000);
}

// Issue 12: without a history, home and the session say so in a banner, not in corner text.
TEST_F(SwitchboardTest, WithoutAHistoryHomeAndTheSessionShowABanner) {
    m_options.historyNotice = "history: cannot create the history folder";
    m_options.historyProblem =
        historyNotOpened(m_options.paths.historyFile(), "cannot create the history folder");
    Switchboard& board = open();
    auto* home = topAs<HomeScreen>(board);
    ASSERT_NE(home, nullptr);
    EXPECT_TRUE(home->scene().banner().shown());
    EXPECT_EQ(home->scene().banner().text().headline, "Your stretching is not being saved");
    press(K::Enter);
    auto* running = topAs<SessionScreen>(board);
    ASSERT_NE(running, nullptr);
    EXPECT_TRUE(running->scene().banner().shown()) << "nothing of this session is kept";
}

// After a session that could not be written, home says so too (not only the session did).
TEST_F(SwitchboardTest, HomeAfterASessionThatWasNotSavedShowsABanner) {
    withHistory();
    Switchboard& board = open();
    ASSERT_FALSE(topAs<HomeScreen>(board)->scene().banner().shown());
    press(K::Enter);
    ASSERT_NE(topAs<SessionScreen>(board), nullptr);
    board.historyFailed("database or disk is full"); // what the session reports
    wait(1000);
    press(K::Escape);
    press(K::Enter);
    ASSERT_NE(topAs<DoneScreen>(board), nullptr);
    press(K::Enter);
    auto* home = topAs<HomeScreen>(board);
    ASSERT_NE(home, nullptr);
    EXPECT_EQ(home->scene().banner().text().headline, "Your last session was not saved");
}

// Issue 18, one rule with the terminal: Q (or Esc) asks, Enter or Q again stops, and the end says
// what was held and whether the history kept it; Enter then goes home.
TEST_F(SwitchboardTest, EnterOrQOnTheQuestionStopsAndTheEndSaysWhatWasSaved) {
    for (K::Key confirm : {K::Enter, K::Q}) {
        Switchboard& board = open();
        press(K::Enter);
        wait(1000);
        press(K::Q);
        ASSERT_NE(topAs<StopQuestionScreen>(board), nullptr);
        press(confirm);
        EXPECT_EQ(board.depth(), 1u);
        auto* done = topAs<DoneScreen>(board);
        ASSERT_NE(done, nullptr);
        EXPECT_EQ(done->scene().result().title, "Stopped.");
        EXPECT_FALSE(done->scene().result().saved) << "this board has no history";
        EXPECT_EQ(done->scene().result().kept, "Not saved: the history cannot be opened.");
        EXPECT_FALSE(board.closing());
        press(K::Enter);
        EXPECT_NE(topAs<HomeScreen>(board), nullptr);
        EXPECT_FALSE(board.closing());
    }
}

// Any key other than Enter or Q goes on, as in the terminal; it never reaches the session (→ does
// not skip a part), and the countdown runs on from where it held.
TEST_F(SwitchboardTest, AnyOtherKeyOnTheQuestionGoesOnWithoutReachingTheSession) {
    for (K::Key other : {K::Right, K::Space, K::Escape, K::A}) {
        Switchboard& board = open();
        press(K::Enter);
        wait(1500);
        const int phase = session().phaseIndex();
        const long long remaining = session().phaseRemainingMs();
        press(K::Q);
        ASSERT_NE(topAs<StopQuestionScreen>(board), nullptr);
        wait(3000);
        press(other);
        ASSERT_NE(topAs<SessionScreen>(board), nullptr);
        EXPECT_FALSE(session().paused());
        EXPECT_EQ(session().phaseIndex(), phase);
        EXPECT_EQ(session().phaseRemainingMs(), remaining);
    }
}

TEST_F(SwitchboardTest, SpacePausesUnderAPausedOverlayAndEscThenKeepsItPaused) {
    Switchboard& board = open();
    press(K::Enter);
    wait(1000);
    press(K::Space);
    ASSERT_NE(topAs<PauseScreen>(board), nullptr);
    EXPECT_TRUE(session().paused());
    press(K::Escape);
    ASSERT_NE(topAs<StopQuestionScreen>(board), nullptr);
    EXPECT_EQ(board.depth(), 2u) << "the question takes the place of \"Paused\"";
    press(K::Escape);
    ASSERT_NE(topAs<PauseScreen>(board), nullptr) << "keep going, still paused";
    EXPECT_TRUE(session().paused());
    press(K::Space);
    EXPECT_NE(topAs<SessionScreen>(board), nullptr);
    EXPECT_FALSE(session().paused());
}

TEST_F(SwitchboardTest, AKeyInTheFirstHalfSecondOfAPhaseIsIgnored) {
    open();
    press(K::Enter);
    wait(100);
    const int phase = session().phaseIndex();
    press(K::Right);
    EXPECT_EQ(session().phaseIndex(), phase);
    wait(500);
    press(K::Right);
    EXPECT_EQ(session().phaseIndex(), phase + 1);
    press(K::Right); // the new phase is guarded again
    EXPECT_EQ(session().phaseIndex(), phase + 1);
}

TEST_F(SwitchboardTest, HelpListsExactlyTheKeymapEntriesOfTheScreenBelow) {
    Switchboard& board = open();
    for (KeyContext context : {KeyContext::Home, KeyContext::Session}) {
        if (context == KeyContext::Session) press(K::Enter);
        press(K::H);
        auto* help = topAs<HelpScreen>(board);
        ASSERT_NE(help, nullptr);
        const auto expected = helpLines(context);
        const auto& shown = help->overlay().lines();
        ASSERT_EQ(shown.size(), expected.size());
        for (std::size_t i = 0; i < shown.size(); ++i) {
            EXPECT_EQ(shown[i].keys, expected[i].keys);
            EXPECT_EQ(shown[i].words, expected[i].words);
        }
        press(K::H);
        EXPECT_EQ(topAs<HelpScreen>(board), nullptr) << "H again closes it";
    }
}

TEST_F(SwitchboardTest, HelpStopsClicksButLetsTheSessionsKeysThrough) {
    Switchboard& board = open();
    press(K::Enter);
    wait(1000);
    press(K::Slash, true);
    ASSERT_NE(topAs<HelpScreen>(board), nullptr);
    press(K::Space);
    EXPECT_TRUE(session().paused());
    EXPECT_NE(topAs<HelpScreen>(board), nullptr) << "help stays over \"Paused\"";
    press(K::Escape);
    EXPECT_NE(topAs<PauseScreen>(board), nullptr);
    press(K::H); // through "Paused" to the session: help on top
    EXPECT_NE(topAs<HelpScreen>(board), nullptr);
    EXPECT_EQ(board.depth(), 3u);
}

TEST_F(SwitchboardTest, ANewScreenClosesTheHelpOfTheOneBefore) {
    Switchboard& board = open();
    press(K::H);
    press(K::E); // let through to home: the editor opens
    EXPECT_NE(topAs<EditorScreen>(board), nullptr);
    EXPECT_EQ(board.depth(), 2u);
}

TEST_F(SwitchboardTest, AClickOnARoutineStartsItButNotUnderHelp) {
    Switchboard& board = open();
    const HomeScene& scene = topAs<HomeScreen>(board)->scene();
    // The second routine's row, wherever the layout put it.
    std::optional<sf::Vector2f> row;
    for (float y = 0.f; y < kSize.y && !row; y += 4.f)
        if (scene.entryAt({kSize.x / 2.f, y}) == 1) row = sf::Vector2f{kSize.x / 2.f, y};
    ASSERT_TRUE(row);
    const std::string id = homeEntries(RoutineLibrary::load(m_options.paths.builtInRoutinesDir(),
                                                            m_options.paths.userRoutinesDir()))[1]
                               .id;
    press(K::H);
    board.handle(mouseEvent(sf::Event::MouseButtonPressed, *row));
    ASSERT_NE(topAs<HelpScreen>(board), nullptr);
    press(K::Escape);
    board.handle(mouseEvent(sf::Event::MouseMoved, *row));
    EXPECT_EQ(topAs<HomeScreen>(board)->scene().selected(), 1);
    board.handle(mouseEvent(sf::Event::MouseButtonPressed, *row));
    ASSERT_NE(topAs<SessionScreen>(board), nullptr);
    EXPECT_EQ(session().routine().id, id);
}

TEST_F(SwitchboardTest, POpensProgressAndEscReturnsToTheSameRoutine) {
    withHistory();
    Switchboard& board = open();
    press(K::Down);
    const int selected = topAs<HomeScreen>(board)->scene().selected();
    press(K::P);
    ASSERT_NE(topAs<ProgressScreen>(board), nullptr);
    press(K::H);
    ASSERT_NE(topAs<HelpScreen>(board), nullptr);
    press(K::Escape);
    press(K::Escape);
    ASSERT_NE(topAs<HomeScreen>(board), nullptr);
    EXPECT_EQ(topAs<HomeScreen>(board)->scene().selected(), selected);
    press(K::P);
    press(K::P);
    EXPECT_NE(topAs<HomeScreen>(board), nullptr) << "P again goes back too";
}

TEST_F(SwitchboardTest, PWithoutAHistoryStaysHome) {
    Switchboard& board = open();
    press(K::P);
    EXPECT_NE(topAs<HomeScreen>(board), nullptr);
}

SessionRecord sessionFor(const std::string& night, int held) {
    SessionRecord record;
    record.routineId = "nightly";
    record.routineName = "Nightly";
    record.startedAt = std::time(nullptr);
    record.night = night;
    record.plannedHoldSeconds = 300;
    record.holdSecondsDone = held;
    record.status = "completed";
    return record;
}

sf::Vector2f centre(sf::FloatRect box) {
    return {box.left + box.width / 2.f, box.top + box.height / 2.f};
}

TEST_F(SwitchboardTest, ADamagedHistoryIsOfferedBackWithARestoreButton) {
    withHistory();
    // A backup with two nights; then the history as a damaged one leaves it: new and empty.
    const long long first = m_history->addSession(sessionFor("2026-10-01", 300));
    const long long second = m_history->addSession(sessionFor("2026-10-02", 300));
    const auto backups = m_options.paths.dataDir / "backups";
    ASSERT_TRUE(m_history->backupIfDue(backups, "2026-10-03")) << m_history->lastError();
    ASSERT_TRUE(m_history->deleteSession(first));
    ASSERT_TRUE(m_history->deleteSession(second));
    m_options.restorable = newestGoodBackup(backups);
    ASSERT_TRUE(m_options.restorable);
    m_options.historyNotice = "the history file was damaged";

    Switchboard& board = open();
    auto* question = topAs<QuestionScreen>(board);
    ASSERT_NE(question, nullptr) << "the window offers the backup";
    EXPECT_NE(question->overlay().detail().find("2026-10-03 holds 2 nights"), std::string::npos)
        << question->overlay().detail();
    board.handle(
        mouseEvent(sf::Event::MouseButtonPressed, centre(question->overlay().acceptBox())));
    EXPECT_EQ(m_history->sessions().size(), 2u);
    EXPECT_NE(topAs<HomeScreen>(board), nullptr) << "home, with nothing over the news";
    EXPECT_TRUE(board.indicatorShown()) << "\"Your history is back\"";
    board.showHome();
    EXPECT_EQ(topAs<QuestionScreen>(board), nullptr) << "asked once, not again";
}

TEST_F(SwitchboardTest, NotNowLeavesTheHistoryAsItIs) {
    withHistory();
    m_history->addSession(sessionFor("2026-10-01", 300));
    const auto backups = m_options.paths.dataDir / "backups";
    ASSERT_TRUE(m_history->backupIfDue(backups, "2026-10-03"));
    m_history->addSession(sessionFor("2026-10-02", 300));
    m_options.restorable = newestGoodBackup(backups);
    Switchboard& board = open();
    ASSERT_NE(topAs<QuestionScreen>(board), nullptr);
    press(K::Escape);
    EXPECT_EQ(topAs<QuestionScreen>(board), nullptr);
    EXPECT_EQ(m_history->sessions().size(), 2u);
}

TEST_F(SwitchboardTest, DeleteOnProgressAsksThenRemovesTheChosenNightsSession) {
    withHistory();
    const Date tonight = tonightAt(std::time(nullptr), m_options.dayStart);
    m_history->addSession(sessionFor(tonight.plus(-1).str(), 300));
    m_history->addSession(sessionFor(tonight.str(), 300));
    CheckIn lastNight;
    lastNight.night = tonight.plus(-1).str();
    ASSERT_TRUE(m_history->putCheckIn(lastNight)); // so the morning question does not come
    Switchboard& board = open();
    press(K::P);
    ASSERT_NE(topAs<ProgressScreen>(board), nullptr);
    press(K::Delete);
    ASSERT_NE(topAs<QuestionScreen>(board), nullptr);
    press(K::Escape); // keep it
    EXPECT_EQ(m_history->sessions().size(), 2u);
    ASSERT_NE(topAs<ProgressScreen>(board), nullptr);
    press(K::Delete);
    press(K::Enter); // the chosen night is last night, as the progress screen opens
    ASSERT_EQ(m_history->sessions().size(), 1u);
    EXPECT_EQ(m_history->sessions()[0].night, tonight.str());
    EXPECT_NE(topAs<ProgressScreen>(board), nullptr);
    press(K::Delete); // nothing left on that night: a note, no question
    EXPECT_NE(topAs<ProgressScreen>(board), nullptr);
    EXPECT_EQ(m_history->sessions().size(), 1u);
}

TEST_F(SwitchboardTest, TonightsDiaryWaitsUntilTheNightIsOver) {
    withHistory();
    Switchboard& board = open();
    press(K::P);
    press(K::Right); // from last night to tonight
    press(K::Enter);
    EXPECT_NE(topAs<ProgressScreen>(board), nullptr) << "no diary for a night not over";
    EXPECT_TRUE(board.indicatorShown());
    press(K::Left);
    press(K::Enter);
    EXPECT_NE(topAs<CheckInScreen>(board), nullptr) << "last night's diary opens";
}

TEST_F(SwitchboardTest, TheCheckInSwallowsLettersTypedIntoTheNote) {
    withHistory();
    Switchboard& board = open();
    press(K::P);
    press(K::Enter); // the diary of the chosen night (tonight)
    auto* checkIn = topAs<CheckInScreen>(board);
    ASSERT_NE(checkIn, nullptr);
    for (int i = 0; i < 3; ++i)
        press(K::Down);
    ASSERT_EQ(checkIn->form().focused(), CheckInForm::Field::Note);
    const bool muted = board.settings().muted;
    for (const char c : std::string("mfq")) {
        press(static_cast<K::Key>(K::A + (c - 'a'))); // SFML sends the key, then the text
        board.handle(textEvent(static_cast<sf::Uint32>(c)));
    }
    ASSERT_EQ(topAs<CheckInScreen>(board), checkIn) << "Q did not close, nothing else happened";
    EXPECT_EQ(checkIn->form().note().toAnsiString(), "mfq");
    EXPECT_EQ(board.settings().muted, muted) << "M typed into the note muted the sound";
    EXPECT_FALSE(board.takeFullscreenRequest()) << "F typed into the note";
    const Date night = checkIn->form().night();
    press(K::Enter);
    EXPECT_NE(topAs<ProgressScreen>(board), nullptr);
    EXPECT_TRUE(board.indicatorShown()) << "\"Saved in your diary\"";
    const auto saved = m_history->checkInFor(night.str());
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved->note, "mfq");
}

// Issue 12: a first evening's session is followed by home, not by "How was last night?".
TEST_F(SwitchboardTest, NoMorningQuestionOnTheWayHomeFromAFirstSession) {
    withHistory();
    Switchboard& board = open();
    ASSERT_NE(topAs<HomeScreen>(board), nullptr);
    press(K::Enter);
    wait(3000);
    press(K::Escape);
    press(K::Enter); // stop: the session is in the history now, and the end says so
    ASSERT_FALSE(m_history->nightRecords().empty());
    ASSERT_NE(topAs<DoneScreen>(board), nullptr);
    press(K::Enter); // back to the list
    EXPECT_EQ(topAs<CheckInScreen>(board), nullptr) << "asked about a night before the first use";
    EXPECT_NE(topAs<HomeScreen>(board), nullptr);
}

// Issue 12: a key the form has no use for closes it and does what it does behind it.
TEST_F(SwitchboardTest, TheMorningQuestionPassesOnKeysItDoesNotUse) {
    withHistory();
    SessionRecord earlier;
    earlier.routineId = "quick";
    earlier.routineName = "Quick";
    earlier.night = tonightAt(std::time(nullptr), m_options.dayStart).plus(-2).str();
    earlier.startedAt = std::time(nullptr) - std::time_t{2} * 86400;
    earlier.endedAt = earlier.startedAt + 120;
    earlier.plannedHoldSeconds = 90;
    earlier.holdSecondsDone = 90;
    earlier.status = "completed";
    earlier.source = "log";
    ASSERT_GT(m_history->addSession(earlier), 0) << m_history->lastError();
    Switchboard& board = open();
    ASSERT_NE(topAs<CheckInScreen>(board), nullptr) << "the first look of the day asks";
    const bool muted = board.settings().muted;
    press(K::M);
    EXPECT_NE(board.settings().muted, muted) << "M was swallowed by the form";
    EXPECT_NE(topAs<HomeScreen>(board), nullptr);
    EXPECT_FALSE(
        m_history->checkInFor(tonightAt(std::time(nullptr), m_options.dayStart).plus(-1).str()))
        << "closing is \"not now\", nothing saved";
    press(K::P);
    EXPECT_NE(topAs<ProgressScreen>(board), nullptr) << "P works once the form is gone";
}

// Issue 18: the morning question over home, with last night's form; a key and its text as SFML
// sends them.
class CheckInDiaryTest : public SwitchboardTest {
  protected:
    Date lastNight() const { return tonightAt(std::time(nullptr), m_options.dayStart).plus(-1); }
    CheckInScreen* openTheMorningQuestion() {
        withHistory();
        EXPECT_GT(m_history->addSession(sessionFor(lastNight().plus(-1).str(), 300)), 0)
            << m_history->lastError();
        open();
        return topAs<CheckInScreen>(*m_board);
    }
    void typeKey(K::Key code, char text) {
        press(code);
        m_board->handle(textEvent(static_cast<sf::Uint32>(text)));
    }
    // Cramps 2, pain 5, a note, and swelling: everything a person might type.
    void fillTheForm() {
        typeKey(K::Num2, '2');
        press(K::Down);
        typeKey(K::Num5, '5');
        press(K::Down);
        press(K::Down);
        for (const char c : std::string("calf"))
            typeKey(static_cast<K::Key>(K::A + (c - 'a')), c);
        press(K::Down);
    }
    std::vector<Symptom> savedSymptoms(Date night) const {
        std::vector<Symptom> out;
        for (const SymptomAnswer& answer : m_history->symptomAnswers())
            if (answer.night == night.str()) out.push_back(answer.symptom);
        return out;
    }
    QuestionScreen* question() const { return topAs<QuestionScreen>(*m_board); }
};

TEST_F(CheckInDiaryTest, SpaceOnTheSymptomRowTicksAndNothingTypedIsLost) {
    CheckInScreen* checkIn = openTheMorningQuestion();
    ASSERT_NE(checkIn, nullptr) << "the first look of the day asks";
    fillTheForm();
    ASSERT_EQ(checkIn->form().focused(), CheckInForm::Field::Symptoms);
    typeKey(K::Space, ' ');
    ASSERT_EQ(topAs<CheckInScreen>(*m_board), checkIn) << "Space closed the form";
    EXPECT_TRUE(checkIn->form().symptom(Symptom::Swelling)) << "Space answers yes";
    press(K::Enter);
    const auto saved = m_history->checkInFor(lastNight().str());
    ASSERT_TRUE(saved) << "nothing was saved";
    EXPECT_EQ(saved->cramps, 2);
    EXPECT_EQ(saved->pain, 5);
    EXPECT_FALSE(saved->sleep) << "sleep was never touched: it stays empty";
    EXPECT_EQ(saved->note, "calf");
    EXPECT_EQ(savedSymptoms(lastNight()), std::vector<Symptom>{Symptom::Swelling});
}

TEST_F(CheckInDiaryTest, HShowsHelpOverTheFormAndTheFormStays) {
    CheckInScreen* checkIn = openTheMorningQuestion();
    ASSERT_NE(checkIn, nullptr);
    typeKey(K::Num3, '3');
    typeKey(K::H, 'h');
    ASSERT_NE(topAs<HelpScreen>(*m_board), nullptr) << "H shows the check-in's keys";
    EXPECT_EQ(m_board->at(m_board->depth() - 2), checkIn) << "the form waits under the help";
    typeKey(K::H, 'h');
    ASSERT_EQ(topAs<CheckInScreen>(*m_board), checkIn);
    EXPECT_EQ(checkIn->form().value(CheckInForm::Field::Cramps), 3);
}

TEST_F(CheckInDiaryTest, AFormWithChangesNeverClosesOnAKey) {
    CheckInScreen* checkIn = openTheMorningQuestion();
    ASSERT_NE(checkIn, nullptr);
    typeKey(K::Num4, '4');
    for (const K::Key code : {K::P, K::Q, K::M, K::R, K::Space, K::E})
        press(code);
    ASSERT_EQ(topAs<CheckInScreen>(*m_board), checkIn) << "a key closed a form with changes";
    EXPECT_EQ(checkIn->form().value(CheckInForm::Field::Cramps), 4);
}

TEST_F(CheckInDiaryTest, EscWithChangesAsksSaveDiscardOrBack) {
    CheckInScreen* checkIn = openTheMorningQuestion();
    ASSERT_NE(checkIn, nullptr);
    fillTheForm();
    press(K::Escape);
    ASSERT_NE(question(), nullptr) << "Esc with changes closed the form without asking";
    EXPECT_EQ(question()->overlay().title(), "Save what you entered?");
    {
        const sf::Image image = picture();
        test::saveArtifact(image, "checkin-save-question-window-1280x800");
        test::expectFitsAndCalm(question()->overlay(), image, {1280, 800}, "save question");
    }
    press(K::Escape); // Back
    ASSERT_EQ(topAs<CheckInScreen>(*m_board), checkIn);
    EXPECT_EQ(checkIn->form().note().toAnsiString(), "calf");
    press(K::Escape);
    ASSERT_NE(question(), nullptr);
    press(K::Enter); // Save
    EXPECT_NE(topAs<HomeScreen>(*m_board), nullptr);
    const auto saved = m_history->checkInFor(lastNight().str());
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved->note, "calf");
    EXPECT_EQ(saved->pain, 5);
}

TEST_F(CheckInDiaryTest, DiscardLeavesTheDiaryAsItWas) {
    CheckInScreen* checkIn = openTheMorningQuestion();
    ASSERT_NE(checkIn, nullptr);
    fillTheForm();
    press(K::Escape);
    ASSERT_NE(question(), nullptr);
    press(K::D);
    EXPECT_NE(topAs<HomeScreen>(*m_board), nullptr);
    EXPECT_FALSE(m_history->checkInFor(lastNight().str()));
}

TEST_F(CheckInDiaryTest, EscOnAnUntouchedFormClosesAtOnce) {
    ASSERT_NE(openTheMorningQuestion(), nullptr);
    press(K::Down); // moving is not a change
    press(K::Escape);
    EXPECT_NE(topAs<HomeScreen>(*m_board), nullptr);
}

TEST_F(CheckInDiaryTest, ClosingTheWindowWithChangesAsksFirst) {
    ASSERT_NE(openTheMorningQuestion(), nullptr);
    typeKey(K::Num1, '1');
    m_board->handle(closedEvent());
    EXPECT_FALSE(m_board->closing());
    ASSERT_NE(question(), nullptr);
    press(K::Enter);
    EXPECT_TRUE(m_board->closing());
    ASSERT_TRUE(m_history->checkInFor(lastNight().str()));
    EXPECT_EQ(m_history->checkInFor(lastNight().str())->cramps, 1);
}

// The diary opened from P → Enter shows a saved "yes", and Space takes it back.
TEST_F(CheckInDiaryTest, ASavedSymptomIsShownAndCanBeTakenBack) {
    CheckInScreen* morning = openTheMorningQuestion();
    ASSERT_NE(morning, nullptr);
    typeKey(K::Num1, '1');
    for (int i = 0; i < 4; ++i)
        press(K::Down);
    typeKey(K::Space, ' ');
    press(K::Enter);
    ASSERT_EQ(savedSymptoms(lastNight()), std::vector<Symptom>{Symptom::Swelling});
    ASSERT_NE(topAs<NoteScreen>(*m_board), nullptr) << "a yes to swelling shows the doctor note";
    press(K::Enter);

    press(K::P);
    ASSERT_NE(topAs<ProgressScreen>(*m_board), nullptr);
    press(K::Enter); // the chosen night is last night
    auto* diary = topAs<CheckInScreen>(*m_board);
    ASSERT_NE(diary, nullptr);
    EXPECT_TRUE(diary->form().symptom(Symptom::Swelling)) << "the saved yes shows unticked";
    for (int i = 0; i < 4; ++i)
        press(K::Down);
    typeKey(K::Space, ' ');
    ASSERT_EQ(topAs<CheckInScreen>(*m_board), diary) << "Space closed the diary";
    EXPECT_FALSE(diary->form().symptom(Symptom::Swelling));
    press(K::Enter);
    EXPECT_NE(topAs<ProgressScreen>(*m_board), nullptr);
    EXPECT_TRUE(savedSymptoms(lastNight()).empty()) << "the yes was not taken back";
    EXPECT_EQ(m_history->checkInFor(lastNight().str())->cramps, 1);
}

// Fields never touched are empty, as on the command line; a diary saved so opens with them empty.
TEST_F(CheckInDiaryTest, FieldsNeverTouchedAreSavedEmpty) {
    ASSERT_NE(openTheMorningQuestion(), nullptr);
    typeKey(K::Num2, '2');
    press(K::Enter);
    const auto saved = m_history->checkInFor(lastNight().str());
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved->cramps, 2);
    EXPECT_FALSE(saved->pain) << "pain stored as " << saved->pain.value_or(-1);
    EXPECT_FALSE(saved->sleep) << "sleep stored as " << saved->sleep.value_or(-1);
}

// A history that cannot be written (its check-in table moved away behind the store's back, as
// a broken file would): Enter keeps the form open with everything typed in it, says it was not
// saved and what Enter and Esc do; with the table back, Enter saves it all.
class CheckInNotSavedTest : public CheckInDiaryTest {
  protected:
    void runOnTheFile(const char* sql) {
        sqlite3* raw = nullptr;
        ASSERT_EQ(sqlite3_open(m_options.paths.historyFile().c_str(), &raw), SQLITE_OK);
        EXPECT_EQ(sqlite3_exec(raw, sql, nullptr, nullptr, nullptr), SQLITE_OK)
            << sqlite3_errmsg(raw);
        sqlite3_close(raw);
    }
    void breakTheHistory() { runOnTheFile("ALTER TABLE checkins RENAME TO checkins_away"); }
    void mendTheHistory() { runOnTheFile("ALTER TABLE checkins_away RENAME TO checkins"); }
    static void expectEverythingTyped(const CheckInScreen& form) {
        EXPECT_EQ(form.form().value(CheckInForm::Field::Cramps), 2);
        EXPECT_EQ(form.form().value(CheckInForm::Field::Pain), 5);
        EXPECT_FALSE(form.form().value(CheckInForm::Field::Sleep));
        EXPECT_EQ(form.form().note().toAnsiString(), "calf");
        EXPECT_TRUE(form.form().symptom(Symptom::Swelling));
    }
    void expectTheSavedDiary() {
        const auto saved = m_history->checkInFor(lastNight().str());
        ASSERT_TRUE(saved) << m_history->lastError();
        EXPECT_EQ(saved->cramps, 2);
        EXPECT_EQ(saved->pain, 5);
        EXPECT_EQ(saved->note, "calf");
        EXPECT_EQ(savedSymptoms(lastNight()), std::vector<Symptom>{Symptom::Swelling});
    }
};

TEST_F(CheckInNotSavedTest, EnterKeepsTheFormSaysSoAndEnterAgainSaves) {
    CheckInScreen* checkIn = openTheMorningQuestion();
    ASSERT_NE(checkIn, nullptr);
    fillTheForm();
    typeKey(K::Space, ' ');
    breakTheHistory();
    press(K::Enter);
    ASSERT_EQ(topAs<CheckInScreen>(*m_board), checkIn) << "a failed save closed the form";
    expectEverythingTyped(*checkIn);
    EXPECT_EQ(checkIn->overlay().subtitle(),
              "Not saved: the history cannot be written. Your answers are still here.");
    EXPECT_EQ(checkIn->overlay().keysHint(),
              "Enter tries again     Esc asks whether to discard them");
    for (const sf::Vector2u size :
         {sf::Vector2u{800, 600}, sf::Vector2u{1280, 800}, sf::Vector2u{1920, 1080}}) {
        m_board->layout({static_cast<float>(size.x), static_cast<float>(size.y)});
        sf::RenderTexture texture;
        ASSERT_TRUE(texture.create(size.x, size.y));
        texture.clear(palette::kBackground);
        m_board->draw(texture);
        texture.display();
        const sf::Image image = texture.getTexture().copyToImage();
        const std::string name =
            "checkin-not-saved-" + std::to_string(size.x) + "x" + std::to_string(size.y);
        test::saveArtifact(image, name);
        test::expectFitsAndCalm(checkIn->overlay(), image, size, name);
    }
    m_board->layout(kSize);

    press(K::Enter); // still broken: still here
    ASSERT_EQ(topAs<CheckInScreen>(*m_board), checkIn);
    expectEverythingTyped(*checkIn);

    mendTheHistory();
    press(K::Enter);
    EXPECT_EQ(topAs<CheckInScreen>(*m_board), nullptr) << "saved: the form closes";
    expectTheSavedDiary();
}

// Esc after a failed save asks the usual question; its Save, failing again, keeps the form.
TEST_F(CheckInNotSavedTest, EscAsksAndAFailedSaveFromTheQuestionKeepsTheForm) {
    CheckInScreen* checkIn = openTheMorningQuestion();
    ASSERT_NE(checkIn, nullptr);
    fillTheForm();
    typeKey(K::Space, ' ');
    breakTheHistory();
    press(K::Enter);
    ASSERT_EQ(topAs<CheckInScreen>(*m_board), checkIn);
    press(K::Escape);
    ASSERT_NE(question(), nullptr);
    EXPECT_EQ(question()->overlay().title(), "Save what you entered?");
    press(K::Enter); // Save, and it fails again
    ASSERT_EQ(topAs<CheckInScreen>(*m_board), checkIn) << "the failed save lost the form";
    expectEverythingTyped(*checkIn);
    press(K::Escape);
    ASSERT_NE(question(), nullptr) << "Esc asks again";
    press(K::Escape); // Back
    mendTheHistory();
    press(K::Escape);
    ASSERT_NE(question(), nullptr);
    press(K::Enter); // Save
    EXPECT_EQ(topAs<CheckInScreen>(*m_board), nullptr);
    expectTheSavedDiary();
}

// Closing the window after a failed save asks; a Save that fails keeps the window and the form.
TEST_F(CheckInNotSavedTest, ClosingTheWindowKeepsItOpenWhenTheSaveFails) {
    CheckInScreen* checkIn = openTheMorningQuestion();
    ASSERT_NE(checkIn, nullptr);
    fillTheForm();
    typeKey(K::Space, ' ');
    breakTheHistory();
    m_board->handle(closedEvent());
    ASSERT_NE(question(), nullptr);
    press(K::Enter); // Save, which fails
    EXPECT_FALSE(m_board->closing()) << "the window closed with the diary unsaved";
    ASSERT_EQ(topAs<CheckInScreen>(*m_board), checkIn);
    expectEverythingTyped(*checkIn);
}

TEST_F(SwitchboardTest, SoundKeysWorkOnScreensAndQuestionsButNotInTheEditor) {
    Switchboard& board = open();
    const bool muted = board.settings().muted;
    press(K::M);
    EXPECT_NE(board.settings().muted, muted);
    press(K::Enter);
    wait(1000);
    press(K::Escape);
    press(K::M);
    EXPECT_EQ(board.settings().muted, muted) << "M works while asking";
    press(K::Enter); // stop: what was held
    press(K::Enter); // home
    press(K::N);     // a new routine in the editor
    ASSERT_NE(topAs<EditorScreen>(board), nullptr);
    press(K::M);
    press(K::Hyphen);
    EXPECT_EQ(board.settings().muted, muted);
    EXPECT_EQ(board.settings().volume, Settings{}.volume);
}

TEST_F(SwitchboardTest, VTogglesTheVoiceAndTheSettingsKeepIt) {
    Switchboard& board = open();
    EXPECT_TRUE(board.settings().voice);
    press(K::V);
    EXPECT_FALSE(board.settings().voice);
    EXPECT_TRUE(board.indicatorShown()) << "\"Voice off\"";
    EXPECT_FALSE(Settings::load(m_options.paths.settingsFile()).voice);
    press(K::Enter); // a routine, then the voice back on during it
    ASSERT_NE(topAs<SessionScreen>(board), nullptr);
    press(K::V);
    EXPECT_TRUE(board.settings().voice);
    EXPECT_TRUE(Settings::load(m_options.paths.settingsFile()).voice);
}

// The steady sound badge: on home and in a session, saying at once what M, V and the volume keys
// set, drawn in its corner (amber when nothing will be heard), clear of the countdown, the phase
// and "Next".
TEST_F(SwitchboardTest, TheSoundBadgeStaysOnHomeAndInASessionAndFollowsTheKeys) {
    Switchboard& board = open();
    ASSERT_TRUE(AudioCues().available()) << "tests run with OpenAL's null driver";
    const auto badgeOf = [&]() -> const SoundBadge* {
        if (auto* home = dynamic_cast<HomeScreen*>(board.at(0))) return home->scene().soundBadge();
        if (auto* run = dynamic_cast<SessionScreen*>(board.at(0))) return run->scene().soundBadge();
        return nullptr;
    };
    const auto amberIn = [](const sf::Image& image, const sf::FloatRect& area) {
        int count = 0;
        for (auto y = static_cast<unsigned>(area.top); y < area.top + area.height; ++y)
            for (auto x = static_cast<unsigned>(area.left); x < area.left + area.width; ++x) {
                const sf::Color c = image.getPixel(x, y);
                count += c.r > 150 && c.r > c.b + 80 ? 1 : 0;
            }
        return count;
    };
    ASSERT_NE(badgeOf(), nullptr) << "home shows the badge";
    EXPECT_EQ(badgeOf()->text(), "Sound 70 % · Voice on");
    sf::Image image = picture();
    EXPECT_TRUE(test::inside(badgeOf()->bounds(), {1280, 800}));
    EXPECT_EQ(amberIn(image, badgeOf()->bounds()), 0) << "heard: in the quiet text colour";

    press(K::M);
    EXPECT_EQ(badgeOf()->text(), "Sound off (M)") << "at once";
    wait(3000); // the brief indicator is long gone; the badge stays
    EXPECT_FALSE(board.indicatorShown());
    EXPECT_EQ(badgeOf()->text(), "Sound off (M)");
    image = picture();
    test::saveArtifact(image, "sound-badge-home-muted-1280x800");
    EXPECT_GT(amberIn(image, badgeOf()->bounds()), 20) << "silent: in amber";

    press(K::M);
    press(K::V);
    press(K::Hyphen);
    EXPECT_EQ(badgeOf()->text(), "Sound 60 % · Voice off");
    press(K::V);

    press(K::Enter); // a session
    ASSERT_NE(dynamic_cast<SessionScreen*>(board.at(0)), nullptr);
    ASSERT_NE(badgeOf(), nullptr) << "the session shows the badge";
    EXPECT_EQ(badgeOf()->text(), "Sound 60 % · Voice on");
    wait(1000);
    press(K::M);
    EXPECT_EQ(badgeOf()->text(), "Sound off (M)");
    wait(2000);
    image = picture();
    test::saveArtifact(image, "sound-badge-session-muted-1280x800");
    const sf::FloatRect badge = badgeOf()->bounds();
    EXPECT_GT(amberIn(image, badge), 20);
    const SessionScene& scene = dynamic_cast<SessionScreen*>(board.at(0))->scene();
    EXPECT_FALSE(badge.intersects(scene.countdownBounds()));
    for (const sf::FloatRect& text : scene.textBounds())
        if (text != badge) {
            EXPECT_FALSE(badge.intersects(text)) << text.left << "," << text.top;
        }
    press(K::M);
    EXPECT_EQ(badgeOf()->text(), "Sound 60 % · Voice on");
    wait(2000);
    image = picture();
    test::saveArtifact(image, "sound-badge-session-1280x800");
    EXPECT_EQ(amberIn(image, badgeOf()->bounds()), 0);
}

// Issue 18: without a sound device, "Sound unavailable" was said twice, the badge at the bottom
// and a notice at the top right (over the stretch's name at 800x600). The badge alone says it.
// Runs as NoSoundDevice.OnlyTheBadgeSaysSo, with OpenAL given no driver (tests/CMakeLists.txt).
TEST_F(SwitchboardTest, WithoutASoundDeviceOnlyTheBadgeSaysSo) {
    const bool runAsNoSoundDevice = std::getenv("NS_TEST_NO_SOUND_DEVICE") != nullptr;
    if (AudioCues().available()) {
        ASSERT_FALSE(runAsNoSoundDevice) << "ALSOFT_DRIVERS=none left OpenAL a device";
        GTEST_SKIP() << "needs no audio device: ctest runs it as NoSoundDevice.OnlyTheBadgeSaysSo";
    }
    Switchboard& board = open();
    auto* home = dynamic_cast<HomeScreen*>(board.at(0));
    ASSERT_NE(home, nullptr);
    ASSERT_NE(home->scene().soundBadge(), nullptr);
    EXPECT_EQ(home->scene().soundBadge()->text(), "Sound unavailable");
    EXPECT_EQ(home->scene().notice(), "") << "said once, by the badge";

    press(K::Enter); // a session
    wait(1000);
    auto* run = dynamic_cast<SessionScreen*>(board.at(0));
    ASSERT_NE(run, nullptr);
    picture();
    const std::vector<std::string> texts = run->scene().texts();
    const auto said = std::count_if(texts.begin(), texts.end(), [](const std::string& text) {
        return text.find("ound unavailable") != std::string::npos;
    });
    EXPECT_EQ(said, 1) << "once, by the badge";
    ASSERT_NE(run->scene().soundBadge(), nullptr);
    EXPECT_EQ(run->scene().soundBadge()->text(), "Sound unavailable");
}

// Issue 18: "Saved in your diary" and the reminder's message covered the lines of the note shown
// with them. Over a dialog, the message goes where none of the dialog's words are.
TEST_F(SwitchboardTest, ABriefMessageCoversNoneOfTheDialogsWords) {
    Switchboard& board = open();
    struct Case {
        const char* name;
        const char* message;
    };
    for (const Case c :
         {Case{"diary", "Saved in your diary"}, Case{"reminder", "Bedtime reminder at 21:00"}}) {
        for (const sf::Vector2u size :
             {sf::Vector2u{800, 600}, sf::Vector2u{1280, 800}, sf::Vector2u{1920, 1080}}) {
            const std::string name = std::string("message-over-note-") + c.name + "-" +
                                     std::to_string(size.x) + "x" + std::to_string(size.y);
            board.layout({static_cast<float>(size.x), static_cast<float>(size.y)});
            const std::optional<DoctorNote> note =
                doctorNote(test::sampleStats(4, 5), {}); // the note a check-in brings
            ASSERT_TRUE(note);
            board.push(std::make_unique<NoteScreen>(
                *test::theme(), "When to see a doctor",
                std::vector<std::string>{note->reason, note->text}, "Enter to carry on"));
            board.showIndicator(c.message, -1.f);
            auto* shown = dynamic_cast<NoteScreen*>(board.at(board.depth() - 1));
            ASSERT_NE(shown, nullptr);

            sf::RenderTexture texture;
            ASSERT_TRUE(texture.create(size.x, size.y));
            texture.clear(palette::kBackground);
            board.draw(texture);
            texture.display();
            test::saveArtifact(texture.getTexture().copyToImage(), name);

            const sf::FloatRect box = board.indicatorBox();
            EXPECT_TRUE(test::inside(box, size)) << name;
            for (const sf::FloatRect& text : shown->overlay().textBounds())
                EXPECT_FALSE(box.intersects(text))
                    << name << ": over the note's line at " << text.left << "," << text.top;
            board.remove(*shown);
            wait(3000); // the message is gone
        }
    }
}

TEST_F(SwitchboardTest, ClosingWithUnsavedEditorChangesAsksFirst) {
    Switchboard& board = open();
    press(K::N);
    auto* editor = topAs<EditorScreen>(board);
    ASSERT_NE(editor, nullptr);
    press(K::D); // copy the chosen stretch: a change
    ASSERT_TRUE(editor->controller().editor().dirty());
    board.handle(closedEvent());
    EXPECT_FALSE(board.closing());
    EXPECT_EQ(editor->controller().prompt(), EditorController::Prompt::LeaveUnsaved);
    press(K::Escape); // keep editing
    EXPECT_FALSE(board.closing());
    EXPECT_EQ(topAs<EditorScreen>(board), editor);
    board.handle(closedEvent());
    press(K::N); // leave without saving: and the window closes, as asked
    EXPECT_TRUE(board.closing());
}

TEST_F(SwitchboardTest, EscInTheEditorWithoutChangesGoesHome) {
    Switchboard& board = open();
    press(K::N);
    ASSERT_NE(topAs<EditorScreen>(board), nullptr);
    press(K::H);
    EXPECT_EQ(topAs<EditorScreen>(board)->controller().prompt(), EditorController::Prompt::Help);
    press(K::Escape);
    press(K::Escape);
    EXPECT_NE(topAs<HomeScreen>(board), nullptr);
    EXPECT_FALSE(board.closing());
}

TEST_F(SwitchboardTest, ARoutineDoneShowsWellDoneAndEnterGoesHome) {
    Switchboard& board = open();
    press(K::Enter);
    for (int i = 0; i < 4000 && !topAs<DoneScreen>(board); ++i)
        wait(1000);
    ASSERT_NE(topAs<DoneScreen>(board), nullptr);
    EXPECT_EQ(board.depth(), 1u);
    press(K::Enter);
    EXPECT_NE(topAs<HomeScreen>(board), nullptr);
}

// Issue 18: Esc → Enter used to close the whole app with no word of what was kept; now the end
// says what was held and saved, as after a routine done, and Esc closes from there.
TEST_F(SwitchboardTest, ARoutineFromTheCommandLineStoppedSaysWhatWasSavedBeforeClosing) {
    withHistory();
    m_board =
        std::make_unique<Switchboard>(m_options,
                                      RoutineLibrary::load(m_options.paths.builtInRoutinesDir(),
                                                           m_options.paths.userRoutinesDir()),
                                      *test::theme(), m_clock);
    std::string error;
    int code = 0;
    auto run = SessionRun::create(test::sampleRoutine(), m_clock, windowRunOptions(m_options, true),
                                  &error, &code);
    ASSERT_NE(run, nullptr) << error;
    m_board->begin(std::move(run), kSize);
    EXPECT_EQ(session().routine().id, "sample");
    wait(9000); // 5 s getting ready, 4 s held
    press(K::Escape);
    press(K::Enter);
    EXPECT_FALSE(m_board->closing());
    auto* done = topAs<DoneScreen>(*m_board);
    ASSERT_NE(done, nullptr);
    const SessionEnd& end = done->scene().result();
    EXPECT_FALSE(end.completed);
    EXPECT_EQ(end.title, "Stopped.");
    EXPECT_TRUE(end.saved);
    EXPECT_EQ(end.kept, "Saved in your history.");
    const auto sessions = m_history->sessions();
    ASSERT_EQ(sessions.size(), 1u);
    EXPECT_EQ(sessions[0].status, "quit");
    EXPECT_GE(sessions[0].holdSecondsDone, 3);
    EXPECT_EQ(end.holdSeconds, sessions[0].holdSecondsDone) << "the screen says what was kept";
    EXPECT_EQ(end.held,
              "You held your stretches for " + std::to_string(sessions[0].holdSecondsDone) + " s.");
    press(K::Escape);
    EXPECT_TRUE(m_board->closing());
}

// `start` (and the desktop action, and the reminder's Start) on the first run: the welcome comes
// first, with its red flags, and the routine begins when it closes (also by way of the I screen).
// The "seen" file is shared with home and the terminal: never shown twice.
TEST_F(SwitchboardTest, AFirstStartShowsTheWelcomeAndTheRoutineBeginsWhenItCloses) {
    m_options.welcomeOnFirstRun = true;
    const auto begin = [this] {
        m_board =
            std::make_unique<Switchboard>(m_options,
                                          RoutineLibrary::load(m_options.paths.builtInRoutinesDir(),
                                                               m_options.paths.userRoutinesDir()),
                                          *test::theme(), m_clock);
        std::string error;
        int code = 0;
        auto run = SessionRun::create(test::sampleRoutine(), m_clock,
                                      windowRunOptions(m_options, false), &error, &code);
        ASSERT_NE(run, nullptr) << error;
        m_board->begin(std::move(run), kSize);
    };
    begin();
    ASSERT_NE(topAs<WelcomeScreen>(*m_board), nullptr) << "the welcome before the routine";
    EXPECT_TRUE(welcomeShown(m_options.paths.stateDir));
    std::string words;
    for (const std::string& line : welcomeLines())
        words += line + " ";
    EXPECT_NE(words.find("swollen, red or warm"), std::string::npos) << words;
    EXPECT_NE(words.find("Get help at once"), std::string::npos) << words;
    test::saveArtifact(picture(), "switchboard-welcome-before-start");
    m_board->layout({800.f, 600.f}); // the smallest window: no line over another
    const auto bounds = topAs<WelcomeScreen>(*m_board)->scene().textBounds();
    for (std::size_t i = 0; i < bounds.size(); ++i)
        for (std::size_t j = i + 1; j < bounds.size(); ++j)
            EXPECT_FALSE(bounds[i].intersects(bounds[j])) << i << " and " << j;
    m_board->layout(kSize);
    wait(3000);
    ASSERT_NE(topAs<WelcomeScreen>(*m_board), nullptr) << "the routine waits while it is read";
    press(K::I); // what helps, when to see a doctor: the routine still waits
    ASSERT_NE(topAs<AboutScreen>(*m_board), nullptr);
    m_board->update();
    EXPECT_EQ(topAs<SessionScreen>(*m_board), nullptr);
    press(K::Escape);
    m_board->update();
    m_board->presented();
    ASSERT_NE(topAs<SessionScreen>(*m_board), nullptr) << "the routine begins when they close";
    EXPECT_EQ(session().routine().id, "sample");

    begin(); // the next start goes straight to the routine
    EXPECT_NE(topAs<SessionScreen>(*m_board), nullptr);
}

TEST_F(SwitchboardTest, TheQuestionLooksTheSameWhetherThePauseCameFirstOrNot) {
    // From a running session and from a paused one, at the same moment: one shade, one panel.
    open();
    press(K::Enter);
    wait(1200);
    press(K::Escape);
    const sf::Image fromRunning = picture();
    test::saveArtifact(fromRunning, "switchboard-stop-question");
    press(K::Escape);
    press(K::Space);
    press(K::Escape);
    const sf::Image fromPaused = picture();
    EXPECT_EQ(test::differingPixels(fromRunning, fromPaused), 0u);
    press(K::Escape); // keep going: "Paused" again, a different picture
    EXPECT_GT(test::differingPixels(fromRunning, picture()), 1000u);
}

TEST_F(SwitchboardTest, HelpOverTheSessionIsDrawnOnTopAndFits) {
    Switchboard& board = open();
    press(K::Enter);
    const sf::Image session = picture();
    press(K::H);
    const sf::Image help = picture();
    test::saveArtifact(help, "switchboard-session-help");
    EXPECT_GT(test::differingPixels(session, help), 10000u);
    auto* screen = topAs<HelpScreen>(board);
    ASSERT_NE(screen, nullptr);
    test::expectFitsAndCalm(screen->overlay(), help, {1280, 800}, "switchboard-session-help");
}

TEST_F(SwitchboardTest, OnlyTheRoutineFromTheCommandLineIsTraced) {
    const std::filesystem::path tracePath = m_options.paths.stateDir / "trace.jsonl";
    std::filesystem::create_directories(m_options.paths.stateDir);
    m_options.tracePath = tracePath.string();
    m_board =
        std::make_unique<Switchboard>(m_options,
                                      RoutineLibrary::load(m_options.paths.builtInRoutinesDir(),
                                                           m_options.paths.userRoutinesDir()),
                                      *test::theme(), m_clock);
    std::string error;
    int code = 0;
    m_board->begin(SessionRun::create(test::sampleRoutine(), m_clock,
                                      windowRunOptions(m_options, true), &error, &code),
                   kSize);
    ASSERT_NE(topAs<SessionScreen>(*m_board), nullptr) << error;
    EXPECT_TRUE(topAs<SessionScreen>(*m_board)->traced());
    for (int i = 0; i < 4000 && !topAs<DoneScreen>(*m_board); ++i)
        wait(1000);
    ASSERT_NE(topAs<DoneScreen>(*m_board), nullptr);
    press(K::Enter);
    press(K::Enter);
    ASSERT_NE(topAs<SessionScreen>(*m_board), nullptr);
    EXPECT_FALSE(topAs<SessionScreen>(*m_board)->traced());
    EXPECT_GT(std::filesystem::file_size(tracePath), 0u);
}

TEST_F(SwitchboardTest, EscOnHomeCloses) {
    Switchboard& board = open();
    press(K::Escape);
    EXPECT_TRUE(board.closing());
}

// What the window shows in part (FramePresenter) comes from here: a new second of the session is
// the part that changed; anything the board itself does (an overlay) is everything.
TEST_F(SwitchboardTest, ANewSecondIsOnlyThePartThatChangedAnOverlayIsEverything) {
    open();
    press(K::Enter);
    wait(2000); // the routine's progress bar has begun (its first sliver is a new shape)
    m_board->needsDraw();
    picture(); // shown
    EXPECT_FALSE(m_board->needsDraw());
    EXPECT_TRUE(m_board->takeDamage().empty());
    wait(1000);
    ASSERT_TRUE(m_board->needsDraw());
    const FrameDamage second = m_board->takeDamage();
    EXPECT_FALSE(second.empty());
    EXPECT_FALSE(second.isEverything());
    picture();
    press(K::Space); // paused: the overlay
    ASSERT_TRUE(m_board->needsDraw());
    EXPECT_TRUE(m_board->takeDamage().isEverything());
}

} // namespace
} // namespace ns
