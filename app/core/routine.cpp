// The routine model's small helpers: naming sides and looking stretches up in the catalog.
#include "routine.hpp"

namespace ns {

const char* toString(Sides sides) {
    switch (sides) {
    case Sides::None:
        return "none";
    case Sides::Left:
        return "left";
    case Sides::Right:
        return "right";
    case Sides::Both:
        return "both";
    }
    return "none";
}

std::optional<Sides> sidesFromString(const std::string& s) {
    // Exact, lower-case only: the file format is case-sensitive, like the rest of TOML.
    if (s == "none") return Sides::None;
    if (s == "left") return Sides::Left;
    if (s == "right") return Sides::Right;
    if (s == "both") return Sides::Both;
    return std::nullopt;
}

const Stretch* Catalog::find(const std::string& id) const {
    const auto it = stretches.find(id);
    return it == stretches.end() ? nullptr : &it->second;
}

} // namespace ns
