// stats --png: a 1280x800 PNG that loads back; a clear exit code without a display or when the
// file cannot be written.
#include "progress_picture.hpp"
#include "progress_test_data.hpp"

#include <SFML/Graphics/Image.hpp>
#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>

namespace ns {
namespace {

Paths testPaths() {
    Paths paths;
    paths.shareDir = std::filesystem::path(NS_ROUTINES_DIR).parent_path(); // assets/ is there
    return paths;
}

TEST(ProgressPicture, WritesAPngOfTheProgressScreen) {
    if (!std::getenv("DISPLAY")) GTEST_SKIP() << "no DISPLAY";
    const auto dir = std::filesystem::path(NS_ARTIFACTS_DIR);
    std::filesystem::create_directories(dir);
    for (const char* name : {"stats-picture.png", "stats-picture-without-extension"}) {
        const auto file = dir / name;
        std::filesystem::remove(file);
        std::string error;
        ASSERT_EQ(saveProgressPicture(test::sampleStats(5), file, testPaths(), &error), 0) << error;
        sf::Image image;
        ASSERT_TRUE(image.loadFromFile(file.string())) << name;
        EXPECT_EQ(image.getSize(), sf::Vector2u(1280, 800));
        EXPECT_FALSE(std::filesystem::exists(file.string() + ".part.png"));
    }
}

TEST(ProgressPicture, AFileThatCannotBeWrittenIsExitCode2) {
    if (!std::getenv("DISPLAY")) GTEST_SKIP() << "no DISPLAY";
    std::string error;
    const std::filesystem::path file = "/nonexistent-folder/progress.png";
    EXPECT_EQ(saveProgressPicture(test::sampleStats(), file, testPaths(), &error), 2);
    EXPECT_NE(error.find("cannot write /nonexistent-folder/progress.png"), std::string::npos)
        << error;
}

TEST(ProgressPicture, NoDisplayIsExitCode3WithOneSentence) {
    const char* old = std::getenv("DISPLAY");
    const std::optional<std::string> saved = old ? std::optional<std::string>(old) : std::nullopt;
    unsetenv("DISPLAY");
    std::string error;
    const int code = saveProgressPicture(test::sampleStats(),
                                         std::filesystem::path(NS_ARTIFACTS_DIR) / "never.png",
                                         testPaths(), &error);
    if (saved) setenv("DISPLAY", saved->c_str(), 1);
    EXPECT_EQ(code, 3);
    EXPECT_NE(error.find("needs a display"), std::string::npos) << error;
    EXPECT_NE(error.find("xvfb-run"), std::string::npos) << error;
    EXPECT_EQ(error.find('\n'), std::string::npos);
}

} // namespace
} // namespace ns
