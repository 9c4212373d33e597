// The sound badge: its words from the sound state, set in the theme's palette at a size read from
// the floor, right-aligned in the strip under the screens' last row.
#include "sound_badge.hpp"

#include "layout.hpp"

#include <SFML/Graphics/RenderTarget.hpp>

namespace ns {
namespace {

constexpr float kSize = 0.032f;    // of the height: as large as the hints, read at arm's length
constexpr float kLineTop = 0.949f; // under home's footer and the session's progress bar
constexpr unsigned kMinSize = 14;

} // namespace

bool SoundState::operator==(const SoundState& other) const {
    return available == other.available && muted == other.muted && volume == other.volume &&
           voice == other.voice && voiceWorks == other.voiceWorks;
}

std::string soundBadgeText(const SoundState& state) {
    if (!state.available) return "Sound unavailable";
    if (state.muted) return "Sound off (M)";
    const char* voice = !state.voice ? "off" : state.voiceWorks ? "on" : "unavailable";
    return "Sound " + std::to_string(state.volume) + " % · Voice " + voice;
}

bool soundSilent(const SoundState& state) {
    return !state.available || state.muted || state.volume <= 0;
}

SoundBadge::SoundBadge(const Theme& theme, float marginX) : m_theme(theme), m_marginX(marginX) {}

bool SoundBadge::set(const SoundState& state) {
    if (state == m_state) return false;
    m_state = state;
    layout(m_size);
    return true;
}

void SoundBadge::layout(sf::Vector2f size) {
    m_size = size;
    const unsigned px = scaledSize(kSize, size.y, kMinSize);
    // Silent is worth noticing (a routine that will not be heard): amber, in bold.
    const bool silent = soundSilent(m_state);
    m_text = makeText(soundBadgeText(m_state), silent ? m_theme.bold() : m_theme.regular(), px,
                      silent ? palette::kAccent : palette::kTextSoft);
    shrinkToWidth(m_text, size.x * 0.5f, kMinSize);
    placeLine(m_text, size.x * (1.f - m_marginX), kLineTop * size.y, Align::Right);
}

void SoundBadge::draw(sf::RenderTarget& target) const {
    target.draw(m_text);
}

std::vector<sf::FloatRect> SoundBadge::textBounds() const {
    return {m_text.getGlobalBounds()};
}

} // namespace ns
