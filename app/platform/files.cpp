// Atomic file replacement: a unique temporary file, fsync, rename, fsync of the folder.
#include "files.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <system_error>
#include <utility>

namespace ns {

namespace {

namespace fs = std::filesystem;

std::function<bool(AtomicWriteStage)>& atomicWriteHook() {
    static std::function<bool(AtomicWriteStage)> hook;
    return hook;
}

bool stageAllowed(AtomicWriteStage stage) {
    const auto& hook = atomicWriteHook();
    return !hook || hook(stage);
}

bool fail(std::string* error, const std::string& why) {
    if (error) *error = why;
    return false;
}

std::string systemError(int errorNumber) {
    return std::generic_category().message(errorNumber);
}

std::string quoted(const fs::path& path) {
    return "'" + path.string() + "'";
}

// The file really replaced (a symlink's target) and its folder.
struct Target {
    fs::path file;
    fs::path dir;
};

std::optional<Target> resolve(const fs::path& requested, bool createFolder, std::string* error) {
    Target target{requested, {}};
    std::error_code ec;
    if (fs::is_symlink(target.file, ec)) {
        const fs::path resolved = fs::canonical(target.file, ec);
        if (!ec) target.file = resolved;
    }
    if (!target.file.has_filename()) {
        fail(error, "cannot write " + quoted(requested) + ": it names a folder, not a file");
        return std::nullopt;
    }
    target.dir = target.file.parent_path().empty() ? fs::path(".") : target.file.parent_path();
    if (createFolder) {
        fs::create_directories(target.dir, ec);
        if (ec) {
            fail(error, "cannot create the folder " + quoted(target.dir) + ": " + ec.message());
            return std::nullopt;
        }
    }
    if (fs::is_directory(target.file, ec)) {
        fail(error, "cannot write " + quoted(requested) + ": it is a folder");
        return std::nullopt;
    }
    return target;
}

// A new file no other writer is using: O_EXCL on a name made of the pid, a counter and the clock,
// created 0666 so the umask applies as for any new file (mkstemp would force 0600).
// The umask the process started with; set by makeNewFilesPrivate, else the current one.
std::atomic<int> g_personsUmask{-1};

mode_t personsFileMode() {
    return static_cast<mode_t>(0666 & ~personsUmask());
}

int createUnique(const Target& target, std::string_view suffix, fs::path& temp, std::string* error,
                 NewFileAccess access) {
    static std::atomic<unsigned> counter{0};
    int savedErrno = EEXIST;
    for (unsigned attempt = 0; attempt < 100 && savedErrno == EEXIST; ++attempt) {
        if (!stageAllowed(AtomicWriteStage::CreateTemp)) {
            savedErrno = EIO;
            break;
        }
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        // Within NAME_MAX whatever the file's name.
        const std::string base = target.file.filename().string().substr(0, 100);
        std::string name = "." + base + ".tmp-" + std::to_string(::getpid()) + "-" +
                           std::to_string(counter++) + "-" + std::to_string(stamp % 1000000);
        name += suffix;
        temp = target.dir / name;
        const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0) {
            savedErrno = errno;
            continue;
        }
        // The old file's permission bits from the start, so a private file is never readable
        // by others while its new contents are written.
        struct stat old {};
        const bool replacing = ::stat(target.file.c_str(), &old) == 0;
        const mode_t mode = replacing                          ? old.st_mode & 07777
                            : access == NewFileAccess::Persons ? personsFileMode()
                                                               : 0;
        if (mode != 0 && ::fchmod(fd, mode) != 0) {
            savedErrno = errno;
            ::close(fd);
            ::unlink(temp.c_str());
            break;
        }
        return fd;
    }
    fail(error, "cannot create a temporary file in " + quoted(target.dir) + ": " +
                    systemError(savedErrno));
    return -1;
}

bool writeAll(int fd, const char* data, std::size_t size, int& savedErrno) {
    while (size > 0) {
        const ssize_t written = ::write(fd, data, size);
        if (written < 0) {
            if (errno == EINTR) continue;
            savedErrno = errno;
            return false;
        }
        data += written;
        size -= static_cast<std::size_t>(written);
    }
    return true;
}

// The folder's entry for the renamed file reaches the disk too; some file systems can't fsync a
// folder, and the file itself is already safe, so a failure here is not reported.
void syncFolder(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

// Closes `fd` and removes `temp`, then says why in `*error`.
bool abandon(int fd, const fs::path& temp, const fs::path& requested, const std::string& what,
             int errorNumber, std::string* error) {
    if (fd >= 0) ::close(fd);
    ::unlink(temp.c_str());
    return fail(error, "cannot write " + quoted(requested) + ": " + what + ": " +
                           systemError(errorNumber));
}

// The common end of both ways in: fsync, close, rename, folder fsync. `fd` is open on `temp` and
// is always closed; `temp` is gone unless it became the file.
bool commit(int fd, const fs::path& temp, const Target& target, const fs::path& requested,
            std::string* error) {
    if (!stageAllowed(AtomicWriteStage::Sync))
        return abandon(fd, temp, requested, "syncing", EIO, error);
    if (::fsync(fd) != 0) return abandon(fd, temp, requested, "syncing", errno, error);
    if (::close(fd) != 0) return abandon(-1, temp, requested, "closing", errno, error);
    int savedErrno = 0;
    if (!stageAllowed(AtomicWriteStage::Rename))
        savedErrno = EIO;
    else if (::rename(temp.c_str(), target.file.c_str()) != 0)
        savedErrno = errno;
    if (savedErrno != 0) {
        ::unlink(temp.c_str());
        return fail(error, "cannot replace " + quoted(requested) + ": " + systemError(savedErrno));
    }
    syncFolder(target.dir);
    return true;
}

} // namespace

unsigned personsUmask() {
    const int mask = g_personsUmask.load();
    if (mask >= 0) return static_cast<unsigned>(mask);
    const mode_t current = ::umask(0); // reading it means setting it: put it straight back
    ::umask(current);
    return current;
}

FileLock::FileLock(const fs::path& file) {
    m_fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (m_fd < 0) return;
    while (::flock(m_fd, LOCK_EX) != 0) {
        if (errno == EINTR) continue;
        ::close(m_fd);
        m_fd = -1;
        return;
    }
}

FileLock::~FileLock() {
    if (m_fd >= 0) ::close(m_fd); // closing releases the lock
}

void setPersonsUmask(unsigned mask) {
    int unset = -1;
    g_personsUmask.compare_exchange_strong(unset, static_cast<int>(mask & 0777));
}

void makeNewFilesPrivate() {
    const mode_t previous = ::umask(077);
    int unset = -1;
    g_personsUmask.compare_exchange_strong(unset, static_cast<int>(previous));
}

bool removeOthersAccess(const fs::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0 || (info.st_mode & 077) == 0) return false;
    return ::chmod(path.c_str(), info.st_mode & 07700) == 0;
}

