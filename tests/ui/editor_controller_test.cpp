// The editor screen's model without a window: keys change values and move stretches, undo and
// redo, saving writes the user's copy and never the built-in file, the question on leaving, and
// the stretch picker.
#include "editor_controller.hpp"
#include "routine_lookup.hpp"

#include "routine_loader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace ns {
namespace {

namespace fs = std::filesystem;

sf::Event::KeyEvent key(sf::Keyboard::Key code, bool control = false, bool shift = false,
                        bool alt = false) {
    sf::Event::KeyEvent k{};
    k.code = code;
    k.control = control;
    k.shift = shift;
    k.alt = alt;
    return k;
}

std::string readAll(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A temporary built-in folder (a copy of the real one) and an empty user folder.
struct Folders {
    fs::path root;
    fs::path builtIn;
    fs::path user;
    explicit Folders(const std::string& name) {
        root = fs::temp_directory_path() /
               ("ns-editor-" + name + "-" +
                std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
        fs::remove_all(root);
        builtIn = root / "share" / "routines";
        user = root / "config" / "routines";
        fs::create_directories(builtIn);
        fs::create_directories(user);
        for (const auto& file : fs::directory_iterator(NS_ROUTINES_DIR))
            fs::copy_file(file.path(), builtIn / file.path().filename());
    }
    ~Folders() {
        std::error_code ec;
        fs::remove_all(root, ec);
    }
};

EditorController nightlyEditor(const Folders& folders, RoutineLibrary& library) {
    library = RoutineLibrary::load(folders.builtIn, folders.user);
    const RoutineEntry* entry = library.find("nightly");
    EXPECT_NE(entry, nullptr);
    auto loaded = loadRoutineDocumentFile(entry->path, library.catalog);
    EXPECT_TRUE(loaded.ok());
    return EditorController(*loaded.document, library.catalog, "nightly", folders.user);
}

TEST(EditorController, RightOnTheHoldMakesItLongerAndTheTotalFollows) {
    Folders folders("hold");
    RoutineLibrary library;
    EditorController editor = nightlyEditor(folders, library);
    const int before = editor.editor().totalSeconds();
    EXPECT_EQ(editor.focus(), EditorFocus::Steps);
    EXPECT_TRUE(editor.keyPressed(key(sf::Keyboard::Tab)));
    EXPECT_EQ(editor.focus(), EditorFocus::StepFields);
    EXPECT_EQ(editor.selectedField(), EditorField::Hold);
    EXPECT_EQ(editor.stepValue(0, EditorField::Hold).text, "30 s");
    EXPECT_FALSE(editor.stepValue(0, EditorField::Hold).own) << "from [defaults]";
    EXPECT_TRUE(editor.keyPressed(key(sf::Keyboard::Right)));
    EXPECT_EQ(editor.stepValue(0, EditorField::Hold).text, "35 s");
    EXPECT_TRUE(editor.stepValue(0, EditorField::Hold).own);
    EXPECT_GT(editor.editor().totalSeconds(), before);
    EXPECT_TRUE(editor.editor().dirty());
    EXPECT_EQ(editor.stepSummary(0).rfind("hold 35 s", 0), 0u) << editor.stepSummary(0);
}

TEST(EditorController, HoldStaysInItsRange) {
    Folders folders("range");
    RoutineLibrary library;
    EditorController editor = nightlyEditor(folders, library);
    editor.setFocus(EditorFocus::StepFields);
    for (int i = 0; i < 100; ++i)
        editor.keyPressed(key(sf::Keyboard::Left));
    EXPECT_EQ(editor.stepValue(0, EditorField::Hold).text, "5 s");
    for (int i = 0; i < 100; ++i)
        editor.keyPressed(key(sf::Keyboard::Equal));
    EXPECT_EQ(editor.stepValue(0, EditorField::Hold).text, "300 s");
}

TEST(EditorController, MoveDuplicateRemoveUndoRedo) {
    Folders folders("move");
    RoutineLibrary library;
    EditorController editor = nightlyEditor(folders, library);
    const std::size_t count = editor.editor().stepCount();
    const std::string first = editor.stepName(0);
    const std::string second = editor.stepName(1);

    EXPECT_TRUE(editor.keyPressed(key(sf::Keyboard::J)));
    EXPECT_EQ(editor.selectedStep(), 1u) << "the selection follows the stretch";
    EXPECT_EQ(editor.stepName(0), second);
    EXPECT_EQ(editor.stepName(1), first);
    EXPECT_TRUE(editor.keyPressed(key(sf::Keyboard::Up, false, false, true))); // Alt+Up
    EXPECT_EQ(editor.stepName(0), first);
    EXPECT_EQ(editor.selectedStep(), 0u);

    EXPECT_TRUE(editor.keyPressed(key(sf::Keyboard::D)));
    EXPECT_EQ(editor.editor().stepCount(), count + 1);
    EXPECT_EQ(editor.stepName(1), first);
    EXPECT_EQ(editor.selectedStep(), 1u);

    EXPECT_TRUE(editor.keyPressed(key(sf::Keyboard::Delete)));
    EXPECT_EQ(editor.editor().stepCount(), count);

    EXPECT_TRUE(editor.keyPressed(key(sf::Keyboard::Z, true)));
    EXPECT_EQ(editor.editor().stepCount(), count + 1) << "undo brings the removed one back";
    EXPECT_TRUE(editor.keyPressed(key(sf::Keyboard::Y, true)));
    EXPECT_EQ(editor.editor().stepCount(), count);
    EXPECT_TRUE(editor.keyPressed(key(sf::Keyboard::Z, true)));
    EXPECT_TRUE(editor.keyPressed(key(sf::Keyboard::Z, true, true))); // Ctrl+Shift+Z redoes
    EXPECT_EQ(editor.editor().stepCount(), count);
    for (int i = 0; i < 10; ++i)
        editor.keyPressed(key(sf::Keyboard::Z, true));
    EXPECT_FALSE(editor.editor().dirty()) << "undone back to the file";
}

TEST(EditorController, CtrlSWritesTheUserCopyAndNeverTheBuiltInFile) {
    Folders folders("save");
    const std::string builtInBefore = readAll(folders.builtIn / "nightly.toml");
    RoutineLibrary library;
    EditorController editor = nightlyEditor(folders, library);
    editor.setFocus(EditorFocus::StepFields);
    editor.keyPressed(key(sf::Keyboard::Right));
    const int total = editor.editor().totalSeconds();
    EXPECT_TRUE(editor.keyPressed(key(sf::Keyboard::S, true)));
    EXPECT_FALSE(editor.editor().dirty());
    EXPECT_TRUE(editor.savedAny());
    EXPECT_FALSE(editor.messageIsError()) << editor.message();

    EXPECT_EQ(readAll(folders.builtIn / "nightly.toml"), builtInBefore);
    ASSERT_TRUE(fs::exists(folders.user / "nightly.toml"));
    const RoutineLibrary reloaded = RoutineLibrary::load(folders.builtIn, folders.user);
    const RoutineEntry* entry = reloaded.find("nightly");
    ASSERT_NE(entry, nullptr);
    EXPECT_FALSE(entry->builtIn);
    ASSERT_TRUE(entry->result.ok());
    EXPECT_EQ(entry->result.routine->steps[0].hold, 35);
    EXPECT_EQ(total, editor.editor().totalSeconds());
}

TEST(EditorController, LeavingWithChangesAsksFirst) {
    Folders folders("leave");
    RoutineLibrary library;
    {
        EditorController editor = nightlyEditor(folders, library);
        EXPECT_TRUE(editor.keyPressed(key(sf::Keyboard::Escape)));
        EXPECT_TRUE(editor.closed()) << "nothing changed: no question";
    }
    {
        EditorController editor = nightlyEditor(folders, library);
        editor.keyPressed(key(sf::Keyboard::D));
        editor.keyPressed(key(sf::Keyboard::Escape));
        EXPECT_EQ(editor.prompt(), EditorController::Prompt::LeaveUnsaved);
        EXPECT_FALSE(editor.closed());
        editor.keyPressed(key(sf::Keyboard::Escape)); // keep editing
        EXPECT_EQ(editor.prompt(), EditorController::Prompt::None);
        EXPECT_FALSE(editor.closed());
        editor.keyPressed(key(sf::Keyboard::Escape));
        editor.keyPressed(key(sf::Keyboard::N)); // don't save
        EXPECT_TRUE(editor.closed());
        EXPECT_FALSE(fs::exists(folders.user / "nightly.toml"));
    }
    {
        EditorController editor = nightlyEditor(folders, library);
        editor.keyPressed(key(sf::Keyboard::D));
        editor.keyPressed(key(sf::Keyboard::Escape));
        editor.keyPressed(key(sf::Keyboard::Enter)); // save
        EXPECT_TRUE(editor.closed());
        EXPECT_TRUE(fs::exists(folders.user / "nightly.toml"));
    }
}

TEST(EditorController, ThePickerAddsTheChosenStretchAfterTheSelectedOne) {
    Folders folders("picker");
    RoutineLibrary library;
    EditorController editor = nightlyEditor(folders, library);
    const std::size_t count = editor.editor().stepCount();
    EXPECT_TRUE(editor.keyPressed(key(sf::Keyboard::A)));
    EXPECT_EQ(editor.prompt(), EditorController::Prompt::Picker);
    ASSERT_GE(editor.pickerIds().size(), 2u);
    EXPECT_TRUE(editor.keyPressed(key(sf::Keyboard::Down)));
    const std::string chosen = editor.pickerIds()[1];
    EXPECT_TRUE(editor.keyPressed(key(sf::Keyboard::Enter)));
    EXPECT_EQ(editor.prompt(), EditorController::Prompt::None);
    EXPECT_EQ(editor.editor().stepCount(), count + 1);
    EXPECT_EQ(editor.editor().document().steps[1].stretchId, chosen);
    EXPECT_EQ(editor.selectedStep(), 1u);
}

TEST(EditorController, TypingANewNameAndSavingANewRoutineMakesItsId) {
    Folders folders("new");
    const RoutineLibrary library = RoutineLibrary::load(folders.builtIn, folders.user);
    EditorController editor(EditorController::newRoutineTemplate(library.catalog), library.catalog,
                            "", folders.user, {"nightly", "quick"});
    EXPECT_TRUE(editor.isNew());
    EXPECT_EQ(editor.editor().stepCount(), 2u);
    editor.setFocus(EditorFocus::Name);
    EXPECT_TRUE(editor.keyPressed(key(sf::Keyboard::Enter)));
    EXPECT_TRUE(editor.typing());
    for (int i = 0; i < 20; ++i)
        editor.keyPressed(key(sf::Keyboard::BackSpace));
    for (const char32_t c : std::u32string(U"Évening calves"))
        editor.textEntered(static_cast<sf::Uint32>(c));
    EXPECT_FALSE(editor.keyPressed(key(sf::Keyboard::A))) << "letters are typed, not commands";
    editor.textEntered('\r');
    EXPECT_TRUE(editor.keyPressed(key(sf::Keyboard::Enter)));
    EXPECT_FALSE(editor.typing());
    EXPECT_EQ(editor.editor().document().name, "Évening calves");
    EXPECT_TRUE(editor.save());
    EXPECT_EQ(editor.id(), "evening-calves");
    EXPECT_TRUE(fs::exists(folders.user / "evening-calves.toml"));
}

TEST(EditorController, IdsComeFromNamesAndAreUnique) {
    EXPECT_EQ(EditorController::idFromName("My Calf Routine!", {}), "my-calf-routine");
    EXPECT_EQ(EditorController::idFromName("  ", {}), "my-routine");
    EXPECT_EQ(EditorController::idFromName("Übungen für Waden", {}), "ubungen-fur-waden");
    EXPECT_EQ(EditorController::idFromName("Nightly", {"nightly"}), "nightly-2");
    EXPECT_EQ(EditorController::idFromName("Nightly", {"nightly", "nightly-2"}), "nightly-3");
}

// `edit` and `new` take the ids the editor makes: the same rule, even for long names.
TEST(EditorController, IdsFromLongNamesStillPassTheIdRule) {
    const std::string name = "A very long name for my gentle evening calf and hamstring routine";
    const std::string first = EditorController::idFromName(name, {});
    EXPECT_TRUE(validRoutineId(first)) << first;
    const std::string second = EditorController::idFromName(name, {first});
    EXPECT_TRUE(validRoutineId(second)) << second;
    EXPECT_NE(second, first);
    EXPECT_EQ(second.substr(second.size() - 2), "-2");
    EXPECT_TRUE(validRoutineId(EditorController::idFromName("Stretches", {})));
}

} // namespace
} // namespace ns
