// The one wrapping of terminal text: lines within the width, words whole, prefixes kept, and
// characters (not UTF-8 bytes) counted.
#include "format.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace ns {
namespace {

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

std::size_t characters(const std::string& text) {
    std::size_t count = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++count;
    return count;
}

TEST(WrapText, LinesStayWithinTheWidthAndNoWordIsSplit) {
    const std::string sentence = "A cramp is a sudden, painful tightening of a muscle, most often "
                                 "the calf. It lasts seconds to minutes.";
    for (const std::size_t width : {20U, 33U, 60U, 80U}) {
        const std::string wrapped = wrapText(sentence, width, "  - ", "    ");
        std::string words;
        for (const std::string& line : linesOf(wrapped)) {
            EXPECT_LE(characters(line), width) << line;
            words += (words.empty() ? "" : " ") + line.substr(4);
        }
        EXPECT_EQ(words, sentence) << "width " << width;
        EXPECT_EQ(wrapped.back(), '\n');
        EXPECT_EQ(wrapped.rfind("  - A cramp", 0), 0U);
    }
}

TEST(WrapText, AWordLongerThanTheLineHasALineOfItsOwn) {
    EXPECT_EQ(wrapText("see /usr/share/nightstretch/sources.md now", 12),
              "see\n/usr/share/nightstretch/sources.md\nnow\n");
}

TEST(WrapText, CountsCharactersNotBytes) {
    // Ten two-byte letters and a space fit 21 columns, though they are 31 bytes.
    const std::string text = "ééééé ééééé ééééé";
    EXPECT_EQ(wrapText(text, 11), "ééééé ééééé\nééééé\n");
}

} // namespace
} // namespace ns
