// The history store over the sqlite3 C API: opening (with integrity check, moving a damaged file
// aside, schema migrations), sessions, check-ins, skips, per-night aggregates and daily backups.
#include "history.hpp"

#include "files.hpp"
#include "history_backups.hpp"

#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <system_error>
#include <utility>

namespace fs = std::filesystem;

namespace ns {
namespace {

// One prepared statement, finalized on every path. Parameters are always bound, never pasted.
class Statement {
  public:
    Statement(sqlite3* db, const char* sql) {
        m_rc = sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr);
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool ok() const { return m_rc == SQLITE_OK || m_rc == SQLITE_ROW || m_rc == SQLITE_DONE; }
    int rc() const { return m_rc; }

    Statement& bind(int index, long long value) {
        remember(sqlite3_bind_int64(m_stmt, index, value));
        return *this;
    }
    Statement& bind(int index, int value) { return bind(index, static_cast<long long>(value)); }
    Statement& bind(int index, const std::string& value) {
        remember(sqlite3_bind_text(m_stmt, index, value.c_str(), static_cast<int>(value.size()),
                                   SQLITE_TRANSIENT));
        return *this;
    }
    template <typename T> Statement& bind(int index, const std::optional<T>& value) {
        if (value) return bind(index, static_cast<long long>(*value));
        remember(sqlite3_bind_null(m_stmt, index));
        return *this;
    }

    // Runs one step: true while there is a row. After false, ok() says whether it ended well.
    bool step() {
        if (!ok() || m_stmt == nullptr) return false;
        m_rc = sqlite3_step(m_stmt);
        return m_rc == SQLITE_ROW;
    }
    // Runs a statement that returns no rows (or ignores them).
    bool run() {
        while (step()) {
        }
        return ok();
    }

    long long integer(int column) const { return sqlite3_column_int64(m_stmt, column); }
    int int32(int column) const { return sqlite3_column_int(m_stmt, column); }
    bool isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }
    std::optional<int> optionalInt(int column) const {
        if (isNull(column)) return std::nullopt;
        return int32(column);
    }
    std::string text(int column) const {
        const auto* p = sqlite3_column_text(m_stmt, column);
        return p != nullptr ? std::string(reinterpret_cast<const char*>(p)) : std::string();
    }

  private:
    void remember(int rc) {
        if (rc != SQLITE_OK && ok()) m_rc = rc;
    }
    sqlite3_stmt* m_stmt = nullptr;
    int m_rc = SQLITE_OK;
};

// The schema, one entry a version; each runs in its own transaction with the new user_version.
struct Migration {
    int version;
    const char* sql;
};
const Migration kMigrations[] = {
    {1, R"(
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    routine_id TEXT NOT NULL,
    routine_name TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    ended_at INTEGER NULL,
    utc_offset_minutes INTEGER NOT NULL,
    night TEXT NOT NULL,
    planned_hold_seconds INTEGER NOT NULL CHECK (planned_hold_seconds >= 0),
    hold_seconds_done INTEGER NOT NULL CHECK (hold_seconds_done >= 0),
    steps_skipped INTEGER NOT NULL CHECK (steps_skipped >= 0),
    status TEXT NOT NULL CHECK (status IN ('completed', 'quit', 'interrupted')),
    source TEXT NOT NULL
);
CREATE INDEX sessions_by_night ON sessions(night);
CREATE TABLE checkins (
    night TEXT PRIMARY KEY,
    cramps INTEGER NOT NULL CHECK (cramps BETWEEN 0 AND 20),
    pain INTEGER NULL CHECK (pain BETWEEN 0 AND 10),
    sleep INTEGER NULL CHECK (sleep BETWEEN 0 AND 10),
    note TEXT NOT NULL DEFAULT '',
    recorded_at INTEGER NOT NULL
);
CREATE TABLE skips (
    night TEXT PRIMARY KEY,
    recorded_at INTEGER NOT NULL
);
)"},
    // Symptom answers of the check-in and relief guides used during a cramp: new tables only.
    {2, R"(
CREATE TABLE symptoms (
    night TEXT NOT NULL,
    symptom TEXT NOT NULL CHECK (symptom IN ('swelling', 'weakness', 'numbness', 'medicine')),
    recorded_at INTEGER NOT NULL,
    PRIMARY KEY (night, symptom)
);
CREATE TABLE reliefs (
    id INTEGER PRIMARY KEY,
    night TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    variant TEXT NOT NULL CHECK (variant IN ('calf', 'shin')),
    steps_done INTEGER NOT NULL CHECK (steps_done >= 0)
);
CREATE INDEX reliefs_by_night ON reliefs(night);
)"},
};

bool isDamage(int rc) {
    const int primary = rc & 0xff;
    return primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT;
}

std::string describe(sqlite3* db, int rc) {
    std::string reason = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    const int systemError = db != nullptr ? sqlite3_system_errno(db) : 0;
    if (systemError != 0 && (rc & 0xff) == SQLITE_IOERR)
        reason += std::string(": ") + std::strerror(systemError);
    if (systemError == ENOSPC || systemError == EDQUOT) rc = SQLITE_FULL;
    switch (rc & 0xff) {
    case SQLITE_FULL:
        return "the disk is full (" + reason + ")";
    case SQLITE_READONLY:
        return "history is read-only (" + reason + ")";
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return "history is in use by another nightstretch (" + reason + ")";
    default:
        return reason;
    }
}

// Runs SQL without parameters (pragmas, schema); returns the result code.
int exec(sqlite3* db, const char* sql) {
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
}

void closeDb(sqlite3* db) {
    if (db != nullptr) sqlite3_close_v2(db);
}

std::pair<sqlite3*, int> openDb(const std::string& name, int flags) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(name.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        closeDb(db);
        return {nullptr, rc};
    }
    sqlite3_extended_result_codes(db, 1);
    return {db, rc};
}

std::string stamp() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y%m%d-%H%M%S", &local);
    return buffer;
}

