// The progress screen: nothing cut off at any size, calm colours, a different mark for each
// night state, a mark on cramp nights, the doctor note only when the diary calls for it, and a
// selection that stays inside the calendar.
#include "progress_scene.hpp"
#include "progress_test_data.hpp"
#include "ui_test_support.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

namespace ns {
namespace {

const sf::Vector2u kSizes[] = {{1280, 800}, {800, 600}, {1920, 1080}};

std::string suffix(sf::Vector2u size) {
    return "-" + std::to_string(size.x) + "x" + std::to_string(size.y);
}

// No two texts of the screen overlap (a pixel of slack for anti-aliasing).
void expectNoOverlap(const Scene& scene, const std::string& name) {
    const auto bounds = scene.textBounds();
    for (std::size_t i = 0; i < bounds.size(); ++i)
        for (std::size_t j = i + 1; j < bounds.size(); ++j) {
            sf::FloatRect a = bounds[i];
            sf::FloatRect b = bounds[j];
            a.left += 1.f, a.top += 1.f, a.width -= 2.f, a.height -= 2.f;
            EXPECT_FALSE(a.width > 0.f && a.height > 0.f && a.intersects(b))
                << name << ": texts overlap at " << a.left << "," << a.top << " and " << b.left
                << "," << b.top;
        }
}

bool near(sf::Color c, sf::Color target, int tolerance = 30) {
    return std::abs(c.r - target.r) <= tolerance && std::abs(c.g - target.g) <= tolerance &&
           std::abs(c.b - target.b) <= tolerance;
}

struct CellInk {
    int accent = 0; // amber: done and partial marks
    int soft = 0;   // the skipped dash
    int dim = 0;    // the missed ring
    int cramp = 0;  // terracotta badge
};

// Counts colours in a part of a cell: the mark's area, or the cramp badge's corner.
CellInk inkIn(const sf::Image& image, sf::FloatRect cell, float x0, float y0, float x1, float y1) {
    CellInk ink;
    for (int y = static_cast<int>(cell.top + y0 * cell.height);
         y < static_cast<int>(cell.top + y1 * cell.height); ++y)
        for (int x = static_cast<int>(cell.left + x0 * cell.width);
             x < static_cast<int>(cell.left + x1 * cell.width); ++x) {
            const sf::Color c = image.getPixel(static_cast<unsigned>(x), static_cast<unsigned>(y));
            if (near(c, palette::kAccent)) ++ink.accent;
            if (near(c, palette::kTextSoft, 20)) ++ink.soft;
            if (near(c, palette::kTextDim, 20)) ++ink.dim;
            if (near(c, palette::kError, 20)) ++ink.cramp;
        }
    return ink;
}

CellInk markInk(const sf::Image& image, sf::FloatRect cell) {
    return inkIn(image, cell, 0.15f, 0.3f, 0.75f, 0.86f);
}

// A night of the given state without cramps, other than tonight.
Date nightIn(const Stats& stats, NightState state, bool withCramps = false) {
    for (auto it = stats.nights.rbegin(); it != stats.nights.rend(); ++it)
        if (it->state == state && it->night != stats.tonight &&
            (it->cramps.value_or(0) > 0) == withCramps)
            return it->night;
    ADD_FAILURE() << "no " << toString(state) << " night in the sample";
    return stats.tonight;
}

TEST(ProgressScene, FitsEverySizeAndStaysCalm) {
    ASSERT_NE(test::theme(), nullptr);
    for (int doctor = 0; doctor < 2; ++doctor)
        for (int interactive = 0; interactive < 2; ++interactive) {
            ProgressScene scene(*test::theme());
            scene.setStats(test::sampleStats(doctor == 1 ? 5 : 2));
            scene.setInteractive(interactive == 1);
            EXPECT_EQ(scene.showsDoctorNote(), doctor == 1);
            for (auto size : kSizes) {
                const std::string name = std::string("progress") + (doctor == 1 ? "-doctor" : "") +
                                         (interactive == 1 ? "" : "-picture") + suffix(size);
                const sf::Image image = test::render({&scene}, size);
                test::saveArtifact(image, name);
                test::expectFitsAndCalm(scene, image, size, name);
                expectNoOverlap(scene, name);
            }
        }
}

TEST(ProgressScene, EmptyHistoryStillDrawsACalendar) {
    ASSERT_NE(test::theme(), nullptr);
    ProgressScene scene(*test::theme());
    Stats stats = computeStats({}, test::sampleTonight());
    scene.setStats(stats);
    for (auto size : kSizes) {
        const sf::Image image = test::render({&scene}, size);
        test::saveArtifact(image, "progress-empty" + suffix(size));
        test::expectFitsAndCalm(scene, image, size, "progress-empty" + suffix(size));
    }
    EXPECT_EQ(scene.calendarWeeks(), 6);
    EXPECT_FALSE(scene.showsDoctorNote());
}

TEST(ProgressScene, EachNightStateHasItsOwnMark) {
    ASSERT_NE(test::theme(), nullptr);
    ProgressScene scene(*test::theme());
    const Stats stats = test::sampleStats();
    scene.setStats(stats);
    scene.setInteractive(false); // no selection outline in the way
    for (auto size : {sf::Vector2u{1280, 800}, sf::Vector2u{800, 600}}) {
        const sf::Image image = test::render({&scene}, size);
        auto inkOf = [&](NightState state) {
            const auto cell = scene.cellBox(nightIn(stats, state));
            EXPECT_TRUE(cell.has_value());
            return cell ? markInk(image, *cell) : CellInk{};
        };
        const CellInk done = inkOf(NightState::Done);
        const CellInk partial = inkOf(NightState::Partial);
        const CellInk skipped = inkOf(NightState::Skipped);
        const CellInk missed = inkOf(NightState::Missed);
        const std::string at = " at " + suffix(size);
        // Done: a filled amber disc; partial: a ring half filled, clearly less amber.
        EXPECT_GT(done.accent, 60) << at;
        EXPECT_GT(partial.accent, 20) << at;
        EXPECT_GT(done.accent, partial.accent * 5 / 4) << at;
        // Skipped: a soft dash, no amber; missed: a small dim ring, no amber, no dash.
        EXPECT_EQ(skipped.accent, 0) << at;
        EXPECT_GT(skipped.soft, 8) << at;
        EXPECT_EQ(missed.accent, 0) << at;
        EXPECT_LT(missed.soft, skipped.soft / 2) << at;
        EXPECT_GT(missed.dim, 4) << at;
        EXPECT_LT(missed.dim + missed.soft, done.accent / 4) << at;
    }
}

TEST(ProgressScene, CrampNightsCarryAMark) {
    ASSERT_NE(test::theme(), nullptr);
    ProgressScene scene(*test::theme());
    const Stats stats = test::sampleStats();
    scene.setStats(stats);
    scene.setInteractive(false);
    const sf::Image image = test::render({&scene}, {1280, 800});
    const auto withCramps = scene.cellBox(nightIn(stats, NightState::Done, true));
    const auto without = scene.cellBox(nightIn(stats, NightState::Done, false));
    ASSERT_TRUE(withCramps && without);
    EXPECT_GT(inkIn(image, *withCramps, 0.6f, 0.f, 1.f, 0.4f).cramp, 20);
    EXPECT_EQ(inkIn(image, *without, 0.6f, 0.f, 1.f, 0.4f).cramp, 0);
}

TEST(ProgressScene, DoctorNoteOnlyWhenTheDiarySaysSo) {
    ASSERT_NE(test::theme(), nullptr);
    ProgressScene scene(*test::theme());
    struct Case {
        int crampNights;
        int worstPain;
        bool note;
    };
    // The sources: several times a week or nightly, so 3 cramp nights of 7 are enough.
    for (const Case c : {Case{2, 5, false}, Case{3, 5, true}, Case{1, 8, true}, Case{0, 0, false},
                         Case{7, 7, true}}) {
        const Stats stats = test::sampleStats(c.crampNights, c.worstPain);
        scene.setStats(stats);
        for (auto size : {sf::Vector2u{1280, 800}, sf::Vector2u{800, 600}}) {
            scene.layout({static_cast<float>(size.x), static_cast<float>(size.y)});
            EXPECT_EQ(scene.showsDoctorNote(), c.note)
                << c.crampNights << " cramp nights, pain " << c.worstPain;
            EXPECT_EQ(scene.showsDoctorNote(), shouldSuggestDoctor(stats));
        }
    }
}

// Issue 18: the chart's two scales (7 and 10) had no names.
TEST(ProgressScene, TheWeekChartNamesWhatEachAxisCounts) {
    ASSERT_NE(test::theme(), nullptr);
    ProgressScene scene(*test::theme());
    scene.setStats(test::sampleStats());
    for (auto size : kSizes) {
        const std::string name = "progress-axes" + suffix(size);
        const sf::Image image = test::render({&scene}, size);
        test::saveArtifact(image, name);
        const std::vector<std::string> texts = scene.texts();
        const auto bounds = scene.textBounds();
        ASSERT_EQ(texts.size(), bounds.size());
        // The text saying `words` nearest to `near` (the calendar has its own 7 and 10).
        auto where = [&](const std::string& words,
                         sf::Vector2f near = {0.f, 0.f}) -> std::optional<sf::FloatRect> {
            std::optional<sf::FloatRect> found;
            float best = 0.f;
            for (std::size_t i = 0; i < texts.size(); ++i) {
                const float distance =
                    std::abs(bounds[i].left - near.x) + std::abs(bounds[i].top - near.y);
                if (texts[i] == words && (!found || distance < best)) {
                    found = bounds[i];
                    best = distance;
                }
            }
            return found;
        };
        const auto nights = where("nights out of 7");
        const auto pain = where("pain out of 10");
        ASSERT_TRUE(nights && pain) << name;
        const auto seven = where("7", {nights->left, nights->top + nights->height});
        const auto ten = where("10", {pain->left + pain->width, pain->top + pain->height});
        ASSERT_TRUE(seven && ten) << name;
        // Each name just above its own scale: the nights on the left, the pain on the right.
        EXPECT_LT(nights->top + nights->height, seven->top) << name;
        EXPECT_LT(pain->top + pain->height, ten->top) << name;
        EXPECT_LE(nights->left, seven->left) << name;
        EXPECT_GE(pain->left + pain->width + 1.f, ten->left + ten->width) << name;
        EXPECT_LT(nights->left + nights->width, pain->left) << name;
        test::expectFitsAndCalm(scene, image, size, name);
        expectNoOverlap(scene, name);
    }
}

// Issue 18: the note says which rule brought it up, before what to do.
TEST(ProgressScene, TheDoctorNoteSaysWhyItShows) {
    ASSERT_NE(test::theme(), nullptr);
    struct Case {
        const char* name;
        Stats stats;
        const char* why;
    };
    Stats symptom = test::sampleStats(1, 3);
    symptom.symptoms.push_back({symptom.tonight.plus(-2).str(), Symptom::Numbness});
    const Case cases[] = {
        {"cramps", test::sampleStats(4, 5), "Cramps came on 4 of the last 7 nights."},
        {"pain", test::sampleStats(1, 9), "Your worst pain reached 9 of 10 in the last 7 nights."},
        {"numbness", symptom, "You noted numbness or tingling."},
    };
    for (const Case& c : cases) {
        ProgressScene scene(*test::theme());
        scene.setStats(c.stats);
        for (auto size : kSizes) {
            const std::string name = std::string("progress-doctor-") + c.name + suffix(size);
            const sf::Image image = test::render({&scene}, size);
            test::saveArtifact(image, name);
            ASSERT_TRUE(scene.showsDoctorNote()) << name;
            std::string shown;
            for (const std::string& text : scene.texts())
                shown += text + " ";
            EXPECT_NE(shown.find(c.why), std::string::npos) << name << ": " << shown;
            EXPECT_NE(shown.find("It would be good to see a doctor"), std::string::npos) << name;
            test::expectFitsAndCalm(scene, image, size, name);
            expectNoOverlap(scene, name);
        }
    }
}

TEST(ProgressScene, SelectionStaysWithinTheCalendarAndBeforeTomorrow) {
    ASSERT_NE(test::theme(), nullptr);
    ProgressScene scene(*test::theme());
    const Stats stats = test::sampleStats();
    scene.setStats(stats);
    scene.layout({1280.f, 800.f});
    ASSERT_TRUE(scene.selectedNight());
    EXPECT_EQ(*scene.selectedNight(), stats.tonight.plus(-1)); // last night, for its diary
    EXPECT_TRUE(scene.moveSelection(1));
    EXPECT_EQ(*scene.selectedNight(), stats.tonight);
    EXPECT_FALSE(scene.moveSelection(1)); // never into the future
    EXPECT_TRUE(scene.moveSelection(-7));
    EXPECT_EQ(*scene.selectedNight(), stats.tonight.plus(-7));
    for (int i = 0; i < 20; ++i)
        scene.moveSelection(-7);
    EXPECT_EQ(*scene.selectedNight(), scene.firstCalendarNight());
    EXPECT_EQ(scene.firstCalendarNight().weekday(), 0); // rows start on Monday

    // A click on a cell finds its night; the empty future finds none.
    const auto cell = scene.cellBox(stats.tonight.plus(-3));
    ASSERT_TRUE(cell);
    const auto found = scene.nightAt({cell->left + cell->width / 2.f, cell->top + 2.f});
    ASSERT_TRUE(found);
    EXPECT_EQ(*found, stats.tonight.plus(-3));
    if (stats.tonight.weekday() < 6) {
        const auto future = scene.cellBox(stats.tonight.plus(1));
        ASSERT_TRUE(future);
        EXPECT_FALSE(scene.nightAt({future->left + 2.f, future->top + 2.f}));
    }
    EXPECT_FALSE(scene.nightAt({1.f, 1.f}));
}

TEST(ProgressScene, LongHistoriesShowUpToTwelveWeeks) {
    ASSERT_NE(test::theme(), nullptr);
    ProgressScene scene(*test::theme());
    const Date tonight = test::sampleTonight();
    std::vector<NightRecord> records;
    for (int back = 1; back <= 200; ++back)
        records.push_back(test::nightRecord(tonight.plus(-back), back % 9 == 0 ? 'M' : 'D',
                                            back % 3 == 0 ? 2 : 0, back % 3 == 0 ? 6 : 0, 3));
    const Stats stats = computeStats(records, tonight);
    scene.setStats(stats);
    EXPECT_EQ(scene.calendarWeeks(), 12);
    EXPECT_LE(scene.firstCalendarNight(), tonight.plus(-77));
    for (auto size : kSizes) {
        const sf::Image image = test::render({&scene}, size);
        test::saveArtifact(image, "progress-12-weeks" + suffix(size));
        test::expectFitsAndCalm(scene, image, size, "progress-12-weeks" + suffix(size));
        expectNoOverlap(scene, "progress-12-weeks" + suffix(size));
    }
    // From a Monday six weeks before tonight's week: seven rows, Monday first.
    std::vector<NightRecord> seven;
    const Date monday = tonight.plus(-tonight.weekday() - 42);
    for (Date night = monday; night < tonight; night = night.plus(1))
        seven.push_back(test::nightRecord(night, 'D'));
    scene.setStats(computeStats(seven, tonight));
    EXPECT_EQ(scene.calendarWeeks(), 7);
    EXPECT_EQ(scene.firstCalendarNight(), monday);
}

} // namespace
} // namespace ns
