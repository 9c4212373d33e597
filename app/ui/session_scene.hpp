// The session screen: phase, stretch, instructions, the big countdown with a draining bar, the
// stretch's figure (moving into position, breathing in a hold), what comes next, and the whole
// routine's progress. A view of a Session; it never changes it.
#pragma once

#include "banner.hpp"
#include "figure.hpp"
#include "figure_motion.hpp"
#include "frame_damage.hpp"
#include "layout.hpp"
#include "scene.hpp"
#include "session.hpp"
#include "sound_badge.hpp"
#include "theme.hpp"

#include <SFML/Graphics/Text.hpp>

#include <optional>
#include <string>
#include <vector>

namespace ns {

// "Get ready", "Hold — left leg", "Hold", "Switch sides", "Rest".
std::string phaseLabel(const Phase& phase);

// Everything the session screen shows, as plain values: the screen is redrawn only when this
// changes (a new second, a new phase, pause).
struct SessionView {
    PhaseKind kind = PhaseKind::Prepare;
    std::string phaseLabel;
    std::string position; // "Stretch 2 of 5 · round 1 of 2"
    std::string stretchName;
    std::vector<std::string> instructions;
    std::string caution;   // one line while getting ready and in every hold
    std::string countdown; // "25", "1:05"
    int countdownSeconds = 0;
    int phaseSeconds = 0;
    std::string next;     // "Next: Rest 10 s"
    std::string timeLeft; // "4:30 left"
    int remainingSeconds = 0;
    int totalSeconds = 0;
    bool paused = false;

    bool operator==(const SessionView& other) const;
    bool operator!=(const SessionView& other) const { return !(*this == other); }
};

SessionView describe(const Session& session);

// True when only the countdown and the time left differ (a new second within a phase).
bool sameButTheClock(const SessionView& a, const SessionView& b);

class SessionScene final : public Scene {
  public:
    // `reduceMotion`: the figure shows its hold pose at once and stands still.
    SessionScene(const Theme& theme, const Session& session, bool reduceMotion = false);

    // Reads the session again; true (and relaid out) when what is shown changed: a new second, a
    // new phase, or the figure having moved a pixel or more since it was last drawn.
    bool refresh();

    // When the figure will next have moved a pixel, so the window sleeps until then; nullopt
    // when it stands still (reduce_motion, a narrow window, paused, or a breath under a pixel).
    std::optional<TimePoint> nextFigureChange() const;

    // What changed on the screen since the last call: after a new second within a phase, where
    // the drawables differ (the countdown's changed digits, the bars' ends, the time left); after
    // anything else (a layout, a new phase, pausing), everything.
    FrameDamage takeDamage();

    // The steady sound badge, bottom right under the progress bar; not shown until set.
    void setSoundState(const SoundState& state);
    const SoundBadge* soundBadge() const { return m_soundShown ? &m_sound : nullptr; }
    // What is not being saved: beside the countdown in a wide window (the instructions keep
    // their room), else above "Next"; never over the countdown.
    void setBanner(const BannerText& banner);
    const Banner& banner() const { return m_banner; }

    void layout(sf::Vector2f size) override;
    void draw(sf::RenderTarget& target) const override;
    // Leaves out what lies wholly outside `part` (a frame shown in part: FramePresenter).
    void drawPart(sf::RenderTarget& target, const sf::FloatRect& part) const;
    std::vector<sf::FloatRect> textBounds() const override;
    // What those texts say, in the same order (UTF-8).
    std::vector<std::string> texts() const;

    const SessionView& view() const { return m_view; }
    const std::string& countdownText() const { return m_view.countdown; }
    sf::FloatRect countdownBounds() const { return m_countdown.getGlobalBounds(); }
    // Where the figure is drawn; nullopt when there is none (a window too small for it).
    std::optional<sf::FloatRect> figureBounds() const {
        return m_hasFigure ? std::optional<sf::FloatRect>(m_figure.bounds()) : std::nullopt;
    }
    const Pose& figurePose() const { return m_shownPose; } // as last drawn
    // The caution as shown, its lines joined (empty when none), and where it is; the
    // instruction lines as shown.
    std::string cautionShown() const;
    std::optional<sf::FloatRect> cautionBounds() const;
    std::size_t instructionLineCount() const { return m_instructionLines.size(); }
    std::vector<std::string> instructionLinesShown() const;
    unsigned instructionSize() const; // their character size (0 when none)

  private:
    void arrange(); // layout() without marking everything changed
    // What follows the clock (the countdown, the time left and what shares its row, the bars'
    // fills); the rest stays as it was laid out. Returns where the drawables changed.
    FrameDamage arrangeClock();
    void drawWithin(sf::RenderTarget& target, const sf::FloatRect* part) const;
    void layoutInstructions(float top, float bottom, float width);

    // The current stretch's figure beside the countdown in a wide window, above it in a narrow
    // one; sets where the countdown, its bar and the instructions go.
    void arrangeFigure();
    bool stepFigure(); // the figure in its pose now, if that is a pixel or more from the last

    const Theme& m_theme;
    const Session& m_session;
    Figure m_figure;
    bool m_hasFigure = false;
    bool m_reduceMotion = false;
    FigureMotion m_motion;
    Pose m_shownPose;
    float m_countdownCentreX = 640.f; // the countdown and its draining bar are centred here
    // Fractions of the height: the figure above the countdown moves these down.
    float m_countdownTop = 0.f;
    float m_countdownHeight = 0.f;
    float m_drainTop = 0.f;
    float m_instructionsTop = 0.f;
    sf::Vector2f m_size{1280.f, 800.f};
    SessionView m_view;

    sf::Text m_phase;
    sf::Text m_position;
    sf::Text m_name;
    sf::Text m_countdown;
    std::vector<sf::Text> m_instructionLines;
    std::vector<sf::Text> m_cautionLines; // none, or the caution's line (two if it must wrap)
    // What m_instructionLines were wrapped from.
    std::vector<std::string> m_wrappedInstructions;
    std::string m_wrappedCaution;
    sf::Vector2f m_wrappedSize;
    float m_wrappedTop = 0.f;
    sf::FloatRect m_wrappedAside;
    // Beside the countdown, right of it, where the banner goes in a wide window (empty: none).
    sf::FloatRect m_aside;
    sf::Text m_next;
    sf::Text m_timeLeft;
    RoundedRect m_drainTrack;
    RoundedRect m_drainFill;
    bool m_hasDrainFill = false;
    RoundedRect m_progressTrack;
    RoundedRect m_progressFill;
    bool m_hasProgressFill = false;
    FrameDamage m_damage = FrameDamage::everything();
    SoundBadge m_sound;
    bool m_soundShown = false;
    Banner m_banner;
};

} // namespace ns