// Renames without ever replacing an existing file: a hard link then unlink where the file system
// has them, else a rename to a name just seen to be free.
bool renameNoReplace(const fs::path& from, const fs::path& to, std::error_code& ec) {
    ec.clear();
    if (::link(from.c_str(), to.c_str()) == 0) {
        ::unlink(from.c_str());
        return true;
    }
    if (errno == EEXIST) {
        ec = std::make_error_code(std::errc::file_exists);
        return false;
    }
    if (fs::exists(to, ec) || ec) {
        if (!ec) ec = std::make_error_code(std::errc::file_exists);
        return false;
    }
    fs::rename(from, to, ec);
    return !ec;
}

// Moves `file` and its -wal/-shm aside under a free time-stamped name (SQLite's own suffixes
// kept, so the old file still opens with its log). Never deletes or overwrites anything.
std::optional<fs::path> moveAside(const fs::path& file, std::string& error) {
    const std::string base = file.filename().string() + ".corrupt-" + stamp();
    std::error_code ec;
    for (int n = 0; n < 100; ++n) {
        const fs::path target =
            file.parent_path() / (n == 0 ? base : base + "-" + std::to_string(n));
        std::error_code sideError;
        if (fs::exists(target.string() + "-wal", sideError) ||
            fs::exists(target.string() + "-shm", sideError))
            continue;
        if (!renameNoReplace(file, target, ec)) {
            if (ec == std::errc::file_exists) continue;
            break;
        }
        // The log must go too: left behind, SQLite would apply it to the new database.
        for (const char* suffix : {"-wal", "-shm", "-journal"}) {
            const fs::path side = file.string() + suffix;
            if (fs::exists(side, sideError))
                renameNoReplace(side, target.string() + suffix, sideError);
        }
        return target;
    }
    error = "cannot move the damaged history '" + file.string() +
            "' aside: " + (ec ? ec.message() : std::string("no free name"));
    return std::nullopt;
}

// Reads every page, and compares every index with its table: NOTADB/CORRUPT or a failed check
// is damage. (quick_check leaves the indexes out, and a torn index then hides a check-in written
// through it: found by fuzz_history.)
struct Check {
    int rc = SQLITE_OK;
    bool damaged = false;
    std::string detail;
};
Check runIntegrityCheck(sqlite3* db, bool* onlyIndexes) {
    Check check;
    *onlyIndexes = true;
    Statement statement(db, "PRAGMA integrity_check(20)");
    while (statement.ok() && statement.step()) {
        const std::string row = statement.text(0);
        if (row == "ok") break;
        if (check.detail.empty()) check.detail = row;
        check.damaged = true;
        if (row.find(" index ") == std::string::npos) *onlyIndexes = false;
    }
    if (!statement.ok()) {
        check.rc = statement.rc();
        check.damaged = isDamage(statement.rc());
        check.detail = sqlite3_errmsg(db);
        *onlyIndexes = false;
    }
    return check;
}

// The columns each table has from the schema version that made it (later versions only add): a
// file whose schema text was damaged can pass the integrity check and still lose every write to a
// table it misnames.
struct TableColumns {
    const char* table;
    std::vector<const char*> columns;
    int since = 1; // the schema version that made the table
};
const TableColumns kSchemaColumns[] = {
    {"sessions",
     {"id", "routine_id", "routine_name", "started_at", "ended_at", "utc_offset_minutes", "night",
      "planned_hold_seconds", "hold_seconds_done", "steps_skipped", "status", "source"}},
    {"checkins", {"night", "cramps", "pain", "sleep", "note", "recorded_at"}},
    {"skips", {"night", "recorded_at"}},
    {"symptoms", {"night", "symptom", "recorded_at"}, 2},
    {"reliefs", {"id", "night", "started_at", "variant", "steps_done"}, 2},
};

// A table of ours with one of its columns missing, or a file at a table's version or later without
// that table, is damaged.
Check checkSchema(sqlite3* db) {
    Check check;
    Statement version(db, "PRAGMA user_version");
    if (!version.ok() || !version.step()) {
        check.rc = version.rc();
        check.damaged = isDamage(check.rc);
        check.detail = sqlite3_errmsg(db);
        return check;
    }
    const long long fileVersion = version.integer(0);
    for (const TableColumns& expected : kSchemaColumns) {
        const bool tablesMade = fileVersion >= expected.since;
        std::vector<std::string> found;
        Statement columns(db, "SELECT name FROM pragma_table_info(?1)");
        columns.bind(1, std::string(expected.table));
        while (columns.ok() && columns.step())
            found.push_back(columns.text(0));
        if (!columns.ok()) {
            check.rc = columns.rc();
            check.damaged = isDamage(check.rc);
            check.detail = sqlite3_errmsg(db);
            return check;
        }
        if (found.empty() && !tablesMade) continue; // a new file: the migration makes them
        for (const char* column : expected.columns) {
            if (std::find(found.begin(), found.end(), column) != found.end()) continue;
            check.damaged = true;
            check.detail = "the table " + std::string(expected.table) + " has no column " + column;
            return check;
        }
    }
    return check;
}

// An index out of step with its table is rebuilt from the table (which holds the data); anything
// else is damage.
Check checkIntegrity(sqlite3* db) {
    bool onlyIndexes = false;
    Check check = runIntegrityCheck(db, &onlyIndexes);
    if (check.rc != SQLITE_OK) return check; // could not look (busy, a read-only folder)
    if (!check.damaged) return checkSchema(db);
    if (!onlyIndexes) return check;
    if (exec(db, "REINDEX") != SQLITE_OK) return check;
    const std::string before = check.detail;
    check = runIntegrityCheck(db, &onlyIndexes);
    if (check.damaged) return check;
    spdlog::info("history: an index was rebuilt ({})", before);
    return checkSchema(db);
}

// A fingerprint of the file's bytes and its log's (a missing log counts as an empty one); ""
// when the file cannot be read. Any change within one 8-byte word changes it.
std::string fingerprint(const fs::path& file) {
    std::uint64_t hash = 14695981039346656037ull;
    std::string sizes;
    for (const std::string& name : {file.string(), file.string() + "-wal"}) {
        std::FILE* in = std::fopen(name.c_str(), "rb");
        if (in == nullptr && name != file.string()) {
            sizes += " 0";
            continue;
        }
        if (in == nullptr) return {};
        std::uint64_t words[8192];
        unsigned long long size = 0;
        for (;;) {
            const size_t n = std::fread(words, 1, sizeof words, in);
            if (n % sizeof(std::uint64_t) != 0)
                std::memset(reinterpret_cast<char*>(words) + n, 0,
                            sizeof(std::uint64_t) - n % sizeof(std::uint64_t));
            for (size_t i = 0; i < (n + sizeof(std::uint64_t) - 1) / sizeof(std::uint64_t); ++i)
                hash = (hash ^ words[i]) * 1099511628211ull;
            size += n;
            if (n < sizeof words) break;
        }
        const bool failed = std::ferror(in) != 0;
        std::fclose(in);
        if (failed) return {};
        sizes += " " + std::to_string(size);
    }
    char hex[20];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return "1" + sizes + " " + hex;
}

