// Two Nightstretch processes on one history at once (a window left open and a terminal run, say):
// both record, nothing is lost, and neither tells the person the database is locked.
#include "run_process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <thread>
#include <vector>

namespace {

const char* const kFiveSeconds = R"(name = "Five seconds"
[[steps]]
name = "Calf"
prepare = 0
hold = 5
)";

class TwoProcesses : public ns::test::TempHomeTest {};

TEST_F(TwoProcesses, BothSessionsAndEveryCheckInAreRecorded) {
    const std::string routine = m_home + "/five.toml";
    ns::test::writeFile(routine, kFiveSeconds);
    ns::test::ProcessResult first;
    ns::test::ProcessResult second;
    std::vector<ns::test::ProcessResult> checkIns(6);
    {
        std::thread a([&] {
            first = ns::test::runNightstretch({"--home", m_home, "start", "--text", routine},
                                              {{"ALSOFT_DRIVERS", "null"}});
        });
        std::thread b([&] {
            second = ns::test::runNightstretch({"--home", m_home, "start", "--text", routine},
                                               {{"ALSOFT_DRIVERS", "null"}});
        });
        // Diary writes from a third and fourth process while both sessions are recording.
        std::thread c([&] {
            for (int i = 0; i < 3; ++i)
                checkIns[i] =
                    ns::test::runNightstretch({"--home", m_home, "checkin", "--cramps", "1",
                                               "--night", "2026-01-0" + std::to_string(i + 1)});
        });
        std::thread d([&] {
            for (int i = 3; i < 6; ++i)
                checkIns[i] =
                    ns::test::runNightstretch({"--home", m_home, "checkin", "--cramps", "2",
                                               "--night", "2026-01-0" + std::to_string(i + 1)});
        });
        a.join();
        b.join();
        c.join();
        d.join();
    }
    for (const auto* result : {&first, &second}) {
        EXPECT_EQ(result->exitCode, 0) << result->err;
        // Not "locked", not a backup that failed, not a brand-new history taken for damaged and
        // moved aside with the other one's session in it: nothing to say at all.
        EXPECT_EQ(result->err, "");
    }
    for (const auto& result : checkIns) {
        EXPECT_EQ(result.exitCode, 0) << result.err;
        EXPECT_EQ(result.err.find("locked"), std::string::npos) << result.err;
    }
    const auto history = ns::test::runNightstretch({"--home", m_home, "history", "--json"});
    ASSERT_EQ(history.exitCode, 0) << history.err;
    const auto document = nlohmann::json::parse(history.out);
    ASSERT_EQ(document["sessions"].size(), 2u) << history.out;
    for (const auto& session : document["sessions"])
        EXPECT_EQ(session["status"], "completed") << session.dump();
    EXPECT_EQ(document["checkins"].size(), 6u) << history.out;
}

} // namespace
