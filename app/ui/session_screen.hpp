// A routine running: the session (through its SessionRun, with the sound attached), its scene, and
// its keys. Space pauses, → and ← move between parts, N skips a stretch, Esc or Q asks whether to
// stop.
#pragma once

#include "screen.hpp"
#include "session_run.hpp"
#include "session_scene.hpp"

#include <functional>
#include <memory>

namespace ns {

class SessionScreen final : public Screen {
  public:
    // `sound` is attached for as long as this screen lives. `processStartMs` (steady clock) dates
    // the first frame in the trace, when there is one. `reduceMotion` keeps the figure still (the
    // setting reduce_motion). Without `voice` the run starts here. With it, the run waits for the
    // first frame: then `voice` is asked for the speaker, the phrases are made (most of a second),
    // and the run starts, so the window shows at once and the first phrase is still on time.
    SessionScreen(const Theme& theme, std::unique_ptr<SessionRun> run, SessionObserver& sound,
                  long long processStartMs, bool reduceMotion = false,
                  std::function<Speaker*()> voice = {});

    KeyContext keyContext() const override { return KeyContext::Session; }
    bool handle(const sf::Event& event, ScreenHost& host) override;
    bool update(ScreenHost& host) override;
    bool changed() override { return m_scene.refresh(); }
    FrameDamage changedPart() override { return m_scene.takeDamage(); }
    std::optional<TimePoint> nextWakeup() const override;
    void layout(sf::Vector2f size) override { m_scene.layout(size); }
    void draw(sf::RenderTarget& target) const override { m_scene.draw(target); }
    void drawPart(sf::RenderTarget& target, const sf::FloatRect& part) const override {
        m_scene.drawPart(target, part);
    }
    void presented() override;
    void soundChanged(const SoundState& state) override { m_scene.setSoundState(state); }

    Session& session() { return m_run->session(); }
    bool traced() { return m_run->trace() != nullptr; }
    // Speaks the prompts through `speaker` (null: stops speaking); this replaces the `voice` the
    // screen was made with.
    void setVoice(Speaker* speaker);
    // How the session ended (what was held, whether the history kept it); nullopt while it runs.
    std::optional<SessionEnd> ending() const;
    // The run of a finished session whose voice is still to say or saying "Well done", to keep
    // until it is quiet (the screen is switched away at once); null when the voice is quiet.
    std::unique_ptr<SessionRun> takeRunStillSpeaking(TimePoint now);
    const SessionScene& scene() const { return m_scene; }
    void setBanner(const BannerText& banner) { m_scene.setBanner(banner); }

  private:
    void startAfterFirstFrame();

    const Theme& m_theme;
    std::unique_ptr<SessionRun> m_run;
    std::function<Speaker*()> m_voice; // asked once the first frame is on the screen
    bool m_startPending = false;
    ObserverRegistration m_sound;
    SessionScene m_scene;
    long long m_processStartMs;
    bool m_historyProblemShown = false;
    bool m_firstFrameTraced = false;
    bool m_ended = false;
    std::string m_lastShownCountdown;
};

} // namespace ns
