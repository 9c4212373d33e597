// `backups`, `restore` and `history delete`: each checks what it was given in full, asks before
// it replaces or removes what a person saved, says what it did in one sentence, and changes
// nothing when it cannot do all of it.
#include "records_commands.hpp"

#include "command_arguments.hpp"
#include "exit_codes.hpp"
#include "format.hpp"
#include "history.hpp"
#include "history_commands.hpp"
#include "terminal_question.hpp"

#include <spdlog/spdlog.h>

#include <cstdint>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <system_error>

namespace fs = std::filesystem;

namespace ns {
namespace {

int fail(int code, const std::string& message) {
    std::cerr << "nightstretch: " << message << '\n';
    return code;
}

std::string nightsText(const HistoryStore::FileSummary& summary) {
    std::string text =
        std::to_string(summary.nights) + (summary.nights == 1 ? " night" : " nights");
    if (summary.firstNight && summary.lastNight && summary.firstNight != summary.lastNight)
        text += " (" + summary.firstNight->str() + " to " + summary.lastNight->str() + ")";
    else if (summary.firstNight)
        text += " (" + summary.firstNight->str() + ")";
    return text;
}

// The nights a history holds, as inspect() tells them of a file.
HistoryStore::FileSummary summaryOf(const HistoryStore& store) {
    HistoryStore::FileSummary summary;
    const std::vector<NightRecord> nights = store.nightRecords();
    summary.good = true;
    summary.nights = static_cast<int>(nights.size());
    if (!nights.empty()) {
        summary.firstNight = nights.front().night;
        summary.lastNight = nights.back().night;
    }
    return summary;
}

std::string sizeText(std::uintmax_t bytes) {
    constexpr std::uintmax_t kKilo = 1024;
    constexpr std::uintmax_t kMega = kKilo * kKilo;
    if (bytes < kKilo) return std::to_string(bytes) + " bytes";
    if (bytes < kMega) return std::to_string((bytes + kKilo / 2) / kKilo) + " KB";
    return std::to_string((bytes + kMega / 2) / kMega) + " MB";
}

// The backup a person named: a date, a file name in the backups folder, or a path.
std::optional<fs::path> namedBackup(const Paths& paths, const std::string& name) {
    std::error_code ec;
    if (const auto date = Date::parse(name)) {
        const fs::path file = backupsDir(paths) / backupFileName(*date);
        if (fs::is_regular_file(file, ec)) return file;
        return std::nullopt;
    }
    if (fs::is_regular_file(name, ec)) return fs::path(name);
    const fs::path inFolder = backupsDir(paths) / name;
    if (fs::path(name).filename() == name && fs::is_regular_file(inFolder, ec)) return inFolder;
    return std::nullopt;
}

std::string sessionLine(const SessionRecord& s) {
    return "session " + std::to_string(s.id) + " (" + s.routineId + ", night of " + s.night + ", " +
           formatClock(s.holdSecondsDone) + " of " + formatClock(s.plannedHoldSeconds) + " held, " +
           statusWord(s) + ")";
}

} // namespace

fs::path backupsDir(const Paths& paths) {
    return paths.dataDir / "backups";
}

std::string restoreAdvice(const GoodBackup& backup) {
    return "the backup of " + backup.file.date.str() + " still holds " +
           nightsText(backup.summary) + ": to put it back, run 'nightstretch restore'";
}

int backupsCommand(const Paths& paths) {
    const fs::path dir = backupsDir(paths);
    const std::vector<BackupFile> backups = listBackups(dir);
    if (backups.empty()) {
        std::printf(
            "No backups yet in %s: one is made each day, before the first thing is saved.\n",
            dir.c_str());
        return kExitOk;
    }
    std::printf("Backups in %s, newest first:\n", dir.c_str());
    bool anyGood = false;
    for (const BackupFile& backup : backups) {
        const HistoryStore::FileSummary summary = HistoryStore::inspect(backup.path);
        anyGood = anyGood || (summary.good && summary.nights > 0);
        std::printf("  %s  %-8s  %s\n", backup.date.str().c_str(), sizeText(backup.bytes).c_str(),
                    summary.good ? nightsText(summary).c_str()
                                 : ("cannot be used: " + summary.problem).c_str());
    }
    if (anyGood)
        std::printf("Put the newest good one back with 'nightstretch restore', or name one: "
                    "'nightstretch restore %s'.\n",
                    backups.back().date.str().c_str());
    return kExitOk;
}

int restoreCommand(const Paths& paths, const std::optional<std::string>& name, bool yes) {
    fs::path backup;
    if (name) {
        const auto found = namedBackup(paths, *name);
        if (!found)
            return fail(kExitUsage,
                        "there is no backup '" + *name + "'; 'nightstretch backups' lists them");
        backup = *found;
    } else {
        const auto newest = newestGoodBackup(backupsDir(paths));
        if (!newest)
            return fail(kExitUsage,
                        "there is no good backup to restore in " + backupsDir(paths).string());
        backup = newest->file.path;
    }
    const HistoryStore::FileSummary summary = HistoryStore::inspect(backup);
    if (!summary.good)
        return fail(kExitInvalid,
                    "the backup " + backup.string() + " cannot be used: " + summary.problem);

    HistoryStore::OpenResult opened = HistoryStore::open(paths.historyFile());
    if (!opened.movedAside.empty())
        std::cerr << "nightstretch: the damaged history was kept as " << opened.movedAside.string()
                  << '\n';
    if (!opened.store)
        return fail(kExitEnvironment, "the history cannot be opened: " + opened.error);
    // A history that holds something is replaced only when the person says so.
    if (!yes && !opened.store->isEmpty()) {
        const auto date = backupDateOf(backup.filename().string());
        const std::string replacing =
            "your history now, " + nightsText(summaryOf(*opened.store)) + ", with " +
            (date ? "the backup of " + date->str() : backup.string()) + ", " + nightsText(summary);
        if (!canAskOnTerminal())
            return fail(kExitUsage, "replacing " + replacing +
                                        " needs a yes: add --yes to restore without asking");
        const char answer = askOnTerminal(
            "Replace " + replacing + "? The history now is kept beside it. [y/N] ", 'n', 'n');
        if (answer != 'y') {
            std::printf("Kept your history as it is: nothing was restored.\n");
            return kExitOk;
        }
    }
    const fs::path keptAs = beforeRestoreName(paths.historyFile(), std::time(nullptr));
    if (!opened.store->restoreFrom(backup, keptAs))
        return fail(kExitEnvironment, "nothing was restored: " + opened.store->lastError());
    spdlog::info("restored the history from {}; the one it replaced is {}", backup.string(),
                 keptAs.string());
    std::printf("Restored %s: %s.\nThe history it replaced is kept as %s.\nTo undo this, run "
                "'nightstretch restore %s'.\n",
                backup.c_str(), nightsText(summary).c_str(), keptAs.c_str(), keptAs.c_str());
    return kExitOk;
}

int historyDeleteCommand(const Paths& paths, const std::string& idText, bool yes) {
    const auto id = parseBoundedInt(idText, 1, 999999999);
    if (!id)
        return fail(kExitInvalid,
                    "'" + idText + "' is not a session id; 'nightstretch history' shows them");
    OpenedHistory opened = openHistory(paths);
    if (!opened.notice.empty()) std::cerr << "nightstretch: " << opened.notice << '\n';
    if (!opened.store) return fail(kExitEnvironment, "the history cannot be opened");
    const auto session = opened.store->session(*id);
    if (!session) return fail(kExitInvalid, opened.store->lastError());
    if (!yes) {
        if (!canAskOnTerminal())
            return fail(kExitUsage, "removing " + sessionLine(*session) +
                                        " needs a yes: add --yes to remove it without asking");
        const char answer = askOnTerminal("Remove " + sessionLine(*session) + "? [y/N] ", 'n', 'n');
        if (answer != 'y') {
            std::printf("Kept it: nothing was removed.\n");
            return kExitOk;
        }
    }
    if (!opened.store->deleteSession(*id))
        return fail(kExitEnvironment, "nothing was removed: " + opened.store->lastError());
    std::printf("Removed %s.\n", sessionLine(*session).c_str());
    return kExitOk;
}

} // namespace ns
