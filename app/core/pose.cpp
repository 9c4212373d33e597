// Pose files (assets/poses/ID.toml) read strictly, and the skeleton's geometry.
#include "pose.hpp"

#include "toml_check.hpp"

#include <spdlog/spdlog.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <system_error>

namespace ns {

namespace {

namespace fs = std::filesystem;

constexpr double kPi = 3.14159265358979323846;
// A pose file is a few dozen lines; anything bigger is a wrong file.
constexpr std::uintmax_t kMaxPoseBytes = std::uintmax_t{64} * 1024;
constexpr std::size_t kMaxProps = 8;
// A breath is a small change: more would look like a new movement, not breathing.
constexpr double kMaxBreathDegrees = 10, kMaxBreathMetres = 0.05;

const std::vector<std::string> kTopKeys = {"muscle", "start", "hold", "breathe", "props"};
const std::vector<std::string> kPoseKeys = {"pelvis", "trunk", "neck", "near", "far"};
const std::vector<std::string> kLimbKeys = {"shoulder", "elbow", "hip", "knee", "ankle"};
const std::vector<std::string> kPropKeys = {"kind", "x", "width", "top"};

Point along(Point from, double degrees, double length) {
    const double radians = degrees * kPi / 180.0;
    return {from.x + length * std::cos(radians), from.y + length * std::sin(radians)};
}

Skeleton::Limb limbOf(const Pose& pose, const LimbAngles& angles, Point shoulder) {
    using L = SegmentLengths;
    Skeleton::Limb limb;
    const double down = pose.trunk + 180; // along the body, from the neck toward the pelvis
    limb.shoulder = shoulder;
    const double upperArm = down + angles.shoulder;
    limb.elbow = along(shoulder, upperArm, L::kUpperArm);
    limb.hand = along(limb.elbow, upperArm + angles.elbow, L::kForearm);
    limb.hip = pose.pelvis;
    const double thigh = down + angles.hip;
    limb.knee = along(pose.pelvis, thigh, L::kThigh);
    const double shin = thigh + angles.knee;
    limb.ankle = along(limb.knee, shin, L::kShin);
    limb.toe = along(limb.ankle, shin + angles.ankle, L::kFoot);
    return limb;
}

double mix(double a, double b, double t) {
    return a + (b - a) * t;
}

LimbAngles mix(const LimbAngles& a, const LimbAngles& b, double t) {
    return {mix(a.shoulder, b.shoulder, t), mix(a.elbow, b.elbow, t), mix(a.hip, b.hip, t),
            mix(a.knee, b.knee, t), mix(a.ankle, b.ankle, t)};
}

// Reads one pose document, reporting every problem.
class PoseReader {
  public:
    explicit PoseReader(const std::string& sourceName) : m_check(sourceName) {}

    std::optional<PoseData> read(const toml::table& root) {
        m_check.rejectUnknownKeys(root, kTopKeys, "at the top level");
        PoseData data;
        if (const toml::node* node = root.get("muscle")) data.muscle = muscle(*node);
        const toml::table* start = requiredTable(root, "start");
        const toml::table* hold = requiredTable(root, "hold");
        if (start != nullptr) data.start = pose(*start, "[start]", Pose{}, false);
        if (hold != nullptr) data.hold = pose(*hold, "[hold]", data.start, false);
        if (const toml::node* node = root.get("breathe")) {
            if (const toml::table* breathe = node->as_table())
                data.breathe = pose(*breathe, "[breathe]", data.hold, true);
            else
                m_check.error(*node, "'breathe' must be a table: [breathe]");
        }
        if (const toml::node* node = root.get("props")) data.props = props(*node);
        if (m_check.hasErrors()) return std::nullopt;
        return data;
    }

    Diagnostics take() { return m_check.take(); }

  private:
    const toml::table* requiredTable(const toml::table& root, const char* key) {
        const toml::node* node = root.get(key);
        if (node == nullptr) {
            m_check.errorInFile(std::string("a pose file needs a [") + key + "] table");
            return nullptr;
        }
        if (const toml::table* table = node->as_table()) return table;
        m_check.error(*node, std::string("'") + key + "' must be a table: [" + key + "]");
        return nullptr;
    }

    Muscle muscle(const toml::node& node) {
        const auto text = node.value<std::string>();
        if (node.is_string() && text) {
            for (Muscle m : {Muscle::None, Muscle::Calf, Muscle::Hamstring, Muscle::Shin})
                if (*text == toString(m)) return m;
        }
        m_check.error(node, R"('muscle' must be "calf", "hamstring", "shin" or "none", not )" +
                                describeValue(node));
        return Muscle::None;
    }

