// Writing routines back to TOML by hand, and atomic file replacement (the system calls live here).
#include "routine_writer.hpp"

#include "routine_loader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <system_error>
#include <utility>

namespace ns {

namespace {

namespace fs = std::filesystem;

// Where the `#` of a trailing comment goes, as in DESIGN's example.
constexpr std::size_t kCommentColumn = 20;
// Where the allowed range of a [defaults] value goes, so the ranges line up.
constexpr std::size_t kRangeColumn = 79;
// A list that fits in this many characters stays on one line.
constexpr std::size_t kMaxInlineListChars = 100;

const char* const kSidesComment = "# \"none\" | \"left\" | \"right\" | \"both\"";

std::function<bool(AtomicWriteStage)>& atomicWriteHook() {
    static std::function<bool(AtomicWriteStage)> hook;
    return hook;
}

bool stageAllowed(AtomicWriteStage stage) {
    const auto& hook = atomicWriteHook();
    return !hook || hook(stage);
}

std::string withComment(std::string line, const std::string& comment) {
    if (line.size() < kCommentColumn)
        line.resize(kCommentColumn, ' ');
    else
        line += ' ';
    return line + comment;
}

std::string defaultsComment(TimingField field) {
    std::string what;
    switch (field) {
    case TimingField::Prepare:
        what = "seconds of \"get ready\" before the first hold of a step";
        break;
    case TimingField::Hold:
        what = "seconds per hold";
        break;
    case TimingField::Reps:
        what = "holds per side";
        break;
    case TimingField::Rest:
        what = "seconds of rest between repetitions of a step";
        break;
    case TimingField::Switch:
        what = "seconds to change sides";
        break;
    }
    std::string comment = "# " + what;
    if (comment.size() < kRangeColumn - kCommentColumn)
        comment.resize(kRangeColumn - kCommentColumn, ' ');
    else
        comment += ' ';
    const auto [min, max] = timingRange(field);
    return comment + "(" + std::to_string(min) + "\u2013" + std::to_string(max) + ")";
}

std::string quotedSides(Sides sides) {
    return std::string("\"") + toString(sides) + "\"";
}

void writeList(std::string& out, const char* key, const std::vector<std::string>& items,
               bool alwaysMultiLine) {
    std::string oneLine = std::string(key) + " = [";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) oneLine += ", ";
        oneLine += tomlQuoted(items[i]);
    }
    oneLine += "]";
    if (items.empty() || (!alwaysMultiLine && oneLine.size() <= kMaxInlineListChars)) {
        out += oneLine + "\n";
        return;
    }
    out += std::string(key) + " = [\n";
    for (const std::string& item : items)
        out += "  " + tomlQuoted(item) + ",\n";
    out += "]\n";
}

void writeTimingNumbers(std::string& out, const TimingSpec& timing) {
    for (const TimingField field : kTimingFields) {
        if (const std::optional<int>& value = timingValue(timing, field))
            out += std::string(timingKey(field)) + " = " + std::to_string(*value) + "\n";
    }
}

void writeStep(std::string& out, const StepSpec& step) {
    out += "\n[[steps]]\n";
    if (!step.isInline()) out += "stretch = " + tomlQuoted(step.stretchId) + "\n";
    if (!step.name.empty() || step.isInline()) out += "name = " + tomlQuoted(step.name) + "\n";
    if (step.muscles) writeList(out, "muscles", *step.muscles, false);
    if (step.instructions) writeList(out, "instructions", *step.instructions, true);
    // An inline stretch's sides describe the stretch, so they go with its description.
    if (step.isInline() && step.timing.sides)
        out += withComment("sides = " + quotedSides(*step.timing.sides), kSidesComment) + "\n";
    if (step.caution) out += "caution = " + tomlQuoted(*step.caution) + "\n";
    writeTimingNumbers(out, step.timing);
    if (!step.isInline() && step.timing.sides)
        out += "sides = " + quotedSides(*step.timing.sides) + "\n";
}

std::string systemError(int error) {
    return std::generic_category().message(error);
}

// A name no other writer is using at the same moment: pid, a counter and the clock.
fs::path temporaryNameFor(const fs::path& file, unsigned attempt) {
    static std::atomic<unsigned> counter{0};
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    const std::string name = "." + file.filename().string() + ".tmp-" + std::to_string(::getpid()) +
                             "-" + std::to_string(counter++) + "-" +
                             std::to_string(stamp % 1000000) + "-" + std::to_string(attempt);
    return file.parent_path() / name;
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

} // namespace

std::string tomlQuoted(std::string_view text) {
    std::string out = "\"";
    out.reserve(text.size() + 2);
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\r':
            out += "\\r";
            break;
        default: {
            const auto byte = static_cast<unsigned char>(c);
            if (byte < 0x20 || byte == 0x7F) {
                char escape[8];
                std::snprintf(escape, sizeof escape, "\\u%04X", static_cast<unsigned>(byte));
                out += escape;
            } else {
                out += c; // UTF-8 passes through
            }
        }
        }
    }
    out += "\"";
    return out;
}

