// Writes a real history.sqlite3 (sessions of every status, check-ins, a skipped night) for the
// history fuzzer to start from. Usage: make_history_seed FILE
#include "history.hpp"
#include "nights.hpp"

#include <cstdio>
#include <filesystem>

int main(int argc, char** argv) {
    using namespace ns;
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_history_seed FILE\n");
        return 2;
    }
    const std::filesystem::path file = argv[1];
    std::error_code ec;
    std::filesystem::remove(file, ec);
    HistoryStore::OpenResult opened = HistoryStore::open(file);
    if (!opened.store) {
        std::fprintf(stderr, "make_history_seed: %s\n", opened.error.c_str());
        return 1;
    }
    const Date first = *Date::parse("2026-10-01");
    const char* statuses[] = {"completed", "quit", "interrupted"};
    for (int i = 0; i < 12; ++i) {
        SessionRecord session;
        session.routineId = i % 2 == 0 ? "nightly" : "quick";
        session.routineName = i % 2 == 0 ? "Nightly leg-cramp routine" : "Quick";
        session.startedAt = 1790000000 + i * 86400;
        session.endedAt = session.startedAt + 480;
        session.utcOffsetMinutes = 60;
        session.night = first.plus(i).str();
        session.plannedHoldSeconds = 240;
        session.holdSecondsDone = 240 - 20 * (i % 3);
        session.stepsSkipped = i % 3;
        session.status = statuses[i % 3];
        session.source = i % 4 == 0 ? "log" : "window";
        if (opened.store->addSession(session) == 0) return 1;
        CheckIn checkIn;
        checkIn.night = session.night;
        checkIn.cramps = i % 5;
        if (i % 2 == 0) checkIn.pain = i % 11;
        if (i % 3 == 0) checkIn.sleep = 10 - i % 11;
        checkIn.note = i % 4 == 0 ? "calf, \"left\"; woke at 3" : "";
        checkIn.recordedAt = session.startedAt + 36000;
        if (!opened.store->putCheckIn(checkIn)) return 1;
    }
    if (!opened.store->markSkipped(first.plus(20).str(), 1790000000 + 20 * 86400)) return 1;
    return 0;
}
