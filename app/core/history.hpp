// The history store: history.sqlite3 with every session and every morning check-in. Written so
// that a killed process leaves a consistent database: a session row exists from its start (as
// "interrupted") and is kept up to date. Failures are reported, never thrown.
#pragma once

#include "doctor_note.hpp"
#include "nights.hpp"

#include <ctime>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace ns {

struct SessionRecord {
    long long id = 0;
    std::string routineId;
    std::string routineName;
    std::time_t startedAt = 0;          // UTC seconds
    std::optional<std::time_t> endedAt; // UTC seconds
    int utcOffsetMinutes = 0;           // local offset at start
    std::string night;                  // YYYY-MM-DD the session counts for
    int plannedHoldSeconds = 0;
    int holdSecondsDone = 0;
    int stepsSkipped = 0;
    std::string status = "interrupted"; // completed | quit | interrupted
    std::string source = "window";      // window | text | log
};

// What a session's status is called where a person reads it: "completed", "quit",
// "interrupted", and "partial" for one logged as done in part (`log --fraction`, kept as "quit",
// the word the schema allows: nobody quit it).
std::string statusWord(const SessionRecord& record);

struct CheckIn {
    std::string night;        // the night it is about (YYYY-MM-DD)
    int cramps = 0;           // 0..20
    std::optional<int> pain;  // worst pain 0..10
    std::optional<int> sleep; // how much cramps disturbed sleep 0..10
    std::string note;
    std::vector<Symptom> symptoms; // the questions answered yes, in kSymptoms order
    std::time_t recordedAt = 0;    // UTC seconds
};

// What differs from `before` to `after` (two check-ins of a night), in words, field by field:
// "cramps 2 → 1", "pain none → 3", "note \"left calf\" → none", "swelling no → yes". Empty when
// they hold the same (the time they were recorded aside).
std::vector<std::string> checkInChanges(const CheckIn& before, const CheckIn& after);

// A relief guide used during a cramp, counted for the night it was used on.
struct ReliefRecord {
    long long id = 0;
    std::string night;            // YYYY-MM-DD
    std::time_t startedAt = 0;    // UTC seconds
    std::string variant = "calf"; // calf | shin
    int stepsDone = 0;
};

constexpr int kMaxCramps = 20;
constexpr int kMaxScale = 10;

class HistoryStore {
  public:
    struct OpenResult {
        std::unique_ptr<HistoryStore> store; // null when no database could be opened at all
        std::string error;                   // why not, or a warning (read-only, say)
        std::filesystem::path movedAside;    // a damaged file moved here (never deleted)
        bool madePrivate = false;            // others could read the history file; now they cannot
        bool checked = false; // the integrity check ran: the bytes differ from those last checked
    };
    // Opens (creating folders and the file), checks integrity, migrates the schema. A file that
    // cannot be opened as a database or fails its check is moved aside with a time stamp and a
    // new one is started. The check is skipped while the file and its log are byte for byte the
    // ones it last passed (their fingerprint is kept beside them, in FILE.checked).
    static OpenResult open(const std::filesystem::path& file);
    ~HistoryStore();
    HistoryStore(const HistoryStore&) = delete;
    HistoryStore& operator=(const HistoryStore&) = delete;

    static constexpr int kSchemaVersion = 2;
    int schemaVersion() const;

    // Sessions. beginSession returns the new row id, or 0 on failure (see lastError()).
    long long beginSession(const SessionRecord& record);
    bool updateSession(long long id, int holdSecondsDone, int stepsSkipped,
                       const std::string& status, std::optional<std::time_t> endedAt);
    long long addSession(const SessionRecord& record); // a finished one (nightstretch log)

    // Check-ins: one per night, with its symptom answers; a new one for the same night replaces
    // it whole (a symptom it does not list is no longer answered yes).
    bool putCheckIn(const CheckIn& checkIn);
    std::optional<CheckIn> checkInFor(const std::string& night) const;

    // Skipped nights (ill, travelling): keep a streak alive without adding to it.
    bool markSkipped(const std::string& night, std::time_t recordedAt);

    // Correcting the record: a session logged by mistake, a night marked skipped by mistake.
    // Each returns false with lastError() when there was nothing to remove.
    std::optional<SessionRecord> session(long long id) const;
    bool deleteSession(long long id);
    bool unmarkSkipped(const std::string& night);

    bool isEmpty() const; // no session, check-in or skip at all

    // Every symptom answered yes, night by night (put with the check-ins).
    std::vector<SymptomAnswer> symptomAnswers() const;

    // Relief guides: a row when one starts (addRelief returns its id, or 0), then its steps.
    long long addRelief(const ReliefRecord& record);
    bool updateRelief(long long id, int stepsDone, const std::string& variant = "");
    std::vector<ReliefRecord> reliefs() const;
    int reliefCountFor(const std::string& night) const;

    std::vector<SessionRecord> sessions() const;
    std::vector<CheckIn> checkIns() const;
    std::vector<std::string> skippedNights() const;

    // One record per night that has anything, for computeStats.
    std::vector<NightRecord> nightRecords() const;

    // A copy through SQLite's online backup into `dir` (history-YYYY-MM-DD.sqlite3) unless one
    // for `today` exists or the history holds nothing (an empty copy must never push a good one
    // out); keeps those backupsToKeep() chooses. Returns false on failure.
    bool backupIfDue(const std::filesystem::path& dir, const std::string& today);
    // From now on the day's backup into `dir` (backupIfDue, for the local date) comes before the
    // first write of each day, whichever write that is. A failed backup is logged; the write
    // still happens.
    void backUpBeforeFirstWriteOfDay(const std::filesystem::path& dir);

    // What a backup (or any history file) holds, read without changing it.
    struct FileSummary {
        bool good = false;   // opens, passes the integrity check, a schema this version reads
        std::string problem; // why not good
        int nights = 0;      // nights with a session, a check-in or a skip
        int sessions = 0;
        std::optional<Date> firstNight, lastNight;
    };
    static FileSummary inspect(const std::filesystem::path& file);

    // Puts the contents of `backup` (a good file) in place of this history, after writing what
    // it held until now to `keepAs` (a new file). Returns false, with nothing changed, on failure.
    bool restoreFrom(const std::filesystem::path& backup, const std::filesystem::path& keepAs);

    const std::string& lastError() const { return m_lastError; }
    const std::filesystem::path& file() const { return m_file; }

  private:
    HistoryStore(sqlite3* db, std::filesystem::path file);
    void backUpIfNewDay();             // every write calls it first
    std::filesystem::path m_backupDir; // empty: no daily backups
    std::string m_backedUpDay;         // the local date the backup was last seen to
    sqlite3* m_db = nullptr;
    std::filesystem::path m_file;
    mutable std::string m_lastError;
};

} // namespace ns
