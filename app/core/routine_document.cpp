// The routine as written, and its resolution into a Routine ("first match wins").
#include "routine_document.hpp"

namespace ns {

namespace {

template <typename T>
T firstOf(const std::optional<T>& a, const std::optional<T>& b, const std::optional<T>& c,
          T fallback) {
    if (a) return *a;
    if (b) return *b;
    if (c) return *c;
    return fallback;
}

Step resolveStep(const StepSpec& spec, const TimingSpec& defaults, const Catalog& catalog) {
    Step step;
    const Stretch* entry = spec.isInline() ? nullptr : catalog.find(spec.stretchId);
    if (entry) {
        step.stretch = *entry;
    } else if (!spec.isInline()) {
        step.stretch.id = spec.stretchId;
        step.stretch.name = spec.stretchId;
    }
    if (!spec.name.empty()) step.stretch.name = spec.name;
    // A step may reword a catalog stretch for its routine.
    if (spec.instructions) step.stretch.instructions = *spec.instructions;
    if (spec.muscles) step.stretch.muscles = *spec.muscles;
    if (spec.caution) step.stretch.caution = *spec.caution;

    const TimingSpec& own = spec.timing;
    // The catalog's hold folds into the fallback (an optional here trips GCC 12's
    // maybe-uninitialized false positive at -O2).
    const int catalogHoldOrDefault = entry && entry->hold ? *entry->hold : kDefaultHold;
    const std::optional<Sides> catalogSides =
        entry ? std::optional<Sides>(entry->sides) : std::nullopt;
    const std::optional<int> none; // the catalog has no say in these
    step.prepare = firstOf(own.prepare, defaults.prepare, none, kDefaultPrepare);
    step.hold = firstOf(own.hold, defaults.hold, none, catalogHoldOrDefault);
    step.reps = firstOf(own.reps, defaults.reps, none, kDefaultReps);
    step.rest = firstOf(own.rest, defaults.rest, none, kDefaultRest);
    step.switchSeconds = firstOf(own.switchSeconds, defaults.switchSeconds, none, kDefaultSwitch);
    step.sides = firstOf(own.sides, defaults.sides, catalogSides, Sides::None);
    if (!entry) step.stretch.sides = step.sides; // an inline stretch is what its step says
    return step;
}

} // namespace

bool operator==(const TimingSpec& a, const TimingSpec& b) {
    return a.prepare == b.prepare && a.hold == b.hold && a.reps == b.reps && a.rest == b.rest &&
           a.switchSeconds == b.switchSeconds && a.sides == b.sides;
}

bool operator==(const StepSpec& a, const StepSpec& b) {
    return a.stretchId == b.stretchId && a.name == b.name && a.instructions == b.instructions &&
           a.caution == b.caution && a.muscles == b.muscles && a.timing == b.timing;
}

bool operator==(const RoutineDocument& a, const RoutineDocument& b) {
    return a.name == b.name && a.description == b.description && a.defaults == b.defaults &&
           a.steps == b.steps;
}

const char* timingKey(TimingField field) {
    switch (field) {
    case TimingField::Prepare:
        return "prepare";
    case TimingField::Hold:
        return "hold";
    case TimingField::Reps:
        return "reps";
    case TimingField::Rest:
        return "rest";
    case TimingField::Switch:
        return "switch";
    }
    return "hold";
}

std::pair<int, int> timingRange(TimingField field) {
    switch (field) {
    case TimingField::Prepare:
        return {kMinPrepare, kMaxPrepare};
    case TimingField::Hold:
        return {kMinHold, kMaxHold};
    case TimingField::Reps:
        return {kMinReps, kMaxReps};
    case TimingField::Rest:
        return {kMinRest, kMaxRest};
    case TimingField::Switch:
        return {kMinSwitch, kMaxSwitch};
    }
    return {0, 0};
}

bool timingInRange(TimingField field, int value) {
    const auto [min, max] = timingRange(field);
    return value >= min && value <= max;
}

int builtInDefault(TimingField field) {
    switch (field) {
    case TimingField::Prepare:
        return kDefaultPrepare;
    case TimingField::Hold:
        return kDefaultHold;
    case TimingField::Reps:
        return kDefaultReps;
    case TimingField::Rest:
        return kDefaultRest;
    case TimingField::Switch:
        return kDefaultSwitch;
    }
    return 0;
}

std::optional<int>& timingValue(TimingSpec& timing, TimingField field) {
    switch (field) {
    case TimingField::Prepare:
        return timing.prepare;
    case TimingField::Hold:
        return timing.hold;
    case TimingField::Reps:
        return timing.reps;
    case TimingField::Rest:
        return timing.rest;
    case TimingField::Switch:
        return timing.switchSeconds;
    }
    return timing.hold;
}

const std::optional<int>& timingValue(const TimingSpec& timing, TimingField field) {
    return timingValue(const_cast<TimingSpec&>(timing), field);
}

Routine resolveRoutine(const RoutineDocument& document, const std::string& id,
                       const Catalog& catalog) {
    Routine routine;
    routine.id = id;
    routine.name = document.name;
    routine.description = document.description;
    routine.steps.reserve(document.steps.size());
    for (const StepSpec& spec : document.steps)
        routine.steps.push_back(resolveStep(spec, document.defaults, catalog));
    return routine;
}

} // namespace ns
