// The weekly chart, the two-week comparison and the doctor suggestion from computed Stats.
#include "progress.hpp"

#include "doctor_note.hpp"

#include <algorithm>
#include <cstdio>

namespace ns {

namespace {

// The summary of `night` when stats.nights holds it (it is contiguous up to tonight).
const NightSummary* summaryOf(const Stats& stats, Date night) {
    if (stats.nights.empty()) return nullptr;
    const int index = night.days - stats.nights.front().night.days;
    if (index >= 0 && index < static_cast<int>(stats.nights.size()) &&
        stats.nights[static_cast<std::size_t>(index)].night == night)
        return &stats.nights[static_cast<std::size_t>(index)];
    // Not contiguous (Stats put together by hand): search the sorted list.
    const auto it = std::lower_bound(
        stats.nights.begin(), stats.nights.end(), night,
        [](const NightSummary& summary, Date wanted) { return summary.night < wanted; });
    return it != stats.nights.end() && it->night == night ? &*it : nullptr;
}

bool hasCheckIn(const NightSummary& summary) {
    return summary.cramps || summary.pain || summary.sleep;
}

DiaryPeriod diaryOver(const Stats& stats, Date first, int nights) {
    DiaryPeriod period;
    period.firstNight = first;
    period.nights = nights;
    int painTotal = 0;
    int painCount = 0;
    for (int i = 0; i < nights; ++i) {
        const NightSummary* summary = summaryOf(stats, first.plus(i));
        if (summary == nullptr || !hasCheckIn(*summary)) continue;
        ++period.checkIns;
        if (summary->cramps.value_or(0) > 0) ++period.crampNights;
        if (summary->pain) {
            painTotal += *summary->pain;
            ++painCount;
        }
    }
    if (period.checkIns > 0)
        period.crampRate = static_cast<double>(period.crampNights) / period.checkIns;
    if (painCount > 0) period.meanPain = static_cast<double>(painTotal) / painCount;
    return period;
}

std::optional<Date> firstDoneNight(const Stats& stats) {
    for (const NightSummary& summary : stats.nights)
        if (summary.state == NightState::Done) return summary.night;
    return std::nullopt;
}

} // namespace

std::vector<WeekSummary> weeklySummary(const Stats& stats) {
    // Calendar weeks, Monday to Sunday, as the calendar above the chart shows them.
    const Date lastMonday = stats.tonight.plus(-stats.tonight.weekday());
    const Date first = stats.nights.empty() ? stats.tonight : stats.nights.front().night;
    const Date firstMonday = first.plus(-first.weekday());
    const int weeks = std::clamp((lastMonday.days - firstMonday.days) / 7 + 1, 1, kMaxChartWeeks);
    std::vector<WeekSummary> out;
    out.reserve(static_cast<std::size_t>(weeks));
    for (int week = weeks - 1; week >= 0; --week) {
        WeekSummary summary;
        summary.firstNight = lastMonday.plus(-7 * week);
        const DiaryPeriod diary = diaryOver(stats, summary.firstNight, 7);
        summary.crampNights = diary.crampNights;
        summary.checkIns = diary.checkIns;
        summary.meanPain = diary.meanPain;
        for (int i = 0; i < 7; ++i) {
            const NightSummary* night = summaryOf(stats, summary.firstNight.plus(i));
            if (night == nullptr) continue;
            if (night->state == NightState::Done) ++summary.nightsDone;
            if (night->state == NightState::Partial) ++summary.nightsPartial;
        }
        out.push_back(summary);
    }
    return out;
}

TwoWeekComparison compareFirstAndLastTwoWeeks(const Stats& stats) {
    TwoWeekComparison out;
    const std::optional<Date> first = firstDoneNight(stats);
    out.firstTwoWeeks = diaryOver(stats, first.value_or(stats.tonight), kCompareNights);
    out.lastTwoWeeks = diaryOver(stats, stats.tonight.plus(1 - kCompareNights), kCompareNights);

    const bool apart = first && stats.tonight.days - first->days + 1 >= 2 * kCompareNights;
    if (!apart) {
        out.sentence =
            "Keep going: after four weeks you can compare your first two weeks with your last two.";
        return out;
    }
    if (out.firstTwoWeeks.checkIns == 0 || out.lastTwoWeeks.checkIns == 0) {
        out.sentence = "Fill in the morning diary to compare your first and last two weeks.";
        return out;
    }
    out.available = true;
    out.sentence =
        "In your first two weeks, cramps came on " + std::to_string(out.firstTwoWeeks.crampNights) +
        " of " + std::to_string(out.firstTwoWeeks.checkIns) +
        " nights; in the last two weeks, on " + std::to_string(out.lastTwoWeeks.crampNights) +
        " of " + std::to_string(out.lastTwoWeeks.checkIns) + ".";
    if (out.firstTwoWeeks.meanPain && out.lastTwoWeeks.meanPain) {
        char buffer[96];
        std::snprintf(buffer, sizeof buffer,
                      "Worst pain averaged %.1f of 10 then and %.1f of 10 lately.",
                      *out.firstTwoWeeks.meanPain, *out.lastTwoWeeks.meanPain);
        out.painSentence = buffer;
    }
    return out;
}

bool shouldSuggestDoctor(const Stats& stats) {
    return doctorNote(stats, stats.symptoms).has_value();
}

} // namespace ns
