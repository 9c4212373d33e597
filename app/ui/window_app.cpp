// The window: start-up checks, the screens (home, session, done), keys, and a main loop that
// sleeps until the next deadline and redraws only when what it shows has changed.
#include "window_app.hpp"

#include "audio_cues.hpp"
#include "checkin_overlay.hpp"
#include "checkin_prompt.hpp"
#include "done_scene.hpp"
#include "editor_controller.hpp"
#include "editor_scene.hpp"
#include "history.hpp"
#include "history_recorder.hpp"
#include "home_scene.hpp"
#include "input.hpp"
#include "keymap.hpp"
#include "layout.hpp"
#include "night_text.hpp"
#include "overlays.hpp"
#include "progress_scene.hpp"
#include "routine_loader.hpp"
#include "routine_lookup.hpp"
#include "routine_watcher.hpp"
#include "session.hpp"
#include "session_scene.hpp"
#include "settings.hpp"
#include "theme.hpp"
#include "timeline.hpp"
#include "trace.hpp"
#include "x11_connect.hpp"

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/System/Err.hpp>
#include <SFML/System/Sleep.hpp>

#include <spdlog/spdlog.h>

#include <csignal>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>

namespace ns {

namespace {

// While idle the loop still wakes this often to look for input; it redraws only when needed.
constexpr Millis kPollSlice{25};
constexpr Millis kIndicatorTime{1500};
// NIGHTSTRETCH_EXIT_WHEN_DONE=1 closes the window this long after a routine completes, so
// scripted timing runs (start --trace) end by themselves. Otherwise the done screen stays.
constexpr const char* kExitWhenDoneVariable = "NIGHTSTRETCH_EXIT_WHEN_DONE";
constexpr Millis kExitWhenDoneDelay{1000};
constexpr int kVolumeStep = 10;

// Set by SIGINT, SIGTERM or SIGHUP: the session ends as "interrupted" and the window closes.
volatile std::sig_atomic_t g_signalled = 0;
void onWindowSignal(int) {
    g_signalled = 1;
}

// Installs the handlers for the life of the window, and puts the previous ones back.
class SignalGuard {
  public:
    SignalGuard() {
        g_signalled = 0;
        m_int = std::signal(SIGINT, onWindowSignal);
        m_term = std::signal(SIGTERM, onWindowSignal);
        m_hup = std::signal(SIGHUP, onWindowSignal);
    }
    ~SignalGuard() {
        std::signal(SIGINT, m_int);
        std::signal(SIGTERM, m_term);
        std::signal(SIGHUP, m_hup);
    }
    SignalGuard(const SignalGuard&) = delete;
    SignalGuard& operator=(const SignalGuard&) = delete;

