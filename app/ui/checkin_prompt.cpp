#include "checkin_prompt.hpp"

#include "files.hpp"
#include "history.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <fstream>
#include <string>

namespace ns {

CheckInPrompt::CheckInPrompt(std::filesystem::path memoFile) : m_file(std::move(memoFile)) {}

std::optional<Date> CheckInPrompt::lastAsked() const {
    std::ifstream in(m_file);
    std::string text;
    if (!in || !std::getline(in, text)) return std::nullopt;
    while (!text.empty() && (text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    return Date::parse(text);
}

std::optional<Date> CheckInPrompt::nightToAsk(const HistoryStore& history, Date tonight) const {
    const std::optional<Date> asked = lastAsked();
    if (asked && *asked >= tonight) return std::nullopt;
    const Date lastNight = tonight.plus(-1);
    if (history.checkInFor(lastNight.str())) return std::nullopt;
    const std::vector<NightRecord> records = history.nightRecords();
    if (records.empty()) return std::nullopt;
    // Last night must be one the person already used the app for: not before the first record.
    const auto first = std::min_element(
        records.begin(), records.end(),
        [](const NightRecord& a, const NightRecord& b) { return a.night < b.night; });
    if (lastNight < first->night) return std::nullopt;
    // A session tonight: the evening has begun, the morning question is over.
    const bool stretchedTonight = std::any_of(records.begin(), records.end(), [&](const auto& r) {
        return r.night == tonight && (r.holdSeconds > 0 || r.plannedHoldSeconds > 0);
    });
    if (stretchedTonight) return std::nullopt;
    return lastNight;
}

std::optional<Date> CheckInPrompt::firstLookOf(const HistoryStore& history, Date tonight) const {
    const std::optional<Date> looked = lastAsked();
    if (looked && *looked >= tonight) return std::nullopt;
    const std::optional<Date> night = nightToAsk(history, tonight); // before the memo says "asked"
    if (!remember(tonight)) spdlog::warn("could not remember that the check-in was considered");
    return night;
}

bool CheckInPrompt::remember(Date tonight) const {
    return writeFileAtomically(m_file, tonight.str() + "\n", nullptr);
}

} // namespace ns