// Beside the file: the fingerprint of the bytes last found sound by the check.
fs::path checkedStamp(const fs::path& file) {
    return file.string() + ".checked";
}

std::string readStamp(const fs::path& file) {
    std::ifstream in(checkedStamp(file));
    std::string line;
    std::getline(in, line);
    return line;
}

// Best effort: without the stamp the next open only checks again.
void writeStamp(const fs::path& file, const std::string& print) {
    std::ofstream out(checkedStamp(file), std::ios::trunc);
    out << print << '\n';
}

// One way of opening the file, and what came of it.
struct Attempt {
    std::string name;
    int flags;
};
struct Opened {
    sqlite3* db = nullptr; // open and readable
    bool readOnly = false;
    bool damaged = false; // not a database, or failed its check
    bool busy = false;    // another process holds it: not a reason to open it read-only
    bool checked = false; // the structural check ran
    std::string detail;
};
Opened tryOpen(const fs::path& file, const Attempt& attempt) {
    Opened opened;
    // Read before SQLite opens the file, never after: closing any descriptor of a file drops
    // every POSIX lock this process holds on it, SQLite's included. Without its lock, another
    // process closing its connection would think itself the last one, checkpoint and reset the
    // log under this one, and this one's next writes (a session) would be lost.
    const std::string before = fingerprint(file);
    auto [db, rc] = openDb(attempt.name, attempt.flags);
    if (db == nullptr) {
        opened.detail = sqlite3_errstr(rc);
        return opened;
    }
    // SQLite opens a write-protected file read-only even when asked for read-write.
    if ((attempt.flags & SQLITE_OPEN_READWRITE) != 0 && sqlite3_db_readonly(db, "main") == 1) {
        closeDb(db);
        opened.detail = "the file is read-only";
        return opened;
    }
    exec(db, "PRAGMA busy_timeout=5000");
    // Until the file is known to be sound, closing must not checkpoint its log into it (and
    // delete the log): a damaged file and its -wal are to be moved aside as they are.
    sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    // The check reads every page (most of the time of `stats` over years of history); bytes
    // identical to those it last found sound need not be read through it again.
    if (before.empty() || before != readStamp(file)) {
        opened.checked = true;
        const Check check = checkIntegrity(db);
        if (check.damaged || check.rc != SQLITE_OK) {
            closeDb(db);
            opened.damaged = check.damaged;
            opened.busy = (check.rc & 0xff) == SQLITE_BUSY || (check.rc & 0xff) == SQLITE_LOCKED;
            opened.detail = check.detail;
            return opened;
        }
        // The stamp vouches for the bytes read before the check. Had another process written
        // since, the file no longer has those bytes, so the next open checks again.
        if (!before.empty()) writeStamp(file, before);
    }
    sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, nullptr);
    opened.db = db;
    opened.readOnly = (attempt.flags & SQLITE_OPEN_READONLY) != 0;
    return opened;
}

// A file that is plainly not an SQLite database, judged before SQLite opens it: SQLite would
// delete the -wal beside a file shorter than a page, and such a file and its log must be kept.
bool plainlyNotADatabase(const fs::path& file, std::string& detail) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return false;
    const auto size = fs::file_size(file, ec);
    if (ec) return false;
    const auto walSize = fs::file_size(file.string() + "-wal", ec);
    const bool hasLog = !ec && walSize > 0;
    if (size == 0) {
        if (!hasLog) return false; // a new, empty database
        detail = "an empty file with a log beside it";
        return true;
    }
    static const char kMagic[] = "SQLite format 3"; // and its terminating zero: 16 bytes
    char header[sizeof kMagic] = {};
    std::ifstream in(file, std::ios::binary);
    if (!in.read(header, sizeof header)) {
        if (!in.is_open()) return false; // unreadable: let SQLite say why
        detail = "too short to be a database";
        return true;
    }
    if (std::memcmp(header, kMagic, sizeof kMagic) != 0) {
        detail = "file is not a database";
        return true;
    }
    if (size < 512) {
        detail = "too short to be a database";
        return true;
    }
    return false;
}

// A path for an SQLite URI: '%', '?' and '#' escaped.
std::string uriPath(const fs::path& file) {
    std::string out;
    for (char c : fs::absolute(file).string()) {
        if (c == '%' || c == '?' || c == '#') {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "%%%02X", static_cast<unsigned char>(c));
            out += escaped;
        } else {
            out += c;
        }
    }
    return out;
}

// Sets `error` from the result code; returns false, for `return fail(...)`.
bool fail(sqlite3* db, std::string& error, const std::string& what, int rc) {
    error = what + ": " + describe(db, rc);
    return false;
}

std::string nameOf(const SessionRecord& r) {
    return r.routineName.empty() ? r.routineId : r.routineName;
}

// Brings the schema up to kSchemaVersion in one transaction. The version is read again inside it,
// so two processes opening a new file at once do not both create the tables.
bool migrate(sqlite3* db, std::string& error) {
    int rc = exec(db, "BEGIN IMMEDIATE");
    int version = 0;
    if (rc == SQLITE_OK) {
        Statement statement(db, "PRAGMA user_version");
        if (statement.step()) version = statement.int32(0);
        if (!statement.ok()) rc = statement.rc();
    }
    for (const Migration& migration : kMigrations) {
        if (rc != SQLITE_OK) break;
        if (migration.version <= version) continue;
        rc = exec(db, migration.sql);
        if (rc == SQLITE_OK) {
            // user_version cannot be bound; the number is ours, not input.
            const std::string sql = "PRAGMA user_version=" + std::to_string(migration.version);
            rc = exec(db, sql.c_str());
        }
        if (rc != SQLITE_OK) error = "schema version " + std::to_string(migration.version) + ": ";
    }
    if (rc == SQLITE_OK) rc = exec(db, "COMMIT");
    if (rc != SQLITE_OK) {
        error += describe(db, rc);
        exec(db, "ROLLBACK");
        return false;
    }
    return true;
}

} // namespace

