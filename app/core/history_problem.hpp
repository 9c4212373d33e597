// The words for a history that cannot be used, for the window's banner: what is not being saved,
// why, and what to do. Pure text, so the command line and tests can use it without a window.
#pragma once

#include <filesystem>
#include <string>

namespace ns {

struct ProblemWords {
    std::string headline; // what is not being saved
    std::string detail;   // why, in a sentence
    std::string action;   // what to do, in a sentence (others may add one: a restore command)
    bool empty() const { return headline.empty(); }
};

// No history could be opened at all: nothing of tonight will be kept.
ProblemWords historyNotOpened(const std::filesystem::path& file, const std::string& error);
// The same, said during a session: short, as the instructions need the room.
ProblemWords historyNotOpenedDuringASession();
// The file was damaged, kept aside, and a new one started.
ProblemWords historyMovedAside(const std::filesystem::path& keptAs);
// Opened with a warning (read-only, say): sessions may not be kept.
ProblemWords historyWarning(const std::string& error);
// A session could not be written while it ran.
ProblemWords sessionNotSaved(const std::string& error);
// Home after such a session.
ProblemWords lastSessionNotSaved(const std::string& error);

// A command (stats, checkin, log...) found no history it could open: what is wrong and what to
// do, one sentence.
std::string historyNotOpenedForACommand(const std::filesystem::path& file,
                                        const std::string& error);

} // namespace ns
