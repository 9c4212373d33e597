// The history's backups folder: which files are backups, which of them to keep (7 daily, 4
// weekly, 12 monthly) and which is the newest good one to restore.
#pragma once

#include "history.hpp"
#include "nights.hpp"

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ns {

constexpr int kDailyBackups = 7;
constexpr int kWeeklyBackups = 4;   // the newest of each of the last 4 Monday-to-Sunday weeks
constexpr int kMonthlyBackups = 12; // the newest of each of the last 12 calendar months

// "history-YYYY-MM-DD.sqlite3" for a real date; nullopt for any other name.
std::optional<Date> backupDateOf(const std::string& fileName);
std::string backupFileName(Date date);

// The dates among `dates` to keep, newest first: the newest kDailyBackups, and the newest of each
// of the newest kWeeklyBackups weeks and kMonthlyBackups months that have one. A backup kept as
// a month's last lives a year.
std::vector<Date> backupsToKeep(std::vector<Date> dates);

struct BackupFile {
    std::filesystem::path path;
    Date date;
    std::uintmax_t bytes = 0;
};
// The backups in `dir`, newest first (none when the folder does not exist).
std::vector<BackupFile> listBackups(const std::filesystem::path& dir);

struct GoodBackup {
    BackupFile file;
    HistoryStore::FileSummary summary;
};
// Where a restore keeps the history it replaces: beside it, "FILE.before-restore-YYYYMMDD-HHMMSS"
// in local time at `now`, with "-N" added when that name is taken.
std::filesystem::path beforeRestoreName(const std::filesystem::path& historyFile, std::time_t now);

// The newest backup that is good and holds at least one night.
std::optional<GoodBackup> newestGoodBackup(const std::filesystem::path& dir);

} // namespace ns
