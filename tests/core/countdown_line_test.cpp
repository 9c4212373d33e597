// The terminal countdown line fits the terminal: never as wide as it, so it never wraps.
#include "countdown_line.hpp"

#include <gtest/gtest.h>

namespace ns {
namespace {

const CountdownLineParts kParts{"Hold - right leg", "0:25", "7:40"};

TEST(CountdownLine, AWideTerminalGetsEverything) {
    EXPECT_EQ(
        countdownLine(kParts, 120),
        "   Hold - right leg 0:25    (7:40 left in all)   Space pause, N next, V voice, Q stop");
}

// Issue 12: at 40 columns the line used to be 85 wide and wrapped every second.
TEST(CountdownLine, EveryWidthGetsALineNarrowerThanItself) {
    for (int columns = 1; columns <= 200; ++columns) {
        const std::string line = countdownLine(kParts, columns);
        EXPECT_LT(static_cast<int>(line.size()), columns) << columns << ": " << line;
        if (columns > 5) {
            EXPECT_NE(line.find("0:25"), std::string::npos) << columns;
        }
    }
    EXPECT_EQ(countdownLine(kParts, 40), "Hold - right leg 0:25  (7:40 left)");
    EXPECT_EQ(countdownLine(kParts, 30), "Hold - right leg 0:25");
    EXPECT_EQ(countdownLine(kParts, 10), "0:25");
    EXPECT_EQ(countdownLine(kParts, 60), "   Hold - right leg 0:25    (7:40 left in all)");
}

} // namespace
} // namespace ns
