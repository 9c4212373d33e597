// The editor screen drawn into a texture at two window sizes, with each question open: nothing cut
// off, large text, a calm palette; and clicks land on what they show.
#include "editor_scene.hpp"
#include "home_scene.hpp"
#include "theme.hpp"
#include "ui_test_support.hpp"

#include "routine_loader.hpp"

#include <gtest/gtest.h>

namespace ns {
namespace {

EditorController nightlyController() {
    const RoutineLibrary library = RoutineLibrary::load(NS_ROUTINES_DIR, "/nonexistent-user-dir");
    const RoutineEntry* entry = library.find("nightly");
    EXPECT_NE(entry, nullptr);
    auto loaded = loadRoutineDocumentFile(entry->path, library.catalog);
    EXPECT_TRUE(loaded.ok());
    return EditorController(*loaded.document, library.catalog, "nightly", "/nonexistent-user-dir");
}

sf::Event::KeyEvent key(sf::Keyboard::Key code) {
    sf::Event::KeyEvent k{};
    k.code = code;
    return k;
}

TEST(EditorScene, FitsAndStaysCalmAtBothSizes) {
    ASSERT_NE(test::theme(), nullptr);
    EditorController controller = nightlyController();
    EditorScene scene(*test::theme(), controller);
    controller.keyPressed(key(sf::Keyboard::Down));
    controller.keyPressed(key(sf::Keyboard::Tab));
    controller.keyPressed(key(sf::Keyboard::Right));
    for (sf::Vector2u size : {sf::Vector2u{1280, 800}, sf::Vector2u{800, 600}}) {
        const std::string suffix = std::to_string(size.x) + "x" + std::to_string(size.y);
        sf::Image image = test::render({&scene}, size);
        test::saveArtifact(image, "editor-" + suffix);
        test::expectFitsAndCalm(scene, image, size, "editor-" + suffix);
    }
}

TEST(EditorScene, QuestionsFitToo) {
    ASSERT_NE(test::theme(), nullptr);
    EditorController controller = nightlyController();
    EditorScene scene(*test::theme(), controller);
    controller.keyPressed(key(sf::Keyboard::A));
    for (int i = 0; i < 3; ++i)
        controller.keyPressed(key(sf::Keyboard::Down));
    for (sf::Vector2u size : {sf::Vector2u{1280, 800}, sf::Vector2u{800, 600}}) {
        const std::string suffix = std::to_string(size.x) + "x" + std::to_string(size.y);
        sf::Image image = test::render({&scene}, size);
        test::saveArtifact(image, "editor-picker-" + suffix);
        test::expectFitsAndCalm(scene, image, size, "editor-picker-" + suffix);
    }
    controller.keyPressed(key(sf::Keyboard::Enter)); // adds: now there are changes
    controller.keyPressed(key(sf::Keyboard::Escape));
    ASSERT_EQ(controller.prompt(), EditorController::Prompt::LeaveUnsaved);
    for (sf::Vector2u size : {sf::Vector2u{1280, 800}, sf::Vector2u{800, 600}}) {
        const std::string suffix = std::to_string(size.x) + "x" + std::to_string(size.y);
        sf::Image image = test::render({&scene}, size);
        test::saveArtifact(image, "editor-leave-" + suffix);
        test::expectFitsAndCalm(scene, image, size, "editor-leave-" + suffix);
    }
    controller.keyPressed(key(sf::Keyboard::Escape));
    controller.keyPressed(key(sf::Keyboard::H));
    for (sf::Vector2u size : {sf::Vector2u{1280, 800}, sf::Vector2u{800, 600}}) {
        const std::string suffix = std::to_string(size.x) + "x" + std::to_string(size.y);
        sf::Image image = test::render({&scene}, size);
        test::saveArtifact(image, "editor-help-" + suffix);
        test::expectFitsAndCalm(scene, image, size, "editor-help-" + suffix);
    }
}

TEST(EditorScene, ALongListScrollsToKeepTheChosenStretchInView) {
    ASSERT_NE(test::theme(), nullptr);
    EditorController controller = nightlyController();
    EditorScene scene(*test::theme(), controller);
    for (int i = 0; i < 8; ++i)
        controller.keyPressed(key(sf::Keyboard::D));
    ASSERT_EQ(controller.selectedStep(), 8u);
    for (sf::Vector2u size : {sf::Vector2u{1280, 800}, sf::Vector2u{800, 600}}) {
        const std::string suffix = std::to_string(size.x) + "x" + std::to_string(size.y);
        sf::Image image = test::render({&scene}, size);
        test::saveArtifact(image, "editor-long-" + suffix);
        test::expectFitsAndCalm(scene, image, size, "editor-long-" + suffix);
        bool selectedShown = false;
        for (float y = 0.f; y < static_cast<float>(size.y); y += 3.f) {
            const EditorHit hit = scene.hitAt({static_cast<float>(size.x) * 0.2f, y});
            if (hit.kind == EditorHit::Kind::Step && hit.index == 8) selectedShown = true;
        }
        EXPECT_TRUE(selectedShown) << suffix;
    }
}

TEST(HomeEditButton, TheSelectedRowHasAnEditTarget) {
    ASSERT_NE(test::theme(), nullptr);
    HomeScene home(*test::theme());
    home.setEntries(homeEntries(RoutineLibrary::load(NS_ROUTINES_DIR, "/nonexistent-user-dir")));
    home.layout({1280.f, 800.f});
    int found = 0;
    for (float y = 0.f; y < 800.f; y += 2.f)
        for (float x = 0.f; x < 1280.f; x += 8.f)
            if (home.editButtonAt({x, y})) {
                ++found;
                EXPECT_EQ(home.entryAt({x, y}), home.selected()) << "on the selected row";
            }
    EXPECT_GT(found, 20);
}

TEST(EditorScene, BodyTextIsLarge) {
    ASSERT_NE(test::theme(), nullptr);
    EditorController controller = nightlyController();
    EditorScene scene(*test::theme(), controller);
    scene.layout({800.f, 600.f});
    // Every line but the smallest hints is at least 3 % of the height: check the step list's.
    std::size_t large = 0;
    for (const auto& bounds : scene.textBounds())
        if (bounds.height >= 0.02f * 600.f) ++large;
    EXPECT_GT(large, 20u);
}

TEST(EditorScene, ClicksLandOnWhatTheyShow) {
    ASSERT_NE(test::theme(), nullptr);
    EditorController controller = nightlyController();
    EditorScene scene(*test::theme(), controller);
    scene.layout({1280.f, 800.f});
    // Find a + target by walking the right half, then click it: the hold grows.
    bool found = false;
    for (float y = 150.f; y < 640.f && !found; y += 4.f)
        for (float x = 760.f; x < 1240.f && !found; x += 4.f) {
            const EditorHit hit = scene.hitAt({x, y});
            if (hit.kind == EditorHit::Kind::FieldPlus && hit.index == 0) {
                const int before = controller.editor().totalSeconds();
                EXPECT_TRUE(controller.click(hit));
                EXPECT_GT(controller.editor().totalSeconds(), before);
                found = true;
            }
        }
    EXPECT_TRUE(found) << "the hold's + is on screen";
    // The second row of the step list selects the second stretch.
    scene.refresh();
    for (float y = 150.f; y < 640.f; y += 4.f) {
        const EditorHit hit = scene.hitAt({200.f, y});
        if (hit.kind == EditorHit::Kind::Step && hit.index == 1) {
            controller.click(hit);
            break;
        }
    }
    EXPECT_EQ(controller.selectedStep(), 1u);
}

// Every stretch in the step list and in the picker shows its figure from the real pose data,
// beside its name and never over any text; the stretched leg is drawn in the accent colour.
TEST(EditorSceneFigures, StepListAndPickerShowEachStretchsFigure) {
    Theme theme;
    std::string error;
    ASSERT_TRUE(theme.loadFonts(Theme::fontFolders(NS_ASSETS_DIR), &error)) << error;
    theme.setPoseFolder(std::string(NS_ASSETS_DIR) + "/poses");
    EditorController controller = nightlyController();
    EditorScene scene(theme, controller);
    const auto accentPixels = [](const sf::Image& image, const sf::FloatRect& area) {
        int count = 0;
        for (auto y = static_cast<unsigned>(area.top); y < area.top + area.height; ++y)
            for (auto x = static_cast<unsigned>(area.left); x < area.left + area.width; ++x)
                count += image.getPixel(x, y) == palette::kAccent ? 1 : 0;
        return count;
    };
    const auto clearOfText = [&](const std::string& name) {
        for (const sf::FloatRect& figure : scene.figureBounds())
            for (const sf::FloatRect& text : scene.textBounds())
                EXPECT_FALSE(figure.intersects(text))
                    << name << ": a figure at " << figure.left << "," << figure.top
                    << " covers a text at " << text.left << "," << text.top;
    };
    for (sf::Vector2u size : {sf::Vector2u{1280, 800}, sf::Vector2u{800, 600}}) {
        const std::string suffix = std::to_string(size.x) + "x" + std::to_string(size.y);
        sf::Image image = test::render({&scene}, size);
        test::saveArtifact(image, "editor-figures-" + suffix);
        test::expectFitsAndCalm(scene, image, size, "editor-figures-" + suffix);
        const auto steps = scene.figureBounds();
        // nightly has more steps than fit: a figure for each one shown.
        std::size_t rows = 0;
        for (float y = 0.f; y < static_cast<float>(size.y); y += 1.f) {
            const EditorHit hit = scene.hitAt({static_cast<float>(size.x) * 0.3f, y});
            if (hit.kind == EditorHit::Kind::Step && static_cast<std::size_t>(hit.index) >= rows)
                rows = static_cast<std::size_t>(hit.index) + 1;
        }
        ASSERT_GE(rows, 3u) << suffix;
        EXPECT_EQ(steps.size(), rows) << suffix;
        for (const sf::FloatRect& figure : steps) {
            EXPECT_TRUE(test::inside(figure, size)) << suffix;
            EXPECT_GE(figure.height, 0.05f * static_cast<float>(size.y)) << suffix;
            EXPECT_GT(accentPixels(image, figure), 10) << suffix << ": the stretched leg";
        }
        clearOfText("steps " + suffix);

        controller.keyPressed(key(sf::Keyboard::A)); // the picker
        ASSERT_EQ(controller.prompt(), EditorController::Prompt::Picker);
        scene.refresh();
        image = test::render({&scene}, size);
        test::saveArtifact(image, "editor-picker-figures-" + suffix);
        test::expectFitsAndCalm(scene, image, size, "editor-picker-figures-" + suffix);
        const auto picks = scene.figureBounds();
        ASSERT_GT(picks.size(), steps.size()) << suffix;
        // The picker's own figures: one in each row shown, beside the name, and (when the words
        // leave room, as at 1280x800) the chosen stretch's, large, under them.
        std::vector<sf::FloatRect> rowFigures;
        std::vector<sf::FloatRect> large;
        for (std::size_t i = steps.size(); i < picks.size(); ++i) {
            const sf::Vector2f centre{picks[i].left + picks[i].width / 2.f,
                                      picks[i].top + picks[i].height / 2.f};
            (scene.hitAt(centre).kind == EditorHit::Kind::PickerRow ? rowFigures : large)
                .push_back(picks[i]);
        }
        EXPECT_GE(rowFigures.size(), std::min<std::size_t>(controller.pickerIds().size(), 6u))
            << suffix;
        for (std::size_t i = 0; i < rowFigures.size(); ++i) {
            EXPECT_GT(accentPixels(image, rowFigures[i]), 5) << suffix << ": picker row " << i;
            if (i + 1 < rowFigures.size()) {
                EXPECT_FALSE(rowFigures[i].intersects(rowFigures[i + 1])) << suffix;
            }
        }
        EXPECT_LE(large.size(), 1u);
        if (size.x == 1280) {
            ASSERT_EQ(large.size(), 1u) << "the chosen stretch's figure, large";
        }
        for (const sf::FloatRect& chosen : large) {
            EXPECT_GE(chosen.height, 0.14f * static_cast<float>(size.y)) << suffix;
            EXPECT_GT(accentPixels(image, chosen), 100) << suffix;
            EXPECT_GT(chosen.left, rowFigures.front().left + rowFigures.front().width) << suffix;
        }
        controller.keyPressed(key(sf::Keyboard::Escape));
        ASSERT_EQ(controller.prompt(), EditorController::Prompt::None);
    }
}

} // namespace
} // namespace ns
