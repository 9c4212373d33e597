#include "switchboard.hpp"

#include "about_screen.hpp"
#include "about_text.hpp"
#include "checkin_screen.hpp"
#include "done_screen.hpp"
#include "editor_controller.hpp"
#include "editor_screen.hpp"
#include "format.hpp"
#include "help_screen.hpp"
#include "history.hpp"
#include "home_screen.hpp"
#include "note_screen.hpp"
#include "pause_screen.hpp"
#include "progress_screen.hpp"
#include "question_screen.hpp"
#include "relief_screen.hpp"
#include "reminder.hpp"
#include "session_screen.hpp"
#include "six_week_review.hpp"

#include "files.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <system_error>

namespace ns {

namespace {

constexpr Millis kIndicatorTime{1500};
// NIGHTSTRETCH_EXIT_WHEN_DONE=1 closes the window this long after a routine completes, so
// scripted timing runs (start --trace) end by themselves. Otherwise the done screen stays.
constexpr const char* kExitWhenDoneVariable = "NIGHTSTRETCH_EXIT_WHEN_DONE";
constexpr Millis kExitWhenDoneDelay{1000};
constexpr int kVolumeStep = 10;

bool envFlag(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' && std::string(value) != "0";
}

} // namespace

SessionRunOptions windowRunOptions(const WindowOptions& options, bool traced) {
    SessionRunOptions run;
    if (traced) run.tracePath = options.tracePath;
    run.history = options.history;
    run.dayStart = options.dayStart;
    run.source = "window";
    return run;
}

Switchboard::Switchboard(const WindowOptions& options, RoutineLibrary library, const Theme& theme,
                         const Clock& clock)
    : m_options(options), m_library(std::move(library)), m_theme(theme), m_clock(clock),
      m_settings(Settings::loadAndWarn(options.paths.settingsFile())),
      m_checkInPrompt(CheckInPrompt::defaultFile(options.paths.stateDir)),
      m_watcher(options.paths.userRoutinesDir()), m_historyNotice(options.historyNotice),
      m_historyProblem(options.historyProblem), m_indicator(theme),
      m_exitWhenDone(envFlag(kExitWhenDoneVariable)) {
    m_audio.setVolume(m_settings.volume);
    m_audio.setMuted(m_settings.muted);
}

// Screens go first: a session detaches the sound before it goes.
Switchboard::~Switchboard() {
    m_stack.clear();
    m_retired.clear();
}

void Switchboard::begin(std::unique_ptr<SessionRun> firstRun, sf::Vector2f size) {
    layout(size);
    if (firstRun) {
        // A scripted timing run (NIGHTSTRETCH_EXIT_WHEN_DONE) has no one to read a welcome.
        if (!m_exitWhenDone && showWelcomeOnFirstRun())
            m_runAfterWelcome = std::move(firstRun);
        else
            startRun(std::move(firstRun));
    } else {
        showHomeScreen("", false); // the library was just loaded
        beginOnFirstScreen();
    }
}

// `nightstretch relief` and `about` open over home; a first run opens with the welcome.
void Switchboard::beginOnFirstScreen() {
    const std::string& first = m_options.firstScreen;
    if (first == "relief" || first == "relief-shin") {
        openRelief(first == "relief" ? ReliefVariant::Calf : ReliefVariant::ShinOrFoot);
    } else if (first == "about") {
        push(std::make_unique<AboutScreen>(m_theme));
    } else {
        showWelcomeOnFirstRun();
    }
}

bool Switchboard::showWelcomeOnFirstRun() {
    if (!m_options.welcomeOnFirstRun || welcomeShown(m_options.paths.stateDir)) return false;
    push(std::make_unique<WelcomeScreen>(m_theme));
    if (!rememberWelcomeShown(m_options.paths.stateDir))
        spdlog::warn("could not remember that the welcome was shown");
    return true;
}

// C: the relief guide over whatever shows; a running session is paused under it first.
void Switchboard::openRelief(ReliefVariant variant) {
    if (dynamic_cast<ReliefScreen*>(top()) != nullptr) return;
    push(std::make_unique<ReliefScreen>(m_theme, variant, m_options.history, m_options.dayStart,
                                        voiceForRuns()));
    pauseSessionsUnderRelief();
}

// A session under the relief guide waits, "Paused" over it. In a phase's first moment the engine
// refuses (a stray key must not skip it): then it is asked again at the next update.
void Switchboard::pauseSessionsUnderRelief() {
    if (!std::any_of(m_stack.begin(), m_stack.end(), [](const auto& screen) {
            return dynamic_cast<const ReliefScreen*>(screen.get()) != nullptr;
        }))
        return;
    for (std::size_t i = 0; i < m_stack.size(); ++i) {
        auto* screen = dynamic_cast<SessionScreen*>(m_stack[i].get());
        if (screen == nullptr) continue;
        Session& session = screen->session();
        if (session.finished() || session.paused() || !session.pause()) continue;
        auto paused = std::make_unique<PauseScreen>(m_theme, session);
        paused->layout(m_size);
        m_stack.insert(m_stack.begin() + static_cast<std::ptrdiff_t>(i) + 1, std::move(paused));
        m_dirty = true;
        return;
    }
}

// I: the about screen, or back from it (the welcome gives way to it).
void Switchboard::toggleAbout() {
    if (auto* about = dynamic_cast<AboutScreen*>(top())) {
        remove(*about);
        return;
    }
    if (auto* welcome = dynamic_cast<WelcomeScreen*>(top())) remove(*welcome);
    push(std::make_unique<AboutScreen>(m_theme));
}

void Switchboard::layout(sf::Vector2f size) {
    if (size.x < 1.f || size.y < 1.f) return;
    m_size = size;
    for (auto& screen : m_stack)
        screen->layout(size);
    m_indicator.layout(size);
    placeIndicator();
    m_dirty = true;
}

void Switchboard::handle(const sf::Event& event) {
    switch (event.type) {
    case sf::Event::Closed: {
        // A screen may keep the window open to ask first (unsaved changes in the editor).
        bool kept = false;
        for (auto it = m_stack.rbegin(); it != m_stack.rend() && !kept; ++it)
            kept = (*it)->closeRequested(*this);
        if (!kept) closeWindow();
        m_dirty = true;
        break;
    }
    case sf::Event::Resized:
        break; // the window lays everything out again
    case sf::Event::GainedFocus:
    case sf::Event::MouseEntered:
        m_dirty = true;
        break;
    default: {
        // The sound and full-screen keys work wherever the top screen takes them.
        if (event.type == sf::Event::KeyPressed && top() && takesGlobalKeys(top()->keyContext()) &&
            globalCommand(commandFor(KeyContext::Global, event.key)))
            break;
        // The top screen first; an overlay may leave an event to the screen under it.
        std::vector<Screen*> order;
        for (auto it = m_stack.rbegin(); it != m_stack.rend(); ++it)
            order.push_back(it->get());
        bool handled = false;
        for (Screen* screen : order) {
            if (!inStack(screen)) break;
            if (screen->handle(event, *this)) {
                m_dirty = true;
                handled = true;
                break;
            }
            if (screen->opaque()) break;
        }
        // An overlay that closed to pass a key on (the check-in): a sound key still works.
        if (!handled && event.type == sf::Event::KeyPressed && top() &&
            takesGlobalKeys(top()->keyContext()) &&
            globalCommand(commandFor(KeyContext::Global, event.key)))
            m_dirty = true;
        break;
    }
    }
    m_retired.clear();
}

void Switchboard::update() {
    if (m_runAfterWelcome && std::none_of(m_stack.begin(), m_stack.end(), [](const auto& screen) {
            return dynamic_cast<const WelcomeScreen*>(screen.get()) != nullptr ||
                   dynamic_cast<const AboutScreen*>(screen.get()) != nullptr;
        }))
        startRun(std::move(m_runAfterWelcome));
    pauseSessionsUnderRelief();
    std::vector<Screen*> order;
    for (auto& screen : m_stack)
        order.push_back(screen.get());
    for (Screen* screen : order)
        if (inStack(screen) && screen->update(*this)) m_dirty = true;
    m_retired.clear();

    const TimePoint now = m_clock.now();
    if (m_speaking) {
        m_speaking->update();
        if (!m_speaking->voiceBusy(now)) m_speaking.reset();
    }
    if (m_indicatorUntil && now >= *m_indicatorUntil) {
        m_indicatorUntil.reset();
        m_dirty = true;
    }
    if (m_closeAt && now >= *m_closeAt && !m_speaking) closeWindow(); // "Well done" said first
    // Changed routine files: looked at no more than once a second.
    if (m_watcher.poll(std::chrono::steady_clock::now())) {
        spdlog::info("routine files changed; reloading them");
        reloadLibrary("");
    }
}

bool Switchboard::needsDraw() {
    // Anything the board itself saw (events, switching, the indicator) is everything.
    // An overlay's words changed under the indicator: it moves clear of them.
    if (m_indicatorUntil && placeIndicator()) m_dirty = true;
    if (m_dirty) m_damage.addEverything();
    for (auto& screen : m_stack)
        if (screen->changed()) m_damage.add(screen->changedPart());
    return !m_damage.empty();
}

FrameDamage Switchboard::takeDamage() {
    FrameDamage damage = std::move(m_damage);
    m_damage.clear();
    return damage;
}

void Switchboard::draw(sf::RenderTarget& target, const sf::FloatRect* part) const {
    std::size_t first = 0;
    for (std::size_t i = 0; i < m_stack.size(); ++i)
        if (m_stack[i]->opaque()) first = i;
    for (std::size_t i = first; i < m_stack.size(); ++i)
        part ? m_stack[i]->drawPart(target, *part) : m_stack[i]->draw(target);
    if (m_indicatorUntil) m_indicator.draw(target);
}

void Switchboard::presented() {
    for (auto& screen : m_stack)
        screen->presented();
    m_dirty = false;
    m_damage.clear();
    if (!m_voiceAsked) {
        // After the first frame, not before it: whether the voice can speak, so the badge says
        // "Voice unavailable" on home already, before a routine is started in silence.
        m_voiceAsked = true;
        if (voiceForRuns() == nullptr && m_settings.voice && m_audio.available())
            soundStateChanged();
    }
}

std::optional<TimePoint> Switchboard::nextWakeup() const {
    std::optional<TimePoint> due;
    auto consider = [&due](const std::optional<TimePoint>& t) {
        if (t && (!due || *t < *due)) due = t;
    };
    for (const auto& screen : m_stack)
        consider(screen->nextWakeup());
    consider(m_indicatorUntil);
    if (!m_speaking) consider(m_closeAt); // while speaking, its wakeups come first
    if (m_speaking && m_speaking->voice() != nullptr) {
        const auto phrase = m_speaking->nextWakeup();
        consider(phrase ? phrase : m_speaking->voice()->quietAt());
    }
    return due;
}

void Switchboard::interrupt() {
    for (auto& screen : m_stack)
        if (auto* session = dynamic_cast<SessionScreen*>(screen.get()))
            session->session().interrupt();
    closeWindow();
}

bool Switchboard::takeFullscreenRequest() {
    const bool requested = m_fullscreenRequested;
    m_fullscreenRequested = false;
    return requested;
}

void Switchboard::rememberFullscreen(bool fullscreen) {
    m_settings.fullscreen = fullscreen;
    saveSettings();
}

bool Switchboard::inStack(const Screen* screen) const {
    return std::any_of(m_stack.begin(), m_stack.end(),
                       [screen](const auto& s) { return s.get() == screen; });
}

// Help stays on top of the overlays pushed under it (Space let through to a session brings
// "Paused" under the help); a new opaque screen closes the help about the one before.
void Switchboard::push(std::unique_ptr<Screen> screen) {
    screen->soundChanged(soundState());
    screen->layout(m_size);
    if (screen->opaque()) {
        while (!m_stack.empty() && m_stack.back()->staysOnTop()) {
            m_retired.push_back(std::move(m_stack.back()));
            m_stack.pop_back();
        }
    }
    auto at = m_stack.end();
    if (!screen->staysOnTop())
        while (at != m_stack.begin() && (*(at - 1))->staysOnTop())
            --at;
    m_stack.insert(at, std::move(screen));
    placeIndicator();
    m_dirty = true;
}

void Switchboard::remove(const Screen& screen) {
    auto it = std::find_if(m_stack.begin(), m_stack.end(),
                           [&screen](const auto& s) { return s.get() == &screen; });
    if (it == m_stack.end()) return;
    m_retired.push_back(std::move(*it));
    m_stack.erase(it);
    placeIndicator();
    m_dirty = true;
}

void Switchboard::switchTo(std::unique_ptr<Screen> screen) {
    for (auto& s : m_stack)
        m_retired.push_back(std::move(s));
    m_stack.clear();
    push(std::move(screen));
}

// Every screen goes, so a session still running ends as "quit".
void Switchboard::closeWindow() {
    for (auto& s : m_stack)
        m_retired.push_back(std::move(s));
    m_stack.clear();
    m_closing = true;
}

void Switchboard::showHome(const std::string& selectId) {
    showHomeScreen(selectId, true);
}

void Switchboard::showHomeScreen(const std::string& selectId, bool reload, bool askCheckIn) {
    if (reload) {
        m_library = RoutineLibrary::reload(m_library, m_options.paths.builtInRoutinesDir(),
                                           m_options.paths.userRoutinesDir());
        m_watcher.rescan();
    }
    m_closeAt.reset();
    // A history that cannot be used is a banner; what is left (made private) stays a notice. The
    // sound badge alone says that there is no sound.
    const std::string notice = m_historyProblem.empty() ? m_historyNotice : "";
    auto home =
        std::make_unique<HomeScreen>(m_theme, m_library, m_options.paths.userRoutinesDir(), notice);
    home->setBanner(!m_historyProblem.empty() ? m_historyProblem : m_sessionProblem);
    home->routinesChanged(!selectId.empty() ? selectId : m_lastRoutineId);
    home->setReminderLine(reminderLine(readReminder(m_options.paths)));
    switchTo(std::move(home));
    refreshHistory();
    // The morning check-in asks once a day, the first time home opens after the day-start hour
    // (not on the way back from a session).
    if (m_options.history && askCheckIn) {
        if (const auto night = m_checkInPrompt.firstLookOf(*m_options.history, m_stats.tonight)) {
            openCheckIn(*night);
            offerRestore();
            return;
        }
    }
    offerRestore();
    if (m_options.history && askCheckIn) showSixWeekReviewOnce(); // not over other news
}

// From night 42 of the programme: the review, once (a file in the state folder says it was).
void Switchboard::showSixWeekReviewOnce() {
    const auto review = sixWeekReview(m_stats);
    if (!review) return;
    const std::filesystem::path shown = m_options.paths.stateDir / "six-week-review-shown";
    std::error_code ec;
    if (std::filesystem::exists(shown, ec)) return;
    push(std::make_unique<NoteScreen>(
        m_theme, "Six weeks",
        std::vector<std::string>(review->sentences.begin() + 1, review->sentences.end()),
        "Enter to carry on     I when to see a doctor"));
    if (!writeFileAtomically(shown, "The six-week review was shown.\n", nullptr))
        spdlog::warn("could not remember that the six-week review was shown");
}

std::string Switchboard::changeReminder() {
    const ReminderStatus status = readReminder(m_options.paths);
    const std::optional<ReminderTime> next = nextReminderChoice(status.at);
    std::error_code ec;
    const std::filesystem::path binary = std::filesystem::read_symlink("/proc/self/exe", ec);
    const ReminderChange change =
        applyReminder(m_options.paths, next, status.routine, ec ? "nightstretch" : binary);
    // The same result the command line prints: a few words when all is done, else a note that
    // says what could not be done and what to do.
    if (change.ok && change.advice.empty()) {
        showIndicator(change.summary, -1.f);
    } else {
        if (!change.ok) spdlog::warn("{}", change.message);
        std::vector<std::string> paragraphs{change.message};
        if (!change.advice.empty()) paragraphs.push_back(change.advice);
        push(std::make_unique<NoteScreen>(m_theme, change.summary, std::move(paragraphs),
                                          "Enter to carry on"));
    }
    return reminderLine(readReminder(m_options.paths));
}

void Switchboard::showProgress() {
    if (!m_options.history) return;
    refreshHistory();
    push(std::make_unique<ProgressScreen>(m_theme, m_stats));
}

void Switchboard::startRoutine(Routine routine) {
    std::string error;
    int exitCode = 0;
    m_lastRoutineId = routine.id;
    auto run = SessionRun::create(std::move(routine), m_clock, windowRunOptions(m_options, false),
                                  &error, &exitCode);
    if (!run) {
        showIndicator(error, -1.f);
        return;
    }
    startRun(std::move(run));
}

void Switchboard::startRun(std::unique_ptr<SessionRun> run) {
    m_lastRoutineId = run->session().routine().id;
    m_speaking.reset(); // a new routine: the last one's "Well done" is over or cut short
    // The voice's phrases are made once the session's first frame is on the screen.
    std::function<Speaker*()> voice;
    if (m_settings.voice && m_audio.available()) voice = [this] { return voiceForRuns(); };
    auto screen =
        std::make_unique<SessionScreen>(m_theme, std::move(run), m_audio, m_options.processStartMs,
                                        m_settings.reduceMotion, std::move(voice));
    // Without a history nothing of this session is kept: say so where the person looks.
    if (!m_options.history && !m_historyProblem.empty())
        screen->setBanner(historyNotOpenedDuringASession());
    switchTo(std::move(screen));
}

void Switchboard::showDone(const SessionEnd& end) {
    for (auto& screen : m_stack)
        if (auto* session = dynamic_cast<SessionScreen*>(screen.get()))
            if (auto run = session->takeRunStillSpeaking(m_clock.now()))
                m_speaking = std::move(run);
    switchTo(std::make_unique<DoneScreen>(m_theme, end));
    if (m_exitWhenDone) m_closeAt = m_clock.now() + kExitWhenDoneDelay;
}

// After "Stop the routine?": the end of it, as a routine that ran to its end has (what was held,
// whether it was saved), wherever the routine was started from; home when nothing ran.
void Switchboard::routineStopped() {
    for (auto& screen : m_stack)
        if (auto* session = dynamic_cast<SessionScreen*>(screen.get()))
            if (const std::optional<SessionEnd> end = session->ending()) {
                showDone(*end);
                return;
            }
    showHome();
}

void Switchboard::openEditor(std::unique_ptr<EditorController> editor) {
    push(std::make_unique<EditorScreen>(m_theme, std::move(editor)));
}

void Switchboard::showHelp(KeyContext context) {
    push(std::make_unique<HelpScreen>(m_theme, context));
}

void Switchboard::openCheckIn(Date night) {
    if (!m_options.history || night > m_stats.tonight) return;
    if (night == m_stats.tonight) { // the diary is about a night that is over
        showIndicator("Tonight is not over yet: its diary opens in the morning", -1.f);
        return;
    }
    push(std::make_unique<CheckInScreen>(m_theme, *m_options.history, night, m_stats.tonight));
}

// The indicator over a dialog goes where it covers none of the dialog's words.
bool Switchboard::placeIndicator() {
    std::vector<sf::FloatRect> texts;
    for (const auto& screen : m_stack)
        if (!screen->opaque()) {
            const std::vector<sf::FloatRect> dialog = screen->dialogParts();
            texts.insert(texts.end(), dialog.begin(), dialog.end());
        }
    return m_indicator.keepClearOf(std::move(texts));
}

void Switchboard::showIndicator(const std::string& message, float level) {
    m_indicator.show(message, level);
    placeIndicator();
    m_indicatorUntil = m_clock.now() + kIndicatorTime;
    m_dirty = true;
}

void Switchboard::routinesSaved(const std::string& id) {
    reloadLibrary(id);
    m_watcher.rescan();
}

void Switchboard::historyChanged() {
    refreshHistory();
}

void Switchboard::historyFailed(const std::string& error) {
    m_sessionProblem = lastSessionNotSaved(error);
}

// Loads the routines again, keeping the last good version of one that broke; a running session
// has its own copy and is not touched.
void Switchboard::reloadLibrary(const std::string& selectId) {
    m_library = RoutineLibrary::reload(m_library, m_options.paths.builtInRoutinesDir(),
                                       m_options.paths.userRoutinesDir());
    for (auto& screen : m_stack)
        screen->routinesChanged(selectId);
    m_dirty = true;
}

// Streaks and nights from the history: when home is shown and after a check-in, never per frame.
void Switchboard::refreshHistory() {
    if (m_options.history) {
        m_stats = computeStats(m_options.history->nightRecords(),
                               tonightAt(std::time(nullptr), m_options.dayStart));
        m_stats.symptoms = m_options.history->symptomAnswers(); // for the doctor note
    }
    for (auto& screen : m_stack)
        screen->statsChanged(m_options.history ? &m_stats : nullptr);
    m_dirty = true;
}

// The question comes once, over home (and over the check-in, which can wait for the nights).
void Switchboard::offerRestore() {
    if (m_restoreOffered || !m_options.restorable || !m_options.history) return;
    m_restoreOffered = true;
    const GoodBackup& backup = *m_options.restorable;
    std::string nights =
        std::to_string(backup.summary.nights) + (backup.summary.nights == 1 ? " night" : " nights");
    if (backup.summary.firstNight && backup.summary.lastNight)
        nights +=
            ", " + backup.summary.firstNight->str() + " to " + backup.summary.lastNight->str();
    push(std::make_unique<QuestionScreen>(
        m_theme, "Your history file was damaged",
        "It was set aside, not deleted, and a new one started. The backup of " +
            backup.file.date.str() + " holds " + nights +
            ". Restore it? (Later: nightstretch restore)",
        "Restore it", "Not now", [this](ScreenHost&) { restoreHistory(); }));
}

void Switchboard::restoreHistory() {
    if (!m_options.restorable || !m_options.history) return;
    HistoryStore& history = *m_options.history;
    const GoodBackup& backup = *m_options.restorable;
    if (!history.restoreFrom(backup.file.path,
                             beforeRestoreName(history.file(), std::time(nullptr)))) {
        spdlog::warn("restore from {} failed: {}", backup.file.path.string(), history.lastError());
        showIndicator("Not restored: " + history.lastError(), -1.f);
        return;
    }
    spdlog::info("restored the history from {}", backup.file.path.string());
    m_historyNotice.clear();
    m_historyProblem = {};
    showHomeScreen(m_lastRoutineId, false, false); // the news first; the diary can ask later
    showIndicator("Your history is back: " + std::to_string(backup.summary.nights) + " nights",
                  -1.f);
}

void Switchboard::askToRemoveSession(Date night) {
    if (!m_options.history) return;
    std::vector<SessionRecord> ofNight;
    for (SessionRecord& session : m_options.history->sessions())
        if (session.night == night.str()) ofNight.push_back(std::move(session));
    if (ofNight.empty()) {
        showIndicator("No session on " + night.str() + " to remove", -1.f);
        return;
    }
    const SessionRecord& last = ofNight.back();
    std::tm local{};
    localtime_r(&last.startedAt, &local);
    char started[8];
    std::strftime(started, sizeof started, "%H:%M", &local);
    std::string detail = "The session of " + night.str() + " at " + std::string(started) + " (" +
                         last.routineName + ", " + formatClock(last.holdSecondsDone) +
                         " held) will no longer count for that night.";
    if (ofNight.size() > 1)
        detail += " It is the last of " + std::to_string(ofNight.size()) + " that night.";
    const long long id = last.id;
    push(std::make_unique<QuestionScreen>(
        m_theme, "Remove this session?", detail, "Remove it", "Keep it",
        [this, id](ScreenHost& host) {
            if (m_options.history->deleteSession(id)) {
                host.showIndicator("Session removed", -1.f);
            } else {
                host.showIndicator("Not removed: " + m_options.history->lastError(), -1.f);
                spdlog::warn("session {} not removed: {}", id, m_options.history->lastError());
            }
            host.historyChanged();
        }));
}

bool Switchboard::globalCommand(Command command) {
    switch (command) {
    case Command::Mute:
        toggleMute();
        return true;
    case Command::ToggleVoice:
        toggleVoice();
        return true;
    case Command::VolumeUp:
        changeVolume(kVolumeStep);
        return true;
    case Command::VolumeDown:
        changeVolume(-kVolumeStep);
        return true;
    case Command::Fullscreen:
        m_fullscreenRequested = true;
        return true;
    case Command::ShowRelief:
        openRelief(ReliefVariant::Calf);
        return true;
    case Command::ShowAbout:
        toggleAbout();
        return true;
    default:
        return false;
    }
}

void Switchboard::toggleMute() {
    m_settings.muted = !m_settings.muted;
    m_audio.setMuted(m_settings.muted);
    saveSettings();
    soundStateChanged();
    showSoundState("Sound on  ");
}

Speaker* Switchboard::voiceForRuns() {
    if (!m_settings.voice || !m_audio.available()) return nullptr;
    if (!m_voice) m_voice = std::make_unique<Voice>(m_audio);
    return m_voice->available() ? m_voice.get() : nullptr;
}

// Takes effect in a session already running too: off at once, on from its next phase.
void Switchboard::toggleVoice() {
    m_settings.voice = !m_settings.voice;
    saveSettings();
    soundStateChanged();
    Speaker* voice = voiceForRuns();
    for (auto& screen : m_stack)
        if (auto* session = dynamic_cast<SessionScreen*>(screen.get())) session->setVoice(voice);
    if (m_settings.voice && !voice)
        showIndicator(m_audio.available() ? "Voice unavailable" : "Sound unavailable", -1.f);
    else
        showIndicator(m_settings.voice ? "Voice on" : "Voice off  (V turns it on)", -1.f);
}

void Switchboard::changeVolume(int delta) {
    m_settings.volume = std::clamp(m_settings.volume + delta, 0, 100);
    if (delta > 0) m_settings.muted = false; // louder means "I want to hear it"
    m_audio.setMuted(m_settings.muted);
    m_audio.setVolume(m_settings.volume);
    saveSettings();
    soundStateChanged();
    showSoundState("Volume ");
}

SoundState Switchboard::soundState() const {
    SoundState state;
    state.available = m_audio.available();
    state.muted = m_settings.muted;
    state.volume = m_settings.volume;
    state.voice = m_settings.voice;
    state.voiceWorks = !m_voice || m_voice->available();
    return state;
}

void Switchboard::soundStateChanged() {
    const SoundState state = soundState();
    for (auto& screen : m_stack)
        screen->soundChanged(state);
    m_dirty = true;
}

void Switchboard::showSoundState(const std::string& onText) {
    if (!m_audio.available())
        showIndicator("Sound unavailable", -1.f);
    else if (m_settings.muted)
        showIndicator("Sound off  (M turns it on)", -1.f);
    else
        showIndicator(onText + std::to_string(m_settings.volume) + " %", m_settings.volume / 100.f);
}

void Switchboard::saveSettings() {
    if (!m_settings.save(m_options.paths.settingsFile()))
        spdlog::warn("could not save settings to {}", m_options.paths.settingsFile().string());
}

} // namespace ns
