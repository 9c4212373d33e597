// The shipped catalog and routines: they load cleanly, hold what the brief asks, and fit bedtime.
#include "about_text.hpp"
#include "phrase_plan.hpp"
#include "relief.hpp"
#include "routine_loader.hpp"
#include "timeline.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

namespace ns {
namespace {

std::string listDiagnostics(const Diagnostics& diagnostics) {
    std::string out;
    for (const Diagnostic& diagnostic : diagnostics)
        out += "  " + diagnostic.format() + "\n";
    return out;
}

const RoutineLibrary& library() {
    static const RoutineLibrary loaded = RoutineLibrary::load(NS_ROUTINES_DIR, {});
    return loaded;
}

const Routine& routine(const std::string& id) {
    const RoutineEntry* entry = library().find(id);
    if (!entry || !entry->result.ok()) throw std::runtime_error("routine '" + id + "' not loaded");
    return *entry->result.routine;
}

// DESIGN's timeline rules, restated here so these tests don't depend on the timeline's code:
// prepare, then per rep per side a hold, a switch between left and right, a rest between reps.
int designTotalSeconds(const Routine& r) {
    int total = 0;
    for (const Step& step : r.steps) {
        const int sides = step.sides == Sides::Both ? 2 : 1;
        const int perRep = sides * step.hold + (sides == 2 ? step.switchSeconds : 0);
        total += step.prepare + step.reps * perRep + (step.reps - 1) * step.rest;
    }
    return total;
}

std::vector<std::string> stretchIds(const Routine& r) {
    std::vector<std::string> ids;
    for (const Step& step : r.steps)
        ids.push_back(step.stretch.id);
    return ids;
}

TEST(BuiltInRoutines, CatalogLoadsWithoutDiagnostics) {
    EXPECT_TRUE(library().catalogDiagnostics.empty())
        << listDiagnostics(library().catalogDiagnostics);
}

TEST(BuiltInRoutines, CatalogHasEveryRequiredStretchFullyDescribed) {
    for (const char* id : {"wall-calf", "wall-soleus", "seated-forward-bend", "towel-stretch",
                           "tibialis-anterior", "standing-hamstring", "seated-calf-hamstring",
                           "bed-ankle-flex", "bed-hamstring", "kneeling-shin"}) {
        SCOPED_TRACE(id);
        const Stretch* stretch = library().catalog.find(id);
        ASSERT_NE(stretch, nullptr);
        EXPECT_FALSE(stretch->name.empty());
        EXPECT_FALSE(stretch->muscles.empty());
        EXPECT_FALSE(stretch->caution.empty());
        EXPECT_GE(stretch->instructions.size(), 3u);
        EXPECT_LE(stretch->instructions.size(), 5u);
        for (const std::string& line : stretch->instructions)
            EXPECT_LT(line.size(), 60u) << line; // read from two metres, in the dark
    }
}

bool mentions(const Stretch& stretch, const std::string& words) {
    auto has = [&words](const std::string& line) { return line.find(words) != std::string::npos; };
    return has(stretch.caution) ||
           std::any_of(stretch.instructions.begin(), stretch.instructions.end(), has);
}

TEST(BuiltInRoutines, CatalogCautionsCoverSafetyOnOneShortLine) {
    for (const auto& [id, stretch] : library().catalog.stretches) {
        SCOPED_TRACE(id);
        EXPECT_NE(stretch.caution.find("top"), std::string::npos)
            << "every caution says when to stop";
        EXPECT_TRUE(stretch.caution.find("cramp") != std::string::npos ||
                    stretch.caution.find("alf tightens") != std::string::npos ||
                    mentions(stretch, "Calf cramp? Sit to one side"))
            << "and what to do if a cramp starts";
        EXPECT_LE(stretch.caution.size(), 76u) << "one line during every hold";
    }
    EXPECT_NE(library().catalog.find("wall-calf")->caution.find("wall"), std::string::npos);
    EXPECT_NE(library().catalog.find("tibialis-anterior")->caution.find("chair"),
              std::string::npos);
    EXPECT_NE(library().catalog.find("bed-ankle-flex")->caution.find("Stop if it hurts"),
              std::string::npos);
}

TEST(BuiltInRoutines, ShinStretchNeverPointsTheFootWithoutTheCalfAdvice) {
    const Stretch* shin = library().catalog.find("tibialis-anterior");
    ASSERT_NE(shin, nullptr);
    EXPECT_FALSE(mentions(*shin, "kneel")) << "the kneeling version is its own stretch";
    EXPECT_FALSE(mentions(*shin, "Or "));
    EXPECT_FALSE(mentions(*shin, "press the top of the foot"));
    EXPECT_TRUE(mentions(*shin, "alf tighten")) << "what to do if the calf tightens";
    const Stretch* kneeling = library().catalog.find("kneeling-shin");
    ASSERT_NE(kneeling, nullptr);
    EXPECT_TRUE(mentions(*kneeling, "soft surface"));
    EXPECT_TRUE(mentions(*kneeling, "Not for painful knees or a knee replacement"));
    // Standing up from kneeling in a cramp risks a fall: sit to one side first.
    EXPECT_TRUE(mentions(*kneeling, "Calf cramp? Sit to one side, straighten the leg, toes up."));
    EXPECT_FALSE(mentions(*kneeling, "stand up"));
    EXPECT_EQ(kneeling->muscles, shin->muscles);
}

TEST(BuiltInRoutines, WhereTheCalfIsATargetTheToesComeTowardYou) {
    for (const auto& [id, stretch] : library().catalog.stretches) {
        const bool calf = std::any_of(
            stretch.muscles.begin(), stretch.muscles.end(), [](const std::string& muscle) {
                return muscle.find("calf") != std::string::npos ||
                       muscle.find("calves") != std::string::npos ||
                       muscle.find("gastrocnemius") != std::string::npos ||
                       muscle.find("soleus") != std::string::npos;
            });
        if (!calf) continue;
        SCOPED_TRACE(id);
        EXPECT_TRUE(mentions(stretch, "toes toward you") || mentions(stretch, "toward your nose") ||
                    mentions(stretch, "toes up, toward you"));
    }
}

TEST(BuiltInRoutines, DescriptionsNeverStateADuration) {
    for (const RoutineEntry& entry : library().entries) {
        if (!entry.result.ok()) continue;
        SCOPED_TRACE(entry.id);
        const std::string& description = entry.result.routine->description;
        for (const char* word : {"minute", " min", "About ", "about "})
            EXPECT_EQ(description.find(word), std::string::npos) << description;
    }
}

// The README's table of built-in routines gives each one's length in whole minutes: the timeline's.
TEST(BuiltInRoutines, ReadmeGivesTheComputedLengths) {
    std::ifstream readme(std::string(NS_ROUTINES_DIR) + "/../README.md");
    ASSERT_TRUE(readme) << "README.md next to routines/";
    std::string line;
    int rows = 0;
    while (std::getline(readme, line)) {
        if (line.rfind("| `", 0) != 0 || line.find(" min |") == std::string::npos) continue;
        const std::string id = line.substr(3, line.find('`', 3) - 3);
        const RoutineEntry* entry = library().find(id);
        if (!entry || !entry->result.ok()) continue;
        const std::size_t cut = line.rfind("| ", line.size() - 7);
        const int minutes = std::stoi(line.substr(cut + 2));
        const int total = buildTimeline(*entry->result.routine).totalSeconds;
        EXPECT_EQ(minutes, (total + 30) / 60) << id << " lasts " << total << " s";
        ++rows;
    }
    EXPECT_EQ(rows, 4);
}

TEST(BuiltInRoutines, EveryRoutineLoadsWithoutDiagnostics) {
    std::set<std::string> ids;
    for (const RoutineEntry& entry : library().entries) {
        SCOPED_TRACE(entry.id);
        ids.insert(entry.id);
        EXPECT_TRUE(entry.builtIn);
        ASSERT_TRUE(entry.result.ok()) << listDiagnostics(entry.result.diagnostics);
        EXPECT_FALSE(entry.result.routine->name.empty());
        EXPECT_FALSE(entry.result.routine->description.empty());
        for (const Step& step : entry.result.routine->steps)
            EXPECT_FALSE(step.stretch.id.empty()) << "built-ins use the catalog";
    }
    EXPECT_EQ(ids, (std::set<std::string>{"in-bed", "nightly", "quick", "trial"}));
}

TEST(BuiltInRoutines, TimelineAgreesWithTheDesignRules) {
    for (const RoutineEntry& entry : library().entries) {
        if (!entry.result.ok()) continue;
        SCOPED_TRACE(entry.id);
        EXPECT_EQ(buildTimeline(*entry.result.routine).totalSeconds,
                  designTotalSeconds(*entry.result.routine));
    }
}

TEST(BuiltInRoutines, NightlyIsFiveToTenMinutesOfTheFourStretches) {
    const Routine& nightly = routine("nightly");
    const std::vector<std::string> ids = stretchIds(nightly);
    for (const char* id :
         {"wall-calf", "seated-forward-bend", "towel-stretch", "tibialis-anterior"})
        EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
    for (const Step& step : nightly.steps) {
        EXPECT_GE(step.hold, 20);
        EXPECT_LE(step.hold, 30);
        if (step.stretch.id != "seated-forward-bend") {
            EXPECT_EQ(step.sides, Sides::Both);
        }
    }
    const int total = designTotalSeconds(nightly);
    EXPECT_GE(total, 300);
    EXPECT_LE(total, 600);
    EXPECT_EQ(total, 500);
}

TEST(BuiltInRoutines, TrialFollowsThe2012Protocol) {
    const Routine& trial = routine("trial");
    EXPECT_EQ(stretchIds(trial), (std::vector<std::string>{"wall-calf", "standing-hamstring"}));
    for (const Step& step : trial.steps) {
        EXPECT_EQ(step.hold, 10);
        EXPECT_EQ(step.rest, 10);
        EXPECT_EQ(step.switchSeconds, 10);
        EXPECT_EQ(step.reps, 3);
        EXPECT_EQ(step.sides, Sides::Both);
    }
    const int total = designTotalSeconds(trial);
    EXPECT_GE(total, 180);
    EXPECT_LE(total, 240);
    EXPECT_EQ(total, 230);
}

TEST(BuiltInRoutines, QuickIsAboutFiveMinutes) {
    const int total = designTotalSeconds(routine("quick"));
    EXPECT_GE(total, 240);
    EXPECT_LE(total, 330);
    EXPECT_EQ(total, 285);
}

TEST(BuiltInRoutines, InBedUsesOnlyStretchesDoneInBed) {
    const Routine& inBed = routine("in-bed");
    const std::set<std::string> inBedStretches = {"towel-stretch", "bed-ankle-flex",
                                                  "bed-hamstring", "seated-forward-bend"};
    for (const std::string& id : stretchIds(inBed))
        EXPECT_EQ(inBedStretches.count(id), 1u) << id;
    const int total = designTotalSeconds(inBed);
    EXPECT_GE(total, 300);
    EXPECT_LE(total, 600);
    EXPECT_EQ(total, 440);
}

TEST(BuiltInRoutines, TheWordingIsExactWhereItWasWrong) {
    const Catalog& catalog = library().catalog;
    EXPECT_TRUE(mentions(*catalog.find("bed-ankle-flex"), "Don't point your toes hard."));
    for (const auto& [id, stretch] : catalog.stretches)
        EXPECT_FALSE(mentions(stretch, "Never point your toes")) << id;
    EXPECT_TRUE(mentions(*catalog.find("seated-forward-bend"), "legs straight"));
    EXPECT_FALSE(mentions(*catalog.find("seated-forward-bend"), "legs out in front"));
    const Stretch& shin = *catalog.find("tibialis-anterior");
    EXPECT_TRUE(mentions(shin, "a steady chair"));
    EXPECT_FALSE(mentions(shin, "chair back"));
    EXPECT_TRUE(mentions(shin, "Stop if it hurts"));
}

// The text a person reads: the README, the software centre's description, the routines and the
// catalog, the about, welcome and relief text.
std::vector<std::pair<std::string, std::string>> userFacingTexts() {
    std::vector<std::pair<std::string, std::string>> texts;
    const auto file = [&texts](const std::string& path) {
        std::ifstream in(std::string(NS_ROUTINES_DIR) + "/../" + path);
        EXPECT_TRUE(in) << path;
        std::ostringstream all;
        all << in.rdbuf();
        texts.emplace_back(path, all.str());
    };
    file("README.md");
    file("assets/io.github.nightstretch.Nightstretch.metainfo.xml.in");
    for (const char* name : {"stretches", "nightly", "trial", "quick", "in-bed"})
        file(std::string("routines/") + name + ".toml");
    std::string app;
    for (const AboutSection& section : aboutSections())
        for (const std::string& line : section.sentences)
            app += line + "\n";
    app += "\n";
    for (const std::string& line : welcomeLines())
        app += line + "\n";
    for (ReliefVariant variant : {ReliefVariant::Calf, ReliefVariant::ShinOrFoot})
        for (const ReliefStep& step : reliefSteps(variant)) {
            app += "\n" + step.title + "\n" + step.spoken + "\n";
            for (const std::string& line : step.lines)
                app += line + "\n";
        }
    texts.emplace_back("the app's about, welcome and relief text", app);
    return texts;
}

// Paragraphs: text between blank lines.
std::vector<std::string> paragraphs(const std::string& text) {
    std::vector<std::string> out(1);
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (line.find_first_not_of(" \t") == std::string::npos) {
            if (!out.back().empty()) out.emplace_back();
        } else {
            out.back() += line + " ";
        }
    }
    return out;
}

TEST(BuiltInRoutines, EyesAreClosedOnlyInBedNeverWhileStanding) {
    // The stretches done standing, and the words that mean standing.
    std::vector<std::string> standing = {"stand", "Stand", "wall", "on one leg"};
    for (const auto& [id, stretch] : library().catalog.stretches)
        if (stretch.standing) standing.push_back(stretch.name);
    int closedEyes = 0;
    for (const auto& [where, text] : userFacingTexts()) {
        for (const std::string& paragraph : paragraphs(text)) {
            bool closed = false;
            for (const char* words : {"eyes closed", "close your eyes", "eyes may be closed",
                                      "eyes shut", "eyes can stay closed"})
                closed = closed || paragraph.find(words) != std::string::npos;
            if (!closed) continue;
            ++closedEyes;
            SCOPED_TRACE(where);
            SCOPED_TRACE(paragraph);
            EXPECT_NE(paragraph.find("in bed"), std::string::npos)
                << "closed eyes are for stretches done in bed";
            EXPECT_NE(paragraph.find("eyes open"), std::string::npos)
                << "and standing ones are done with the eyes open";
            for (const std::string& word : standing)
                if (paragraph.find(word) != std::string::npos) {
                    EXPECT_NE(paragraph.find("eyes open"), std::string::npos)
                        << "'" << word << "' beside closed eyes, without 'eyes open'";
                }
        }
    }
    EXPECT_GE(closedEyes, 2) << "the README and the description say when eyes may close";
}

TEST(BuiltInRoutines, AStandingStretchsGetReadySaysHoldOnFirst) {
    for (const char* id : {"nightly", "trial", "quick"}) {
        SCOPED_TRACE(id);
        const Routine& r = routine(id);
        const Timeline timeline = buildTimeline(r);
        for (std::size_t i = 0; i < timeline.phases.size(); ++i) {
            const Phase& phase = timeline.phases[i];
            if (phase.kind != PhaseKind::Prepare) continue;
            const Step& step = r.steps[static_cast<std::size_t>(phase.step)];
            for (const std::string& choice : phraseChoices(r, timeline, static_cast<int>(i))) {
                SCOPED_TRACE(choice);
                EXPECT_EQ(choice.rfind("Hold on.", 0) == 0, step.stretch.standing);
            }
        }
    }
    // And it is said: the cut that fits still holds it, even in the trial's 5-second get-ready
    // with a long chime.
    CueStrikes strikes{};
    strikes.fill(1200);
    for (const char* id : {"nightly", "trial", "quick"}) {
        const Routine& r = routine(id);
        const Timeline timeline = buildTimeline(r);
        const PhrasePlan plan = planPhrases(r, timeline, strikes, estimatePhraseMs);
        for (std::size_t i = 0; i < timeline.phases.size(); ++i) {
            const Phase& phase = timeline.phases[i];
            if (phase.kind != PhaseKind::Prepare) continue;
            if (!r.steps[static_cast<std::size_t>(phase.step)].stretch.standing) continue;
            EXPECT_EQ(plan.phases[i].text.rfind("Hold on.", 0), 0u)
                << id << ": '" << plan.phases[i].text << "'";
        }
    }
    for (const char* standing :
         {"wall-calf", "wall-soleus", "tibialis-anterior", "standing-hamstring"})
        EXPECT_TRUE(library().catalog.find(standing)->standing) << standing;
    for (const char* inBed : {"towel-stretch", "bed-ankle-flex", "bed-hamstring",
                              "seated-forward-bend", "seated-calf-hamstring"})
        EXPECT_FALSE(library().catalog.find(inBed)->standing) << inBed;
}

TEST(BuiltInRoutines, TheTrialRoutineIsTheTrialsTimingAndSaysBreatheNormally) {
    const Routine& trial = routine("trial");
    EXPECT_NE(trial.description.find("timing from the 2012 trial"), std::string::npos)
        << trial.description;
    for (const Step& step : trial.steps) {
        SCOPED_TRACE(step.stretch.id);
        EXPECT_NE(step.stretch.caution.find("Breathe normally."), std::string::npos)
            << "the caution is shown in every hold";
        EXPECT_LE(step.stretch.caution.size(), 76u);
        EXPECT_NE(step.stretch.caution.find("top"), std::string::npos);
    }
    std::ifstream readme(std::string(NS_ROUTINES_DIR) + "/../README.md");
    std::string line;
    bool described = false;
    while (std::getline(readme, line))
        if (line.rfind("| `trial` |", 0) == 0)
            described = line.find("timing from the 2012 trial") != std::string::npos;
    EXPECT_TRUE(described) << "the README's routine table";
}

TEST(BuiltInRoutines, TheReadmeListsTheNightlysStretchesInItsOrder) {
    std::ifstream readme(std::string(NS_ROUTINES_DIR) + "/../README.md");
    std::string line;
    std::string row;
    while (std::getline(readme, line))
        if (line.rfind("| `nightly` |", 0) == 0) row = line;
    ASSERT_FALSE(row.empty());
    std::size_t at = 0;
    for (const Step& step : routine("nightly").steps) {
        // The README names each by the catalog name's words, lower case, without "stretch" at
        // times: the first word is enough to find it in order.
        std::string name = step.stretch.name;
        name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
        const std::string first = name.substr(0, name.find(' '));
        const std::size_t found = row.find(first, at);
        ASSERT_NE(found, std::string::npos) << first << " after " << row.substr(at);
        at = found + first.size();
    }
}

} // namespace
} // namespace ns
