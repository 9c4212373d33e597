// Terminal mode: raw keys through termios + poll, output through a SessionObserver; stopping and
// the end's words follow the one rule of core (stop_question.hpp, session_end.hpp).
#include "terminal_session.hpp"

#include "about_text.hpp"
#include "audio_cues.hpp"
#include "countdown_line.hpp"
#include "exit_codes.hpp"
#include "format.hpp"
#include "history_problem.hpp"
#include "interrupt_signals.hpp"
#include "raw_terminal.hpp"
#include "session.hpp"
#include "session_end.hpp"
#include "session_run.hpp"
#include "stop_question.hpp"
#include "terminal_keys.hpp"
#include "terminal_sound.hpp"
#include "timeline.hpp"
#include "voice_prompter.hpp"

#include <poll.h>
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
                std::fputs(wrapText(line, terminalColumns(), "   ", "   ").c_str(), stdout);
            if (!step.stretch.caution.empty())
                std::fputs(
                    wrapText("(" + step.stretch.caution + ")", terminalColumns(), "   ", "    ")
                        .c_str(),
                    stdout);
        }
        std::printf("-> %s, %d s", phaseLabel(phase).c_str(), phase.durationSeconds);
        if (phase.kind == PhaseKind::Hold && step.reps > 1)
            std::printf("  (%d of %d)", phase.rep, step.reps);
        std::printf("\n");
        std::fflush(stdout);
        m_shown = -1;
    }
    void onPaused(long long /*atMs*/) override {
        if (m_asking) return; // the question says why it holds still
        say("Paused. Press Space to continue.");
    }
    void onResumed(long long /*atMs*/) override {
        if (!m_asking) say("Continuing.");
    }

    // A line of its own, under the countdown line, which comes back after it.
    void say(const std::string& line) {
        clearLine();
        std::printf("   %s\n", line.c_str());
        std::fflush(stdout);
        m_shown = -1;
    }
    // "Stop the routine?": asked, then answered with what follows.
    void asking(const std::string& question) {
        m_asking = true;
        say(question);
    }
    void answered(const std::string& line) {
        m_asking = false;
        say(line);
    }
    void endLine() { clearLine(); }

    // Redraws the countdown line when the shown second changes.
    void refresh() {
        if (!m_live || m_session.finished() || m_session.paused()) return;
        const int seconds = m_session.countdownSeconds();
        if (seconds == m_shown) return;
        m_shown = seconds;
        const long long left = (m_session.totalRemainingMs() + 999) / 1000;
        const std::string line =
            countdownLine({phaseLabel(m_session.phase()), formatClock(seconds), formatClock(left)},
                          static_cast<int>(terminalColumns()));
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
    bool m_asking = false;
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
    TerminalSound sound(options.settings, options.settingsFile, true);

    SessionRunOptions runOptions;
    runOptions.tracePath = options.tracePath;
    runOptions.history = options.history;
    runOptions.dayStart = options.dayStart;
    runOptions.source = "text";
    runOptions.speaker = sound.voice();
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

    AudioCues* audio = sound.audio();
    ObserverRegistration audioRegistration;
    if (audio) audioRegistration = run->attach(*audio);

    RawTerminal terminal;
    const bool interactive = terminal.active();
    TerminalView view(session, interactive && isatty(STDOUT_FILENO) != 0);
    ObserverRegistration viewRegistration = run->attach(view);

    InterruptSignals signals;
    bool readKeys = interactive; // until the terminal goes away

    std::printf("%s: %s in all.%s\n", routine.name.c_str(),
                formatMinutes(session.timeline().totalSeconds).c_str(),
                interactive ? " Space pause, N next stretch, V voice on/off, Q stop." : "");
    if (options.history == nullptr) {
        const ProblemWords words = historyNotOpenedDuringASession();
        std::printf("%s. %s\n", words.headline.c_str(), words.action.c_str());
    }
    run->start();
    bool toldNotSaved = false;
    std::optional<StopQuestion> asking;
    while (!session.finished()) {
        view.refresh();
        // Keys (on a terminal) and signals both wake the wait; otherwise it sleeps until due.
        pollfd waits[2] = {{signals.wakeFd(), POLLIN, 0}, {STDIN_FILENO, POLLIN, 0}};
        const int ready = poll(waits, readKeys ? 2 : 1, pollTimeout(run->nextWakeup(), clock));
        const pollfd& input = waits[1];
        if (signals.requested()) {
            session.interrupt();
            break;
        }
        run->update();
        if (run->historyFailed() && !toldNotSaved) {
            toldNotSaved = true;
            const ProblemWords words = sessionNotSaved(run->historyError());
            view.say(words.headline + ". " + words.detail + " " + words.action);
        }
        if (!readKeys || ready <= 0 || (input.revents & (POLLIN | POLLHUP)) == 0) continue;
        for (TermKey key = readTermKey(); key.kind != TermKey::None && !session.finished();
             key = readTermKey()) {
            if (key.kind == TermKey::End) {
                readKeys = false;
                break;
            }
            if (key.is('v')) {
                view.say(sound.toggleVoice());
                run->setVoice(sound.voice(), cueStrikes());
                continue;
            }
            if (asking) {
                // The one rule: Q or Enter stops; any other key goes on.
                if (key.is('q') || key.kind == TermKey::Enter) {
                    asking->stop();
                } else {
                    asking->keepGoing();
                    view.answered(session.paused() ? "Still paused. Press Space to continue."
                                                   : "Going on.");
                }
                asking.reset();
                continue;
            }
            if (key.kind == TermKey::Escape || key.is('q')) {
                view.asking(std::string(StopQuestion::kQuestion) +
                            " Q or Enter = stop, any other key = keep going.");
                asking.emplace(session);
            } else if (key.is(' ')) {
                session.togglePause();
            } else if (key.is('n')) {
                session.nextStep();
            }
        }
    }
    asking.reset();
    viewRegistration.reset();
    view.endLine();
    const TimePoint endedAt = clock.now();
    const SessionEnd end = describeEnd(*run);
    std::printf("\n%s\n%s %s\n", end.title.c_str(), end.held.c_str(), end.kept.c_str());
    if (!end.action.empty()) std::printf("%s\n", end.action.c_str());
    std::fflush(stdout);
    // "Well done" comes after the end's chime: wait for it to start and to be said.
    while (session.status() == SessionStatus::Completed && run->voiceBusy(clock.now()) &&
           !signals.requested()) {
        const std::optional<TimePoint> due = run->nextWakeup();
        pollfd wait = {signals.wakeFd(), POLLIN, 0};
        poll(&wait, 1, pollTimeout(due ? due : run->voice()->quietAt(), clock));
        run->update();
    }
    if (audio) {
        audioRegistration.reset();
        // Let the "done" chime ring out before the process ends.
        const auto ringOut = endedAt + Millis(1500) - clock.now();
        if (session.status() == SessionStatus::Completed && !audio->muted() && ringOut > Millis(0))
            ::usleep(static_cast<useconds_t>(
                std::chrono::duration_cast<std::chrono::microseconds>(ringOut).count()));
    }
    if (session.status() == SessionStatus::Interrupted) return 130;
    return end.saved ? kExitOk : kExitEnvironment;
}

} // namespace ns
