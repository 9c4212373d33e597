// The figure: props, then the far limbs (in shadow), the body, and the near limbs on top, all
// built as triangles in one vertex array, so a frame of the motion is one draw call.
#include "figure.hpp"

#include "theme.hpp"

#include <SFML/Graphics/RenderTarget.hpp>

#include <algorithm>
#include <cmath>

namespace ns {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kRoundSteps = 14; // segments of a half circle: smooth at the sizes shown

// Thicknesses, metres.
constexpr double kTrunkWidth = 0.20, kNeckWidth = 0.07;
constexpr double kThighWidth = 0.13, kShinWidth = 0.10, kFootWidth = 0.06;
constexpr double kUpperArmWidth = 0.085, kForearmWidth = 0.07;
constexpr double kWallHeight = 1.9, kWallDepth = 0.08, kBackrest = Prop::kChairBack;

const sf::Color kBody{150, 134, 118};   // the person: a warm grey-brown
const sf::Color kFar{98, 84, 72};       // the far limbs, in shadow
const sf::Color kMuscle{226, 138, 100}; // the muscle being stretched: a warmer amber
const sf::Color kProp{66, 54, 45};      // walls, chairs, beds: barely there
const sf::Color kPropEdge{84, 70, 58};
const sf::Color kTowel{170, 186, 150}; // sage, like the rest colour
const sf::Color kCushion{120, 96, 78}; // soft and warm, clear of the floor and the body

void addPoints(const Skeleton& s, std::vector<Point>& out) {
    out.insert(out.end(), {s.pelvis, s.neck, s.head});
    for (const Skeleton::Limb* limb : {&s.nearLimb, &s.farLimb})
        out.insert(out.end(), {limb->elbow, limb->hand, limb->knee, limb->ankle, limb->toe});
}

} // namespace

void Figure::set(const PoseData& data, FigureSide side, const sf::FloatRect& area,
                 bool stretching) {
    m_data = data;
    m_side = side;
    m_stretching = stretching;
    // What must fit: both poses and the props that stand in the figure's space.
    std::vector<Point> points;
    addPoints(skeletonOf(data.start), points);
    addPoints(skeletonOf(data.hold), points);
    double minX = 1e9;
    double maxX = -1e9;
    double maxY = -1e9;
    const double minY = 0; // the floor
    for (const Point& p : points) {
        minX = std::min(minX, p.x - 0.15);
        maxX = std::max(maxX, p.x + 0.15);
        maxY = std::max(maxY, p.y + 0.15);
    }
    for (const Prop& prop : data.props) {
        switch (prop.kind) {
        case PropKind::Wall:
            minX = std::min(minX, prop.x);
            maxX = std::max(maxX, prop.x + kWallDepth);
            break;
        case PropKind::Chair:
        case PropKind::Cushion:
        case PropKind::Bed: // the whole seat or mattress, so the floor runs under all of it
            minX = std::min(minX, prop.x);
            maxX = std::max(maxX, prop.x + prop.width);
            maxY = std::max(maxY, prop.top + (prop.kind == PropKind::Chair ? kBackrest : 0));
            break;
        default:
            break;
        }
    }
    m_minX = minX;
    m_maxX = maxX;
    const double width = maxX - minX;
    const double height = maxY - minY;
    m_scale = std::min(area.width / width, area.height / height);
    // Centred across, standing on the bottom of the area.
    m_originX = area.left + (area.width - width * m_scale) / 2;
    m_originY = area.top + area.height - (area.height - height * m_scale) / 2;
    m_drawn = {static_cast<float>(m_originX), static_cast<float>(m_originY - height * m_scale),
               static_cast<float>(width * m_scale), static_cast<float>(height * m_scale)};
    show(data.hold);
}

sf::FloatRect Figure::show(const Pose& pose) {
    const sf::VertexArray before = m_triangles;
    m_pose = pose;
    rebuild();
    // A triangle's pixels change when any of its corners moved; the same pose drawn the same way
    // gives the same triangles in the same order.
    if (before.getVertexCount() != m_triangles.getVertexCount()) return m_drawn;
    bool any = false;
    sf::Vector2f low;
    sf::Vector2f high;
    for (std::size_t i = 0; i + 2 < m_triangles.getVertexCount(); i += 3) {
        bool moved = false;
        for (std::size_t k = i; k < i + 3; ++k)
            moved = moved || before[k].position != m_triangles[k].position;
        if (!moved) continue;
        for (std::size_t k = i; k < i + 3; ++k)
            for (const sf::Vector2f& p : {before[k].position, m_triangles[k].position}) {
                low = any ? sf::Vector2f(std::min(low.x, p.x), std::min(low.y, p.y)) : p;
                high = any ? sf::Vector2f(std::max(high.x, p.x), std::max(high.y, p.y)) : p;
                any = true;
            }
    }
    if (!any) return {};
    return {low, high - low};
}

sf::Vector2f Figure::toScreen(Point p) const {
    // Mirrored for the right leg within the same box, so both sides take the same room.
    const double x = m_side == FigureSide::Left ? p.x - m_minX : m_maxX - p.x;
    return {static_cast<float>(m_originX + x * m_scale),
            static_cast<float>(m_originY - p.y * m_scale)};
}

