// A stretch's figure, drawn from pose data (DESIGN "Figures (pose data)"): a person seen from the
// side with filled, rounded limbs in the warm palette, the stretched (near) leg in the accent
// colour, the target muscle tinted, and the props. Facing right for the left leg; the right leg's
// figure is its mirror image.
#pragma once

#include "pose.hpp"

#include <SFML/Graphics/Drawable.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/VertexArray.hpp>

namespace ns {

enum class FigureSide { Left, Right };

class Figure final : public sf::Drawable {
  public:
    // The figure of `data`, fitted (with room for both its start and hold poses, so it does not
    // change size as it moves) into `area`, showing `pose`.
    // `stretching` false: a figure at rest, no leg picked out.
    void set(const PoseData& data, FigureSide side, const sf::FloatRect& area,
             bool stretching = true);
    // Another pose of the same data (a step of the motion). Returns where the drawing changed:
    // the triangles that moved, before and after.
    sf::FloatRect show(const Pose& pose);

    // Where the figure's drawing lies, in target coordinates.
    sf::FloatRect bounds() const { return m_drawn; }
    double pixelsPerMetre() const { return m_scale; }

  private:
    void draw(sf::RenderTarget& target, sf::RenderStates states) const override;
    sf::Vector2f toScreen(Point p) const;
    void capsule(Point a, Point b, double thickness, sf::Color colour);
    void disc(Point centre, double radius, sf::Color colour);
    void box(Point from, Point to, sf::Color colour); // an axis-aligned rectangle
    void rebuild();

    PoseData m_data;
    Pose m_pose;
    FigureSide m_side = FigureSide::Left;
    bool m_stretching = true;
    double m_scale = 100; // pixels a metre
    double m_originX = 0, m_originY = 0;
    double m_minX = 0, m_maxX = 1;
    sf::FloatRect m_drawn;
    sf::VertexArray m_triangles{sf::Triangles};
};

} // namespace ns