    std::optional<double> number(const toml::node& node, const std::string& key, double min,
                                 double max, const char* unit) {
        std::optional<double> value;
        if (node.is_integer()) value = static_cast<double>(*node.value<int64_t>());
        if (node.is_floating_point()) value = *node.value<double>();
        if (value && std::isfinite(*value) && *value >= min && *value <= max) return value;
        std::ostringstream range;
        range << min << " to " << max;
        m_check.error(node, "'" + key + "' must be a number from " + range.str() + " " + unit +
                                ", not " + describeValue(node));
        return std::nullopt;
    }

    void angle(const toml::table& table, const char* key, double& out, bool change) {
        const toml::node* node = table.get(key);
        if (node == nullptr) return;
        const double limit = change ? kMaxBreathDegrees : 360;
        if (auto value = number(*node, key, change ? -limit : -360, limit, "degrees"))
            out += change ? *value : *value - out;
    }

    // Keys left out keep `base`'s values; a breath's keys are changes to `base`.
    Pose pose(const toml::table& table, const std::string& where, Pose base, bool change) {
        m_check.rejectUnknownKeys(table, kPoseKeys, "in " + where);
        if (const toml::node* node = table.get("pelvis")) pelvis(*node, base.pelvis, change);
        angle(table, "trunk", base.trunk, change);
        angle(table, "neck", base.neck, change);
        for (const char* side : {"near", "far"}) {
            const toml::node* node = table.get(side);
            if (node == nullptr) continue;
            const toml::table* limbs = node->as_table();
            if (limbs == nullptr) {
                m_check.error(*node, "'" + std::string(side) + "' in " + where +
                                         " must be a table of the joints' angles");
                continue;
            }
            LimbAngles& out = std::string(side) == "near" ? base.nearLimbs : base.farLimbs;
            const std::string inner = where.substr(0, where.size() - 1) + "." + side + "]";
            m_check.rejectUnknownKeys(*limbs, kLimbKeys, "in " + inner);
            angle(*limbs, "shoulder", out.shoulder, change);
            angle(*limbs, "elbow", out.elbow, change);
            angle(*limbs, "hip", out.hip, change);
            angle(*limbs, "knee", out.knee, change);
            angle(*limbs, "ankle", out.ankle, change);
        }
        return base;
    }

    void pelvis(const toml::node& node, Point& out, bool change) {
        const toml::array* pair = node.as_array();
        if (pair == nullptr || pair->size() != 2) {
            m_check.error(node, "'pelvis' must be two numbers, [x, y] in metres, not " +
                                    describeValue(node));
            return;
        }
        const double limit = change ? kMaxBreathMetres : 2;
        const auto x = number(*pair->get(0), "pelvis", -limit, limit, "metres");
        const auto y = number(*pair->get(1), "pelvis", change ? -limit : 0, limit, "metres");
        if (!x || !y) return;
        out = change ? Point{out.x + *x, out.y + *y} : Point{*x, *y};
    }

    std::vector<Prop> props(const toml::node& node) {
        std::vector<Prop> out;
        const toml::array* list = node.as_array();
        if (list == nullptr || !list->is_array_of_tables()) {
            m_check.error(node, "'props' must be a list of tables: [[props]]");
            return out;
        }
        if (list->size() > kMaxProps) {
            m_check.error(node, "a figure can have at most " + std::to_string(kMaxProps) +
                                    " props, this one has " + std::to_string(list->size()));
            return out;
        }
        for (const toml::node& item : *list) {
            const toml::table& table = *item.as_table();
            m_check.rejectUnknownKeys(table, kPropKeys, "in a [[props]] entry");
            Prop prop;
            const toml::node* kind = table.get("kind");
            const auto name = kind != nullptr ? kind->value<std::string>() : std::nullopt;
            bool known = false;
            for (PropKind k : {PropKind::Floor, PropKind::Wall, PropKind::Chair, PropKind::Bed,
                               PropKind::Towel, PropKind::Cushion})
                if (kind != nullptr && kind->is_string() && name && *name == toString(k)) {
                    prop.kind = k;
                    known = true;
                }
            if (!known) {
                const std::string message = R"(a prop's 'kind' must be "floor", "wall", "chair", )"
                                            R"("bed", "towel" or "cushion")";
                if (kind != nullptr)
                    m_check.error(*kind, message + ", not " + describeValue(*kind));
                else
                    m_check.error(table, message);
                continue;
            }
            if (const toml::node* x = table.get("x"))
                prop.x = number(*x, "x", -2, 2, "metres").value_or(0);
            if (const toml::node* w = table.get("width"))
                prop.width = number(*w, "width", 0, 2.5, "metres").value_or(0);
            if (const toml::node* t = table.get("top"))
                prop.top = number(*t, "top", 0, 1.5, "metres").value_or(0);
            out.push_back(prop);
        }
        return out;
    }

