// Banner words for history problems: each names what is lost and what the person can do.
#include "history_problem.hpp"

namespace ns {

namespace {

// "disk I/O error" -> "disk I/O error." : a detail is a sentence.
std::string sentence(std::string text) {
    if (!text.empty() && text.back() != '.') text += '.';
    return text;
}

} // namespace

ProblemWords historyNotOpened(const std::filesystem::path& file, const std::string& error) {
    return {"Your stretching is not being saved",
            sentence("The history file " + file.string() + " cannot be opened: " + error),
            "Stretch as usual; then close Nightstretch, make sure that folder can be written "
            "(a full disk or a read-only folder stops it) and open it again."};
}

ProblemWords historyNotOpenedDuringASession() {
    return {"Your stretching is not being saved", "",
            "Stretch as usual; afterwards, make sure the history's folder can be written."};
}

ProblemWords historyMovedAside(const std::filesystem::path& keptAs) {
    return {"Your history file was damaged, so a new one was started",
            "The old file is kept as " + keptAs.string() +
                "; its nights are not shown here. Tonight's stretching is saved in the new file.",
            ""};
}

ProblemWords historyWarning(const std::string& error) {
    return {"Your stretching may not be saved", sentence("The history says: " + error),
            "Close Nightstretch, make sure its folder can be written, and open it again."};
}

ProblemWords sessionNotSaved(const std::string& error) {
    return {"This session is not being saved",
            sentence("The history could not be written: " + error),
            "Keep going; before the next session, make sure the disk has room."};
}

ProblemWords lastSessionNotSaved(const std::string& error) {
    return {"Your last session was not saved",
            sentence("The history could not be written: " + error),
            "Make sure the disk has room (and the folder can be written) before the next one."};
}

std::string historyNotOpenedForACommand(const std::filesystem::path& file,
                                        const std::string& error) {
    return "the history cannot be opened (" + file.string() + ": " + error +
           "); make sure its folder can be written (a full disk or a read-only folder stops it), "
           "then run the command again";
}

} // namespace ns
