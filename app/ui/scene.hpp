// What every screen and overlay is: laid out from the window size, drawn into any render target
// (a window, or a texture in tests), and able to say where its text is.
#pragma once

#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/System/Vector2.hpp>

#include <vector>

namespace ns {

class Scene {
  public:
    virtual ~Scene() = default;

    // Recomputes every position and size from the window size; everything scales from it.
    virtual void layout(sf::Vector2f size) = 0;
    virtual void draw(sf::RenderTarget& target) const = 0;

    // The bounds of every piece of text drawn, so tests can check that nothing is cut off.
    virtual std::vector<sf::FloatRect> textBounds() const = 0;
};

} // namespace ns
