// The history commands. Input is checked in full before anything is written: a bad date, a number
// out of range or a night in the future is an error (exit 1) and the database is not touched.
#include "history_commands.hpp"

#include <cctype>

#include "command_arguments.hpp"
#include "doctor_note.hpp"
#include "exit_codes.hpp"
#include "files.hpp"
#include "format.hpp"
#include "history.hpp"
#include "nights.hpp"
#include "records_commands.hpp"
#include "settings.hpp"
#include "six_week_review.hpp"
#include "stats_json.hpp"
#include "timeline.hpp"
#include "window_loader.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <system_error>

namespace fs = std::filesystem;

namespace ns {
namespace {

int fail(int code, const std::string& message) {
    std::cerr << "nightstretch: " << message << '\n';
    return code;
}

DayStart dayStartOf(const Paths& paths) {
    const Settings settings = Settings::loadAndWarn(paths.settingsFile());
    return DayStart::parse(settings.dayStartsAt).value_or(DayStart{});
}

Date tonight(const Paths& paths) {
    return tonightAt(std::time(nullptr), dayStartOf(paths));
}

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

template <typename T> std::string optionalText(const std::optional<T>& value) {
    return value ? std::to_string(*value) : std::string();
}

std::string utcText(std::time_t utc) {
    std::tm tm{};
    gmtime_r(&utc, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

// The symptoms answered yes, by name, with `separator` between them.
std::string symptomList(const std::vector<Symptom>& symptoms, const char* separator) {
    std::string out;
    for (const Symptom symptom : symptoms)
        out += (out.empty() ? "" : separator) + std::string(symptomName(symptom));
    return out;
}

nlohmann::ordered_json sessionJson(const SessionRecord& s) {
    nlohmann::ordered_json out;
    out["id"] = s.id;
    out["routine"] = s.routineId;
    out["routine_name"] = s.routineName;
    out["started_at"] = utcText(s.startedAt);
    out["ended_at"] = s.endedAt ? nlohmann::ordered_json(utcText(*s.endedAt)) : nullptr;
    out["utc_offset_minutes"] = s.utcOffsetMinutes;
    out["night"] = s.night;
    out["planned_hold_seconds"] = s.plannedHoldSeconds;
    out["hold_seconds"] = s.holdSecondsDone;
    out["steps_skipped"] = s.stepsSkipped;
    out["status"] = statusWord(s);
    out["source"] = s.source;
    return out;
}

nlohmann::ordered_json checkInJson(const CheckIn& c) {
    nlohmann::ordered_json out;
    out["night"] = c.night;
    out["cramps"] = c.cramps;
    out["pain"] = c.pain ? nlohmann::ordered_json(*c.pain) : nullptr;
    out["sleep"] = c.sleep ? nlohmann::ordered_json(*c.sleep) : nullptr;
    out["note"] = c.note;
    out["recorded_at"] = utcText(c.recordedAt);
    return out;
}

// The doctor note for the history as it stands, as if tonight were `tonightDate`.
std::optional<DoctorNote> doctorNoteOf(const HistoryStore& store, Date tonightDate) {
    return doctorNote(computeStats(store.nightRecords(), tonightDate), store.symptomAnswers());
}

void printDoctorNote(const std::optional<DoctorNote>& note) {
    if (!note) return;
    std::printf("\n%s\n%s\n", note->reason.c_str(), note->text.c_str());
}

nlohmann::ordered_json periodJson(const ReviewPeriod& period) {
    nlohmann::ordered_json out;
    out["first_night"] = period.firstNight.str();
    out["check_ins"] = period.checkIns;
    out["cramp_nights"] = period.crampNights;
    out["cramps"] = period.cramps;
    out["mean_pain"] = period.meanPain ? nlohmann::ordered_json(*period.meanPain) : nullptr;
    out["mean_sleep"] = period.meanSleep ? nlohmann::ordered_json(*period.meanSleep) : nullptr;
    return out;
}

// "maintenance" (past night 42) and "six_week_review" (null before night 42).
nlohmann::ordered_json programmeJson(const Stats& stats) {
    nlohmann::ordered_json out;
    out["maintenance"] = inMaintenance(stats);
    const auto review = sixWeekReview(stats);
    if (!review) {
        out["six_week_review"] = nullptr;
        return out;
    }
    nlohmann::ordered_json json;
    json["programme_day"] = review->programmeDay;
    json["first_two_weeks"] = periodJson(review->firstTwoWeeks);
    json["last_two_weeks"] = periodJson(review->lastTwoWeeks);
    json["verdict"] = toString(review->verdict);
    json["doctor_note"] =
        review->doctorReason ? nlohmann::ordered_json(*review->doctorReason) : nullptr;
    json["sentences"] = review->sentences;
    out["six_week_review"] = std::move(json);
    return out;
}

// Opens for a command and prints the notice; null when there is none, with `*whyNot` saying what
// is wrong and what to do (the caller's failure sentence).
std::unique_ptr<HistoryStore> openForCommand(const Paths& paths, std::string* whyNot) {
    OpenedHistory opened = openHistory(paths);
    if (!opened.store) {
        *whyNot = opened.whyNot;
        return nullptr;
    }
    if (!opened.notice.empty()) std::cerr << "nightstretch: " << opened.notice << '\n';
    return std::move(opened.store);
}

} // namespace

OpenedHistory openHistory(const Paths& paths) {
    OpenedHistory opened;
    HistoryStore::OpenResult result = HistoryStore::open(paths.historyFile());
    if (!result.movedAside.empty()) {
        opened.notice = "the history file was damaged; it was kept as " +
                        result.movedAside.string() + " and a new one was started";
        opened.problem = historyMovedAside(result.movedAside);
        opened.restorable = newestGoodBackup(backupsDir(paths));
        if (opened.restorable) {
            opened.notice += "; " + restoreAdvice(*opened.restorable);
            // The banner's action line: the same advice, as a sentence of its own.
            std::string action = restoreAdvice(*opened.restorable);
            if (!action.empty()) action[0] = static_cast<char>(std::toupper(action[0]));
            opened.problem.action = action + ".";
        }
        spdlog::info("{}", opened.notice); // to the log file; the caller tells the person
    } else if (!result.error.empty()) {
        opened.notice = "history: " + result.error;
        opened.problem = result.store ? historyWarning(result.error)
                                      : historyNotOpened(paths.historyFile(), result.error);
        spdlog::info("{}", opened.notice);
    }
    // The app's own folders too (the file alone is not enough: a folder others can list shows
    // the backups' names and dates).
    for (const fs::path& folder : {paths.dataDir, paths.dataDir / "backups"})
        if (removeOthersAccess(folder)) result.madePrivate = true;
    if (result.madePrivate) {
        const std::string privateNow = "other accounts on this computer could read your history; "
                                       "it is now yours alone";
        opened.notice = opened.notice.empty() ? privateNow : opened.notice + "; " + privateNow;
        spdlog::info("{}", privateNow);
    }
    opened.store = std::move(result.store);
    if (!opened.store)
        opened.whyNot = historyNotOpenedForACommand(
            paths.historyFile(), result.error.empty() ? "no reason was given" : result.error);
    if (opened.store) opened.store->backUpBeforeFirstWriteOfDay(backupsDir(paths));
    return opened;
}

int statsCommand(const Paths& paths, const StatsOptions& options) {
    Date tonightDate = tonight(paths);
    if (options.today) {
        auto date = Date::parse(*options.today);
        if (!date)
            return fail(kExitInvalid, "'" + *options.today + "' is not a date; write YYYY-MM-DD");
        tonightDate = *date;
    }
    std::string whyNot;
    auto store = openForCommand(paths, &whyNot);
    if (!store) return fail(kExitEnvironment, whyNot);
    Stats stats = computeStats(store->nightRecords(), tonightDate);
    stats.symptoms = store->symptomAnswers(); // the picture's doctor note counts them too

    if (options.png) {
        std::string error;
        const int code = saveProgressPictureFromModule(stats, *options.png, paths, &error);
        if (code != kExitOk) return fail(code, error);
        if (!options.json) std::printf("Wrote %s\n", options.png->c_str());
    }
    const std::optional<DoctorNote> note = doctorNote(stats, stats.symptoms);
    if (options.json) {
        std::cout << withFields(
                         withDoctorNote(statsJsonText(stats), note ? &note->reason : nullptr),
                         programmeJson(stats))
                  << '\n';
        return kExitOk;
    }
    if (options.png) return kExitOk;
    std::printf("Tonight (%s): %s\n", stats.tonight.str().c_str(), stateWords(stats.tonightState));
    std::printf("Current streak: %d night%s   Best: %d\n", stats.currentStreak,
                stats.currentStreak == 1 ? "" : "s", stats.bestStreak);
    if (inMaintenance(stats))
        std::printf("Six-week programme done: now maintenance\n");
    else if (stats.programmeNight)
        std::printf("Six-week programme: night %d of %d\n", *stats.programmeNight,
                    kProgrammeNights);
    std::printf("Nights done %d, partial %d, skipped %d\n\n", stats.nightsDone, stats.nightsPartial,
                stats.nightsSkipped);
    const size_t first = stats.nights.size() > 14 ? stats.nights.size() - 14 : 0;
    std::printf("  night       state         held   cramps  pain  sleep\n");
    for (size_t i = first; i < stats.nights.size(); ++i) {
        const NightSummary& n = stats.nights[i];
        std::printf("  %s  %-12s  %5s  %6s  %4s  %5s\n", n.night.str().c_str(), stateWords(n.state),
                    formatClock(n.holdSeconds).c_str(), optionalText(n.cramps).c_str(),
                    optionalText(n.pain).c_str(), optionalText(n.sleep).c_str());
    }
    const auto review = sixWeekReview(stats);
    if (review) {
        std::printf("\n");
        for (const std::string& sentence : review->sentences)
            std::printf("%s\n", sentence.c_str());
    }
    if (!review || !review->doctorReason) printDoctorNote(note); // else the review said it
    return kExitOk;
}

int checkInCommand(const Paths& paths, const CheckInOptions& options) {
    const CheckedCheckIn checked = checkCheckInOptions(options, tonight(paths), std::time(nullptr));
    if (!checked.checkIn) return fail(kExitInvalid, checked.error);

    std::string whyNot;
    auto store = openForCommand(paths, &whyNot);
    if (!store) return fail(kExitEnvironment, whyNot);
    const CheckInChange change =
        mergeCheckIn(store->checkInFor(checked.checkIn->night), *checked.checkIn, options);
    // Leaving out a needed option is wrong usage (2), like any other missing argument.
    if (!change.checkIn && !options.cramps)
        return fail(kExitUsage, change.error + "; see 'nightstretch checkin --help'");
    if (!change.checkIn) return fail(kExitInvalid, change.error);
    const CheckIn& checkIn = *change.checkIn;
    if (!store->putCheckIn(checkIn))
        return fail(kExitEnvironment, "the check-in could not be saved: " + store->lastError());
    std::printf("Saved for the night of %s: %d cramp%s", checkIn.night.c_str(), checkIn.cramps,
                checkIn.cramps == 1 ? "" : "s");
    if (checkIn.pain) std::printf(", pain %d", *checkIn.pain);
    if (checkIn.sleep) std::printf(", sleep disturbed %d", *checkIn.sleep);
    for (std::size_t i = 0; i < checkIn.symptoms.size(); ++i)
        std::printf("%s%s", i == 0 ? "; noted: " : ", ", symptomName(checkIn.symptoms[i]));
    std::printf(".\n");
    if (!change.replaced.empty()) {
        std::string replaced;
        for (const std::string& item : change.replaced)
            replaced += (replaced.empty() ? "" : ", ") + item;
        std::printf("This changed the check-in saved before: %s.\n", replaced.c_str());
    }
    printDoctorNote(doctorNoteOf(*store, tonight(paths)));
    return kExitOk;
}

int logCommand(const Paths& paths, const Routine& routine, const LogOptions& options) {
    const DayStart dayStart = dayStartOf(paths);
    const CheckedLog checked = checkLogOptions(options, std::time(nullptr));
    if (!checked.error.empty()) return fail(kExitInvalid, checked.error);
    const std::time_t startedAt = checked.startedAt;
    const double fraction = checked.fraction;
    const Timeline timeline = buildTimeline(routine);
    SessionRecord record;
    record.routineId = routine.id;
    record.routineName = routine.name;
    record.startedAt = startedAt;
    record.endedAt =
        startedAt + static_cast<std::time_t>(std::lround(timeline.totalSeconds * fraction));
    record.utcOffsetMinutes = localTimeOf(startedAt).utcOffsetMinutes;
    record.night = nightOf(startedAt, dayStart).str();
    record.plannedHoldSeconds = timeline.holdSeconds;
    record.holdSecondsDone = static_cast<int>(std::lround(timeline.holdSeconds * fraction));
    record.status = fraction >= 1.0 ? "completed" : "quit";
    record.source = "log";

    std::string whyNot;
    auto store = openForCommand(paths, &whyNot);
    if (!store) return fail(kExitEnvironment, whyNot);
    if (store->addSession(record) == 0)
        return fail(kExitEnvironment, "the session could not be saved: " + store->lastError());
    std::printf("Logged %s for the night of %s: %s of holding.\n", routine.id.c_str(),
                record.night.c_str(), formatMinutes(record.holdSecondsDone).c_str());
    return kExitOk;
}

int skipCommand(const Paths& paths, const std::optional<std::string>& nightText, bool undo) {
    const Date tonightDate = tonight(paths);
    Date night = tonightDate;
    if (nightText) {
        std::string error;
        auto parsed = parseNight(*nightText, tonightDate, error);
        if (!parsed) return fail(kExitInvalid, error);
        night = *parsed;
    }
    std::string whyNot;
    auto store = openForCommand(paths, &whyNot);
    if (!store) return fail(kExitEnvironment, whyNot);
    if (undo) {
        const auto skipped = store->skippedNights();
        if (std::find(skipped.begin(), skipped.end(), night.str()) == skipped.end())
            return fail(kExitInvalid,
                        "the night of " + night.str() + " is not marked skipped; nothing changed");
        if (!store->unmarkSkipped(night.str()))
            return fail(kExitEnvironment, "could not change the night: " + store->lastError());
        std::printf("The night of %s is no longer marked skipped.\n", night.str().c_str());
        return kExitOk;
    }
    // A night done stays done (stats would go on saying so): marking it would change nothing.
    for (const NightRecord& record : store->nightRecords())
        if (record.night == night && stateOf(record) == NightState::Done)
            return fail(kExitInvalid,
                        "the night of " + night.str() + " is already done (" +
                            formatClock(record.holdSeconds) +
                            " held), so it cannot be marked skipped; nothing changed");
    if (!store->markSkipped(night.str(), std::time(nullptr)))
        return fail(kExitEnvironment, "could not mark the night: " + store->lastError());
    std::printf("The night of %s is marked skipped: your streak stays as it is.\n",
                night.str().c_str());
    return kExitOk;
}

int historyCommand(const Paths& paths, bool json) {
    std::string whyNot;
    auto store = openForCommand(paths, &whyNot);
    if (!store) return fail(kExitEnvironment, whyNot);
    const auto sessions = store->sessions();
    const auto checkIns = store->checkIns();
    if (json) {
        nlohmann::ordered_json out;
        out["sessions"] = nlohmann::json::array();
        for (const auto& s : sessions)
            out["sessions"].push_back(sessionJson(s));
        out["checkins"] = nlohmann::json::array();
        for (const auto& c : checkIns)
            out["checkins"].push_back(checkInJson(c));
        out["skipped"] = store->skippedNights();
        out["symptoms"] = nlohmann::json::array();
        for (const SymptomAnswer& answer : store->symptomAnswers())
            out["symptoms"].push_back(
                {{"night", answer.night}, {"symptom", symptomName(answer.symptom)}});
        out["reliefs"] = nlohmann::json::array();
        for (const ReliefRecord& relief : store->reliefs())
            out["reliefs"].push_back({{"id", relief.id},
                                      {"night", relief.night},
                                      {"started_at", utcText(relief.startedAt)},
                                      {"variant", relief.variant},
                                      {"steps_done", relief.stepsDone}});
        std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return kExitOk;
    }
    std::printf("Sessions (%zu):\n", sessions.size());
    std::printf("  %6s  %-10s  %-12s %-11s %-14s  source\n", "id", "night", "routine", "status",
                "held");
    for (const auto& s : sessions)
        std::printf("  %6lld  %s  %-12s %-11s %5s of %5s  (%s)\n", s.id, s.night.c_str(),
                    s.routineId.c_str(), statusWord(s).c_str(),
                    formatClock(s.holdSecondsDone).c_str(),
                    formatClock(s.plannedHoldSeconds).c_str(), s.source.c_str());
    if (!sessions.empty())
        std::printf("  (remove a session logged by mistake: nightstretch history delete ID)\n");
    std::printf("Check-ins (%zu):\n", checkIns.size());
    for (const auto& c : checkIns) {
        std::printf("  %s  cramps %d  pain %s  sleep %s  %s\n", c.night.c_str(), c.cramps,
                    optionalText(c.pain).c_str(), optionalText(c.sleep).c_str(), c.note.c_str());
        if (!c.symptoms.empty()) // on a line of their own, clear of the note
            std::printf("              noted: %s\n", symptomList(c.symptoms, ", ").c_str());
    }
    return kExitOk;
}

int exportCommand(const Paths& paths, const std::string& csvDir) {
    std::error_code ec;
    const bool existed = fs::is_directory(csvDir, ec);
    fs::create_directories(csvDir, ec);
    if (!fs::is_directory(csvDir, ec))
        return fail(kExitUsage, "cannot make the folder '" + csvDir + "'");
    if (!existed) // where the person says: their umask, not the app's private one
        fs::permissions(csvDir, static_cast<fs::perms>(0777 & ~personsUmask()), ec);
    std::string whyNot;
    auto store = openForCommand(paths, &whyNot);
    if (!store) return fail(kExitEnvironment, whyNot);

    const fs::path sessionsFile = fs::path(csvDir) / "sessions.csv";
    std::ostringstream sessionsOut;
    sessionsOut << "id,routine,routine_name,started_at,ended_at,utc_offset_minutes,night,"
                   "planned_hold_seconds,hold_seconds,steps_skipped,status,source\n";
    for (const auto& s : store->sessions())
        sessionsOut << s.id << ',' << csvField(s.routineId) << ',' << csvField(s.routineName) << ','
                    << utcText(s.startedAt) << ',' << (s.endedAt ? utcText(*s.endedAt) : "") << ','
                    << s.utcOffsetMinutes << ',' << s.night << ',' << s.plannedHoldSeconds << ','
                    << s.holdSecondsDone << ',' << s.stepsSkipped << ',' << statusWord(s) << ','
                    << s.source << '\n';
    const fs::path checkInsFile = fs::path(csvDir) / "checkins.csv";
    std::ostringstream checkInsOut;
    checkInsOut << "night,cramps,pain,sleep,note,recorded_at,symptoms\n";
    for (const auto& c : store->checkIns())
        checkInsOut << c.night << ',' << c.cramps << ',' << optionalText(c.pain) << ','
                    << optionalText(c.sleep) << ',' << csvField(c.note) << ','
                    << utcText(c.recordedAt) << ',' << csvField(symptomList(c.symptoms, ";"))
                    << '\n';
    std::string error;
    // Exports go where the person says, with their own umask.
    if (!writeFileAtomically(sessionsFile, sessionsOut.str(), &error, NewFileAccess::Persons) ||
        !writeFileAtomically(checkInsFile, checkInsOut.str(), &error, NewFileAccess::Persons))
        return fail(kExitUsage, "could not write the CSV files in '" + csvDir + "': " + error);
    std::printf("Wrote %s and %s\n", sessionsFile.c_str(), checkInsFile.c_str());
    return kExitOk;
}

} // namespace ns
