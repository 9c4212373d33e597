// Nights, streaks and the six-week programme: DESIGN "History, nights and streaks".
#include "nights.hpp"

#include <algorithm>
#include <cstdio>
#include <deque>
#include <time.h> // NOLINT(modernize-deprecated-headers): localtime_r and tzset are POSIX
#include <vector>

namespace ns {

namespace {

// Days from 1970-01-01 to a civil date, and back: the era-based algorithms that hold for every
// date of the proleptic Gregorian calendar (400-year eras of 146097 days).
int daysFromCivil(int year, int month, int day) {
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yearOfEra = y - era * 400;                                            // 0..399
    const int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1; // from 1 March
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

Date::YearMonthDay civilFromDays(int days) {
    const int z = days + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int dayOfEra = z - era * 146097;
    const int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const int monthFromMarch = (5 * dayOfYear + 2) / 153;
    Date::YearMonthDay out;
    out.day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
    out.month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
    out.year = yearOfEra + era * 400 + (out.month <= 2 ? 1 : 0);
    return out;
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// The number written by `count` digits at `text[from]`, or -1 if any is not a digit.
int digitsAt(const std::string& text, std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        if (!isDigit(text[i])) return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

bool hasAnything(const NightRecord& r) {
    return r.holdSeconds > 0 || r.plannedHoldSeconds > 0 || r.skipped || r.cramps || r.pain ||
           r.sleep || !r.note.empty();
}

// Several records for one night (they should not happen, but callers may pass sessions one by
// one) become one: hold time adds up, the smallest plan counts, the later diary values win.
void mergeInto(NightRecord& into, const NightRecord& from) {
    into.holdSeconds += from.holdSeconds;
    if (from.plannedHoldSeconds > 0 &&
        (into.plannedHoldSeconds <= 0 || from.plannedHoldSeconds < into.plannedHoldSeconds))
        into.plannedHoldSeconds = from.plannedHoldSeconds;
    into.skipped = into.skipped || from.skipped;
    if (from.cramps) into.cramps = from.cramps;
    if (from.pain) into.pain = from.pain;
    if (from.sleep) into.sleep = from.sleep;
    if (!from.note.empty()) into.note = from.note;
}

} // namespace

std::optional<Date> Date::parse(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const int year = digitsAt(text, 0, 4);
    const int month = digitsAt(text, 5, 2);
    const int day = digitsAt(text, 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
        return std::nullopt;
    return fromYmd(year, month, day);
}

std::string Date::str() const {
    std::string out;
    appendTo(out);
    return out;
}

void Date::appendTo(std::string& out) const {
    const YearMonthDay d = ymd();
    if (d.year < 0 || d.year > 9999) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
        out += buffer;
        return;
    }
    // By hand: snprintf's format parsing was a third of writing ten years of `stats --json`.
    const char text[10] = {static_cast<char>('0' + d.year / 1000),
                           static_cast<char>('0' + d.year / 100 % 10),
                           static_cast<char>('0' + d.year / 10 % 10),
                           static_cast<char>('0' + d.year % 10),
                           '-',
                           static_cast<char>('0' + d.month / 10),
                           static_cast<char>('0' + d.month % 10),
                           '-',
                           static_cast<char>('0' + d.day / 10),
                           static_cast<char>('0' + d.day % 10)};
    out.append(text, sizeof text);
}

int Date::weekday() const {
    // 1970-01-01 was a Thursday (3 with Monday as 0).
    return ((days % 7) + 7 + 3) % 7;
}

Date::YearMonthDay Date::ymd() const {
    return civilFromDays(days);
}

Date Date::fromYmd(int year, int month, int day) {
    return Date{daysFromCivil(year, month, day)};
}

bool Date::isLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int Date::daysInMonth(int year, int month) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

std::optional<DayStart> DayStart::parse(const std::string& text) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    const int hour = digitsAt(text, 0, 2);
    const int minute = digitsAt(text, 3, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return std::nullopt;
    DayStart out;
    out.hour = hour;
    out.minute = minute;
    return out;
}

LocalTime localTimeOf(std::time_t utc) {
    // tzset() so a changed TZ is seen: glibc's localtime_r reads it only once otherwise.
    tzset();
    std::tm local{};
    LocalTime out;
    if (localtime_r(&utc, &local) == nullptr) {
        // Out of range for the C library: fall back to UTC arithmetic.
        const auto seconds = static_cast<long long>(utc);
        long long days = seconds / 86400;
        long long rest = seconds % 86400;
        if (rest < 0) {
            rest += 86400;
            --days;
        }
        out.date = Date{static_cast<int>(days)};
        out.minuteOfDay = static_cast<int>(rest / 60);
        return out;
    }
    out.date = Date::fromYmd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
    out.minuteOfDay = local.tm_hour * 60 + local.tm_min;
    out.utcOffsetMinutes = static_cast<int>(local.tm_gmtoff / 60);
    return out;
}

Date nightOf(std::time_t utc, DayStart dayStart) {
    const LocalTime local = localTimeOf(utc);
    const int startMinute = dayStart.hour * 60 + dayStart.minute;
    return local.minuteOfDay < startMinute ? local.date.plus(-1) : local.date;
}

const char* toString(NightState state) {
    switch (state) {
    case NightState::Done:
        return "done";
    case NightState::Partial:
        return "partial";
    case NightState::Skipped:
        return "skipped";
    case NightState::Missed:
        return "missed";
    case NightState::NotYet:
        return "not_yet";
    }
    return "missed";
}

const char* stateWords(NightState state) {
    switch (state) {
    case NightState::Done:
        return "done";
    case NightState::Partial:
        return "partly done";
    case NightState::Skipped:
        return "skipped";
    case NightState::Missed:
        return "missed";
    case NightState::NotYet:
        return "not done yet";
    }
    return "missed";
}

int doneThresholdSeconds(int plannedHoldSeconds) {
    // ceil(0.8 * planned) in integers: 0.8 * 150 in doubles is 120.00000000000001.
    if (plannedHoldSeconds <= 0) return 0;
    const long long planned = plannedHoldSeconds;
    return static_cast<int>((planned * 4 + 4) / 5);
}

NightState stateOf(const NightRecord& record) {
    if (record.plannedHoldSeconds > 0 &&
        record.holdSeconds >= doneThresholdSeconds(record.plannedHoldSeconds))
        return NightState::Done;
    if (record.skipped) return NightState::Skipped;
    if (record.holdSeconds > 0) return NightState::Partial;
    return NightState::Missed;
}

NightState tonightStateOf(const NightRecord& record) {
    const NightState state = stateOf(record);
    return state == NightState::Missed ? NightState::NotYet : state;
}

Stats computeStats(const std::vector<NightRecord>& records, Date tonight) {
    Stats stats;
    stats.tonight = tonight;

    // By night, those of one night merged in the order given; a sorted vector, not a map: the
    // history hands them over sorted, and ten years of nodes cost more than the rest together.
    std::vector<const NightRecord*> kept;
    kept.reserve(records.size());
    for (const NightRecord& record : records)
        if (!(tonight < record.night) && !(record.night < kEarliestNight) && hasAnything(record))
            kept.push_back(&record);
    const auto byDay = [](const NightRecord* a, const NightRecord* b) {
        return a->night.days < b->night.days;
    };
    if (!std::is_sorted(kept.begin(), kept.end(), byDay))
        std::stable_sort(kept.begin(), kept.end(), byDay);
    std::deque<NightRecord> merged; // copies only for nights given in more than one record
    std::vector<const NightRecord*> byNight;
    byNight.reserve(kept.size());
    for (const NightRecord* record : kept) {
        if (byNight.empty() || byNight.back()->night.days != record->night.days) {
            byNight.push_back(record);
            continue;
        }
        if (merged.empty() || byNight.back() != &merged.back()) {
            merged.push_back(*byNight.back());
            byNight.back() = &merged.back();
        }
        mergeInto(merged.back(), *record);
    }

    const Date first = byNight.empty() ? tonight : byNight.front()->night;
    const int nightCount = tonight.days - first.days + 1; // first is never after tonight
    stats.nights.reserve(static_cast<std::size_t>(nightCount));
    auto next = byNight.begin();
    for (Date night = first; night <= tonight; night = night.plus(1)) {
        NightSummary summary;
        summary.night = night;
        if (night == tonight) summary.state = tonightStateOf(NightRecord{});
        if (next != byNight.end() && (*next)->night.days == night.days) {
            const NightRecord& record = **next++;
            summary.state = night == tonight ? tonightStateOf(record) : stateOf(record);
            summary.holdSeconds = record.holdSeconds;
            summary.cramps = record.cramps;
            summary.pain = record.pain;
            summary.sleep = record.sleep;
            summary.note = record.note;
        }
        switch (summary.state) {
        case NightState::Done:
            ++stats.nightsDone;
            if (!stats.programmeNight)
                stats.programmeNight = std::min(tonight.days - night.days + 1, kProgrammeNights);
            break;
        case NightState::Partial:
            ++stats.nightsPartial;
            break;
        case NightState::Skipped:
            ++stats.nightsSkipped;
            break;
        case NightState::Missed:
        case NightState::NotYet:
            break;
        }
        stats.nights.push_back(std::move(summary));
    }
    stats.tonightState = stats.nights.back().state;

    // Best: the longest run anywhere; a skipped night passes a run on, partial or missed ends it.
    int run = 0;
    for (const NightSummary& summary : stats.nights) {
        if (summary.state == NightState::Done)
            stats.bestStreak = std::max(stats.bestStreak, ++run);
        else if (summary.state != NightState::Skipped)
            run = 0;
    }

    // Current: back from tonight; tonight not (yet) done does not break it before bedtime.
    for (auto it = stats.nights.rbegin(); it != stats.nights.rend(); ++it) {
        const bool isTonight = it == stats.nights.rbegin();
        if (it->state == NightState::Done)
            ++stats.currentStreak;
        else if (it->state != NightState::Skipped && !isTonight)
            break;
    }
    stats.bestStreak = std::max(stats.bestStreak, stats.currentStreak);
    return stats;
}

} // namespace ns
