#include "checkin_prompt.hpp"

#include "files.hpp"
#include "history.hpp"

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
    if (history.nightRecords().empty()) return std::nullopt;
    return lastNight;
}

bool CheckInPrompt::remember(Date tonight) const {
    return writeFileAtomically(m_file, tonight.str() + "\n", nullptr);
}

} // namespace ns