    TomlChecker m_check;
};

} // namespace

const char* toString(PropKind kind) {
    switch (kind) {
    case PropKind::Floor:
        return "floor";
    case PropKind::Wall:
        return "wall";
    case PropKind::Chair:
        return "chair";
    case PropKind::Bed:
        return "bed";
    case PropKind::Towel:
        return "towel";
    case PropKind::Cushion:
        return "cushion";
    }
    return "floor";
}

const char* toString(Muscle muscle) {
    switch (muscle) {
    case Muscle::None:
        return "none";
    case Muscle::Calf:
        return "calf";
    case Muscle::Hamstring:
        return "hamstring";
    case Muscle::Shin:
        return "shin";
    }
    return "none";
}

Skeleton skeletonOf(const Pose& pose) {
    using L = SegmentLengths;
    Skeleton s;
    s.pelvis = pose.pelvis;
    s.neck = along(pose.pelvis, pose.trunk, L::kTrunk);
    s.head = along(s.neck, pose.trunk + pose.neck, L::kNeck + L::kHeadRadius);
    const Point shoulder = along(pose.pelvis, pose.trunk, L::kTrunk * 0.92);
    s.nearLimb = limbOf(pose, pose.nearLimbs, shoulder);
    s.farLimb = limbOf(pose, pose.farLimbs, shoulder);
    return s;
}

Pose blend(const Pose& a, const Pose& b, double t) {
    Pose out;
    out.pelvis = {mix(a.pelvis.x, b.pelvis.x, t), mix(a.pelvis.y, b.pelvis.y, t)};
    out.trunk = mix(a.trunk, b.trunk, t);
    out.neck = mix(a.neck, b.neck, t);
    out.nearLimbs = mix(a.nearLimbs, b.nearLimbs, t);
    out.farLimbs = mix(a.farLimbs, b.farLimbs, t);
    return out;
}

PoseLoadResult parsePose(std::string_view text, const std::string& sourceName) {
    PoseLoadResult result;
    std::optional<toml::table> table = parseToml(text, sourceName, result.diagnostics);
    if (!table) return result;
    PoseReader reader(sourceName);
    result.pose = reader.read(*table);
    result.diagnostics = reader.take();
    if (!result.diagnostics.empty()) result.pose.reset();
    return result;
}

PoseLoadResult loadPoseFile(const fs::path& file) {
    PoseLoadResult result;
    const std::optional<std::string> text =
        readSmallFile(file, kMaxPoseBytes, "pose file", "a pose", result.diagnostics);
    if (!text) return result;
    return parsePose(*text, file.string());
}

const PoseData& PoseShelf::forStretch(const std::string& id) const {
    if (auto found = m_loaded.find(id); found != m_loaded.end()) return found->second;
    PoseData pose = neutralPose();
    std::error_code ec;
    const fs::path file = m_folder / (id + ".toml");
    if (!id.empty() && !m_folder.empty() && fs::exists(file, ec)) {
        PoseLoadResult loaded = loadPoseFile(file);
        for (const Diagnostic& d : loaded.diagnostics)
            spdlog::warn("{}; the neutral figure is shown", d.format());
        if (loaded.pose) pose = std::move(*loaded.pose);
    }
    return m_loaded.emplace(id, std::move(pose)).first->second;
}

PoseData neutralPose() {
    PoseData data;
    data.start.nearLimbs.shoulder = data.start.farLimbs.shoulder = 8;
    data.start.nearLimbs.elbow = data.start.farLimbs.elbow = 10;
    data.hold = data.start;
    data.props.push_back({PropKind::Floor, 0, 0, 0});
    return data;
}

PoseData restingPose() {
    PoseData data;
    Pose& lying = data.hold;
    lying.pelvis = {0.15, 0.56}; // on a mattress whose top is at 0.45 m
    lying.trunk = 180;           // the head to the left, the feet to the right
    lying.neck = -8;             // on a pillow
    for (LimbAngles* limbs : {&lying.nearLimbs, &lying.farLimbs}) {
        limbs->shoulder = 8; // by the sides, hands resting on the bed
        limbs->elbow = -6;
        limbs->hip = 45; // the knees up, the feet flat on the bed
        limbs->knee = -101;
        limbs->ankle = 56;
    }
    lying.farLimbs.hip = 38;
    lying.farLimbs.knee = -85.5;
    lying.farLimbs.ankle = 47.5;
    data.start = lying;
    data.props.push_back({PropKind::Bed, -0.85, 1.85, 0.45});
    data.props.push_back({PropKind::Floor, 0, 0, 0});
    return data;
}

} // namespace ns
