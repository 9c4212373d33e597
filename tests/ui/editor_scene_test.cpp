// The editor screen drawn into a texture at two window sizes, with each question open: nothing cut
// off, large text, a calm palette; and clicks land on what they show.
#include "editor_scene.hpp"
#include "home_scene.hpp"
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

} // namespace
} // namespace ns
