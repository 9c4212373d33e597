// The steady sound badge: a short line in the bottom-right corner of home and of a session that
// always says whether the routine will be heard ("Sound off (M)", "Sound 70 % · Voice on"), so a
// person who will follow with eyes closed knows before they start.
#pragma once

#include "scene.hpp"
#include "theme.hpp"

#include <SFML/Graphics/Text.hpp>

#include <string>

namespace ns {

// What the sound keys (M, V, volume) have set, and whether there is a device at all.
struct SoundState {
    bool available = true; // an audio device opened
    bool muted = false;
    int volume = 70;        // 0..100
    bool voice = true;      // the setting
    bool voiceWorks = true; // false once the voice was found to be missing (no Flite voice)

    bool operator==(const SoundState& other) const;
    bool operator!=(const SoundState& other) const { return !(*this == other); }
};

// "Sound off (M)", "Sound 70 % · Voice on", "Sound 70 % · Voice off", "Sound 70 % · Voice
// unavailable", "Sound unavailable".
std::string soundBadgeText(const SoundState& state);
// True when nothing will be heard (muted, volume 0, no device): the badge says so in amber.
bool soundSilent(const SoundState& state);

class SoundBadge final : public Scene {
  public:
    // Right-aligned at `marginX` (of the width) from the right edge: the screen's own margin.
    SoundBadge(const Theme& theme, float marginX);

    // True when what it says changed (then it has been laid out again).
    bool set(const SoundState& state);
    const SoundState& state() const { return m_state; }
    std::string text() const { return soundBadgeText(m_state); }

    // In the bottom-right corner, below everything else on home and the session screen.
    void layout(sf::Vector2f size) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<sf::FloatRect> textBounds() const override;
    sf::FloatRect bounds() const { return m_text.getGlobalBounds(); }

  private:
    const Theme& m_theme;
    float m_marginX;
    SoundState m_state;
    sf::Vector2f m_size{1280.f, 800.f};
    sf::Text m_text;
};

} // namespace ns
