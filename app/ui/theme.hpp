// The look: a warm, dark night palette, the DejaVu fonts, and sizes that scale with the window.
#pragma once

#include "pose.hpp"

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Font.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace ns {

// Colours chosen for a dim bedroom: nothing bright, nothing blue, text slightly below full white.
namespace palette {
inline const sf::Color kBackground{28, 23, 20};    // #1c1714 very dark warm brown
inline const sf::Color kSurface{39, 32, 27};       // rows and panels
inline const sf::Color kSurfaceRaised{54, 43, 35}; // the selected row
inline const sf::Color kTrack{60, 49, 41};         // empty part of bars
inline const sf::Color kText{226, 213, 198};       // warm off-white, a little dimmed
inline const sf::Color kCountdown{216, 196, 170};  // warm cream: large, so a little softer
inline const sf::Color kTextSoft{196, 182, 166};   // instructions
inline const sf::Color kTextDim{150, 134, 118};    // hints, secondary facts
inline const sf::Color kAccent{224, 161, 90};      // #e0a15a amber
inline const sf::Color kAccentDim{160, 112, 64};   // amber for quieter things
inline const sf::Color kSage{150, 172, 136};       // rest
inline const sf::Color kError{214, 134, 104};      // soft terracotta for routine problems
inline const sf::Color kShade{16, 12, 10, 215};    // behind overlays
} // namespace palette

class Theme {
  public:
    // Loads DejaVu Sans and DejaVu Sans Bold from the first folder that has both. On failure,
    // `error` gets one sentence for the user.
    bool loadFonts(const std::vector<std::filesystem::path>& folders, std::string* error);

    // Where DejaVu is looked for: the app's assets first, then the usual system folders.
    static std::vector<std::filesystem::path> fontFolders(const std::filesystem::path& assetsDir);

    // The figures' pose data (assets/poses); without a folder every figure is the neutral one.
    void setPoseFolder(const std::filesystem::path& folder) { m_poses = PoseShelf(folder); }
    const PoseShelf& poses() const { return m_poses; }

    const sf::Font& regular() const { return m_regular; }
    const sf::Font& bold() const { return m_bold; }

    // Height of the digits' glyph box per unit of character size (bold font), for the countdown.
    float digitHeightRatio() const { return m_digitHeightRatio; }

  private:
    sf::Font m_regular;
    sf::Font m_bold;
    float m_digitHeightRatio = 0.73f;
    PoseShelf m_poses;
};

} // namespace ns
