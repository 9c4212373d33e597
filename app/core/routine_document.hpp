// The routine as written in its file (values a step or [defaults] leaves out stay unset), and its
// resolution into a Routine by DESIGN's "first match wins".
#pragma once

#include "routine.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ns {

// The values a routine's [defaults] or one step may set; unset ones fall through.
struct TimingSpec {
    std::optional<int> prepare;
    std::optional<int> hold;
    std::optional<int> reps;
    std::optional<int> rest;
    std::optional<int> switchSeconds;
    std::optional<Sides> sides;

    bool empty() const { return !prepare && !hold && !reps && !rest && !switchSeconds && !sides; }
};

// One [[steps]] table. A catalog step has a stretchId and may reword the catalog entry; an inline
// step has no stretchId and needs a name.
struct StepSpec {
    std::string stretchId; // empty for an inline stretch
    std::string name;      // for a catalog step: empty keeps the catalog's name
    // Set only when the file says so: `caution = ""` on a catalog step removes the catalog's
    // caution, which an empty plain string could not tell from "not written".
    std::optional<std::vector<std::string>> instructions;
    std::optional<std::string> caution;
    std::optional<std::vector<std::string>> muscles;
    TimingSpec timing;

    bool isInline() const { return stretchId.empty(); }
};

struct RoutineDocument {
    std::string name;
    std::string description; // empty when the file has none
    TimingSpec defaults;
    std::vector<StepSpec> steps;
};

bool operator==(const TimingSpec& a, const TimingSpec& b);
bool operator==(const StepSpec& a, const StepSpec& b);
bool operator==(const RoutineDocument& a, const RoutineDocument& b);
inline bool operator!=(const TimingSpec& a, const TimingSpec& b) {
    return !(a == b);
}
inline bool operator!=(const StepSpec& a, const StepSpec& b) {
    return !(a == b);
}
inline bool operator!=(const RoutineDocument& a, const RoutineDocument& b) {
    return !(a == b);
}

// The whole-number timing values, for code that edits one of them by name.
enum class TimingField { Prepare, Hold, Reps, Rest, Switch };
inline constexpr TimingField kTimingFields[] = {TimingField::Prepare, TimingField::Hold,
                                                TimingField::Reps, TimingField::Rest,
                                                TimingField::Switch};

const char* timingKey(TimingField field);           // the file's key: "prepare"... "switch"
std::pair<int, int> timingRange(TimingField field); // allowed [min, max], from routine.hpp
bool timingInRange(TimingField field, int value);
int builtInDefault(TimingField field); // kDefaultPrepare...
std::optional<int>& timingValue(TimingSpec& timing, TimingField field);
const std::optional<int>& timingValue(const TimingSpec& timing, TimingField field);

// Resolves every value: the step, then [defaults], then the catalog entry of the step's stretch,
// then the built-in defaults. A stretch id missing from `catalog` (the parser reports it; an
// editor may meet it after the catalog changed) becomes an inline stretch named after the id.
Routine resolveRoutine(const RoutineDocument& document, const std::string& id,
                       const Catalog& catalog);

} // namespace ns