std::string statusWord(const SessionRecord& record) {
    if (record.source == "log" && record.status == "quit") return "partial";
    return record.status;
}

HistoryStore::HistoryStore(sqlite3* db, fs::path file) : m_db(db), m_file(std::move(file)) {}

HistoryStore::~HistoryStore() {
    closeDb(m_db);
}

HistoryStore::OpenResult HistoryStore::open(const fs::path& file) {
    OpenResult result;
    try {
        std::error_code ec;
        if (file.has_parent_path()) {
            fs::create_directories(file.parent_path(), ec);
            std::error_code isDirError;
            if (ec && !fs::is_directory(file.parent_path(), isDirError)) {
                result.error = "cannot create the history folder '" + file.parent_path().string() +
                               "': " + ec.message();
                return result;
            }
        }

        // One process at a time checks, creates and migrates the file: another one starting at
        // the same moment would otherwise see a half-made database (an empty file beside its
        // log) and move it aside as damaged, with the first one's session in it.
        const FileLock lock(file.string() + ".lock");

        // A diary others could read (kept before it was private, or copied in) becomes the
        // person's alone, with one notice.
        for (const fs::path& path :
             {file, fs::path(file.string() + "-wal"), fs::path(file.string() + "-shm")})
            if (removeOthersAccess(path)) result.madePrivate = true;

        // Read-write; else read-only (a write-protected file); else immutable (a read-only
        // folder, where SQLite cannot make the -shm file it needs to read a WAL database).
        const std::string immutableUri = "file:" + uriPath(file) + "?immutable=1";
        const Attempt attempts[] = {
            {file.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE},
            {file.string(), SQLITE_OPEN_READONLY},
            {immutableUri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI},
        };
        Opened opened;
        for (int round = 0; round < 2 && opened.db == nullptr; ++round) {
            bool damaged = plainlyNotADatabase(file, opened.detail);
            for (const Attempt& attempt : attempts) {
                if (damaged) break;
                opened = tryOpen(file, attempt);
                if (opened.db != nullptr || opened.damaged || opened.busy) {
                    damaged = opened.damaged;
                    break;
                }
            }
            if (!damaged) break;
            if (round == 1) {
                result.error = "cannot read the new history '" + file.string() + "'";
                return result;
            }
            std::string error;
            auto moved = moveAside(file, error);
            if (!moved) {
                result.error = error + " (" + opened.detail + ")";
                return result;
            }
            result.movedAside = *moved; // and a new, empty database in its place
        }
        if (opened.db == nullptr) {
            result.error = "cannot open the history '" + file.string() + "': " + opened.detail;
            return result;
        }

        result.checked = opened.checked;
        sqlite3* db = opened.db;
        std::unique_ptr<HistoryStore> store(new HistoryStore(db, file));
        const int version = store->schemaVersion();
        if (version > kSchemaVersion) {
            // Written by a newer nightstretch: read what we can, never change it.
            if (!opened.readOnly) {
                store.reset();
                Opened again = tryOpen(file, attempts[1]);
                if (again.db != nullptr) store.reset(new HistoryStore(again.db, file));
            }
            result.error = "the history '" + file.string() + "' was written by a newer " +
                           "nightstretch (schema " + std::to_string(version) + ", this one knows " +
                           std::to_string(kSchemaVersion) +
                           "); it is left untouched and opened read-only";
            result.store = std::move(store);
            return result;
        }
        if (opened.readOnly) {
            result.error = "history is read-only: '" + file.string() +
                           "' cannot be written, so new sessions and check-ins will not be saved";
            if (version < kSchemaVersion) result.error += " (and it cannot be upgraded)";
            result.store = std::move(store);
            return result;
        }

        // WAL with synchronous=NORMAL: a commit is in the log, in the kernel's hands, before it
        // returns, so it survives the process being killed at any moment; a power cut may lose
        // the last commits, never consistency.
        exec(db, "PRAGMA journal_mode=WAL");
        exec(db, "PRAGMA synchronous=NORMAL");
        exec(db, "PRAGMA foreign_keys=ON");
        std::string error;
        if (version < kSchemaVersion && !migrate(db, error))
            result.error = "cannot prepare the history '" + file.string() + "': " + error;
        result.store = std::move(store);
    } catch (const std::exception& e) {
        result.store.reset();
        result.error = std::string("cannot open the history: ") + e.what();
    }
    return result;
}

int HistoryStore::schemaVersion() const {
    Statement statement(m_db, "PRAGMA user_version");
    return statement.step() ? statement.int32(0) : -1;
}

