#include "session_screen.hpp"

#include "audio_cues.hpp"
#include "pause_screen.hpp"
#include "session_end.hpp"
#include "stop_question_screen.hpp"
#include "trace.hpp"

#include <chrono>

namespace ns {

namespace {

long long steadyNowMs() {
    return std::chrono::duration_cast<Millis>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

SessionScreen::SessionScreen(const Theme& theme, std::unique_ptr<SessionRun> run,
                             SessionObserver& sound, long long processStartMs, bool reduceMotion,
                             std::function<Speaker*()> voice)
    : m_theme(theme), m_run(std::move(run)), m_voice(std::move(voice)),
      m_startPending(static_cast<bool>(m_voice)), m_sound(m_run->attach(sound)),
      m_scene(theme, m_run->session(), reduceMotion), m_processStartMs(processStartMs) {
    if (!m_startPending) m_run->start();
    m_scene.refresh();
}

void SessionScreen::startAfterFirstFrame() {
    m_startPending = false;
    if (m_voice) {
        if (Speaker* speaker = m_voice()) m_run->setVoice(speaker, cueStrikes());
        m_voice = {};
    }
    m_run->start();
    m_scene.refresh();
}

void SessionScreen::setVoice(Speaker* speaker) {
    m_voice = {};
    if (m_run) m_run->setVoice(speaker, cueStrikes());
}

std::optional<SessionEnd> SessionScreen::ending() const {
    if (!m_run || !m_run->session().finished()) return std::nullopt;
    return describeEnd(*m_run);
}

std::unique_ptr<SessionRun> SessionScreen::takeRunStillSpeaking(TimePoint now) {
    if (!m_run || !m_run->session().finished() || !m_run->voiceBusy(now)) return nullptr;
    m_sound.reset();
    return std::move(m_run);
}

// Phase-changing keys are refused by the session in the first moment of a phase.
bool SessionScreen::handle(const sf::Event& event, ScreenHost& host) {
    if (event.type != sf::Event::KeyPressed || !m_run) return false;
    Session& session = m_run->session();
    const Command command = commandFor(keyContext(), event.key);
    switch (command) {
    case Command::TogglePause:
        session.togglePause();
        if (session.paused()) host.push(std::make_unique<PauseScreen>(m_theme, session));
        return true;
    case Command::NextPhase:
        session.nextPhase();
        return true;
    case Command::PhaseBack:
        session.back();
        return true;
    case Command::NextStretch:
        session.nextStep();
        return true;
    case Command::AskToStop:
        host.push(std::make_unique<StopQuestionScreen>(m_theme, session));
        return true;
    default:
        return handleCommonCommand(command, keyContext(), host);
    }
}

bool SessionScreen::update(ScreenHost& host) {
    if (m_ended || !m_run) return false;
    m_run->update();
    bool changed = false;
    if (m_run->historyFailed() && !m_historyProblemShown) {
        m_scene.setBanner(sessionNotSaved(m_run->historyError()));
        host.historyFailed(m_run->historyError());
        m_historyProblemShown = true;
        changed = true;
    }
    const Session& session = m_run->session();
    if (!session.finished()) return changed;
    m_ended = true;
    host.showDone(describeEnd(*m_run)); // done, or stopped: what was held and kept
    return true;
}

std::optional<TimePoint> SessionScreen::nextWakeup() const {
    if (!m_run) return std::nullopt;
    std::optional<TimePoint> due = m_run->nextWakeup(); // the session's, or a phrase's start
    // The figure: only once it will have moved a pixel, so a slow breath is a few frames a second.
    if (const auto figure = m_scene.nextFigureChange(); figure && (!due || *figure < *due))
        due = figure;
    return due;
}

// The trace measures the first frame and every countdown value as it reached the screen.
void SessionScreen::presented() {
    m_scene.takeDamage(); // on the screen now, whichever way it got there
    TraceWriter* trace = m_run ? m_run->trace() : nullptr;
    if (trace && !m_firstFrameTraced) {
        trace->firstFrame(m_run->session().elapsedMs(), steadyNowMs() - m_processStartMs);
        m_firstFrameTraced = true;
    }
    if (m_startPending && m_run) startAfterFirstFrame();
    if (!trace) return;
    const long long atMs = m_run->session().elapsedMs();
    const std::string& shown = m_scene.countdownText();
    if (shown != m_lastShownCountdown) {
        trace->frame(shown, atMs);
        m_lastShownCountdown = shown;
    }
}

} // namespace ns
