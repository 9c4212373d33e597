#include "night_text.hpp"

#include "six_week_review.hpp"

namespace ns {

namespace {

constexpr const char* kWeekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                     "Friday", "Saturday", "Sunday"};
constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};

std::string weekdayName(Date date) {
    const int weekday = date.weekday();
    return weekday >= 0 && weekday < 7 ? kWeekdays[weekday] : "";
}

std::string monthName(int month) {
    return month >= 1 && month <= 12 ? kMonths[month - 1] : "";
}

std::string nights(int n) {
    return std::to_string(n) + (n == 1 ? " night" : " nights");
}

} // namespace

std::string longDate(Date date) {
    const auto ymd = date.ymd();
    return weekdayName(date) + " " + std::to_string(ymd.day) + " " + monthName(ymd.month);
}

std::string shortDate(Date date) {
    return weekdayName(date).substr(0, 3) + " " + dayAndMonth(date);
}

std::string dayAndMonth(Date date) {
    const auto ymd = date.ymd();
    return std::to_string(ymd.day) + " " + monthName(ymd.month).substr(0, 3);
}

std::string tonightLine(const Stats& stats) {
    std::string line = "Tonight: ";
    line += stateWords(stats.tonightState);
    if (stats.tonightState == NightState::Done) line += " \u2713";
    if (stats.currentStreak > 0) {
        line += " \u00b7 streak " + nights(stats.currentStreak);
        if (stats.bestStreak > stats.currentStreak)
            line += " (best " + std::to_string(stats.bestStreak) + ")";
    } else if (stats.bestStreak > 0) {
        line += " \u00b7 best streak " + nights(stats.bestStreak);
    }
    if (inMaintenance(stats))
        line += " \u00b7 six weeks done";
    else if (stats.programmeNight)
        line += " \u00b7 night " + std::to_string(*stats.programmeNight) + " of " +
                std::to_string(kProgrammeNights);
    return line;
}

std::string streakWords(int n) {
    if (n <= 0) return "no streak yet";
    return nights(n) + " in a row";
}

} // namespace ns
