// Shared by the UI tests: the theme, a small routine built in C++, rendering a scene into a
// texture, saving it for a look, and measuring its pixels.
#pragma once

#include "scene.hpp"
#include "theme.hpp"

#include "routine.hpp"

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderTexture.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace ns::test {

// Loaded once; null when DejaVu is missing (the tests then fail with a clear message).
const Theme* theme();

// Two stretches: a calf stretch on both sides with two rounds, and a towel stretch with a hold
// over a minute (so the countdown shows "1:05").
Routine sampleRoutine();

// Lays out every scene at `size`, draws them in order on the background colour, returns the
// pixels.
sf::Image render(const std::vector<Scene*>& scenes, sf::Vector2u size);

// Saves under NS_ARTIFACTS_DIR (build/test-artifacts) for a person to look at.
void saveArtifact(const sf::Image& image, const std::string& name);

struct PixelStats {
    double meanLuminance = 0;
    double meanRed = 0, meanGreen = 0, meanBlue = 0;
    double brightFraction = 0; // luminance > 200
    double blueFraction = 0;   // blue clearly above red and green
};
PixelStats measure(const sf::Image& image);

// How many pixels differ between two images of the same size.
std::size_t differingPixels(const sf::Image& a, const sf::Image& b);

// True when `inner` lies inside a target of `size` (a pixel of slack for anti-aliasing).
bool inside(const sf::FloatRect& inner, sf::Vector2u size);

// Every text of `scene` inside the target (nothing cut off), and the picture night-friendly:
// dark, warm (red at least blue), almost nothing bright, no blue. `name` labels failures.
void expectFitsAndCalm(const Scene& scene, const sf::Image& image, sf::Vector2u size,
                       const std::string& name);

} // namespace ns::test
