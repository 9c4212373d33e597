// Correcting and recovering the record: `backups`, `restore [BACKUP]` and `history delete ID`.
// Nothing is ever lost by them: a restore keeps the history it replaces beside it.
#pragma once

#include "history_backups.hpp"
#include "paths.hpp"

#include <optional>
#include <string>

namespace ns {

// The folder of the daily backups.
std::filesystem::path backupsDir(const Paths& paths);

// "the backup of 2026-11-28 still holds 12 nights (2026-10-01 to 2026-11-28): to put it back,
// run 'nightstretch restore'", for the message that a damaged history was moved aside.
std::string restoreAdvice(const GoodBackup& backup);

int backupsCommand(const Paths& paths);
// Asks before it replaces a history that holds anything (`yes`: without asking); without a
// terminal to ask on and no `yes`, refuses.
int restoreCommand(const Paths& paths, const std::optional<std::string>& name, bool yes);
int historyDeleteCommand(const Paths& paths, const std::string& id, bool yes);

} // namespace ns
