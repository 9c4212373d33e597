// Backups of the history: names, the keeping rule, the newest good one.
#include "history_backups.hpp"

#include <algorithm>
#include <system_error>

namespace fs = std::filesystem;

namespace ns {

std::optional<Date> backupDateOf(const std::string& fileName) {
    const std::string prefix = "history-";
    const std::string suffix = ".sqlite3";
    if (fileName.size() != prefix.size() + 10 + suffix.size()) return std::nullopt;
    if (fileName.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
    if (fileName.compare(fileName.size() - suffix.size(), suffix.size(), suffix) != 0)
        return std::nullopt;
    return Date::parse(fileName.substr(prefix.size(), 10));
}

std::string backupFileName(Date date) {
    return "history-" + date.str() + ".sqlite3";
}

std::vector<Date> backupsToKeep(std::vector<Date> dates) {
    std::sort(dates.begin(), dates.end(), [](Date a, Date b) { return b < a; });
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
    std::vector<Date> keep;
    int daily = 0;
    int weekly = 0;
    int monthly = 0;
    std::optional<int> lastWeek;
    std::optional<int> lastMonth;
    for (const Date date : dates) {
        bool kept = false;
        if (daily < kDailyBackups) {
            ++daily;
            kept = true;
        }
        const int week = date.plus(-date.weekday()).days; // its Monday
        if (week != lastWeek) {
            lastWeek = week;
            if (weekly < kWeeklyBackups) {
                ++weekly;
                kept = true;
            }
        }
        const Date::YearMonthDay ymd = date.ymd();
        const int month = ymd.year * 12 + ymd.month;
        if (month != lastMonth) {
            lastMonth = month;
            if (monthly < kMonthlyBackups) {
                ++monthly;
                kept = true;
            }
        }
        if (kept) keep.push_back(date);
    }
    return keep;
}

std::vector<BackupFile> listBackups(const fs::path& dir) {
    std::vector<BackupFile> backups;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const auto date = backupDateOf(it->path().filename().string());
        std::error_code fileError;
        if (!date || !it->is_regular_file(fileError)) continue;
        const std::uintmax_t bytes = it->file_size(fileError);
        backups.push_back({it->path(), *date, fileError ? 0 : bytes});
    }
    std::sort(backups.begin(), backups.end(),
              [](const BackupFile& a, const BackupFile& b) { return b.date < a.date; });
    return backups;
}

fs::path beforeRestoreName(const fs::path& historyFile, std::time_t now) {
    std::tm local{};
    localtime_r(&now, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
    const std::string base = historyFile.string() + ".before-restore-" + stamp;
    std::error_code ec;
    fs::path candidate = base;
    for (int n = 1; fs::exists(candidate, ec) && n < 100; ++n)
        candidate = base + "-" + std::to_string(n);
    return candidate;
}

std::optional<GoodBackup> newestGoodBackup(const fs::path& dir) {
    for (BackupFile& file : listBackups(dir)) {
        HistoryStore::FileSummary summary = HistoryStore::inspect(file.path);
        if (summary.good && summary.nights > 0) return GoodBackup{std::move(file), summary};
    }
    return std::nullopt;
}

} // namespace ns
