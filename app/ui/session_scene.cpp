#include "session_scene.hpp"

#include "format.hpp"

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Texture.hpp>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace ns {

namespace {

// Vertical grid, as fractions of the window height: fixed places, so nothing jumps about when
// a name or an instruction changes.
constexpr float kMarginX = 0.05f; // of the width
constexpr float kPhaseTop = 0.04f;
constexpr float kPhaseSize = 0.055f;
constexpr float kPositionSize = 0.032f;
constexpr float kNameTop = 0.108f;
constexpr float kNameSize = 0.066f;
constexpr float kCountdownTop = 0.245f;
constexpr float kCountdownHeight = 0.28f; // digit glyph height: the largest thing on screen
constexpr float kDrainTop = 0.56f;
constexpr float kDrainHeight = 0.016f;
constexpr float kInstructionsTop = 0.605f;
constexpr float kInstructionSize = 0.042f;
constexpr float kInstructionMinSize = 0.027f; // smaller still only to keep every line
constexpr float kCautionSize = 0.03f;         // one small line under the instructions
constexpr float kCautionMinSize = 0.025f;     // then it wraps: the caution is never cut
constexpr unsigned kSmallestInstructionPixels = 14;
constexpr float kAsideWidth = 0.27f; // of the width: the banner beside the countdown
constexpr float kNextTop = 0.85f;
constexpr float kNextSize = 0.04f;
constexpr float kProgressTop = 0.925f;
constexpr float kProgressHeight = 0.014f;
// A narrow window: the figure in a band above the countdown, which keeps a quarter of the height
// and moves down with its bar and the instructions.
constexpr float kNarrowFigureTop = 0.195f;
constexpr float kNarrowFigureBottom = 0.335f;
constexpr float kNarrowCountdownTop = 0.35f;
constexpr float kNarrowCountdownHeight = 0.262f;
constexpr float kNarrowDrainTop = 0.637f;
constexpr float kNarrowInstructionsTop = 0.672f;
// " …" built from its code point: a narrow literal goes through the locale and shows as boxes.
sf::String ellipsisMark() {
    return sf::String(" ") + sf::String(sf::Uint32{0x2026});
}
// Smaller than this, a figure cannot be made out: the window keeps the words instead.
constexpr float kSmallestFigurePixels = 72.f;

std::string sideWord(Side side) {
    return side == Side::Left ? "left" : side == Side::Right ? "right" : "";
}

int ceilSeconds(long long ms) {
    return static_cast<int>((std::max(0LL, ms) + 999) / 1000);
}

const std::string& stretchNameOf(const Session& session, int step) {
    static const std::string kEmpty;
    const auto& steps = session.routine().steps;
    if (step < 0 || static_cast<std::size_t>(step) >= steps.size()) return kEmpty;
    return steps[static_cast<std::size_t>(step)].stretch.name;
}

std::string nextText(const Session& session) {
    const Phase* next = session.nextPhaseInfo();
    if (!next) return "Next: all done";
    if (next->step != session.phase().step) return "Next: " + stretchNameOf(session, next->step);
    return "Next: " + phaseLabel(*next) + " " + std::to_string(next->durationSeconds) + " s";
}

// Like placeText centred, but steady from one second to the next, so that only the digits that
// changed are drawn again: centred on the pen's advance instead of the ink (DejaVu's digits all
// advance alike), and topped by the ink of a "0" instead of the digits shown (round digits rise a
// pixel above flat ones). Placing by the ink moved the whole countdown a pixel or a few most
// seconds.
void placeCountdown(sf::Text& text, float x, float top) {
    const float advance =
        text.findCharacterPos(text.getString().getSize()).x - text.findCharacterPos(0).x;
    const unsigned size = text.getCharacterSize();
    const float inkTop =
        static_cast<float>(size) + text.getFont()->getGlyph(U'0', size, false).bounds.top;
    text.setOrigin(std::round(advance / 2.f), std::round(inkTop));
    text.setPosition(std::round(x), std::round(top));
}

// Draws a text that sits on whole pixels without filtering its glyphs. Its texels then fall on
// pixel centres, where bilinear filtering gives exactly the nearest texel, at a good part of the
// cost of each pixel in software OpenGL (the countdown is most of a second's pixels). SFML 2.5
// smooths every page of a font and has no switch for it (2.6 has Font::setSmooth), so the page is
// set before each draw: SFML makes a new, smooth texture when a page grows.
void drawUnfiltered(sf::RenderTarget& target, const sf::Text& text) {
    if (const sf::Font* font = text.getFont()) {
        const sf::Texture& page = font->getTexture(text.getCharacterSize());
        const_cast<sf::Texture&>(page).setSmooth(false); // the Font's own page, not a const object
    }
    target.draw(text);
}

sf::Color phaseColour(PhaseKind kind) {
    return kind == PhaseKind::Rest ? palette::kSage : palette::kAccent;
}

sf::Color drainColour(PhaseKind kind) {
    switch (kind) {
    case PhaseKind::Hold:
        return palette::kAccent;
    case PhaseKind::Rest:
        return palette::kSage;
    default:
        return palette::kAccentDim;
    }
}

} // namespace

std::string phaseLabel(const Phase& phase) {
    switch (phase.kind) {
    case PhaseKind::Prepare:
        return "Get ready";
    case PhaseKind::Hold:
        if (phase.side == Side::None) return "Hold";
        return "Hold — " + sideWord(phase.side) + " leg";
    case PhaseKind::Switch:
        return "Switch sides";
    case PhaseKind::Rest:
        return "Rest";
    }
    return "";
}

bool sameButTheClock(const SessionView& a, const SessionView& b) {
    return std::tie(a.kind, a.phaseLabel, a.position, a.stretchName, a.instructions, a.caution,
                    a.phaseSeconds, a.next, a.totalSeconds, a.paused) ==
           std::tie(b.kind, b.phaseLabel, b.position, b.stretchName, b.instructions, b.caution,
                    b.phaseSeconds, b.next, b.totalSeconds, b.paused);
}

bool SessionView::operator==(const SessionView& o) const {
    return std::tie(kind, phaseLabel, position, stretchName, instructions, caution, countdown,
                    countdownSeconds, phaseSeconds, next, timeLeft, remainingSeconds, totalSeconds,
                    paused) == std::tie(o.kind, o.phaseLabel, o.position, o.stretchName,
                                        o.instructions, o.caution, o.countdown, o.countdownSeconds,
                                        o.phaseSeconds, o.next, o.timeLeft, o.remainingSeconds,
                                        o.totalSeconds, o.paused);
}

SessionView describe(const Session& session) {
    SessionView v;
    const Phase& phase = session.phase();
    const auto& steps = session.routine().steps;
    v.kind = phase.kind;
    v.phaseLabel = phaseLabel(phase);
    v.stretchName = stretchNameOf(session, phase.step);
    v.position =
        "Stretch " + std::to_string(phase.step + 1) + " of " + std::to_string(steps.size());
    if (phase.step >= 0 && static_cast<std::size_t>(phase.step) < steps.size()) {
        const Step& step = steps[static_cast<std::size_t>(phase.step)];
        if (step.reps > 1)
            v.position +=
                " · round " + std::to_string(phase.rep) + " of " + std::to_string(step.reps);
        switch (phase.kind) {
        case PhaseKind::Prepare:
        case PhaseKind::Hold: // the caution in every hold too: a cramp can start in any
            v.instructions = step.stretch.instructions;
            v.caution = step.stretch.caution;
            break;
        case PhaseKind::Switch: {
            const Phase* next = session.nextPhaseInfo();
            const std::string side = next ? sideWord(next->side) : "";
            v.instructions = {side.empty() ? "Change to the other side."
                                           : "Change to your " + side + " leg."};
            break;
        }
        case PhaseKind::Rest:
            v.instructions = {"Let go, and breathe slowly."};
            break;
        }
    }
    v.countdownSeconds = session.countdownSeconds();
    v.countdown = formatCountdown(v.countdownSeconds);
    v.phaseSeconds = phase.durationSeconds;
    v.next = nextText(session);
    v.remainingSeconds = ceilSeconds(session.totalRemainingMs());
    v.totalSeconds = session.timeline().totalSeconds;
    v.timeLeft = formatClock(v.remainingSeconds) + " left";
    v.paused = session.paused();
    return v;
}

SessionScene::SessionScene(const Theme& theme, const Session& session, bool reduceMotion)
    : m_theme(theme), m_session(session), m_reduceMotion(reduceMotion),
      m_countdownTop(kCountdownTop), m_countdownHeight(kCountdownHeight), m_drainTop(kDrainTop),
      m_instructionsTop(kInstructionsTop), m_sound(theme, kMarginX), m_banner(theme) {
    m_view = describe(m_session);
    m_banner.setCompact(true); // the why is in the log; the instructions keep their room
}

bool SessionScene::refresh() {
    SessionView fresh = describe(m_session);
    if (fresh == m_view) return stepFigure();
    // Only a new second is shown in part; a new phase, pausing and the rest are whole frames.
    const bool onlyTheClock = sameButTheClock(m_view, fresh);
    m_view = std::move(fresh);
    if (onlyTheClock) {
        m_damage.add(arrangeClock());
    } else {
        arrange();
        m_damage.addEverything();
    }
    stepFigure();
    return true;
}

bool SessionScene::stepFigure() {
    if (!m_hasFigure || !m_motion.moves()) return false;
    const Pose pose = m_motion.poseAt(m_session.phaseElapsedMs());
    if (largestJointMove(pose, m_shownPose) * m_figure.pixelsPerMetre() < 1.0) return false;
    m_shownPose = pose;
    const sf::FloatRect moved = m_figure.show(pose);
    if (moved.width <= 0 && moved.height <= 0) return false;
    m_damage.add(moved);
    return true;
}

std::optional<TimePoint> SessionScene::nextFigureChange() const {
    if (!m_hasFigure || !m_motion.moves() || m_session.paused() || m_session.finished() ||
        m_figure.pixelsPerMetre() <= 0)
        return std::nullopt;
    const long long now = m_session.phaseElapsedMs();
    const auto next = m_motion.nextChangeMs(now, m_shownPose, 1.0 / m_figure.pixelsPerMetre());
    if (!next) return std::nullopt;
    // The elapsed time is rounded down: waking this long from now is never early.
    return m_session.clock().now() + Millis(*next - now);
}

FrameDamage SessionScene::takeDamage() {
    FrameDamage damage = std::move(m_damage);
    m_damage.clear();
    return damage;
}

void SessionScene::setSoundState(const SoundState& state) {
    const bool changed = m_sound.set(state) || !m_soundShown;
    m_soundShown = true;
    if (!changed) return;
    m_sound.layout(m_size);
    m_damage.addEverything();
}

void SessionScene::setBanner(const BannerText& banner) {
    m_banner.set(banner);
    m_wrappedSize = {}; // the instructions' room changes
    layout(m_size);
}

void SessionScene::layout(sf::Vector2f size) {
    m_size = size;
    arrange();
    m_sound.layout(size);
    m_damage.addEverything();
}

namespace {

// Where the scene's parts go in a window of `size`: the same numbers for a whole layout and for a
// new second.
struct Grid {
    explicit Grid(sf::Vector2f size)
        : w(size.x), h(size.y), mx(kMarginX * w), contentWidth(w - 2.f * mx),
          drainWidth(std::min(contentWidth, std::max(0.5f * w, 0.62f * h))),
          drainHeight(std::max(4.f, kDrainHeight * h)),
          progressHeight(std::max(4.f, kProgressHeight * h)), nextSize(scaledSize(kNextSize, h)) {}
    float w, h, mx, contentWidth;
    float drainWidth, drainHeight;
    float progressHeight;
    unsigned nextSize;
};

} // namespace

void SessionScene::arrange() {
    const Grid g(m_size);
    const float w = g.w;
    const float h = g.h;
    const float mx = g.mx;
    const float contentWidth = g.contentWidth;
    const sf::Font& regular = m_theme.regular();
    const sf::Font& bold = m_theme.bold();

    // Top row: the phase on the left, where we are in the routine on the right.
    const unsigned phaseSize = scaledSize(kPhaseSize, h);
    m_phase = makeText(m_view.phaseLabel, bold, phaseSize, phaseColour(m_view.kind));
    shrinkToWidth(m_phase, contentWidth * 0.58f);
    placeLine(m_phase, mx, kPhaseTop * h);

    const unsigned positionSize = scaledSize(kPositionSize, h);
    m_position = makeText(m_view.position, regular, positionSize, palette::kTextDim);
    shrinkToWidth(m_position, contentWidth * 0.38f);
    // Share the phase label's baseline (SFML puts the baseline at top + character size).
    placeLine(m_position, w - mx,
              kPhaseTop * h + static_cast<float>(phaseSize) -
                  static_cast<float>(m_position.getCharacterSize()),
              Align::Right);

    // The stretch, centred.
    m_name = makeText(m_view.stretchName, bold, scaledSize(kNameSize, h), palette::kText);
    shrinkToWidth(m_name, contentWidth);
    placeLine(m_name, w / 2.f, kNameTop * h, Align::Center);

    // The tracks of the draining bar (under the countdown) and of the routine's progress.
    m_drainTrack = RoundedRect({g.drainWidth, g.drainHeight}, g.drainHeight / 2.f, palette::kTrack);
    arrangeFigure(); // decides where the countdown's centre is
    m_drainTrack.setPosition(m_countdownCentreX - g.drainWidth / 2.f, m_drainTop * h);
    m_progressTrack =
        RoundedRect({contentWidth, g.progressHeight}, g.progressHeight / 2.f, palette::kTrack);
    m_progressTrack.setPosition(mx, kProgressTop * h);

    arrangeClock();

    // Wrapping is most of the layout's cost and the words change only with the phase.
    if (m_view.instructions != m_wrappedInstructions || m_view.caution != m_wrappedCaution ||
        m_size != m_wrappedSize || m_instructionsTop != m_wrappedTop || m_aside != m_wrappedAside) {
        float instructionsBottom = kNextTop * h - 0.015f * h;
        if (m_aside.width > 0.f) {
            // Beside the countdown, centred on its height: the instructions keep their band.
            const float height = m_banner.layout(m_aside.left, m_aside.top + m_aside.height,
                                                 m_aside.width, m_aside.height, h);
            m_banner.layout(m_aside.left,
                            m_aside.top + (m_aside.height + std::min(height, m_aside.height)) / 2.f,
                            m_aside.width, m_aside.height, h);
        } else if (m_banner.layout(mx, kNextTop * h - 0.012f * h, contentWidth, 0.2f * h, h) >
                   0.f) {
            // Above "Next", and the instructions end above it.
            instructionsBottom = m_banner.box().top - 0.015f * h;
        }
        layoutInstructions(m_instructionsTop * h, instructionsBottom, contentWidth * 0.92f);
        m_wrappedInstructions = m_view.instructions;
        m_wrappedCaution = m_view.caution;
        m_wrappedSize = m_size;
        m_wrappedTop = m_instructionsTop;
        m_wrappedAside = m_aside;
    }
}

void SessionScene::arrangeFigure() {
    const Grid g(m_size);
    m_hasFigure = false;
    m_aside = {};
    m_countdownCentreX = g.w / 2.f;
    m_countdownTop = kCountdownTop;
    m_countdownHeight = kCountdownHeight;
    m_drainTop = kDrainTop;
    m_instructionsTop = kInstructionsTop;
    if (m_session.finished()) return;
    const float top = (kNameTop + kNameSize * 1.5f) * g.h;
    sf::FloatRect area;
    if (g.w >= 1.2f * g.h) {
        // The figure and the countdown at its widest this phase, side by side and centred
        // together, so neither moves during the phase.
        const float digitRatio = std::max(0.3f, m_theme.digitHeightRatio());
        sf::Text widest =
            makeText(formatCountdown(m_view.phaseSeconds), m_theme.bold(),
                     scaledSize(kCountdownHeight / digitRatio, g.h), palette::kCountdown);
        shrinkToWidth(widest, g.contentWidth);
        const float countdownWidth = widest.getLocalBounds().width;
        const float gap = 0.03f * g.w;
        // A banner goes right of the countdown, where the window has room to spare.
        const float asideWidth = m_banner.shown() ? kAsideWidth * g.w : 0.f;
        const float asideGap = m_banner.shown() ? gap : 0.f;
        const float figureWidth =
            std::min(0.3f * g.w, g.contentWidth - countdownWidth - gap - asideGap - asideWidth);
        const float bottom = kDrainTop * g.h - 0.035f * g.h; // clear of the draining bar
        if (figureWidth < 0.12f * g.w || bottom - top < 0.15f * g.h) return;
        const float left =
            (g.w - (figureWidth + gap + countdownWidth + asideGap + asideWidth)) / 2.f;
        m_countdownCentreX = std::round(left + figureWidth + gap + countdownWidth / 2.f);
        area = {left, top, figureWidth, bottom - top};
        if (asideWidth > 0.f)
            m_aside = {left + figureWidth + gap + countdownWidth + asideGap, top, asideWidth,
                       bottom - top};
    } else {
        // Narrow: above the countdown, which moves down and stays a quarter of the height.
        const float bandTop = kNarrowFigureTop * g.h; // just clear of the name
        const float bandBottom = kNarrowFigureBottom * g.h;
        if (bandBottom - bandTop < kSmallestFigurePixels) return; // too small for both
        m_countdownTop = kNarrowCountdownTop;
        m_countdownHeight = kNarrowCountdownHeight;
        m_drainTop = kNarrowDrainTop;
        m_instructionsTop = kNarrowInstructionsTop;
        area = {g.mx, bandTop, g.contentWidth, bandBottom - bandTop};
    }

    const Phase& phase = m_session.phase();
    const Step& step = m_session.routine().steps[static_cast<std::size_t>(phase.step)];
    // Resting: standing at ease; otherwise the stretch as it is held.
    const PoseData& pose = phase.kind == PhaseKind::Rest
                               ? m_theme.poses().forStretch("")
                               : m_theme.poses().forStretch(step.stretch.id);
    const FigureSide side = phase.side == Side::Right ? FigureSide::Right : FigureSide::Left;
    m_figure.set(pose, side, area);
    m_motion = FigureMotion(pose, phase.kind, m_reduceMotion);
    m_shownPose = m_motion.poseAt(m_session.phaseElapsedMs());
    m_figure.show(m_shownPose);
    m_hasFigure = true;
}

FrameDamage SessionScene::arrangeClock() {
    const Grid g(m_size);
    const float w = g.w;
    const float h = g.h;
    const float mx = g.mx;
    const float contentWidth = g.contentWidth;
    const sf::Font& regular = m_theme.regular();
    const sf::Font& bold = m_theme.bold();
    // As shown until now, to find what changed.
    const sf::Text countdownBefore = m_countdown;
    const sf::Text timeLeftBefore = m_timeLeft;
    const sf::Text nextBefore = m_next;
    const RoundedRect drainFillBefore = m_drainFill;
    const RoundedRect progressFillBefore = m_progressFill;
    const bool hadDrainFill = m_hasDrainFill;
    const bool hadProgressFill = m_hasProgressFill;

    // The countdown: its digits are kCountdownHeight of the window.
    const float digitRatio = std::max(0.3f, m_theme.digitHeightRatio());
    m_countdown = makeText(m_view.countdown, bold, scaledSize(m_countdownHeight / digitRatio, h),
                           palette::kCountdown);
    shrinkToWidth(m_countdown, contentWidth);
    placeCountdown(m_countdown, m_countdownCentreX, m_countdownTop * h);

    // The draining bar under it: full at the start of the phase, empty at its end.
    const float drainFraction =
        m_view.phaseSeconds > 0
            ? std::clamp(static_cast<float>(m_view.countdownSeconds) / m_view.phaseSeconds, 0.f,
                         1.f)
            : 0.f;
    m_hasDrainFill = drainFraction > 0.f;
    m_drainFill =
        RoundedRect({std::max(g.drainHeight, g.drainWidth * drainFraction), g.drainHeight},
                    g.drainHeight / 2.f, drainColour(m_view.kind));
    m_drainFill.setPosition(m_countdownCentreX - g.drainWidth / 2.f, m_drainTop * h);

    // Bottom: what comes next on the left, time left on the right, the routine's progress.
    m_timeLeft = makeText(m_view.timeLeft, regular, g.nextSize, palette::kTextSoft);
    shrinkToWidth(m_timeLeft, contentWidth * 0.3f);
    placeLine(m_timeLeft, w - mx, kNextTop * h, Align::Right);
    // "Next:" is cut to what the time left leaves of the row.
    m_next = makeText(m_view.next, regular, g.nextSize, palette::kTextSoft);
    const float timeLeftWidth = m_timeLeft.getLocalBounds().width;
    m_next.setString(ellipsize(m_next.getString(), regular, g.nextSize,
                               contentWidth - timeLeftWidth - 0.04f * w));
    placeLine(m_next, mx, kNextTop * h);

    const float progress =
        m_view.totalSeconds > 0
            ? std::clamp(1.f - static_cast<float>(m_view.remainingSeconds) / m_view.totalSeconds,
                         0.f, 1.f)
            : 0.f;
    m_hasProgressFill = progress > 0.f;
    m_progressFill =
        RoundedRect({std::max(g.progressHeight, contentWidth * progress), g.progressHeight},
                    g.progressHeight / 2.f, palette::kAccentDim);
    m_progressFill.setPosition(mx, kProgressTop * h);

    FrameDamage damage;
    if (hadDrainFill != m_hasDrainFill || hadProgressFill != m_hasProgressFill) {
        damage.addEverything();
        return damage;
    }
    damage.add(textChange(countdownBefore, m_countdown));
    damage.add(textChange(timeLeftBefore, m_timeLeft));
    damage.add(textChange(nextBefore, m_next));
    damage.add(shapeChange(drainFillBefore, m_drainFill));
    damage.add(shapeChange(progressFillBefore, m_progressFill));
    return damage;
}

// Wraps the instructions into the band between the bar and the bottom row, shrinking the text
// until every line fits (cut with "…" only below the smallest readable size); the caution is one
// small line kept at the band's foot, wrapped when even its smallest size is too wide: never cut.
void SessionScene::layoutInstructions(float top, float bottom, float width) {
    const float h = m_size.y;
    const sf::Font& font = m_theme.regular();
    const unsigned maxSize = scaledSize(kInstructionSize, h);
    const unsigned minSize =
        std::min(maxSize, scaledSize(kInstructionMinSize, h, kSmallestInstructionPixels));
    auto spacingFor = [&font](unsigned size) { return font.getLineSpacing(size) * 1.08f; };

    m_cautionLines.clear();
    if (!m_view.caution.empty()) {
        sf::Text caution =
            makeText(m_view.caution, font, scaledSize(kCautionSize, h), palette::kAccentDim);
        shrinkToWidth(caution, width, scaledSize(kCautionMinSize, h)); // readable, then wrapped
        const unsigned size = caution.getCharacterSize();
        const std::vector<sf::String> lines = wrapText(m_view.caution, font, size, width);
        const float cautionSpacing = spacingFor(size);
        bottom = std::max(top, bottom - static_cast<float>(lines.size()) * cautionSpacing);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            sf::Text line(lines[i], font, size);
            line.setFillColor(palette::kAccentDim);
            placeLine(line, m_size.x / 2.f, bottom + static_cast<float>(i) * cautionSpacing,
                      Align::Center);
            m_cautionLines.push_back(line);
        }
    }

    std::vector<sf::String> lines;
    auto wrapAll = [&](unsigned size) {
        lines.clear();
        for (const auto& instruction : m_view.instructions)
            for (auto& l : wrapText(instruction, font, size, width))
                lines.push_back(l);
    };
    unsigned size = maxSize;
    bool fitted = false;
    for (size = maxSize;; size = std::max(minSize, size - std::max(1u, size / 14))) {
        wrapAll(size);
        if (static_cast<float>(lines.size()) * spacingFor(size) <= bottom - top) {
            fitted = true;
            break;
        }
        if (size == minSize) break;
    }
    const float spacing = spacingFor(size);
    if (!fitted) {
        const auto fits = static_cast<std::size_t>(std::max(0.f, (bottom - top) / spacing));
        if (lines.size() > fits) {
            lines.resize(fits);
            if (!lines.empty())
                lines.back() = ellipsize(lines.back() + ellipsisMark(), font, size, width);
        }
    }
    m_instructionLines.clear();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        sf::Text text(lines[i], font, size);
        text.setFillColor(palette::kTextSoft);
        placeLine(text, m_size.x / 2.f, top + static_cast<float>(i) * spacing, Align::Center);
        m_instructionLines.push_back(text);
    }
}

