// The switching of the window, without the window: the stack of screens (the top one gets the
// events, the ones from the top-most opaque screen up are drawn), which screen comes next, and
// what they share (the routines, the history's nights, sound settings, the brief indicator).
// WindowApp feeds it events and draws it; tests drive it the same way with no display.
#pragma once

#include "audio_cues.hpp"
#include "checkin_prompt.hpp"
#include "overlays.hpp"
#include "relief.hpp"
#include "routine_loader.hpp"
#include "routine_watcher.hpp"
#include "screen.hpp"
#include "session_run.hpp"
#include "settings.hpp"
#include "sound_badge.hpp"
#include "voice.hpp"
#include "window_app.hpp"

#include <memory>
#include <optional>
#include <vector>

namespace ns {

// How the window runs a session: recorded in the history; traced only when `traced` (the routine
// from the command line).
SessionRunOptions windowRunOptions(const WindowOptions& options, bool traced);

class Switchboard final : public ScreenHost {
  public:
    Switchboard(const WindowOptions& options, RoutineLibrary library, const Theme& theme,
                const Clock& clock);
    ~Switchboard() override;

    // The first screen: the run of the routine from the command line, or home.
    void begin(std::unique_ptr<SessionRun> firstRun, sf::Vector2f size);

    void layout(sf::Vector2f size);
    void handle(const sf::Event& event);
    void update(); // time moved on: the session, the indicator, changed routine files
    bool needsDraw();
    FrameDamage takeDamage(); // where, since the last frame (after needsDraw() said so)
    // All of it, or only what reaches `part` (a frame shown in part).
    void draw(sf::RenderTarget& target, const sf::FloatRect* part = nullptr) const;
    void presented(); // after the frame reached the screen
    std::optional<TimePoint> nextWakeup() const;
    void interrupt(); // a signal: a running session ends as "interrupted"

    bool closing() const { return m_closing; }
    bool takeFullscreenRequest();             // F was pressed: the window is made again
    void rememberFullscreen(bool fullscreen); // kept in the settings for next time
    const Settings& settings() const { return m_settings; }
    // What the steady sound badge of home and the session says.
    SoundState soundState() const;

    // For tests: the stack, bottom first.
    std::size_t depth() const { return m_stack.size(); }
    Screen* top() const { return m_stack.empty() ? nullptr : m_stack.back().get(); }
    Screen* at(std::size_t index) const { return m_stack.at(index).get(); }
    bool indicatorShown() const { return m_indicatorUntil.has_value(); }
    sf::FloatRect indicatorBox() const { return m_indicator.box(); }

    // ScreenHost
    void push(std::unique_ptr<Screen> screen) override;
    void remove(const Screen& screen) override;
    void closeWindow() override;
    void showHome(const std::string& selectId = "") override;
    void showProgress() override;
    void startRoutine(Routine routine) override;
    void showDone(const SessionEnd& end) override;
    void routineStopped() override;
    void openEditor(std::unique_ptr<EditorController> editor) override;
    void showHelp(KeyContext context) override;
    void openCheckIn(Date night) override;
    void showIndicator(const std::string& message, float level) override;
    void routinesSaved(const std::string& id) override;
    void historyChanged() override;
    void askToRemoveSession(Date night) override;
    void historyFailed(const std::string& error) override;
    std::string changeReminder() override;

  private:
    void switchTo(std::unique_ptr<Screen> screen);
    void beginOnFirstScreen();
    // The first run's welcome, once, whichever way the window opened; false if already seen.
    bool showWelcomeOnFirstRun();
    void openRelief(ReliefVariant variant);
    void pauseSessionsUnderRelief();
    void toggleAbout();
    void showSixWeekReviewOnce();
    void showHomeScreen(const std::string& selectId, bool reload, bool askCheckIn = true);
    void startRun(std::unique_ptr<SessionRun> run);
    bool globalCommand(Command command);
    void reloadLibrary(const std::string& selectId);
    void refreshHistory();
    void toggleMute();
    void toggleVoice();
    Speaker* voiceForRuns(); // the voice when it is on and can speak, made the first time
    void changeVolume(int delta);
    void showSoundState(const std::string& onText);
    void soundStateChanged(); // every screen shown hears of it
    void saveSettings();
    void offerRestore(); // once: a damaged history was moved aside and a backup can restore it
    void restoreHistory();
    bool inStack(const Screen* screen) const;
    bool placeIndicator(); // clear of the overlays' words; true when it moved

    const WindowOptions& m_options;
    RoutineLibrary m_library;
    const Theme& m_theme;
    const Clock& m_clock;
    Settings m_settings;
    AudioCues m_audio;
    std::unique_ptr<Voice> m_voice;         // made when first needed; speaks through m_audio
    std::unique_ptr<SessionRun> m_speaking; // a finished run still saying "Well done"
    CheckInPrompt m_checkInPrompt;
    RoutineWatcher m_watcher;
    Stats m_stats;
    std::string m_lastRoutineId;   // home comes back on it
    std::string m_historyNotice;   // the options' notice, until a restore makes it untrue
    ProblemWords m_historyProblem; // the options' banner, until a restore makes it untrue
    bool m_restoreOffered = false;
    ProblemWords m_sessionProblem; // a session that could not be written, for home to say

    std::vector<std::unique_ptr<Screen>> m_stack;
    std::vector<std::unique_ptr<Screen>> m_retired; // removed while one of them was acting
    Indicator m_indicator;
    std::optional<TimePoint> m_indicatorUntil;
    std::optional<TimePoint> m_closeAt;
    sf::Vector2f m_size{1280.f, 800.f};
    // `start` on the first run: the routine waits under the welcome (and the I screen it may
    // open) and begins when they close.
    std::unique_ptr<SessionRun> m_runAfterWelcome;
    bool m_exitWhenDone = false;
    bool m_closing = false;
    bool m_fullscreenRequested = false;
    bool m_dirty = true;
    bool m_voiceAsked = false; // whether the voice can speak: asked once, after the first frame
    FrameDamage m_damage;
};

} // namespace ns
