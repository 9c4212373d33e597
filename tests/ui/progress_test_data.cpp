#include "progress_test_data.hpp"

namespace ns::test {

Date sampleTonight() {
    return *Date::parse("2026-03-12");
}

NightRecord nightRecord(Date night, char state, std::optional<int> cramps, std::optional<int> pain,
                        std::optional<int> sleep, std::string note) {
    NightRecord record;
    record.night = night;
    record.plannedHoldSeconds = 300;
    record.holdSeconds = state == 'D' ? 300 : state == 'P' ? 120 : 0;
    record.skipped = state == 'S';
    record.cramps = cramps;
    record.pain = pain;
    record.sleep = sleep;
    record.note = std::move(note);
    return record;
}

std::vector<NightRecord> sampleRecords(int recentCrampNights, int recentWorstPain) {
    const Date tonight = sampleTonight();
    // Oldest first, 35 nights up to last night.
    const std::string states = "DDPDDMD"
                               "DDDSDDD"
                               "PDDDDMD"
                               "DDDDDDD"
                               "DSDPDDD";
    std::vector<NightRecord> records;
    const int count = static_cast<int>(states.size());
    for (int i = 0; i < count; ++i) {
        const Date night = tonight.plus(i - count);
        const int back = count - i; // 1 = last night
        std::optional<int> cramps = 0;
        std::optional<int> pain = 0;
        if (back > 7) {
            // Early weeks: cramps most nights, later fewer.
            const bool cramp = back > 21 ? (i % 3 != 2) : (i % 4 == 0);
            cramps = cramp ? 1 + i % 3 : 0;
            pain = cramp ? 4 + i % 3 : 0;
        } else if (back <= recentCrampNights) {
            cramps = 1;
            pain = back == 1 ? recentWorstPain : 3;
        }
        if (back == 10) { // a night without a diary entry
            cramps.reset();
            pain.reset();
        }
        records.push_back(nightRecord(night, states[static_cast<std::size_t>(i)], cramps, pain,
                                      pain ? std::optional<int>(*pain / 2) : std::nullopt,
                                      back == 2 ? "woke at 3, left calf" : ""));
    }
    return records;
}

Stats sampleStats(int recentCrampNights, int recentWorstPain) {
    return computeStats(sampleRecords(recentCrampNights, recentWorstPain), sampleTonight());
}

} // namespace ns::test
