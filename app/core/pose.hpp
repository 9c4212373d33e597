// Pose data: how a stretch's figure stands, as a side view of a skeleton of named joints, read
// from assets/poses/ID.toml (DESIGN "Figures (pose data)"). Pure data and geometry; drawing is the
// window's. Loading never throws and never prints: a pose or FILE:LINE:COL diagnostics.
#pragma once

#include "diagnostic.hpp"

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ns {

struct Point {
    double x = 0; // metres, to the right (the way the figure faces for the left leg)
    double y = 0; // metres, up; the floor is y = 0
};

// The angles of one arm and one leg, in degrees, counterclockwise, each relative to its parent
// segment (shoulder and hip: to the trunk's line, pointing down the body at 0).
struct LimbAngles {
    double shoulder = 0; // the upper arm
    double elbow = 0;    // the forearm, to the upper arm
    double hip = 0;      // the thigh
    double knee = 0;     // the shin, to the thigh (0: the knee straight)
    double ankle = 90;   // the foot, to the shin (90: a right angle, the sole flat when standing)
};

struct Pose {
    Point pelvis{0, 0.95};
    double trunk = 90;    // pelvis to neck, absolute (90: upright)
    double neck = 0;      // the head, to the trunk
    LimbAngles nearLimbs; // the near side: the leg being stretched
    LimbAngles farLimbs;
};

enum class PropKind { Floor, Wall, Chair, Bed, Towel, Cushion };
const char* toString(PropKind kind);

// A prop in the figure's frame. Wall: its face at x. Chair and bed: a seat or mattress whose top
// is at `top`, from x to x + width. Floor: y = 0. Towel: from the near hand to the near toes.
// Cushion: a soft pad on the floor (under the knees), from x to x + width, `top` thick.
struct Prop {
    static constexpr double kChairBack = 0.5; // a chair's back rises this far above its seat, at x
    PropKind kind = PropKind::Floor;
    double x = 0;
    double width = 0;
    double top = 0;
};

enum class Muscle { None, Calf, Hamstring, Shin };
const char* toString(Muscle muscle);

struct PoseData {
    Muscle muscle = Muscle::None; // softly tinted on the near leg
    Pose start;                   // getting into position
    Pose hold;                    // the stretch
    std::optional<Pose> breathe;  // the hold with a breath in: a small change, slowly applied
    std::vector<Prop> props;
};

// The joints' places, found from a pose by walking the skeleton from the pelvis.
struct Skeleton {
    Point pelvis, neck, head; // head: the centre of the head
    struct Limb {
        Point shoulder, elbow, hand, hip, knee, ankle, toe;
    };
    Limb nearLimb, farLimb;
};
// Segment lengths, metres: an adult of about 1.7 m.
struct SegmentLengths {
    static constexpr double kTrunk = 0.52, kNeck = 0.12, kHeadRadius = 0.11;
    static constexpr double kUpperArm = 0.30, kForearm = 0.28;
    static constexpr double kThigh = 0.45, kShin = 0.43, kFoot = 0.19;
};
Skeleton skeletonOf(const Pose& pose);

// `a` moved toward `b` by t (0..1), joint by joint.
Pose blend(const Pose& a, const Pose& b, double t);

struct PoseLoadResult {
    std::optional<PoseData> pose; // set only when there are no diagnostics
    Diagnostics diagnostics;
};
PoseLoadResult parsePose(std::string_view text, const std::string& sourceName);
PoseLoadResult loadPoseFile(const std::filesystem::path& file);

// The pose of a stretch without pose data (a user's own stretch): standing at ease.
PoseData neutralPose();

// After the routine: lying on the back in bed, knees up, arms by the sides (the done screen).
PoseData restingPose();

// The pose files of a folder (assets/poses), each read once when first asked for. A stretch
// without one (a user's own), or whose file has mistakes, gets the neutral pose; the mistakes go
// to the log once.
class PoseShelf {
  public:
    PoseShelf() = default; // no folder: every stretch is neutral
    explicit PoseShelf(std::filesystem::path folder) : m_folder(std::move(folder)) {}
    const PoseData& forStretch(const std::string& id) const;

  private:
    std::filesystem::path m_folder;
    mutable std::map<std::string, PoseData> m_loaded;
};

} // namespace ns
