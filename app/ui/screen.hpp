// A screen of the window (home, session, done, progress, editor) or an overlay over one (help,
// paused, "stop the routine?", the check-in): it reads its own keys and clicks and draws itself.
// What should happen next (another screen, an overlay, closing) it asks of its ScreenHost.
#pragma once

#include "clock.hpp"
#include "frame_damage.hpp"
#include "keymap.hpp"
#include "nights.hpp"
#include "routine.hpp"
#include "session_end.hpp"

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Window/Event.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ns {

class EditorController;
class Screen;
struct SoundState;

// What a screen may ask for. A screen taken off the stack lives on until the event (or loop turn)
// that removed it is over, so a screen may remove itself and go on.
class ScreenHost {
  public:
    virtual ~ScreenHost() = default;

    virtual void push(std::unique_ptr<Screen> overlay) = 0;
    virtual void remove(const Screen& screen) = 0; // gone from the stack (kept alive until done)
    virtual void closeWindow() = 0;

    // Switching: the stack is emptied and the new screen is the only one.
    virtual void showHome(const std::string& selectId = "") = 0;
    virtual void showProgress() = 0; // over home
    virtual void startRoutine(Routine routine) = 0;
    // A session ended (done, or stopped): what was held and whether the history kept it.
    virtual void showDone(const SessionEnd& end) = 0;
    virtual void routineStopped() = 0; // after "Stop the routine?": showDone for it, as the end
    virtual void openEditor(std::unique_ptr<EditorController> editor) = 0; // over home

    // Overlays and notes that need what the app knows.
    virtual void showHelp(KeyContext context) = 0;
    virtual void openCheckIn(Date night) = 0;
    virtual void showIndicator(const std::string& message, float level) = 0;
    virtual void routinesSaved(const std::string& id) = 0; // the editor wrote a routine file
    virtual void historyChanged() = 0;                     // a check-in was saved
    // Asks whether to remove a session of `night` (the latest one); removes it on yes.
    virtual void askToRemoveSession(Date night) = 0;
    // A session could not be written: home says so afterwards too.
    virtual void historyFailed(const std::string& error) { (void)error; }
    // The home screen's R: the bedtime reminder moves to its next time (or off); returns the
    // line that says what is set now.
    virtual std::string changeReminder() { return {}; }
};

// The commands every full screen answers alike, where its keymap has them: help for that screen's
// keys, and closing the window. True when `command` was one of them.
inline bool handleCommonCommand(Command command, KeyContext context, ScreenHost& host) {
    switch (command) {
    case Command::ShowHelp:
        host.showHelp(context);
        return true;
    case Command::CloseWindow:
        host.closeWindow();
        return true;
    default:
        return false;
    }
}

class Screen {
  public:
    virtual ~Screen() = default;

    // Which keymap rows apply (the help of this screen lists them).
    virtual KeyContext keyContext() const = 0;

    // An event for this screen; false passes it to the screen below (an overlay that only takes
    // some keys). The screen asks for a redraw through its return value being true.
    virtual bool handle(const sf::Event& event, ScreenHost& host) = 0;

    // Once a loop turn: time moved on (the session, self-closing overlays). True when what the
    // screen shows changed.
    virtual bool update(ScreenHost& host) {
        (void)host;
        return false;
    }
    // True when what the screen shows changed by itself since the last draw (a new second).
    virtual bool changed() { return false; }
    // Where, once changed() said so: everything, unless the screen knows (FramePresenter then
    // shows only that part of the frame).
    virtual FrameDamage changedPart() { return FrameDamage::everything(); }
    // The next moment the screen must be looked at again, if any.
    virtual std::optional<TimePoint> nextWakeup() const { return std::nullopt; }

    virtual void layout(sf::Vector2f size) = 0;
    virtual void draw(sf::RenderTarget& target) const = 0;
    // Drawn clipped to `part`: what lies wholly outside may be left out.
    virtual void drawPart(sf::RenderTarget& target, const sf::FloatRect& part) const {
        (void)part;
        draw(target);
    }
    // False for an overlay: the screens under it are drawn first.
    virtual bool opaque() const { return true; }
    // Where an overlay's words are (or its whole panel): the brief indicator keeps clear of them.
    virtual std::vector<sf::FloatRect> dialogParts() const { return {}; }
    // Help: what is pushed while it shows goes under it.
    virtual bool staysOnTop() const { return false; }
    // After a frame went to the screen (the session traces what it showed).
    virtual void presented() {}

    // What the app knows changed: the nights (null without a history), the routine files.
    virtual void statsChanged(const Stats* stats) { (void)stats; }
    virtual void routinesChanged(const std::string& selectId) { (void)selectId; }
    // The sound keys changed what will be heard (mute, volume, voice), or the screen is new.
    virtual void soundChanged(const SoundState& state) { (void)state; }

    // The window's close button: true when the screen keeps the window open (to ask first).
    virtual bool closeRequested(ScreenHost& host) {
        (void)host;
        return false;
    }
};

// A click's position, in window coordinates.
inline sf::Vector2f clickPoint(const sf::Event& event) {
    return {static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y)};
}

} // namespace ns