long long HistoryStore::beginSession(const SessionRecord& r) {
    backUpIfNewDay();
    if (!Date::parse(r.night)) {
        m_lastError = "not a night: '" + r.night + "'";
        return 0;
    }
    Statement statement(m_db, "INSERT INTO sessions (routine_id, routine_name, started_at, "
                              "ended_at, utc_offset_minutes, night, planned_hold_seconds, "
                              "hold_seconds_done, steps_skipped, status, source) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    statement.bind(1, r.routineId)
        .bind(2, nameOf(r))
        .bind(3, static_cast<long long>(r.startedAt))
        .bind(4, r.endedAt)
        .bind(5, r.utcOffsetMinutes)
        .bind(6, r.night)
        .bind(7, r.plannedHoldSeconds)
        .bind(8, r.holdSecondsDone)
        .bind(9, r.stepsSkipped)
        .bind(10, r.status)
        .bind(11, r.source);
    if (!statement.run()) {
        fail(m_db, m_lastError, "cannot save the session", statement.rc());
        return 0;
    }
    m_lastError.clear();
    return sqlite3_last_insert_rowid(m_db);
}

long long HistoryStore::addSession(const SessionRecord& record) {
    return beginSession(record);
}

bool HistoryStore::updateSession(long long id, int holdSecondsDone, int stepsSkipped,
                                 const std::string& status, std::optional<std::time_t> endedAt) {
    backUpIfNewDay();
    Statement statement(m_db, "UPDATE sessions SET hold_seconds_done = ?, steps_skipped = ?, "
                              "status = ?, ended_at = ? WHERE id = ?");
    statement.bind(1, holdSecondsDone)
        .bind(2, stepsSkipped)
        .bind(3, status)
        .bind(4, endedAt)
        .bind(5, id);
    if (!statement.run())
        return fail(m_db, m_lastError, "cannot update the session", statement.rc());
    if (sqlite3_changes(m_db) != 1) {
        m_lastError = "no session " + std::to_string(id) + " in the history";
        return false;
    }
    m_lastError.clear();
    return true;
}

bool HistoryStore::putCheckIn(const CheckIn& c) {
    backUpIfNewDay();
    if (!Date::parse(c.night)) {
        m_lastError = "not a night: '" + c.night + "'";
        return false;
    }
    // The CHECK constraints say the same; this says it in words.
    if (c.cramps < 0 || c.cramps > kMaxCramps) {
        m_lastError = "cramps must be between 0 and " + std::to_string(kMaxCramps) + ", got " +
                      std::to_string(c.cramps);
        return false;
    }
    for (const auto& [name, value] : {std::pair{"pain", c.pain}, std::pair{"sleep", c.sleep}}) {
        if (value && (*value < 0 || *value > kMaxScale)) {
            m_lastError = std::string(name) + " must be between 0 and " +
                          std::to_string(kMaxScale) + ", got " + std::to_string(*value);
            return false;
        }
    }
    // The check-in and its answers together, or neither.
    if (exec(m_db, "BEGIN IMMEDIATE") != SQLITE_OK)
        return fail(m_db, m_lastError, "cannot save the check-in", sqlite3_errcode(m_db));
    const auto giveUp = [&](int rc) {
        fail(m_db, m_lastError, "cannot save the check-in", rc);
        exec(m_db, "ROLLBACK");
        return false;
    };
    {
        Statement statement(m_db, "INSERT INTO checkins (night, cramps, pain, sleep, note, "
                                  "recorded_at) VALUES (?, ?, ?, ?, ?, ?) "
                                  "ON CONFLICT(night) DO UPDATE SET cramps = excluded.cramps, "
                                  "pain = excluded.pain, sleep = excluded.sleep, "
                                  "note = excluded.note, recorded_at = excluded.recorded_at");
        statement.bind(1, c.night)
            .bind(2, c.cramps)
            .bind(3, c.pain)
            .bind(4, c.sleep)
            .bind(5, c.note)
            .bind(6, static_cast<long long>(c.recordedAt));
        if (!statement.run()) return giveUp(statement.rc());
    }
    {
        Statement statement(m_db, "DELETE FROM symptoms WHERE night = ?");
        statement.bind(1, c.night);
        if (!statement.run()) return giveUp(statement.rc());
    }
    for (const Symptom symptom : c.symptoms) {
        Statement statement(m_db, "INSERT OR IGNORE INTO symptoms (night, symptom, recorded_at) "
                                  "VALUES (?, ?, ?)");
        statement.bind(1, c.night)
            .bind(2, std::string(symptomName(symptom)))
            .bind(3, static_cast<long long>(c.recordedAt));
        if (!statement.run()) return giveUp(statement.rc());
    }
    if (exec(m_db, "COMMIT") != SQLITE_OK) return giveUp(sqlite3_errcode(m_db));
    m_lastError.clear();
    return true;
}

std::optional<CheckIn> HistoryStore::checkInFor(const std::string& night) const {
    Statement statement(m_db, "SELECT night, cramps, pain, sleep, note, recorded_at "
                              "FROM checkins WHERE night = ?");
    statement.bind(1, night);
    if (!statement.step()) {
        if (!statement.ok()) fail(m_db, m_lastError, "cannot read the check-in", statement.rc());
        return std::nullopt;
    }
    CheckIn c;
    c.night = statement.text(0);
    c.cramps = statement.int32(1);
    c.pain = statement.optionalInt(2);
    c.sleep = statement.optionalInt(3);
    c.note = statement.text(4);
    c.recordedAt = static_cast<std::time_t>(statement.integer(5));
    Statement answers(m_db, "SELECT symptom FROM symptoms WHERE night = ?");
    answers.bind(1, night);
    while (answers.step())
        if (const auto symptom = parseSymptom(answers.text(0))) c.symptoms.push_back(*symptom);
    if (!answers.ok()) fail(m_db, m_lastError, "cannot read the answers", answers.rc());
    std::sort(c.symptoms.begin(), c.symptoms.end());
    return c;
}

bool HistoryStore::markSkipped(const std::string& night, std::time_t recordedAt) {
    backUpIfNewDay();
    if (!Date::parse(night)) {
        m_lastError = "not a night: '" + night + "'";
        return false;
    }
    Statement statement(m_db,
                        "INSERT INTO skips (night, recorded_at) VALUES (?, ?) "
                        "ON CONFLICT(night) DO UPDATE SET recorded_at = excluded.recorded_at");
    statement.bind(1, night).bind(2, static_cast<long long>(recordedAt));
    if (!statement.run())
        return fail(m_db, m_lastError, "cannot save the skipped night", statement.rc());
    m_lastError.clear();
    return true;
}

std::vector<SessionRecord> HistoryStore::sessions() const {
    std::vector<SessionRecord> out;
    Statement statement(m_db, "SELECT id, routine_id, routine_name, started_at, ended_at, "
                              "utc_offset_minutes, night, planned_hold_seconds, "
                              "hold_seconds_done, steps_skipped, status, source "
                              "FROM sessions ORDER BY started_at, id");
    while (statement.step()) {
        SessionRecord r;
        r.id = statement.integer(0);
        r.routineId = statement.text(1);
        r.routineName = statement.text(2);
        r.startedAt = static_cast<std::time_t>(statement.integer(3));
        if (!statement.isNull(4)) r.endedAt = static_cast<std::time_t>(statement.integer(4));
        r.utcOffsetMinutes = statement.int32(5);
        r.night = statement.text(6);
        r.plannedHoldSeconds = statement.int32(7);
        r.holdSecondsDone = statement.int32(8);
        r.stepsSkipped = statement.int32(9);
        r.status = statement.text(10);
        r.source = statement.text(11);
        out.push_back(std::move(r));
    }
    if (!statement.ok()) fail(m_db, m_lastError, "cannot read the sessions", statement.rc());
    return out;
}

std::vector<CheckIn> HistoryStore::checkIns() const {
    std::vector<CheckIn> out;
    Statement statement(m_db, "SELECT night, cramps, pain, sleep, note, recorded_at "
                              "FROM checkins ORDER BY night");
    while (statement.step()) {
        CheckIn c;
        c.night = statement.text(0);
        c.cramps = statement.int32(1);
        c.pain = statement.optionalInt(2);
        c.sleep = statement.optionalInt(3);
        c.note = statement.text(4);
        c.recordedAt = static_cast<std::time_t>(statement.integer(5));
        out.push_back(std::move(c));
    }
    if (!statement.ok()) fail(m_db, m_lastError, "cannot read the check-ins", statement.rc());
    const std::vector<SymptomAnswer> answers = symptomAnswers();
    for (CheckIn& c : out) {
        for (const SymptomAnswer& answer : answers)
            if (answer.night == c.night) c.symptoms.push_back(answer.symptom);
        std::sort(c.symptoms.begin(), c.symptoms.end());
    }
    return out;
}

std::vector<std::string> HistoryStore::skippedNights() const {
    std::vector<std::string> out;
    Statement statement(m_db, "SELECT night FROM skips ORDER BY night");
    while (statement.step())
        out.push_back(statement.text(0));
    if (!statement.ok()) fail(m_db, m_lastError, "cannot read the skipped nights", statement.rc());
    return out;
}

std::vector<NightRecord> HistoryStore::nightRecords() const {
    // Three plain scans merged here by night: a tenth of the time of one query that unions and
    // joins them, which sorts through temporary b-trees.
    struct Held {
        std::string night;
        long long hold = 0;
        int planned = 0; // the smallest positive planned hold, 0 for none
    };
    std::vector<Held> held;
    Statement sessionRows(m_db, "SELECT night, hold_seconds_done, planned_hold_seconds "
                                "FROM sessions");
    while (sessionRows.step()) {
        const int planned = sessionRows.int32(2);
        held.push_back({sessionRows.text(0), sessionRows.integer(1), planned > 0 ? planned : 0});
    }
    if (!sessionRows.ok()) fail(m_db, m_lastError, "cannot read the nights", sessionRows.rc());
    // Rows come in insertion order, nearly sorted by night already.
    const auto byNight = [](const Held& a, const Held& b) { return a.night < b.night; };
    if (!std::is_sorted(held.begin(), held.end(), byNight))
        std::stable_sort(held.begin(), held.end(), byNight);
    size_t nights = 0;
    for (size_t i = 0; i < held.size(); ++i) {
        if (nights > 0 && held[nights - 1].night == held[i].night) {
            Held& into = held[nights - 1];
            into.hold += held[i].hold;
            if (held[i].planned > 0 && (into.planned == 0 || held[i].planned < into.planned))
                into.planned = held[i].planned;
        } else {
            if (nights != i) held[nights] = std::move(held[i]);
            ++nights;
        }
    }
    held.resize(nights);

    Statement checkInRows(m_db, "SELECT night, cramps, pain, sleep, note FROM checkins "
                                "ORDER BY night");
    Statement skipRows(m_db, "SELECT night FROM skips ORDER BY night");
    bool hasCheckIn = checkInRows.step();
    bool hasSkip = skipRows.step();
    std::string checkInNight = hasCheckIn ? checkInRows.text(0) : std::string();
    std::string skipNight = hasSkip ? skipRows.text(0) : std::string();
    auto heldIt = held.begin();

    std::vector<NightRecord> out;
    out.reserve(held.size());
    while (heldIt != held.end() || hasCheckIn || hasSkip) {
        // The smallest night among the three heads (byte order, as SQLite's BINARY collation).
        const std::string* next = nullptr;
        if (heldIt != held.end()) next = &heldIt->night;
        if (hasCheckIn && (next == nullptr || checkInNight < *next)) next = &checkInNight;
        if (hasSkip && (next == nullptr || skipNight < *next)) next = &skipNight;
        const std::string night = *next;

        NightRecord r;
        if (heldIt != held.end() && heldIt->night == night) {
            r.holdSeconds = static_cast<int>(heldIt->hold);
            r.plannedHoldSeconds = heldIt->planned;
            ++heldIt;
        }
        if (hasSkip && skipNight == night) {
            r.skipped = true;
            hasSkip = skipRows.step();
            if (hasSkip) skipNight = skipRows.text(0);
        }
        if (hasCheckIn && checkInNight == night) {
            r.cramps = checkInRows.optionalInt(1);
            r.pain = checkInRows.optionalInt(2);
            r.sleep = checkInRows.optionalInt(3);
            r.note = checkInRows.text(4);
            hasCheckIn = checkInRows.step();
            if (hasCheckIn) checkInNight = checkInRows.text(0);
        }
        const auto date = Date::parse(night);
        if (!date) continue; // not written by us; nothing to count it for
        r.night = *date;
        out.push_back(std::move(r));
    }
    if (!checkInRows.ok()) fail(m_db, m_lastError, "cannot read the nights", checkInRows.rc());
    if (!skipRows.ok()) fail(m_db, m_lastError, "cannot read the nights", skipRows.rc());
    return out;
}

bool HistoryStore::backupIfDue(const fs::path& dir, const std::string& today) {
    try {
        // Two processes starting on a new day must not write the same backup at once.
        const FileLock lock(m_file.string() + ".lock");
        if (!Date::parse(today)) {
            m_lastError = "backup: not a date: '" + today + "'";
            return false;
        }
        std::error_code ec;
        fs::create_directories(dir, ec);
        if (ec && !fs::is_directory(dir)) {
            m_lastError = "cannot create the backup folder '" + dir.string() + "': " + ec.message();
            return false;
        }
        const fs::path target = dir / backupFileName(*Date::parse(today));
        if (!fs::exists(target, ec) && !isEmpty()) {
            // Written under a name the pruning never matches, renamed only once complete.
            const fs::path partial = target.string() + ".partial";
            fs::remove(partial, ec);
            auto [copy, rc] = openDb(partial.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
            if (copy == nullptr) {
                m_lastError =
                    "cannot write the backup '" + partial.string() + "': " + sqlite3_errstr(rc);
                return false;
            }
            sqlite3_backup* backup = sqlite3_backup_init(copy, "main", m_db, "main");
            if (backup != nullptr) {
                rc = sqlite3_backup_step(backup, -1);
                sqlite3_backup_finish(backup);
                if (rc == SQLITE_DONE) rc = SQLITE_OK;
            } else {
                rc = sqlite3_errcode(copy);
            }
            // A self-contained file: no -wal/-shm beside the backups.
            if (rc == SQLITE_OK) rc = exec(copy, "PRAGMA journal_mode=DELETE");
            if (rc != SQLITE_OK) m_lastError = "backup: " + describe(copy, rc);
            closeDb(copy);
            if (rc != SQLITE_OK) {
                fs::remove(partial, ec);
                return false;
            }
            fs::rename(partial, target, ec);
            if (ec) {
                m_lastError = "cannot name the backup '" + target.string() + "': " + ec.message();
                fs::remove(partial, ec);
                return false;
            }
        }

        const std::vector<BackupFile> backups = listBackups(dir);
        std::vector<Date> dates;
        for (const BackupFile& backup : backups) {
            dates.push_back(backup.date);
            removeOthersAccess(backup.path);
        }
        const std::vector<Date> keep = backupsToKeep(dates);
        for (const BackupFile& backup : backups) {
            if (std::find(keep.begin(), keep.end(), backup.date) != keep.end()) continue;
            fs::remove(backup.path, ec);
            for (const char* suffix : {"-wal", "-shm", "-journal"})
                fs::remove(backup.path.string() + suffix, ec);
        }
        m_lastError.clear();
        return true;
    } catch (const std::exception& e) {
        m_lastError = std::string("backup: ") + e.what();
        return false;
    }
}

void HistoryStore::backUpBeforeFirstWriteOfDay(const fs::path& dir) {
    m_backupDir = dir;
    m_backedUpDay.clear();
}

void HistoryStore::backUpIfNewDay() {
    if (m_backupDir.empty()) return;
    const std::string today = localTimeOf(std::time(nullptr)).date.str();
    if (today == m_backedUpDay) return;
    m_backedUpDay = today; // one try a day: a folder that cannot be written does not slow writes
    if (!backupIfDue(m_backupDir, today))
        spdlog::warn("daily history backup failed: {}", m_lastError);
}

bool HistoryStore::isEmpty() const {
    Statement statement(m_db, "SELECT (SELECT COUNT(*) FROM sessions) + "
                              "(SELECT COUNT(*) FROM checkins) + (SELECT COUNT(*) FROM skips) + "
                              "(SELECT COUNT(*) FROM symptoms) + (SELECT COUNT(*) FROM reliefs)");
    return statement.step() && statement.integer(0) == 0;
}

std::optional<SessionRecord> HistoryStore::session(long long id) const {
    for (SessionRecord& record : sessions())
        if (record.id == id) return std::move(record);
    m_lastError = "there is no session " + std::to_string(id) + " in the history";
    return std::nullopt;
}

bool HistoryStore::deleteSession(long long id) {
    backUpIfNewDay();
    Statement statement(m_db, "DELETE FROM sessions WHERE id = ?");
    statement.bind(1, id);
    if (!statement.run())
        return fail(m_db, m_lastError, "cannot remove the session", statement.rc());
    if (sqlite3_changes(m_db) != 1) {
        m_lastError = "there is no session " + std::to_string(id) + " in the history";
        return false;
    }
    m_lastError.clear();
    return true;
}

// --- Symptom answers and relief events (schema 2) ---

bool HistoryStore::unmarkSkipped(const std::string& night) {
    backUpIfNewDay();
    Statement statement(m_db, "DELETE FROM skips WHERE night = ?");
    statement.bind(1, night);
    if (!statement.run())
        return fail(m_db, m_lastError, "cannot change the skipped night", statement.rc());
    if (sqlite3_changes(m_db) != 1) {
        m_lastError = "the night of " + night + " was not marked skipped";
        return false;
    }
    m_lastError.clear();
    return true;
}

HistoryStore::FileSummary HistoryStore::inspect(const fs::path& file) {
    FileSummary summary;
    // Read-only and immutable: a backup is looked at, never changed, and no -shm is made.
    auto [db, rc] =
        openDb("file:" + uriPath(file) + "?immutable=1", SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
    if (db == nullptr) {
        summary.problem = sqlite3_errstr(rc);
        return summary;
    }
    bool onlyIndexes = false;
    Check check = runIntegrityCheck(db, &onlyIndexes);
    if (!check.damaged && check.rc == SQLITE_OK) check = checkSchema(db);
    int version = 0;
    if (!check.damaged && check.rc == SQLITE_OK) {
        Statement statement(db, "PRAGMA user_version");
        if (statement.step()) version = statement.int32(0);
    }
    if (check.damaged || check.rc != SQLITE_OK) {
        summary.problem = check.detail.empty() ? "damaged" : check.detail;
    } else if (version < 1) {
        summary.problem = "not a nightstretch history";
    } else if (version > kSchemaVersion) {
        summary.problem = "written by a newer nightstretch";
    } else {
        Statement nights(db, "SELECT night FROM sessions UNION SELECT night FROM checkins "
                             "UNION SELECT night FROM skips ORDER BY 1");
        while (nights.step()) {
            const auto night = Date::parse(nights.text(0));
            if (!night) continue;
            ++summary.nights;
            if (!summary.firstNight) summary.firstNight = night;
            summary.lastNight = night;
        }
        Statement sessions(db, "SELECT COUNT(*) FROM sessions");
        if (sessions.step()) summary.sessions = sessions.int32(0);
        summary.good = nights.ok() && sessions.ok();
        if (!summary.good) summary.problem = sqlite3_errmsg(db);
    }
    closeDb(db);
    return summary;
}

bool HistoryStore::restoreFrom(const fs::path& backup, const fs::path& keepAs) {
    const FileSummary summary = inspect(backup);
    if (!summary.good) {
        m_lastError = "the backup '" + backup.string() + "' cannot be used: " + summary.problem;
        return false;
    }
    const auto copyInto = [](sqlite3* to, sqlite3* from) {
        sqlite3_backup* copy = sqlite3_backup_init(to, "main", from, "main");
        if (copy == nullptr) return sqlite3_errcode(to);
        int rc = sqlite3_backup_step(copy, -1);
        const int finished = sqlite3_backup_finish(copy);
        if (rc == SQLITE_DONE) rc = finished;
        return rc;
    };
    // First what is here now, to a new file of its own: a restore never loses anything.
    std::error_code ec;
    if (fs::exists(keepAs, ec)) {
        m_lastError = "'" + keepAs.string() + "' exists already";
        return false;
    }
    {
        auto [kept, rc] = openDb(keepAs.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        if (kept == nullptr) {
            m_lastError = "cannot write '" + keepAs.string() + "': " + sqlite3_errstr(rc);
            return false;
        }
        rc = copyInto(kept, m_db);
        if (rc == SQLITE_OK) rc = exec(kept, "PRAGMA journal_mode=DELETE");
        if (rc != SQLITE_OK) m_lastError = "cannot keep the current history: " + describe(kept, rc);
        closeDb(kept);
        if (rc != SQLITE_OK) {
            fs::remove(keepAs, ec);
            return false;
        }
        removeOthersAccess(keepAs);
    }
    auto [source, rc] =
        openDb("file:" + uriPath(backup) + "?immutable=1", SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
    if (source == nullptr) {
        m_lastError = "cannot read the backup '" + backup.string() + "': " + sqlite3_errstr(rc);
        return false;
    }
    rc = copyInto(m_db, source);
    closeDb(source);
    if (rc != SQLITE_OK) return fail(m_db, m_lastError, "cannot restore the backup", rc);
    // The copy brings the backup's journal mode and schema version: ours again.
    exec(m_db, "PRAGMA journal_mode=WAL");
    std::string error;
    if (schemaVersion() < kSchemaVersion && !migrate(m_db, error)) {
        m_lastError = "the backup was restored but cannot be brought up to date: " + error;
        return false;
    }
    m_lastError.clear();
    return true;
}

std::vector<SymptomAnswer> HistoryStore::symptomAnswers() const {
    std::vector<SymptomAnswer> out;
    Statement statement(m_db, "SELECT night, symptom FROM symptoms ORDER BY night, symptom");
    while (statement.step()) {
        const auto symptom = parseSymptom(statement.text(1));
        if (symptom) out.push_back(SymptomAnswer{statement.text(0), *symptom});
    }
    if (!statement.ok()) fail(m_db, m_lastError, "cannot read the answers", statement.rc());
    return out;
}

long long HistoryStore::addRelief(const ReliefRecord& r) {
    backUpIfNewDay();
    if (!Date::parse(r.night)) {
        m_lastError = "not a night: '" + r.night + "'";
        return 0;
    }
    Statement statement(m_db, "INSERT INTO reliefs (night, started_at, variant, steps_done) "
                              "VALUES (?, ?, ?, ?)");
    statement.bind(1, r.night)
        .bind(2, static_cast<long long>(r.startedAt))
        .bind(3, r.variant)
        .bind(4, r.stepsDone);
    if (!statement.run()) {
        fail(m_db, m_lastError, "cannot save the relief", statement.rc());
        return 0;
    }
    m_lastError.clear();
    return sqlite3_last_insert_rowid(m_db);
}

// An empty `variant` keeps the stored one.
bool HistoryStore::updateRelief(long long id, int stepsDone, const std::string& variant) {
    backUpIfNewDay();
    Statement statement(m_db, "UPDATE reliefs SET steps_done = ?, "
                              "variant = COALESCE(NULLIF(?, ''), variant) WHERE id = ?");
    statement.bind(1, stepsDone).bind(2, variant).bind(3, id);
    if (!statement.run())
        return fail(m_db, m_lastError, "cannot update the relief", statement.rc());
    m_lastError.clear();
    return true;
}

std::vector<ReliefRecord> HistoryStore::reliefs() const {
    std::vector<ReliefRecord> out;
    Statement statement(m_db, "SELECT id, night, started_at, variant, steps_done FROM reliefs "
                              "ORDER BY started_at, id");
    while (statement.step()) {
        ReliefRecord r;
        r.id = statement.integer(0);
        r.night = statement.text(1);
        r.startedAt = static_cast<std::time_t>(statement.integer(2));
        r.variant = statement.text(3);
        r.stepsDone = statement.int32(4);
        out.push_back(std::move(r));
    }
    if (!statement.ok()) fail(m_db, m_lastError, "cannot read the reliefs", statement.rc());
    return out;
}

int HistoryStore::reliefCountFor(const std::string& night) const {
    Statement statement(m_db, "SELECT COUNT(*) FROM reliefs WHERE night = ?");
    statement.bind(1, night);
    return statement.step() ? statement.int32(0) : 0;
}

namespace {

std::string scaleText(const std::optional<int>& value) {
    return value ? std::to_string(*value) : std::string("none");
}

std::string noteText(const std::string& note) {
    return note.empty() ? std::string("none") : "\"" + note + "\"";
}

bool answeredYes(const CheckIn& checkIn, Symptom symptom) {
    return std::find(checkIn.symptoms.begin(), checkIn.symptoms.end(), symptom) !=
           checkIn.symptoms.end();
}

} // namespace

std::vector<std::string> checkInChanges(const CheckIn& before, const CheckIn& after) {
    std::vector<std::string> changes;
    if (before.cramps != after.cramps)
        changes.push_back("cramps " + std::to_string(before.cramps) + " → " +
                          std::to_string(after.cramps));
    if (before.pain != after.pain)
        changes.push_back("pain " + scaleText(before.pain) + " → " + scaleText(after.pain));
    if (before.sleep != after.sleep)
        changes.push_back("sleep " + scaleText(before.sleep) + " → " + scaleText(after.sleep));
    if (before.note != after.note)
        changes.push_back("note " + noteText(before.note) + " → " + noteText(after.note));
    for (const Symptom symptom : kSymptoms) {
        const bool was = answeredYes(before, symptom);
        if (was != answeredYes(after, symptom))
            changes.push_back(std::string(symptomName(symptom)) +
                              (was ? " yes → no" : " no → yes"));
    }
    return changes;
}

} // namespace ns
