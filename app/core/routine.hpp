// The routine model: stretches (from the catalog or inline), steps and routines, fully resolved.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ns {

enum class Sides { None, Left, Right, Both };

const char* toString(Sides sides);                          // "none", "left", "right", "both"
std::optional<Sides> sidesFromString(const std::string& s); // inverse; nullopt when unknown

// Built-in defaults, the last place a value is looked for (DESIGN: "first match wins").
inline constexpr int kDefaultPrepare = 5;
inline constexpr int kDefaultHold = 30;
inline constexpr int kDefaultReps = 1;
inline constexpr int kDefaultRest = 10;
inline constexpr int kDefaultSwitch = 5;

// Allowed ranges, in seconds (reps: count).
inline constexpr int kMinPrepare = 0, kMaxPrepare = 60;
inline constexpr int kMinHold = 5, kMaxHold = 300;
inline constexpr int kMinReps = 1, kMaxReps = 10;
inline constexpr int kMinRest = 0, kMaxRest = 120;
inline constexpr int kMinSwitch = 0, kMaxSwitch = 60;

// One entry of routines/stretches.toml.
struct Stretch {
    std::string id; // empty for an inline stretch
    std::string name;
    std::vector<std::string> muscles;
    Sides sides = Sides::None;
    std::optional<int> hold; // the catalog's suggested hold, if any
    std::vector<std::string> instructions;
    std::string caution;
    bool standing = false; // done standing: the voice says "hold on" (HEALTH.md "Safe at night")
};

// The stretch catalog, by id.
struct Catalog {
    std::map<std::string, Stretch> stretches;
    const Stretch* find(const std::string& id) const;
};

// A step with every value resolved (step, then [defaults], then catalog, then built-in).
struct Step {
    Stretch stretch;
    int prepare = kDefaultPrepare;
    int hold = kDefaultHold;
    int reps = kDefaultReps;
    int rest = kDefaultRest;
    int switchSeconds = kDefaultSwitch;
    Sides sides = Sides::None;
};

struct Routine {
    std::string id; // file name without ".toml"
    std::string name;
    std::string description;
    std::filesystem::path path; // where it was loaded from (empty for one built in memory)
    std::vector<Step> steps;
};

} // namespace ns
