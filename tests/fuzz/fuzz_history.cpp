// The history store opened on any bytes as history.sqlite3 (a damaged disk, a bad copy, a file
// edited by hand): it is moved aside or read, never a crash. What is read gives statistics, and
// a session and a check-in recorded on it afterwards are there when read back.
#include "fuzz_support.hpp"
#include "history.hpp"
#include "nights.hpp"
#include "progress.hpp"
#include "stats_json.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {

// A folder of this process's own, emptied before each input and removed at exit. Plain chars:
// the exit handler must not read an object whose destructor has already run.
char g_folder[4096] = {};

fs::path workFolder() {
    if (g_folder[0] == '\0') {
        const std::string pattern = (fs::temp_directory_path() / "fuzz-history-XXXXXX").string();
        ns::fuzz::require(pattern.size() < sizeof g_folder, "temporary folder name too long");
        pattern.copy(g_folder, pattern.size());
        ns::fuzz::require(::mkdtemp(g_folder) != nullptr, "no temporary folder");
        std::atexit([] {
            std::error_code ec;
            fs::remove_all(g_folder, ec);
        });
    }
    return g_folder;
}

void emptyFolder(const fs::path& folder) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec))
        fs::remove_all(entry.path(), ec);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ns;
    const fs::path folder = workFolder();
    emptyFolder(folder);
    const fs::path file = folder / "history.sqlite3";
    {
        std::ofstream out(file, std::ios::binary);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }

    HistoryStore::OpenResult opened = HistoryStore::open(file);
    if (!opened.store) return 0;
    HistoryStore& store = *opened.store;
    const Date tonight = *Date::parse("2026-11-29");
    const Stats stats = computeStats(store.nightRecords(), tonight);
    fuzz::require(!statsJsonText(stats).empty(), "no statistics text");
    weeklySummary(stats);
    const std::size_t sessionsBefore = store.sessions().size();
    store.checkIns();
    store.skippedNights();

    SessionRecord session;
    session.routineId = "nightly";
    session.routineName = "Nightly";
    session.startedAt = 1796000000;
    session.endedAt = session.startedAt + 500;
    session.night = tonight.str();
    session.plannedHoldSeconds = 240;
    session.holdSecondsDone = 240;
    session.status = "completed";
    session.source = "log";
    if (store.addSession(session) != 0)
        fuzz::require(store.sessions().size() == sessionsBefore + 1, "a recorded session is lost");
    CheckIn checkIn;
    checkIn.night = tonight.plus(-1).str();
    checkIn.cramps = 2;
    checkIn.recordedAt = session.startedAt;
    if (store.putCheckIn(checkIn)) {
        const auto back = store.checkInFor(checkIn.night);
        fuzz::require(back && back->cramps == 2, "a recorded check-in is lost");
    }
    return 0;
}