std::string SessionScene::cautionShown() const {
    std::string shown;
    for (const auto& line : m_cautionLines)
        shown += (shown.empty() ? "" : " ") + utf8Of(line);
    return shown;
}

std::optional<sf::FloatRect> SessionScene::cautionBounds() const {
    if (m_cautionLines.empty()) return std::nullopt;
    sf::FloatRect bounds;
    for (const auto& line : m_cautionLines)
        bounds = unite(bounds, line.getGlobalBounds());
    return bounds;
}

std::vector<std::string> SessionScene::instructionLinesShown() const {
    std::vector<std::string> shown;
    for (const auto& line : m_instructionLines)
        shown.push_back(utf8Of(line));
    return shown;
}

unsigned SessionScene::instructionSize() const {
    return m_instructionLines.empty() ? 0u : m_instructionLines.front().getCharacterSize();
}

void SessionScene::draw(sf::RenderTarget& target) const {
    drawWithin(target, nullptr);
}

void SessionScene::drawPart(sf::RenderTarget& target, const sf::FloatRect& part) const {
    drawWithin(target, &part);
}

// Each drawable left out saves its vertices going through the renderer once a rectangle.
void SessionScene::drawWithin(sf::RenderTarget& target, const sf::FloatRect* part) const {
    auto draw = [&target, part](const auto& drawable) {
        if (!part || mayTouch(drawable.getGlobalBounds(), *part)) target.draw(drawable);
    };
    draw(m_phase);
    draw(m_position);
    draw(m_name);
    if (part == nullptr || mayTouch(m_countdown.getGlobalBounds(), *part))
        drawUnfiltered(target, m_countdown);
    if (m_hasFigure && (part == nullptr || mayTouch(m_figure.bounds(), *part)))
        target.draw(m_figure);
    draw(m_drainTrack);
    if (m_hasDrainFill) draw(m_drainFill);
    for (const auto& line : m_instructionLines)
        draw(line);
    if (m_banner.shown() && (part == nullptr || mayTouch(m_banner.box(), *part)))
        m_banner.draw(target);
    for (const auto& line : m_cautionLines)
        draw(line);
    draw(m_next);
    draw(m_timeLeft);
    draw(m_progressTrack);
    if (m_hasProgressFill) draw(m_progressFill);
    if (m_soundShown && (part == nullptr || mayTouch(m_sound.bounds(), *part)))
        m_sound.draw(target);
}

