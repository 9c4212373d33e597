// The history commands: stats, checkin, log, skip, history, export. Each returns an exit code.
#pragma once

#include "command_arguments.hpp"
#include "history_backups.hpp"
#include "history_problem.hpp"
#include "paths.hpp"
#include "routine_loader.hpp"

#include <ctime>
#include <optional>
#include <string>

namespace ns {

class HistoryStore;

struct OpenedHistory {
    std::unique_ptr<HistoryStore> store; // null when none could be opened
    std::string notice;                  // one sentence for the person, or empty
    // A damaged file was moved aside and this backup can give back what it held.
    std::optional<GoodBackup> restorable;
    ProblemWords problem; // the window's banner when the history cannot be used as it was
    std::string whyNot;   // no store: what is wrong and what to do, one sentence for a command
};
// Opens the history and reports a damaged file moved aside. The day's backup comes before the
// store's first write of each day, whichever command writes. Prints nothing.
OpenedHistory openHistory(const Paths& paths);

struct StatsOptions {
    bool json = false;
    std::optional<std::string> today; // YYYY-MM-DD
    std::optional<std::string> png;   // write the progress picture here
};
int statsCommand(const Paths& paths, const StatsOptions& options);

int checkInCommand(const Paths& paths, const CheckInOptions& options);

int logCommand(const Paths& paths, const Routine& routine, const LogOptions& options);

// Marks the night skipped, or with `undo` takes the mark away.
int skipCommand(const Paths& paths, const std::optional<std::string>& night, bool undo = false);
int historyCommand(const Paths& paths, bool json);
int exportCommand(const Paths& paths, const std::string& csvDir);

} // namespace ns
