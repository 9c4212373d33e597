// Terminal mode: raw keys through termios + poll, output through a SessionObserver.
#include "terminal_session.hpp"

#include "about_text.hpp"
#include "audio_cues.hpp"
#include "countdown_line.hpp"
#include "format.hpp"
#include "interrupt_signals.hpp"
#include "raw_terminal.hpp"
#include "session.hpp"
#include "session_run.hpp"
#include "timeline.hpp"
#include "voice.hpp"

#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

namespace ns {
namespace {

// The first run's welcome, short, once: the same words and the same "seen" file as the window's.
void printWelcomeOnce(const std::filesystem::path& stateDir) {
    if (stateDir.empty() || welcomeShown(stateDir)) return;
    std::printf("Welcome to Nightstretch.\n");
    for (const std::string& line : welcomeLines())
        std::printf("  - %s\n", line.c_str());
    std::printf("More: nightstretch about --text. During a cramp: nightstretch relief --text.\n\n");
    if (!rememberWelcomeShown(stateDir))
        std::cerr << "nightstretch: could not remember that the welcome was shown\n";
}

std::string phaseLabel(const Phase& phase) {
    switch (phase.kind) {
    case PhaseKind::Prepare:
        return "Get ready";
    case PhaseKind::Switch:
        return "Switch sides";
    case PhaseKind::Rest:
        return "Rest";
    case PhaseKind::Hold:
        if (phase.side == Side::Left) return "Hold - left leg";
        if (phase.side == Side::Right) return "Hold - right leg";
        return "Hold";
    }
    return "";
}

// The terminal's width now (it may have been resized), 80 when it cannot be told.
int terminalColumns() {
    winsize size{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

// Prints each phase as a short block and, on a terminal, one live countdown line.
class TerminalView final : public SessionObserver {
  public:
    TerminalView(const Session& session, bool live) : m_session(session), m_live(live) {}

    void onPhaseStarted(const PhaseEvent& event) override {
        clearLine();
        const Phase& phase = *event.phase;
        const Step& step = m_session.routine().steps[static_cast<size_t>(phase.step)];
        if (phase.step != m_lastStep) {
            m_lastStep = phase.step;
            std::printf("\n== %s  (stretch %d of %zu) ==\n", step.stretch.name.c_str(),
                        phase.step + 1, m_session.routine().steps.size());
            for (const auto& line : step.stretch.instructions)
                std::printf("   %s\n", line.c_str());
            if (!step.stretch.caution.empty())
                std::printf("   (%s)\n", step.stretch.caution.c_str());
        }
        std::printf("-> %s, %d s", phaseLabel(phase).c_str(), phase.durationSeconds);
        if (phase.kind == PhaseKind::Hold && step.reps > 1)
            std::printf("  (%d of %d)", phase.rep, step.reps);
        std::printf("\n");
        std::fflush(stdout);
        m_shown = -1;
    }
    void onPaused(long long /*atMs*/) override {
        clearLine();
        std::printf("   Paused. Press Space to continue.\n");
        std::fflush(stdout);
    }
    void onResumed(long long /*atMs*/) override {
        std::printf("   Continuing.\n");
        std::fflush(stdout);
        m_shown = -1;
    }
    void onFinished(const FinishEvent& event) override {
        clearLine();
        if (event.status == SessionStatus::Completed)
            std::printf("\nWell done. %s of stretching tonight. Sleep well.\n",
                        formatMinutes(event.holdSecondsDone).c_str());
        else
            std::printf("\nStopped. %s of stretching done.\n",
                        formatMinutes(event.holdSecondsDone).c_str());
        std::fflush(stdout);
    }

    // Redraws the countdown line when the shown second changes.
    void refresh() {
        if (!m_live || m_session.finished() || m_session.paused()) return;
        const int seconds = m_session.countdownSeconds();
        if (seconds == m_shown) return;
        m_shown = seconds;
        const long long left = (m_session.totalRemainingMs() + 999) / 1000;
        const std::string line =
            countdownLine({phaseLabel(m_session.phase()), formatClock(seconds), formatClock(left)},
                          terminalColumns());
        std::printf("\r%s\033[K", line.c_str());
        std::fflush(stdout);
        m_lineOpen = true;
    }

  private:
    void clearLine() {
        if (m_lineOpen) std::printf("\r\033[K");
        m_lineOpen = false;
    }

    const Session& m_session;
    bool m_live;
    int m_lastStep = -1;
    int m_shown = -1;
    bool m_lineOpen = false;
};

// Milliseconds until `wake`, at least 0, at most a second (to notice signals promptly).
int pollTimeout(std::optional<TimePoint> wake, const Clock& clock) {
    if (!wake) return 1000;
    const auto ms = std::chrono::duration_cast<Millis>(*wake - clock.now()).count() + 1;
    return static_cast<int>(std::clamp<long long>(ms, 0, 1000));
}

} // namespace

int runTerminalSession(const Routine& routine, const TerminalOptions& options) {
    SteadyClock clock;
    // The sound first: the voice's phrases are synthesised as the run is made, and the run (whose
    // prompter speaks through the voice) is destroyed before them.
    std::unique_ptr<AudioCues> audio;
    std::unique_ptr<Voice> voice;
    if (options.sound) {
        audio = std::make_unique<AudioCues>();
        audio->setVolume(options.settings.volume);
        audio->setMuted(options.settings.muted);
        if (options.settings.voice && audio->available()) {
            voice = std::make_unique<Voice>(*audio);
            if (!voice->available()) voice.reset();
        }
    }

    SessionRunOptions runOptions;
    runOptions.tracePath = options.tracePath;
    runOptions.history = options.history;
    runOptions.dayStart = options.dayStart;
    runOptions.source = "text";
    runOptions.speaker = voice.get();
    runOptions.strikes = cueStrikes();
    std::string error;
    int exitCode = 0;
    std::unique_ptr<SessionRun> run =
        SessionRun::create(routine, clock, std::move(runOptions), &error, &exitCode);
    if (!run) {
        std::cerr << "nightstretch: " << error << '\n';
        return exitCode;
    }
    Session& session = run->session();
    printWelcomeOnce(options.welcomeStateDir);

    ObserverRegistration audioRegistration;
    if (audio) audioRegistration = run->attach(*audio);

    RawTerminal terminal;
    const bool interactive = terminal.active();
    TerminalView view(session, interactive && isatty(STDOUT_FILENO) != 0);
    ObserverRegistration viewRegistration = run->attach(view);

    InterruptSignals signals;

    std::printf("%s: %s in all.%s\n", routine.name.c_str(),
                formatMinutes(session.timeline().totalSeconds).c_str(),
                interactive ? " Space pause, N next stretch, Q quit." : "");
    run->start();
    while (!session.finished()) {
        view.refresh();
        // Keys (on a terminal) and signals both wake the wait; otherwise it sleeps until due.
        pollfd waits[2] = {{signals.wakeFd(), POLLIN, 0}, {STDIN_FILENO, POLLIN, 0}};
        const int ready = poll(waits, interactive ? 2 : 1, pollTimeout(run->nextWakeup(), clock));
        const pollfd& input = waits[1];
        if (signals.requested()) {
            session.interrupt();
            break;
        }
        run->update();
        if (ready > 0 && (input.revents & POLLIN) != 0) {
            char key = 0;
            while (read(STDIN_FILENO, &key, 1) == 1) {
                switch (key) {
                case ' ':
                    session.togglePause();
                    break;
                case 'n':
                case 'N':
                    session.nextStep();
                    break;
                case 'q':
                case 'Q':
                case 27:
                    session.quit();
                    break;
                default:
                    break;
                }
            }
        }
    }
    viewRegistration.reset();
    const TimePoint endedAt = clock.now();
    // "Well done" comes after the end's chime: wait for it to start and to be said.
    while (session.status() == SessionStatus::Completed && run->voiceBusy(clock.now()) &&
           !signals.requested()) {
        const std::optional<TimePoint> due = run->nextWakeup();
        pollfd wait = {signals.wakeFd(), POLLIN, 0};
        poll(&wait, 1, pollTimeout(due ? due : run->voice()->quietAt(), clock));
        run->update();
    }
    if (run->historyFailed())
        std::fprintf(stderr, "nightstretch: this session could not be saved to the history: %s\n",
                     run->historyError().c_str());
    if (audio) {
        audioRegistration.reset();
        // Let the "done" chime ring out before the process ends.
        const auto ringOut = endedAt + Millis(1500) - clock.now();
        if (session.status() == SessionStatus::Completed && audio->available() && !audio->muted() &&
            ringOut > Millis(0))
            ::usleep(static_cast<useconds_t>(
                std::chrono::duration_cast<std::chrono::microseconds>(ringOut).count()));
    }
    return session.status() == SessionStatus::Interrupted ? 130 : 0;
}

} // namespace ns