bool writeFileAtomically(const fs::path& file, std::string_view contents, std::string* error,
                         NewFileAccess access) {
    try {
        const std::optional<Target> target = resolve(file, true, error);
        if (!target) return false;
        fs::path temp;
        const int fd = createUnique(*target, "", temp, error, access);
        if (fd < 0) return false;
        int savedErrno = 0;
        const std::size_t half = contents.size() / 2;
        if (!writeAll(fd, contents.data(), half, savedErrno))
            return abandon(fd, temp, file, "writing", savedErrno, error);
        if (!stageAllowed(AtomicWriteStage::Write))
            return abandon(fd, temp, file, "writing", EIO, error);
        if (!writeAll(fd, contents.data() + half, contents.size() - half, savedErrno))
            return abandon(fd, temp, file, "writing", savedErrno, error);
        return commit(fd, temp, *target, file, error);
    } catch (const std::exception& err) {
        return fail(error, "cannot write " + quoted(file) + ": " + err.what());
    }
}

std::optional<fs::path> createTemporaryFileBeside(const fs::path& file, std::string_view suffix,
                                                  std::string* error, NewFileAccess access) {
    try {
        const std::optional<Target> target = resolve(file, false, error);
        if (!target) return std::nullopt;
        fs::path temp;
        const int fd = createUnique(*target, suffix, temp, error, access);
        if (fd < 0) return std::nullopt;
        ::close(fd);
        return temp;
    } catch (const std::exception& err) {
        fail(error, "cannot write " + quoted(file) + ": " + err.what());
        return std::nullopt;
    }
}

bool replaceFileAtomically(const fs::path& written, const fs::path& file, std::string* error) {
    try {
        const std::optional<Target> target = resolve(file, false, error);
        if (!target) {
            ::unlink(written.c_str());
            return false;
        }
        const int fd = ::open(written.c_str(), O_RDWR | O_CLOEXEC);
        if (fd < 0) return abandon(-1, written, file, "opening what was written", errno, error);
        return commit(fd, written, *target, file, error);
    } catch (const std::exception& err) {
        ::unlink(written.c_str());
        return fail(error, "cannot write " + quoted(file) + ": " + err.what());
    }
}

void setAtomicWriteHookForTests(std::function<bool(AtomicWriteStage)> hook) {
    atomicWriteHook() = std::move(hook);
}

} // namespace ns
