// The command line (CLI11). Routine problems are printed here, one FILE:LINE:COL line each.
#include "cli.hpp"

#include "edit_commands.hpp"
#include "exit_codes.hpp"
#include "figure_command.hpp"
#include "format.hpp"
#include "history.hpp"
#include "history_commands.hpp"
#include "logging.hpp"
#include "nights.hpp"
#include "paths.hpp"
#include "process.hpp"
#include "records_commands.hpp"
#include "relief_commands.hpp"
#include "remind_command.hpp"
#include "routine_loader.hpp"
#include "routine_lookup.hpp"
#include "settings.hpp"
#include "terminal_session.hpp"
#include "timeline.hpp"
#include "usage_errors.hpp"
#include "window_loader.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <exception>
#include <functional>
#include <iostream>
#include <memory>
#include <system_error>
#include <unistd.h>

namespace fs = std::filesystem;

namespace ns {
namespace {

void printDiagnostics(const Diagnostics& diagnostics) {
    for (const auto& d : diagnostics)
        std::cerr << d.format() << '\n';
}

// The named routine (id or path), or the exit code after its problems are printed.
struct Resolved {
    std::optional<Routine> routine;
    int exitCode = kExitOk;
};

Resolved resolveRoutine(const std::string& name, const RoutineLibrary& library) {
    RoutineLookup lookup = findRoutine(name, library);
    if (!lookup.ok()) {
        printDiagnostics(lookup.diagnostics);
        return {std::nullopt, lookup.exitCode()};
    }
    return {std::move(lookup.routine), kExitOk};
}

RoutineLibrary loadLibrary(const Paths& paths) {
    RoutineLibrary library =
        RoutineLibrary::load(paths.builtInRoutinesDir(), paths.userRoutinesDir());
    for (const auto& d : library.catalogDiagnostics)
        spdlog::warn("{}", d.format());
    return library;
}

int listRoutines(const Paths& paths, bool json) {
    const RoutineLibrary library = loadLibrary(paths);
    if (library.entries.empty()) {
        std::cerr << "nightstretch: no routines found in " << paths.builtInRoutinesDir() << '\n';
        return kExitEnvironment;
    }
    if (json) {
        nlohmann::ordered_json out;
        out["routines"] = nlohmann::json::array();
        for (const auto& entry : library.entries) {
            nlohmann::ordered_json item;
            item["id"] = entry.id;
            item["path"] = entry.path.string();
            item["built_in"] = entry.builtIn;
            item["from_built_in"] = entry.replacedBuiltIn.has_value();
            if (entry.result.ok()) {
                item["name"] = entry.result.routine->name;
                item["total_seconds"] = buildTimeline(*entry.result.routine).totalSeconds;
            } else {
                item["errors"] = nlohmann::json::array();
                for (const auto& d : entry.result.diagnostics)
                    item["errors"].push_back(d.format());
            }
            out["routines"].push_back(item);
        }
        std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return kExitOk;
    }
    size_t idWidth = 2;
    for (const auto& entry : library.entries)
        idWidth = std::max(idWidth, entry.id.size());
    std::vector<const RoutineEntry*> failed;
    for (const auto& entry : library.entries) {
        if (!entry.result.ok()) {
            failed.push_back(&entry);
            continue;
        }
        const Routine& routine = *entry.result.routine;
        const int total = buildTimeline(routine).totalSeconds;
        std::printf("%-*s  %6s  %s%s\n", static_cast<int>(idWidth), entry.id.c_str(),
                    formatClock(total).c_str(), routine.name.c_str(),
                    entry.builtIn           ? ""
                    : entry.replacedBuiltIn ? "  (yours, from built-in; 'reset' goes back)"
                                            : "  (yours)");
    }
    if (!failed.empty()) {
        std::printf("\nThese routines have errors and cannot be started:\n");
        for (const auto* entry : failed) {
            std::printf("%-*s  %s\n", static_cast<int>(idWidth), entry->id.c_str(),
                        entry->path.string().c_str());
            for (const auto& d : entry->result.diagnostics)
                std::printf("    %s\n", d.format().c_str());
        }
    }
    return kExitOk;
}

// The catalog's stretches (built-in and the person's own), for `figure` and for writing steps.
int listStretches(const Paths& paths, bool json) {
    const RoutineLibrary library = loadLibrary(paths);
    const auto& stretches = library.catalog.stretches;
    if (stretches.empty()) {
        std::cerr << "nightstretch: no stretches found in " << paths.builtInRoutinesDir() << '\n';
        return kExitEnvironment;
    }
    if (json) {
        nlohmann::ordered_json out;
        out["stretches"] = nlohmann::json::array();
        for (const auto& [id, stretch] : stretches) {
            nlohmann::ordered_json item;
            item["id"] = id;
            item["name"] = stretch.name;
            item["sides"] = toString(stretch.sides);
            item["hold_seconds"] =
                stretch.hold ? nlohmann::ordered_json(*stretch.hold) : nlohmann::ordered_json();
            item["muscles"] = stretch.muscles;
            out["stretches"].push_back(item);
        }
        std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return kExitOk;
    }
    size_t idWidth = 2;
    for (const auto& [id, stretch] : stretches)
        idWidth = std::max(idWidth, id.size());
    for (const auto& [id, stretch] : stretches)
        std::printf("%-*s  %s%s\n", static_cast<int>(idWidth), id.c_str(), stretch.name.c_str(),
                    stretch.sides == Sides::Both ? "  (each leg)" : "");
    return kExitOk;
}

int checkFiles(const Paths& paths, const std::vector<std::string>& files) {
    const RoutineLibrary library = loadLibrary(paths);
    int exitCode = kExitOk;
    for (const auto& file : files) {
        std::error_code ec;
        const RoutineEntry* byId = fs::exists(file, ec) ? nullptr : library.find(file);
        if (byId != nullptr) {
            // An id where a file belongs: say what check takes, and where that routine lives.
            std::fprintf(stderr,
                         "nightstretch: check takes routine files, and '%s' is a routine id. "
                         "Check its file with 'nightstretch check %s', or see its steps with "
                         "'nightstretch plan %s'.\n",
                         file.c_str(), byId->path.string().c_str(), file.c_str());
            exitCode = std::max(exitCode, kExitUsage);
            continue;
        }
        if (fs::path(file).filename() == "stretches.toml") {
            CatalogLoadResult catalog = loadCatalogFile(file);
            printDiagnostics(catalog.diagnostics);
            if (!catalog.diagnostics.empty()) {
                exitCode = std::max(exitCode, exitCodeFor(catalog.diagnostics));
            } else {
                const size_t count = catalog.catalog.stretches.size();
                std::printf("%s: ok, %zu stretch%s\n", file.c_str(), count, count == 1 ? "" : "es");
            }
            continue;
        }
        RoutineLoadResult result = loadRoutineFile(file, library.catalog);
        if (!result.ok()) {
            printDiagnostics(result.diagnostics);
            exitCode = std::max(exitCode, exitCodeFor(result.diagnostics));
            continue;
        }
        const Timeline timeline = buildTimeline(*result.routine);
        const size_t steps = result.routine->steps.size();
        std::printf("%s: ok, %zu step%s, %s\n", file.c_str(), steps, steps == 1 ? "" : "s",
                    formatClock(timeline.totalSeconds).c_str());
    }
    return exitCode;
}

const char* sideLetter(Side side) {
    switch (side) {
    case Side::Left:
        return "left";
    case Side::Right:
        return "right";
    case Side::None:
        break;
    }
    return "";
}

int planRoutine(const Paths& paths, const std::string& name, bool json) {
    const RoutineLibrary library = loadLibrary(paths);
    Resolved resolved = resolveRoutine(name, library);
    if (!resolved.routine) return resolved.exitCode;
    const Routine& routine = *resolved.routine;
    const Timeline timeline = buildTimeline(routine);
    if (json) {
        nlohmann::ordered_json out;
        out["routine"] = routine.id;
        out["name"] = routine.name;
        out["total_seconds"] = timeline.totalSeconds;
        out["hold_seconds"] = timeline.holdSeconds;
        out["phases"] = nlohmann::json::array();
        for (const auto& phase : timeline.phases) {
            nlohmann::ordered_json item;
            item["kind"] = toString(phase.kind);
            item["step"] = phase.step + 1;
            item["name"] = routine.steps[static_cast<size_t>(phase.step)].stretch.name;
            item["side"] = toString(phase.side);
            item["rep"] = phase.rep;
            item["start_seconds"] = phase.startSeconds;
            item["duration_seconds"] = phase.durationSeconds;
            out["phases"].push_back(item);
        }
        std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return kExitOk;
    }
    std::printf("%s (%s): %s in all, %s of holding\n\n", routine.name.c_str(), routine.id.c_str(),
                formatClock(timeline.totalSeconds).c_str(),
                formatClock(timeline.holdSeconds).c_str());
    std::printf("  start  phase     side   rep  length  stretch\n");
    for (const auto& phase : timeline.phases) {
        std::printf("  %5s  %-8s  %-5s  %3d  %4d s  %s\n", formatClock(phase.startSeconds).c_str(),
                    toString(phase.kind), sideLetter(phase.side), phase.rep, phase.durationSeconds,
                    routine.steps[static_cast<size_t>(phase.step)].stretch.name.c_str());
    }
    std::printf("  %5s  end\n", formatClock(timeline.totalSeconds).c_str());
    return kExitOk;
}

// The window (or terminal) with the history opened (backed up before the day's first write) and
// a damaged file reported. `routine` empty: the home screen.
int openFrontEnd(const Paths& paths, const std::optional<std::string>& routine, bool text,
                 const std::optional<std::string>& tracePath, bool fullscreen,
                 long long processStartMs, const std::string& voice = "") {
    const Settings settings = settingsWithVoice(paths, voice); // the window reads it too
    const DayStart dayStart = DayStart::parse(settings.dayStartsAt).value_or(DayStart{});
    if (text) {
        const RoutineLibrary library = loadLibrary(paths);
        Resolved resolved = resolveRoutine(routine.value_or("nightly"), library);
        if (!resolved.routine) return resolved.exitCode;
        OpenedHistory history = openHistory(paths);
        if (!history.notice.empty()) std::cerr << "nightstretch: " << history.notice << '\n';
        TerminalOptions options;
        options.tracePath = tracePath;
        options.settings = settings;
        options.settingsFile = paths.settingsFile();
        options.history = history.store.get();
        options.dayStart = dayStart;
        options.welcomeStateDir = paths.stateDir;
        return runTerminalSession(*resolved.routine, options);
    }
    OpenedHistory history = openHistory(paths);
    if (!history.notice.empty()) std::cerr << "nightstretch: " << history.notice << '\n';
    WindowOptions options;
    options.paths = paths;
    options.routine = routine;
    options.tracePath = tracePath;
    options.fullscreen = fullscreen || settings.fullscreen;
    options.processStartMs = processStartMs;
    options.history = history.store.get();
    options.historyNotice = history.notice;
    options.restorable = history.restorable;
    options.historyProblem = history.problem;
    options.dayStart = dayStart;
    options.welcomeOnFirstRun = true; // the first run of any kind: home, `start`, the reminder
    if (routine)
        options.textForm = "'nightstretch start --text" +
                           (*routine == "nightly" ? std::string() : " " + *routine) + "'";
    return runWindowFromModule(options);
}

// A routine for `log`: resolved like start's, exit code when it cannot be.
int withRoutine(const Paths& paths, const std::string& name,
                const std::function<int(const Routine&)>& action) {
    const RoutineLibrary library = loadLibrary(paths);
    Resolved resolved = resolveRoutine(name, library);
    if (!resolved.routine) return resolved.exitCode;
    return action(*resolved.routine);
}

} // namespace

int runCli(int argc, char** argv) {
    const long long processStartMs = processStartSteadyMs();
    CLI::App app{"Nightstretch: a bedtime stretching coach against night leg cramps.",
                 "nightstretch"};
    app.formatter(std::make_shared<HelpFormatter>()); // the commands added below share it
    app.set_version_flag("--version", std::string("nightstretch ") + NS_VERSION);
    app.require_subcommand(0, 1);

    std::string home;
    bool verbose = false;
    CLI::Option* homeOption =
        app.add_option("--home", home,
                       "Keep config, data and logs under DIR (also NIGHTSTRETCH_HOME)")
            ->option_text("DIR");
    app.add_flag("-v,--verbose", verbose, "Log more to stderr");

    std::string startName = "nightly";
    bool startText = false;
    bool fullscreen = false;
    std::string tracePath;
    auto* start = app.add_subcommand("start", "Run a routine now (id or path; default: nightly)");
    start->add_option("routine", startName, "Routine id or path to a .toml file");
    start->add_flag("--text", startText, "Run in the terminal instead of a window");
    start->add_flag("--fullscreen", fullscreen, "Open the window full screen");
    start->add_option("--trace", tracePath, "Write a timing trace (JSON lines) to FILE")
        ->option_text("FILE");
    std::string startVoice;
    start->add_option("--voice", startVoice, "Spoken prompts on or off (kept for next time)")
        ->check(CLI::IsMember({"on", "off"}))
        ->option_text("on|off");

    bool listJson = false;
    auto* list = app.add_subcommand("list", "List routines with their total duration");
    list->add_flag("--json", listJson, "One JSON document on stdout");

    bool stretchesJson = false;
    auto* stretchesCmd =
        app.add_subcommand("stretches", "List the stretches (ids for 'figure' and for routines)");
    stretchesCmd->add_flag("--json", stretchesJson, "One JSON document on stdout");

    std::vector<std::string> checkPaths;
    auto* check = app.add_subcommand("check", "Validate routine files");
    check->add_option("files", checkPaths, "Routine files")->required();

    std::string planName;
    bool planJson = false;
    auto* plan = app.add_subcommand("plan", "Show the expanded timeline and total duration");
    plan->add_option("routine", planName, "Routine id or path")->required();
    plan->add_flag("--json", planJson, "One JSON document on stdout");

    StatsOptions statsOptions;
    std::string statsToday;
    std::string statsPng;
    auto* stats = app.add_subcommand("stats", "Streaks, nights and the cramp diary");
    stats->add_flag("--json", statsOptions.json, "One JSON document on stdout");
    stats->add_option("--today", statsToday, "Answer as if tonight were this night")
        ->option_text("YYYY-MM-DD");
    stats->add_option("--png", statsPng, "Save the progress picture to FILE")->option_text("FILE");

    FigureOptions figureOptions;
    auto* figure = app.add_subcommand("figure", "Draw a stretch's figure into a PNG");
    figure->add_option("stretch", figureOptions.id, "Stretch id (from the catalog)")->required();
    figure->add_option("--side", figureOptions.side, "Which leg is stretched")
        ->check(CLI::IsMember({"left", "right"}))
        ->option_text("left|right");
    figure->add_option("--pose", figureOptions.pose, "Getting into position, or the stretch")
        ->check(CLI::IsMember({"start", "hold"}))
        ->option_text("start|hold");
    figure->add_option("--png", figureOptions.png, "The picture to write")
        ->required()
        ->option_text("FILE");

    CheckInOptions checkInOptions;
    std::string checkInPain;
    std::string checkInSleep;
    std::string checkInNote;
    std::string checkInNight;
    auto* checkin = app.add_subcommand("checkin", "Record last night's cramps (the diary)");
    std::string checkInCramps;
    checkin
        ->add_option("--cramps", checkInCramps,
                     "Number of cramps, 0 to 20 (needed the first time for a night)")
        ->option_text("N");
    checkin->add_option("--pain", checkInPain, "Worst pain, 0 to 10")->option_text("P");
    checkin->add_option("--sleep", checkInSleep, "How much they disturbed sleep, 0 to 10")
        ->option_text("S");
    checkin->add_option("--note", checkInNote, "A short note")->option_text("TEXT");
    checkin->add_option("--night", checkInNight, "The night it is about (default: last night)")
        ->option_text("YYYY-MM-DD");
    checkin->add_flag("--replace", checkInOptions.replace,
                      "Overwrite a saved check-in whole, symptoms too (else only the fields "
                      "given change)");
    checkin
        ->add_option("--symptom", checkInOptions.symptoms,
                     "Yes to a symptom question (repeatable): swelling, redness or warmth; "
                     "weakness; numbness or tingling; cramps that began with a new medicine")
        ->option_text("swelling|weakness|numbness|medicine");
    checkin
        ->add_option("--no-symptom", checkInOptions.noSymptoms,
                     "Take back a yes to a symptom question (repeatable)")
        ->option_text("swelling|weakness|numbness|medicine");

    std::string logName;
    std::string logAt;
    std::string logFraction;
    auto* log = app.add_subcommand("log", "Record a session done away from the app");
    log->add_option("routine", logName, "Routine id or path")->required();
    log->add_option("--at", logAt, "When it started, local time")
        ->option_text("\"YYYY-MM-DD HH:MM\"");
    log->add_option("--fraction", logFraction, "How much of it was done, 0 to 1 (default 1)")
        ->option_text("F");

    std::string skipNight;
    auto* skip =
        app.add_subcommand("skip", "Mark a night skipped (ill, travelling): keeps the streak");
    skip->add_option("--night", skipNight, "The night (default: tonight)")
        ->option_text("YYYY-MM-DD");
    bool skipUndo = false;
    skip->add_flag("--undo", skipUndo, "Take the mark away (a night marked skipped by mistake)");

    bool historyJson = false;
    auto* history = app.add_subcommand("history", "Sessions and check-ins as stored");
    history->add_flag("--json", historyJson, "One JSON document on stdout");
    std::string deleteId;
    bool deleteYes = false;
    auto* historyDelete =
        history->add_subcommand("delete", "Remove a session (asks first; ids from 'history')");
    historyDelete->add_option("id", deleteId, "The session's id")->required();
    historyDelete->add_flag("--yes", deleteYes, "Remove it without asking (for scripts)");

    auto* backups = app.add_subcommand("backups", "List the history's backups");
    std::string restoreName;
    auto* restore = app.add_subcommand(
        "restore",
        "Put a backup of the history back (the newest good one unless named; asks first)");
    restore->add_option("backup", restoreName, "A backup's date, file name or path")
        ->option_text("BACKUP");
    bool restoreYes = false;
    restore->add_flag("--yes", restoreYes, "Replace the history without asking (for scripts)");

    std::string exportDir;
    auto* exportCmd = app.add_subcommand("export", "Write sessions.csv and checkins.csv");
    exportCmd->add_option("--csv", exportDir, "Folder for the CSV files")
        ->required()
        ->option_text("DIR");

    std::string newId;
    std::string newFrom;
    auto* newCmd = app.add_subcommand("new", "Create a routine of your own");
    newCmd->add_option("id", newId, "Its id (the file name): letters, digits and '-'")->required();
    newCmd->add_option("--from", newFrom, "Start from a copy of this routine")
        ->option_text("ROUTINE");

    std::string editName;
    auto* edit = app.add_subcommand(
        "edit", "Open your copy of a routine in $VISUAL or $EDITOR; checked when you close it");
    edit->add_option("routine", editName, "Routine id or path")->required();

    std::string resetId;
    auto* reset = app.add_subcommand(
        "reset", "Go back to a built-in routine (your copy is kept as a backup file)");
    reset->add_option("id", resetId, "The routine's id")->required();

    ReliefOptions reliefOptions;
    auto* relief = app.add_subcommand("relief", "Guidance through a cramp happening now");
    relief->add_flag("--text", reliefOptions.text, "In the terminal instead of the window");
    relief->add_flag("--shin", reliefOptions.shin, "A cramp in the shin or foot (default: calf)");
    relief
        ->add_option("--trace", reliefOptions.tracePath,
                     "With --text: write each phrase said (JSON lines) to FILE")
        ->option_text("FILE");
    relief
        ->add_option("--voice", reliefOptions.voice, "Spoken steps on or off (kept for next time)")
        ->check(CLI::IsMember({"on", "off"}))
        ->option_text("on|off");
    bool aboutText = false;
    auto* about = app.add_subcommand("about", "Leg cramps: what helps, when to see a doctor");
    about->add_flag("--text", aboutText, "Print it instead of opening the window");

    RemindOptions remindOptions;
    addRemindCommand(app, remindOptions);

    for (auto* sub :
         {start,     list,   stretchesCmd, check,   plan,          stats,   figure,
          checkin,   log,    skip,         history, historyDelete, backups, restore,
          exportCmd, newCmd, edit,         reset,   relief,        about,   remindOptions.command})
        sub->fallthrough();

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "nightstretch: " << usageSentence(e, app) << '\n';
        return kExitUsage;
    }
    if (homeOption->count() > 0 && home.empty()) {
        // An empty folder would quietly mean the real ~/.config: a test or script would touch it.
        std::cerr << "nightstretch: --home needs a folder (it was empty); leave it out to use "
                     "the usual places.\n";
        return kExitUsage;
    }