std::string formatRoutine(const RoutineDocument& document) {
    std::string out = std::string(kWrittenByHeader) + "\n";
    out += "name = " + tomlQuoted(document.name) + "\n";
    if (!document.description.empty())
        out += "description = " + tomlQuoted(document.description) + "\n";

    const TimingSpec& defaults = document.defaults;
    if (!defaults.empty()) {
        out += "\n" +
               withComment("[defaults]", "# every step inherits these unless it says otherwise") +
               "\n";
        for (const TimingField field : kTimingFields) {
            if (const std::optional<int>& value = timingValue(defaults, field)) {
                out += withComment(std::string(timingKey(field)) + " = " + std::to_string(*value),
                                   defaultsComment(field)) +
                       "\n";
            }
        }
        if (defaults.sides)
            out += withComment("sides = " + quotedSides(*defaults.sides), kSidesComment) + "\n";
    }
    for (const StepSpec& step : document.steps)
        writeStep(out, step);
    return out;
}

bool writeFileAtomically(const std::filesystem::path& target, const std::string& text,
                         std::string* error) {
    const auto fail = [&](const std::string& why) {
        if (error) *error = why;
        return false;
    };
    try {
        fs::path file = target;
        std::error_code ec;
        if (fs::is_symlink(file, ec)) {
            const fs::path resolved = fs::canonical(file, ec);
            if (!ec) file = resolved;
        }
        if (!file.has_filename())
            return fail("cannot write '" + target.string() + "': it names a folder, not a file");
        const fs::path dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
        fs::create_directories(dir, ec);
        if (ec) return fail("cannot create the folder '" + dir.string() + "': " + ec.message());
        if (fs::is_directory(file, ec))
            return fail("cannot write '" + target.string() + "': it is a folder");

        // Keep the permissions a person gave the old file.
        struct stat old {};
        const bool hadFile = ::stat(file.c_str(), &old) == 0;

        fs::path temp;
        int fd = -1;
        int savedErrno = 0;
        for (unsigned attempt = 0; attempt < 100 && fd < 0; ++attempt) {
            temp = dir / temporaryNameFor(file, attempt).filename();
            if (!stageAllowed(AtomicWriteStage::CreateTemp)) {
                savedErrno = EIO;
                break;
            }
            fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
            savedErrno = fd < 0 ? errno : 0;
            if (fd < 0 && savedErrno != EEXIST) break;
        }
        if (fd < 0)
            return fail("cannot create a temporary file in '" + dir.string() +
                        "': " + systemError(savedErrno));
        if (hadFile) ::fchmod(fd, old.st_mode & 07777);

        const auto abandon = [&](const std::string& what, int errorNumber) {
            ::close(fd);
            ::unlink(temp.c_str());
            return fail("cannot write '" + target.string() + "': " + what + ": " +
                        systemError(errorNumber));
        };
        const std::size_t half = text.size() / 2;
        if (!writeAll(fd, text.data(), half, savedErrno)) return abandon("writing", savedErrno);
        if (!stageAllowed(AtomicWriteStage::Write)) return abandon("writing", EIO);
        if (!writeAll(fd, text.data() + half, text.size() - half, savedErrno))
            return abandon("writing", savedErrno);
        if (!stageAllowed(AtomicWriteStage::Sync)) return abandon("syncing", EIO);
        if (::fsync(fd) != 0) return abandon("syncing", errno);
        if (::close(fd) != 0) {
            savedErrno = errno;
            ::unlink(temp.c_str());
            return fail("cannot write '" + target.string() +
                        "': closing: " + systemError(savedErrno));
        }
        if (!stageAllowed(AtomicWriteStage::Rename))
            savedErrno = EIO;
        else if (::rename(temp.c_str(), file.c_str()) != 0)
            savedErrno = errno;
        if (savedErrno != 0) {
            ::unlink(temp.c_str());
            return fail("cannot replace '" + target.string() + "': " + systemError(savedErrno));
        }
        syncFolder(dir);
        return true;
    } catch (const std::exception& err) {
        return fail("cannot write '" + target.string() + "': " + err.what());
    }
}

bool saveRoutineAtomically(const RoutineDocument& document, const std::filesystem::path& file,
                           const Catalog& catalog, std::string* error) {
    const auto fail = [&](const std::string& why) {
        if (error) *error = why;
        return false;
    };
    try {
        const std::string text = formatRoutine(document);
        const RoutineDocumentLoadResult back = parseRoutineDocument(text, file.string(), catalog);
        if (!back.ok()) {
            const std::string why =
                back.diagnostics.empty() ? "it does not validate" : back.diagnostics[0].message;
            return fail("the routine was not saved: " + why);
        }
        if (*back.document != document)
            return fail("the routine was not saved: it would not load back the same");
        return writeFileAtomically(file, text, error);
    } catch (const std::exception& err) {
        return fail(std::string("the routine was not saved: ") + err.what());
    }
}

void setAtomicWriteHookForTests(std::function<bool(AtomicWriteStage)> hook) {
    atomicWriteHook() = std::move(hook);
}

} // namespace ns