std::vector<std::string> SessionScene::texts() const {
    std::vector<std::string> strings{utf8Of(m_phase),     utf8Of(m_position), utf8Of(m_name),
                                     utf8Of(m_countdown), utf8Of(m_next),     utf8Of(m_timeLeft)};
    if (m_soundShown) strings.push_back(m_sound.text());
    for (const auto& line : m_instructionLines)
        strings.push_back(utf8Of(line));
    for (const auto& line : m_cautionLines)
        strings.push_back(utf8Of(line));
    for (const auto& line : m_banner.texts())
        strings.push_back(line);
    return strings;
}

std::vector<sf::FloatRect> SessionScene::textBounds() const {
    std::vector<sf::FloatRect> bounds{m_phase.getGlobalBounds(), m_position.getGlobalBounds(),
                                      m_name.getGlobalBounds(),  m_countdown.getGlobalBounds(),
                                      m_next.getGlobalBounds(),  m_timeLeft.getGlobalBounds()};
    if (m_soundShown) bounds.push_back(m_sound.bounds());
    for (const auto& line : m_instructionLines)
        bounds.push_back(line.getGlobalBounds());
    for (const auto& line : m_cautionLines)
        bounds.push_back(line.getGlobalBounds());
    for (const auto& b : m_banner.textBounds()) // last: tests find the banner's lines there
        bounds.push_back(b);
    return bounds;
}

} // namespace ns
