// The one way the app writes a file: whole or not at all, whatever happens to the process.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace ns {

// Who a new file is for. The app's own files (the diary, settings, the log) are the person's
// alone; what goes where the person says (an export, a picture) follows their umask.
enum class NewFileAccess { App, Persons };

// Called once at start-up: from then on every file and folder this process creates is private
// (0600, 0700) whatever the umask (the XDG base directory spec asks 0700 for an app's folders,
// and the diary is health data). Files made with NewFileAccess::Persons still get 0666 less the
// umask the process started with.
void makeNewFilesPrivate();
// The umask the process started with (the current one before makeNewFilesPrivate).
unsigned personsUmask();
// Sets what personsUmask() answers when makeNewFilesPrivate has not (a module loaded with dlopen
// has its own copy of this file's state: the loader hands it the executable's answer).
void setPersonsUmask(unsigned mask);

// Takes the group's and others' permissions off `path` (a file or a folder) when it has any.
// True when it changed something; false when there was nothing to do or it could not.
bool removeOthersAccess(const std::filesystem::path& path);

// Replaces `file` with `contents`: a new temporary file in the same folder (the folder is created
// when missing), written in full, fsynced, renamed over `file`, then the folder fsynced. The old
// file's permission bits are kept; a new file gets 0666 less the umask (for NewFileAccess::Persons,
// the umask the process started with, see makeNewFilesPrivate). A symlink is followed, so
// the file it points to is replaced and the link stays. On failure the temporary file is removed,
// the old file is untouched, `*error` (if given) says why in one sentence, and it returns false.
bool writeFileAtomically(const std::filesystem::path& file, std::string_view contents,
                         std::string* error, NewFileAccess access = NewFileAccess::App);

// For files another library writes by name (SFML's image saver): an empty, new file beside `file`
// whose name ends with `suffix` (so a writer that picks the format from the extension picks the
// right one). Fill it, then hand it to replaceFileAtomically. Nothing when it cannot be created.
std::optional<std::filesystem::path>
createTemporaryFileBeside(const std::filesystem::path& file, std::string_view suffix,
                          std::string* error, NewFileAccess access = NewFileAccess::App);

// Moves `written` (made by createTemporaryFileBeside for `file`) over `file` the way
// writeFileAtomically does: permissions kept, fsync, rename, folder fsync. `written` is removed
// on failure.
bool replaceFileAtomically(const std::filesystem::path& written, const std::filesystem::path& file,
                           std::string* error);

// An exclusive advisory lock (flock) on `file` (created 0600 if missing), held for the object's
// life: other processes that take the same lock wait for it. Used so that two Nightstretch
// processes never check, create or back up the history at the same moment. Where the lock file
// cannot be made (a read-only folder), held() is false and nothing waits.
class FileLock {
  public:
    explicit FileLock(const std::filesystem::path& file);
    ~FileLock();
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;
    bool held() const { return m_fd >= 0; }

  private:
    int m_fd = -1;
};

// For tests: the steps of writeFileAtomically where a failure can be simulated.
enum class AtomicWriteStage { CreateTemp, Write, Sync, Rename };
// Called before each stage (Write: after half the contents are written); returning false makes
// that stage fail as if the system call had. An empty function (the default) lets everything
// through.
void setAtomicWriteHookForTests(std::function<bool(AtomicWriteStage)> hook);

} // namespace ns