    try {
        std::optional<std::string> homeFolder;
        if (!home.empty()) homeFolder = home;
        const Paths paths = Paths::resolve(homeFolder, argc > 0 ? argv[0] : "nightstretch");
        setUpLogging(paths.logFile(), verbose);
        spdlog::debug("share folder: {}", paths.shareDir.string());

        std::optional<std::string> trace;
        if (!tracePath.empty()) trace = tracePath;
        auto given = [](const std::string& text) {
            return text.empty() ? std::nullopt : std::optional<std::string>(text);
        };
        if (*start)
            return openFrontEnd(paths, startName, startText, trace, fullscreen, processStartMs,
                                startVoice);
        if (*list) return listRoutines(paths, listJson);
        if (*stretchesCmd) return listStretches(paths, stretchesJson);
        if (*check) return checkFiles(paths, checkPaths);
        if (*plan) return planRoutine(paths, planName, planJson);
        if (*stats) {
            statsOptions.today = given(statsToday);
            statsOptions.png = given(statsPng);
            return statsCommand(paths, statsOptions);
        }
        if (*figure) return figureCommand(paths, figureOptions);
        if (*checkin) {
            checkInOptions.cramps = given(checkInCramps);
            checkInOptions.pain = given(checkInPain);
            checkInOptions.sleep = given(checkInSleep);
            checkInOptions.note = given(checkInNote);
            checkInOptions.night = given(checkInNight);
            return checkInCommand(paths, checkInOptions);
        }
        if (*log) {
            LogOptions options{given(logAt), given(logFraction)};
            return withRoutine(paths, logName, [&](const Routine& routine) {
                return logCommand(paths, routine, options);
            });
        }
        if (*skip) return skipCommand(paths, given(skipNight), skipUndo);
        if (*historyDelete) return historyDeleteCommand(paths, deleteId, deleteYes);
        if (*history) return historyCommand(paths, historyJson);
        if (*backups) return backupsCommand(paths);
        if (*restore) return restoreCommand(paths, given(restoreName), restoreYes);
        if (*exportCmd) return exportCommand(paths, exportDir);
        if (*newCmd) return newCommand(paths, newId, given(newFrom));
        if (*edit) return editCommand(paths, editName);
        if (*reset) return resetCommand(paths, resetId);
        if (*relief) return reliefCommand(paths, reliefOptions);
        if (*about) return aboutCommand(paths, aboutText);
        if (*remindOptions.command) return remindCommand(paths, remindOptions, homeFolder);
        return openFrontEnd(paths, std::nullopt, false, std::nullopt, false, processStartMs);
    } catch (const std::exception& e) {
        std::cerr << "nightstretch: " << e.what() << '\n';
        return kExitEnvironment;
    }
}

} // namespace ns
