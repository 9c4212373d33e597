// Pose files on any bytes: a pose or diagnostics, never a crash; a pose that loads has a skeleton
// of finite joints.
#include "fuzz_support.hpp"
#include "pose.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ns;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const PoseLoadResult result = parsePose(text, "pose.toml");
    fuzz::requireDiagnosticsInside(result.diagnostics, text);
    fuzz::require(result.pose.has_value() == result.diagnostics.empty(), "a pose and diagnostics");
    if (result.pose) {
        for (const Pose& pose : {result.pose->start, result.pose->hold,
                                 blend(result.pose->start, result.pose->hold, 0.5)}) {
            const Skeleton s = skeletonOf(pose);
            for (const Point& p : {s.head, s.nearLimb.toe, s.farLimb.hand})
                fuzz::require(std::isfinite(p.x) && std::isfinite(p.y), "a joint is not finite");
        }
    }
    return 0;
}