void Figure::disc(Point centre, double radius, sf::Color colour) {
    const sf::Vector2f c = toScreen(centre);
    const auto r = static_cast<float>(radius * m_scale);
    const int steps = kRoundSteps * 2;
    for (int i = 0; i < steps; ++i) {
        const double a0 = 2 * kPi * i / steps;
        const double a1 = 2 * kPi * (i + 1) / steps;
        m_triangles.append({c, colour});
        m_triangles.append({c + sf::Vector2f(r * static_cast<float>(std::cos(a0)),
                                             r * static_cast<float>(std::sin(a0))),
                            colour});
        m_triangles.append({c + sf::Vector2f(r * static_cast<float>(std::cos(a1)),
                                             r * static_cast<float>(std::sin(a1))),
                            colour});
    }
}

void Figure::capsule(Point a, Point b, double thickness, sf::Color colour) {
    const sf::Vector2f p = toScreen(a);
    const sf::Vector2f q = toScreen(b);
    const sf::Vector2f along = q - p;
    const float length = std::hypot(along.x, along.y);
    const auto half = static_cast<float>(thickness * m_scale / 2);
    if (length > 0.5f) {
        const sf::Vector2f n(-along.y / length * half, along.x / length * half);
        for (const sf::Vector2f& v : {p + n, q + n, q - n, p + n, q - n, p - n})
            m_triangles.append({v, colour});
    }
    disc(a, thickness / 2, colour);
    disc(b, thickness / 2, colour);
}

void Figure::box(Point from, Point to, sf::Color colour) {
    const sf::Vector2f a = toScreen(from);
    const sf::Vector2f b = toScreen(to);
    const sf::Vector2f c(a.x, b.y);
    const sf::Vector2f d(b.x, a.y);
    for (const sf::Vector2f& v : {a, c, b, a, b, d})
        m_triangles.append({v, colour});
}

void Figure::rebuild() {
    m_triangles.clear();
    const Skeleton s = skeletonOf(m_pose);
    const Prop* towel = nullptr;
    for (const Prop& prop : m_data.props) {
        switch (prop.kind) {
        case PropKind::Floor:
            box({m_minX, -0.03}, {m_maxX, 0}, kPropEdge);
            break;
        case PropKind::Wall:
            box({prop.x, 0}, {prop.x + kWallDepth, kWallHeight}, kProp);
            break;
        case PropKind::Chair: {
            const double right = prop.x + prop.width;
            box({prop.x, prop.top - 0.05}, {right, prop.top}, kPropEdge);   // the seat
            box({prop.x, 0}, {prop.x + 0.04, prop.top + kBackrest}, kProp); // back and back legs
            box({right - 0.04, 0}, {right, prop.top}, kProp);               // front legs
            break;
        }
        case PropKind::Bed:
            box({prop.x, prop.top - 0.22}, {prop.x + prop.width, prop.top}, kProp); // mattress
            box({prop.x, prop.top - 0.02}, {prop.x + prop.width, prop.top}, kPropEdge);
            box({prop.x, 0}, {prop.x + 0.05, prop.top - 0.22}, kProp);
            box({prop.x + prop.width - 0.05, 0}, {prop.x + prop.width, prop.top - 0.22}, kProp);
            break;
        case PropKind::Towel:
            towel = &prop;
            break;
        case PropKind::Cushion: { // a rounded pad: a capsule lying on the floor
            const double r = prop.top / 2;
            capsule({prop.x + r, r}, {prop.x + prop.width - r, r}, prop.top, kCushion);
            break;
        }
        }
    }

    const auto leg = [&](const Skeleton::Limb& limb, sf::Color colour, bool near) {
        const sf::Color thigh = near && m_data.muscle == Muscle::Hamstring ? kMuscle : colour;
        const sf::Color shin = near && m_data.muscle == Muscle::Calf ? kMuscle : colour;
        capsule(limb.hip, limb.knee, kThighWidth, thigh);
        capsule(limb.knee, limb.ankle, kShinWidth, shin);
        if (near && m_data.muscle == Muscle::Shin) {
            // The front of the shin: the half of the lower leg on the side the foot points to
            // (the shin's line turned a quarter counterclockwise, whichever way the foot is bent).
            const double dx = limb.ankle.x - limb.knee.x;
            const double dy = limb.ankle.y - limb.knee.y;
            const double length = std::hypot(dx, dy);
            if (length > 0) {
                const double off = kShinWidth / 4;
                const Point front{-dy / length * off, dx / length * off};
                capsule({limb.knee.x + front.x, limb.knee.y + front.y},
                        {limb.ankle.x + front.x, limb.ankle.y + front.y}, kShinWidth / 2, kMuscle);
            }
        }
        capsule(limb.ankle, limb.toe, kFootWidth, colour);
        if (near) disc(limb.knee, kShinWidth / 2, colour); // the knee in the leg's own colour
    };
    const auto arm = [&](const Skeleton::Limb& limb, sf::Color colour) {
        capsule(limb.shoulder, limb.elbow, kUpperArmWidth, colour);
        capsule(limb.elbow, limb.hand, kForearmWidth, colour);
    };

    arm(s.farLimb, kFar);
    leg(s.farLimb, kFar, false);
    capsule(s.pelvis, s.neck, kTrunkWidth, kBody);
    capsule(s.neck, s.head, kNeckWidth, kBody);
    disc(s.head, SegmentLengths::kHeadRadius, kBody);
    if (m_stretching)
        leg(s.nearLimb, palette::kAccent, true);
    else
        leg(s.nearLimb, kBody, false);
    arm(s.nearLimb, kBody);
    if (towel != nullptr) {
        capsule(s.nearLimb.hand, s.nearLimb.toe, 0.025, kTowel);
        capsule(s.farLimb.hand, s.nearLimb.toe, 0.025, kTowel);
    }
}

void Figure::draw(sf::RenderTarget& target, sf::RenderStates states) const {
    target.draw(m_triangles, states);
}

} // namespace ns