  private:
    void (*m_int)(int) = SIG_DFL;
    void (*m_term)(int) = SIG_DFL;
    void (*m_hup)(int) = SIG_DFL;
};

// The window icon: an amber crescent on the night background (the SVG in assets/ is for the
// desktop entry; SFML cannot read it).
sf::Image makeIcon() {
    constexpr unsigned kSize = 64;
    sf::Image icon;
    icon.create(kSize, kSize, palette::kBackground);
    for (unsigned y = 0; y < kSize; ++y)
        for (unsigned x = 0; x < kSize; ++x) {
            const float dx = x - 30.f, dy = y - 34.f;
            const float sx = x - 42.f, sy = y - 25.f;
            if (dx * dx + dy * dy <= 24.f * 24.f && sx * sx + sy * sy > 21.f * 21.f)
                icon.setPixel(x, y, palette::kAccent);
        }
    return icon;
}

long long steadyNowMs() {
    return std::chrono::duration_cast<Millis>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

bool envFlag(const char* name) {
    const char* value = std::getenv(name);
    return value && *value && std::string(value) != "0";
}

bool displayAvailable() {
    const char* display = std::getenv("DISPLAY");
    return display && *display;
}

// SFML aborts the process when it cannot open the display, so try it first, quietly, through
// libX11 (already loaded for SFML; looked up at run time so the build needs no extra library).

void printDiagnostics(const Diagnostics& diagnostics) {
    for (const auto& d : diagnostics)
        std::cerr << d.format() << '\n';
}

// The routine named on the command line, or the exit code after saying what is wrong (the same
// words and code as every other command).
int resolveRoutine(const std::string& arg, const RoutineLibrary& library,
                   std::optional<Routine>& routine) {
    RoutineLookup lookup = findRoutine(arg, library);
    if (!lookup.ok()) {
        printDiagnostics(lookup.diagnostics);
        return lookup.exitCode();
    }
    routine = std::move(lookup.routine);
    return 0;
}

class WindowApp {
  public:
    WindowApp(const WindowOptions& options, RoutineLibrary library, const Theme& theme,
              std::unique_ptr<TraceWriter> trace)
        : m_options(options), m_library(std::move(library)), m_theme(theme),
          m_trace(std::move(trace)), m_home(theme), m_done(theme),
          m_pauseOverlay(theme, "Paused — Space to continue", "Esc to stop the routine"),
          m_confirmOverlay(theme, "Stop the routine?", "Enter = stop, Esc = keep going"),
          m_help(theme, {}), m_indicator(theme), m_progress(theme), m_checkIn(theme),
          m_checkInPrompt(CheckInPrompt::defaultFile(options.paths.stateDir)),
          m_watcher(options.paths.userRoutinesDir()),
          m_exitWhenDone(envFlag(kExitWhenDoneVariable)) {}

    ~WindowApp() { endSession(); }

    int run(std::optional<Routine> initialRoutine) {
        m_settings = Settings::load(m_options.paths.settingsFile());
        m_audio.setVolume(m_settings.volume);
        m_audio.setMuted(m_settings.muted);
        std::string notice = m_audio.available() ? "" : "sound unavailable";
        if (!m_options.historyNotice.empty())
            notice += (notice.empty() ? "" : " · ") + m_options.historyNotice;
        m_home.setNotice(notice);
        m_home.setEmptyHint("Put routine files in " + m_options.paths.userRoutinesDir().string() +
                            ".");
        m_home.setEntries(homeEntries(m_library));

        createWindow(m_options.fullscreen || m_settings.fullscreen);
        if (!m_window.isOpen()) {
            std::cerr << "nightstretch: the window could not be opened (no usable OpenGL on this "
                         "display); use 'nightstretch start --text'\n";
            return 3;
        }
        if (initialRoutine) {
            m_openedWithRoutine = true;
            startSession(std::move(*initialRoutine));
        } else {
            homeShown();
        }
        m_dirty = true;

        SignalGuard signals;
        while (m_window.isOpen()) {
            if (g_signalled) {
                if (m_session) m_session->interrupt();
                endSession();
                m_window.close();
                return 130;
            }
            sf::Event event;
            while (m_window.pollEvent(event))
                handleEvent(event);
            if (m_window.isOpen()) advance();
            // Changed routine files: looked at no more than once a second, inside this loop.
            if (m_watcher.poll(std::chrono::steady_clock::now())) routineFilesChanged();
            if (!m_window.isOpen()) break;
            if (m_sessionScene && m_sessionScene->refresh()) m_dirty = true;
            if (m_dirty) render();
            sleepUntilSomethingIsDue();
        }
        endSession();
        return 0;
    }

  private:
    enum class Screen { Home, Session, Done, Progress, Editor };

    void createWindow(bool fullscreen) {
        const sf::VideoMode desktop = sf::VideoMode::getDesktopMode();
        sf::VideoMode mode(std::min(1280u, desktop.width), std::min(800u, desktop.height));
        sf::Uint32 style = sf::Style::Default;
        if (fullscreen) {
            mode = desktop;
            style = sf::Style::Fullscreen;
        }
        // The loop never waits on vsync; where the driver cannot set it (Xvfb), SFML says so on
        // stderr while making the window, noise for the person, so its error stream is muted.
        std::streambuf* errors = sf::err().rdbuf(nullptr);
        m_window.create(mode, "Nightstretch", style);
        sf::err().rdbuf(errors);
        if (!fullscreen) {
            // SFML 2.5 centres new windows with the screen's width for both axes: do it right.
            m_window.setPosition({static_cast<int>(desktop.width - mode.width) / 2,
                                  static_cast<int>(desktop.height - mode.height) / 2});
        }
        m_window.setIcon(m_icon.getSize().x, m_icon.getSize().y, m_icon.getPixelsPtr());
        m_window.setKeyRepeatEnabled(false); // a held key is one press, never a run of skips
        m_window.setVerticalSyncEnabled(false);
        m_fullscreen = fullscreen;
        const sf::Vector2u size = m_window.getSize();
        relayout({static_cast<float>(size.x), static_cast<float>(size.y)});
    }

    void relayout(sf::Vector2f size) {
        if (size.x < 1.f || size.y < 1.f) return;
        m_size = size;
        m_window.setView(sf::View(sf::FloatRect(0.f, 0.f, size.x, size.y)));
        m_home.layout(size);
        m_done.layout(size);
        if (m_sessionScene) m_sessionScene->layout(size);
        m_pauseOverlay.layout(size);
        m_confirmOverlay.layout(size);
        m_help.layout(size);
        m_indicator.layout(size);
        m_progress.layout(size);
        m_checkIn.layout(size);
        if (m_editorScene) m_editorScene->layout(size);
        m_dirty = true;
    }

    void startSession(Routine routine) {
        endSession();
        Timeline timeline = buildTimeline(routine);
        m_session = std::make_unique<Session>(std::move(routine), std::move(timeline), m_clock);
        m_session->addObserver(&m_audio);
        m_recorder = std::make_unique<HistoryRecorder>(m_options.history, *m_session,
                                                       m_options.dayStart, "window");
        m_session->addObserver(m_recorder.get());
        m_historyProblemShown = false;
        // The trace measures the routine asked for on the command line, not later ones.
        if (m_trace && !m_traceUsed) {
            m_session->addObserver(m_trace.get());
            m_traceAttached = true;
            m_traceUsed = true;
        }
        m_sessionScene = std::make_unique<SessionScene>(m_theme, *m_session);
        m_sessionScene->setNotice(m_audio.available() ? "" : "sound unavailable");
        m_sessionScene->layout(m_size);
        m_lastShownCountdown.clear();
        m_screen = Screen::Session;
        m_helpVisible = false;
        m_confirmVisible = false;
        m_session->start();
        m_sessionScene->refresh();
        m_dirty = true;
    }

    // Observers are detached before the session goes away.
    void endSession() {
        if (!m_session) return;
        if (!m_session->finished()) m_session->quit(); // closing mid-session counts as quit
        m_session->removeObserver(&m_audio);
        if (m_recorder) m_session->removeObserver(m_recorder.get());
        m_recorder.reset();
        if (m_traceAttached) m_session->removeObserver(m_trace.get());
        m_traceAttached = false;
        m_sessionScene.reset();
        m_session.reset();
    }

    // Moves the session to now and reacts to its end; expires the indicator; closes when due.
    void advance() {
        const TimePoint now = m_clock.now();
        if (m_session) {
            m_session->update();
            if (m_recorder) {
                m_recorder->checkpoint();
                if (m_recorder->failed() && m_sessionScene && !m_historyProblemShown) {
                    m_sessionScene->setNotice("history not saved: " + m_recorder->error());
                    m_historyProblemShown = true;
                    m_dirty = true;
                }
            }
            if (m_session->finished()) finishSession();
        }
        if (m_indicatorUntil && now >= *m_indicatorUntil) {
            m_indicatorUntil.reset();
            m_dirty = true;
        }
        if (m_closeAt && now >= *m_closeAt) m_window.close();
    }

    void finishSession() {
        const SessionStatus status = m_session->status();
        if (status == SessionStatus::Completed) {
            const Routine& routine = m_session->routine();
            m_done.setResult(routine.name.empty() ? routine.id : routine.name,
                             m_session->holdSecondsDone(), m_session->timeline().holdSeconds);
            endSession();
            m_screen = Screen::Done;
            m_helpVisible = false;
            m_confirmVisible = false;
            if (m_exitWhenDone) m_closeAt = m_clock.now() + kExitWhenDoneDelay;
        } else {
            endSession();
            leaveAfterStopping();
        }
        m_dirty = true;
    }

    // After "stop the routine": back to the list, or close when the routine came from the
    // command line.
    void leaveAfterStopping() {
        m_confirmVisible = false;
        if (m_openedWithRoutine) {
            m_window.close();
        } else {
            goHome();
        }
    }

    // Loads the routines again, keeping the last good version of one that broke, and the home
    // selection on the same routine. A running session has its own copy and is not touched.
    void reloadLibrary(const std::string& selectId = "") {
        m_library = RoutineLibrary::reload(m_library, m_options.paths.builtInRoutinesDir(),
                                           m_options.paths.userRoutinesDir());
        const HomeEntry* selected = m_home.selectedEntry();
        const std::string keepId = !selectId.empty() ? selectId : selected ? selected->id : "";
        auto entries = homeEntries(m_library);
        int keep = -1;
        for (std::size_t i = 0; i < entries.size(); ++i)
            if (entries[i].id == keepId) keep = static_cast<int>(i);
        m_home.setEntries(std::move(entries));
        if (keep >= 0) m_home.select(keep);
        m_dirty = true;
    }

    void routineFilesChanged() {
        spdlog::info("routine files changed; reloading them");
        reloadLibrary();
    }

    void goHome() {
        reloadLibrary();
        m_watcher.rescan();
        m_openedWithRoutine = false;
        m_closeAt.reset();
        m_screen = Screen::Home;
        m_dirty = true;
        homeShown();
    }

    // Streaks and nights from the history: when the home screen is shown and after a check-in,
    // never per frame.
    void refreshHistory() {
        if (!m_options.history) {
            m_home.setTonightLine("");
            return;
        }
        m_stats = computeStats(m_options.history->nightRecords(),
                               tonightAt(std::time(nullptr), m_options.dayStart));
        m_home.setTonightLine(tonightLine(m_stats));
        m_progress.setStats(m_stats);
        m_dirty = true;
    }

    // The morning check-in asks once a day, the first time home opens after the day-start hour.
    void homeShown() {
        refreshHistory();
        if (!m_options.history || m_checkInVisible) return;
        if (const auto night = m_checkInPrompt.nightToAsk(*m_options.history, m_stats.tonight)) {
            if (!m_checkInPrompt.remember(m_stats.tonight))
                spdlog::warn("could not remember that the check-in was asked");
            openCheckIn(*night);
        }
    }

    void openCheckIn(Date night) {
        if (!m_options.history || night > m_stats.tonight) return;
        m_checkIn.open(night, m_stats.tonight, m_options.history->checkInFor(night.str()));
        m_checkIn.layout(m_size);
        m_checkInVisible = true;
        m_helpVisible = false;
        m_dirty = true;
    }

    // Keys, typing and clicks go to the check-in while it is open (a note may hold any letter).
    bool handleCheckInEvent(const sf::Event& event) {
        if (!m_checkInVisible) return false;
        CheckInForm& form = m_checkIn.form();
        bool changed = false;
        switch (event.type) {
        case sf::Event::KeyPressed:
            changed = form.keyPressed(event.key);
            break;
        case sf::Event::TextEntered:
            changed = form.textEntered(event.text.unicode);
            break;
        case sf::Event::MouseButtonPressed:
            if (event.mouseButton.button != sf::Mouse::Left) return true;
            changed = m_checkIn.click(
                {static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y)});
            break;
        case sf::Event::MouseMoved:
        case sf::Event::MouseWheelScrolled:
            return true; // nothing under the form reacts
        default:
            return false;
        }
        if (form.outcome() == CheckInForm::Outcome::Saved) {
            m_checkInVisible = false;
            if (m_options.history->putCheckIn(form.result(std::time(nullptr)))) {
                showIndicator("Saved in your diary", -1.f);
            } else {
                showIndicator("Diary not saved: " + m_options.history->lastError(), -1.f);
                spdlog::warn("check-in not saved: {}", m_options.history->lastError());
            }
            refreshHistory();
        } else if (form.outcome() == CheckInForm::Outcome::Dismissed) {
            m_checkInVisible = false;
        } else if (changed) {
            m_checkIn.refresh();
        }
        m_dirty = true;
        return true;
    }

    void progressCommand(WindowCommand command) {
        switch (command) {
        case WindowCommand::Up:
            m_dirty |= m_progress.moveSelection(-7);
            break;
        case WindowCommand::Down:
            m_dirty |= m_progress.moveSelection(7);
            break;
        case WindowCommand::Back:
            m_dirty |= m_progress.moveSelection(-1);
            break;
        case WindowCommand::NextPhase:
            m_dirty |= m_progress.moveSelection(1);
            break;
        case WindowCommand::Enter:
        case WindowCommand::Edit:
            if (const auto night = m_progress.selectedNight()) openCheckIn(*night);
            break;
        case WindowCommand::Escape:
        case WindowCommand::Progress:
            m_screen = Screen::Home;
            m_dirty = true;
            break;
        case WindowCommand::Quit:
            m_window.close();
            break;
        default:
            break;
        }
    }

    void stopSession() {
        if (!m_session) return;
        m_session->quit();
        endSession();
        leaveAfterStopping();
    }

    void handleEvent(const sf::Event& event) {
        if (handleCheckInEvent(event)) return;
        if (handleEditorEvent(event)) return;
        switch (event.type) {
        case sf::Event::Closed:
            if (m_session) m_session->quit(); // closing the window mid-session is a quit
            endSession();
            m_window.close();
            break;
        case sf::Event::Resized:
            relayout({static_cast<float>(event.size.width), static_cast<float>(event.size.height)});
            break;
        case sf::Event::GainedFocus:
        case sf::Event::MouseEntered:
            m_dirty = true;
            break;
        case sf::Event::KeyPressed:
            handleCommand(commandForKey(event.key));
            break;
        case sf::Event::MouseMoved:
            if (m_screen == Screen::Home && !m_helpVisible)
                if (m_home.select(m_home.entryAt({static_cast<float>(event.mouseMove.x),
                                                  static_cast<float>(event.mouseMove.y)})))
                    m_dirty = true;
            break;
        case sf::Event::MouseButtonPressed:
            if (event.mouseButton.button == sf::Mouse::Left && m_screen == Screen::Progress &&
                !m_helpVisible) {
                // A click chooses a night; a click on the chosen one opens its diary.
                const auto night = m_progress.nightAt({static_cast<float>(event.mouseButton.x),
                                                       static_cast<float>(event.mouseButton.y)});
                if (night && !m_progress.selectNight(*night)) openCheckIn(*night);
                m_dirty = true;
            }
            if (event.mouseButton.button == sf::Mouse::Left && m_screen == Screen::Home &&
                !m_helpVisible &&
                m_home.editButtonAt({static_cast<float>(event.mouseButton.x),
                                     static_cast<float>(event.mouseButton.y)})) {
                editSelected();
                break;
            }
            if (event.mouseButton.button == sf::Mouse::Left && m_screen == Screen::Home &&
                !m_helpVisible) {
                const int index = m_home.entryAt({static_cast<float>(event.mouseButton.x),
                                                  static_cast<float>(event.mouseButton.y)});
                if (index >= 0 && m_home.select(index)) m_dirty = true;
                if (index >= 0 && index == m_home.selected()) startSelected();
            }
            break;
        case sf::Event::MouseWheelScrolled:
            if (m_screen == Screen::Home && !m_helpVisible && event.mouseWheelScroll.delta != 0.f)
                if (m_home.moveSelection(event.mouseWheelScroll.delta > 0.f ? -1 : 1))
                    m_dirty = true;
            break;
        default:
            break;
        }
    }

    void handleCommand(WindowCommand command) {
        if (command == WindowCommand::None) return;
        // Keys that work everywhere.
        switch (command) {
        case WindowCommand::Mute:
            toggleMute();
            return;
        case WindowCommand::VolumeUp:
            changeVolume(kVolumeStep);
            return;
        case WindowCommand::VolumeDown:
            changeVolume(-kVolumeStep);
            return;
        case WindowCommand::Fullscreen:
            toggleFullscreen();
            return;
        default:
            break;
        }
        if (m_confirmVisible) {
            if (command == WindowCommand::Enter) {
                stopSession();
            } else if (command == WindowCommand::Escape) {
                m_confirmVisible = false;
                if (m_resumeAfterConfirm && m_session) m_session->resume();
            }
            m_dirty = true;
            return;
        }
        if (m_helpVisible) {
            if (command == WindowCommand::Help || command == WindowCommand::Escape ||
                command == WindowCommand::Enter) {
                m_helpVisible = false;
                m_dirty = true;
                return;
            }
        } else if (command == WindowCommand::Help) {
            showHelp();
            m_dirty = true;
            return;
        }
        switch (m_screen) {
        case Screen::Home:
            homeCommand(command);
            break;
        case Screen::Session:
            sessionCommand(command);
            break;
        case Screen::Done:
            doneCommand(command);
            break;
        case Screen::Progress:
            progressCommand(command);
            break;
        case Screen::Editor:
            break;
        }
    }

    // The help of the screen showing, from the keymap.
    void showHelp() {
        KeyContext context = KeyContext::Home;
        if (m_screen == Screen::Session) context = KeyContext::Session;
        if (m_screen == Screen::Done) context = KeyContext::Done;
        if (m_screen == Screen::Progress) context = KeyContext::Progress;
        m_help.setLines(helpLines(context));
        m_help.layout(m_size);
        m_helpVisible = true;
    }

    void homeCommand(WindowCommand command) {
        switch (command) {
        case WindowCommand::Up:
            m_dirty |= m_home.moveSelection(-1);
            break;
        case WindowCommand::Down:
            m_dirty |= m_home.moveSelection(1);
            break;
        case WindowCommand::Enter:
            startSelected();
            break;
        case WindowCommand::Edit:
            editSelected();
            break;
        case WindowCommand::NextStep: // N on home: a new routine
            editNew();
            break;
        case WindowCommand::Progress:
            if (m_options.history) {
                refreshHistory();
                m_screen = Screen::Progress;
                m_dirty = true;
            }
            break;
        case WindowCommand::Escape:
        case WindowCommand::Quit:
            m_window.close();
            break;
        default:
            break;
        }
    }

    // Phase-changing controls are refused by the session in the first moment of a phase.
    void sessionCommand(WindowCommand command) {
        if (!m_session) return;
        switch (command) {
        case WindowCommand::TogglePause:
            m_session->togglePause();
            break;
        case WindowCommand::NextPhase:
            m_session->nextPhase();
            break;
        case WindowCommand::Back:
            m_session->back();
            break;
        case WindowCommand::NextStep:
            m_session->nextStep();
            break;
        case WindowCommand::Escape:
        case WindowCommand::Quit:
            // Hold still while the question is asked; "keep going" resumes.
            m_resumeAfterConfirm = !m_session->paused() && m_session->pause();
            m_confirmVisible = true;
            m_helpVisible = false;
            break;
        default:
            return;
        }
        m_dirty = true;
    }

    void doneCommand(WindowCommand command) {
        switch (command) {
        case WindowCommand::Enter:
            goHome();
            break;
        case WindowCommand::Escape:
        case WindowCommand::Quit:
            m_window.close();
            break;
        default:
            break;
        }
    }

    void startSelected() {
        const HomeEntry* entry = m_home.selectedEntry();
        if (!entry) return;
        const RoutineEntry* found = m_library.find(entry->id);
        if (!found || !found->usableRoutine()) return;
        startSession(*found->usableRoutine());
    }

    std::set<std::string> libraryIds() const {
        std::set<std::string> ids;
        for (const auto& entry : m_library.entries)
            ids.insert(entry.id);
        return ids;
    }

    void openEditor(std::unique_ptr<EditorController> controller) {
        m_editor = std::move(controller);
        m_editorScene = std::make_unique<EditorScene>(m_theme, *m_editor);
        m_editorScene->layout(m_size);
        m_screen = Screen::Editor;
        m_helpVisible = false;
        m_dirty = true;
    }

    // E on home: the chosen routine, as written in its file (a built-in one is saved as the
    // user's copy under the same id; the built-in file is never written).
    void editSelected() {
        const HomeEntry* entry = m_home.selectedEntry();
        if (!entry) return;
        const RoutineEntry* found = m_library.find(entry->id);
        if (!found) return;
        RoutineDocumentLoadResult loaded = loadRoutineDocumentFile(found->path, m_library.catalog);
        if (!loaded.ok()) {
            showIndicator("This file has a problem: fix it in a text editor first", -1.f);
            return;
        }
        openEditor(std::make_unique<EditorController>(std::move(*loaded.document),
                                                      m_library.catalog, found->id,
                                                      m_options.paths.userRoutinesDir()));
    }

    // N on home: a new routine from a short template; its id comes from its name on saving.
    void editNew() {
        openEditor(std::make_unique<EditorController>(
            EditorController::newRoutineTemplate(m_library.catalog), m_library.catalog, "",
            m_options.paths.userRoutinesDir(), libraryIds()));
    }

    // Keys, typing and clicks go to the editor while it is open (a name may hold any letter).
    bool handleEditorEvent(const sf::Event& event) {
        if (m_screen != Screen::Editor || !m_editor) return false;
        bool changed = false;
        switch (event.type) {
        case sf::Event::KeyPressed:
            changed = m_editor->keyPressed(event.key);
            break;
        case sf::Event::TextEntered:
            changed = m_editor->textEntered(event.text.unicode);
            break;
        case sf::Event::MouseButtonPressed:
            if (event.mouseButton.button != sf::Mouse::Left) return true;
            changed =
                m_editor->click(m_editorScene->hitAt({static_cast<float>(event.mouseButton.x),
                                                      static_cast<float>(event.mouseButton.y)}));
            break;
        case sf::Event::Closed:
            // Closing the window with unsaved changes asks first, like Esc.
            if (!m_editor->editor().dirty()) return false;
            m_editor->requestLeave();
            m_closeAfterEditor = true;
            changed = true;
            break;
        case sf::Event::MouseWheelScrolled:
            if (event.mouseWheelScroll.delta != 0.f) {
                const std::size_t step = m_editor->selectedStep();
                changed = m_editor->selectStep(
                    event.mouseWheelScroll.delta > 0.f ? (step > 0 ? step - 1 : 0) : step + 1);
            }
            break;
        default:
            return false;
        }
        if (m_editor->closed()) {
            leaveEditor();
            if (m_closeAfterEditor) m_window.close();
            return true;
        }
        if (m_editor->prompt() != EditorController::Prompt::LeaveUnsaved)
            m_closeAfterEditor = false; // "keep editing"
        if (changed) {
            if (m_editor->savedAny() && !m_editor->editor().dirty()) {
                reloadLibrary(m_editor->id()); // the home list shows what was saved
                m_watcher.rescan();
            }
            m_editorScene->refresh();
            m_dirty = true;
        }
        return true;
    }

    void leaveEditor() {
        const std::string id = m_editor ? m_editor->id() : "";
        m_editorScene.reset();
        m_editor.reset();
        m_screen = Screen::Home;
        reloadLibrary(id); // back on the routine just edited
        m_watcher.rescan();
        m_dirty = true;
    }

    void toggleMute() {
        m_settings.muted = !m_settings.muted;
        m_audio.setMuted(m_settings.muted);
        saveSettings();
        if (!m_audio.available())
            showIndicator("Sound unavailable", -1.f);
        else if (m_settings.muted)
            showIndicator("Sound off  (M turns it on)", -1.f);
        else
            showIndicator("Sound on  " + std::to_string(m_settings.volume) + " %",
                          m_settings.volume / 100.f);
    }

    void changeVolume(int delta) {
        m_settings.volume = std::clamp(m_settings.volume + delta, 0, 100);
        if (delta > 0) m_settings.muted = false; // louder means "I want to hear it"
        m_audio.setMuted(m_settings.muted);
        m_audio.setVolume(m_settings.volume);
        saveSettings();
        if (!m_audio.available())
            showIndicator("Sound unavailable", -1.f);
        else if (m_settings.muted)
            showIndicator("Sound off  (M turns it on)", -1.f);
        else
            showIndicator("Volume " + std::to_string(m_settings.volume) + " %",
                          m_settings.volume / 100.f);
    }

    void toggleFullscreen() {
        m_settings.fullscreen = !m_fullscreen;
        saveSettings();
        createWindow(!m_fullscreen);
    }

    void saveSettings() {
        if (!m_settings.save(m_options.paths.settingsFile()))
            spdlog::warn("could not save settings to {}", m_options.paths.settingsFile().string());
    }

    void showIndicator(const std::string& message, float level) {
        m_indicator.show(message, level);
        m_indicatorUntil = m_clock.now() + kIndicatorTime;
        m_dirty = true;
    }

    void render() {
        m_window.clear(palette::kBackground);
        switch (m_screen) {
        case Screen::Home:
            m_home.draw(m_window);
            break;
        case Screen::Session:
            if (m_sessionScene) m_sessionScene->draw(m_window);
            break;
        case Screen::Done:
            m_done.draw(m_window);
            break;
        case Screen::Progress:
            m_progress.draw(m_window);
            break;
        case Screen::Editor:
            if (m_editorScene) m_editorScene->draw(m_window);
            break;
        }
        if (m_checkInVisible) m_checkIn.draw(m_window);
        if (m_session && m_session->paused() && !m_confirmVisible) m_pauseOverlay.draw(m_window);
        if (m_confirmVisible) m_confirmOverlay.draw(m_window);
        if (m_helpVisible) m_help.draw(m_window);
        if (m_indicatorUntil) m_indicator.draw(m_window);
        m_window.display();
        m_dirty = false;
        traceFrame();
    }

    void traceFrame() {
        if (!m_traceAttached || !m_session || !m_sessionScene) return;
        const long long atMs = m_session->elapsedMs();
        if (!m_firstFrameTraced) {
            m_trace->firstFrame(atMs, steadyNowMs() - m_options.processStartMs);
            m_firstFrameTraced = true;
        }
        const std::string& shown = m_sessionScene->countdownText();
        if (shown != m_lastShownCountdown) {
            m_trace->frame(shown, atMs);
            m_lastShownCountdown = shown;
        }
    }

    // Sleeps until the next deadline (a new second, a phase change, the indicator's end), in
    // short slices so that input is still answered quickly.
    void sleepUntilSomethingIsDue() {
        std::optional<TimePoint> due;
        auto consider = [&due](const std::optional<TimePoint>& t) {
            if (t && (!due || *t < *due)) due = t;
        };
        if (m_session) consider(m_session->nextWakeup());
        consider(m_indicatorUntil);
        consider(m_closeAt);
        auto wait = std::chrono::duration_cast<std::chrono::microseconds>(kPollSlice);
        if (due) {
            const auto untilDue =
                std::chrono::duration_cast<std::chrono::microseconds>(*due - m_clock.now());
            if (untilDue.count() <= 0) return;
            wait = std::min(wait, untilDue);
        }
        sf::sleep(sf::microseconds(wait.count()));
    }

    const WindowOptions& m_options;
    sf::Image m_icon = makeIcon();
    RoutineLibrary m_library;
    const Theme& m_theme;
    std::unique_ptr<TraceWriter> m_trace;
    std::unique_ptr<HistoryRecorder> m_recorder;
    bool m_historyProblemShown = false;
    bool m_traceAttached = false;
    bool m_traceUsed = false;
    bool m_firstFrameTraced = false;
    std::string m_lastShownCountdown;

    Settings m_settings;
    AudioCues m_audio;
    SteadyClock m_clock;
    std::unique_ptr<Session> m_session;
    sf::RenderWindow m_window;
    sf::Vector2f m_size{1280.f, 800.f};
    bool m_fullscreen = false;

    HomeScene m_home;
    DoneScene m_done;
    std::unique_ptr<SessionScene> m_sessionScene;
    MessageOverlay m_pauseOverlay;
    MessageOverlay m_confirmOverlay;
    HelpOverlay m_help;
    Indicator m_indicator;
    ProgressScene m_progress;
    CheckInOverlay m_checkIn;
    CheckInPrompt m_checkInPrompt;
    RoutineWatcher m_watcher;
    std::unique_ptr<EditorController> m_editor;
    std::unique_ptr<EditorScene> m_editorScene;
    bool m_closeAfterEditor = false; // the window's close button asked about unsaved changes
    Stats m_stats;
    bool m_checkInVisible = false;

    Screen m_screen = Screen::Home;
    bool m_helpVisible = false;
    bool m_confirmVisible = false;
    bool m_resumeAfterConfirm = false;
    bool m_openedWithRoutine = false;
    bool m_exitWhenDone = false;
    std::optional<TimePoint> m_indicatorUntil;
    std::optional<TimePoint> m_closeAt;
    bool m_dirty = true;
};

} // namespace

int runWindow(const WindowOptions& options) {
    RoutineLibrary library =
        RoutineLibrary::load(options.paths.builtInRoutinesDir(), options.paths.userRoutinesDir());

    std::optional<Routine> routine;
    if (options.routine) {
        const int code = resolveRoutine(*options.routine, library, routine);
        if (code != 0) return code;
    }

    if (!displayAvailable()) {
        std::cerr << "nightstretch: no display found (DISPLAY is not set); run it in a desktop "
                     "session, or use 'nightstretch start --text'\n";
        return 3;
    }
    if (!displayReachable()) {
        std::cerr << "nightstretch: cannot open the display '" << std::getenv("DISPLAY")
                  << "'; run it in a desktop session, or use 'nightstretch start --text'\n";
        return 3;
    }

    Theme theme;
    std::string fontError;
    if (!theme.loadFonts(Theme::fontFolders(options.paths.assetsDir()), &fontError)) {
        std::cerr << fontError << '\n';
        return 3;
    }

    std::unique_ptr<TraceWriter> trace;
    if (options.tracePath) {
        trace = std::make_unique<TraceWriter>(*options.tracePath);
        if (!trace->ok()) {
            std::cerr << "nightstretch: cannot write the trace file '" << *options.tracePath
                      << "'\n";
            return 2;
        }
    }

    WindowApp app(options, std::move(library), theme, std::move(trace));
    return app.run(std::move(routine));
}

} // namespace ns
