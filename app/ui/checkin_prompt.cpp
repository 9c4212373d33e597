#include "checkin_prompt.hpp"

#include "history.hpp"

#include <fstream>
#include <string>
#include <system_error>

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
    std::error_code ec;
    if (m_file.has_parent_path()) std::filesystem::create_directories(m_file.parent_path(), ec);
    const std::filesystem::path temporary = m_file.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << tonight.str() << '\n';
        if (!out.flush()) return false;
    }
    std::filesystem::rename(temporary, m_file, ec);
    return !ec;
}

} // namespace ns
