// The trace: one JSON object per line, flushed at once so a killed process leaves every line.
#include "trace.hpp"

#include <nlohmann/json.hpp>

namespace ns {

using Json = nlohmann::ordered_json; // key order as DESIGN shows it

namespace {

// Invalid UTF-8 (say, in a shown text) must not throw out of an observer.
std::string toLine(const Json& line) {
    return line.dump(-1, ' ', false, Json::error_handler_t::replace);
}

} // namespace

TraceWriter::TraceWriter(const std::string& path) : m_out(path, std::ios::out | std::ios::trunc) {}

void TraceWriter::onPhaseStarted(const PhaseEvent& e) {
    Json line;
    line["event"] = "phase";
    line["index"] = e.index;
    line["kind"] = e.phase ? toString(e.phase->kind) : "";
    line["step"] = e.phase ? e.phase->step + 1 : 0; // 1-based, as people count
    line["side"] = e.phase ? toString(e.phase->side) : "none";
    line["due_ms"] = e.dueMs;
    line["at_ms"] = e.atMs;
    write(toLine(line));
}

void TraceWriter::onCue(const CueEvent& e) {
    Json line;
    line["event"] = "chime";
    line["sound"] = toString(e.cue);
    line["due_ms"] = e.dueMs;
    line["at_ms"] = e.atMs;
    write(toLine(line));
}

void TraceWriter::onPaused(long long atMs) {
    Json line;
    line["event"] = "pause";
    line["at_ms"] = atMs;
    write(toLine(line));
}

void TraceWriter::onResumed(long long atMs) {
    Json line;
    line["event"] = "resume";
    line["at_ms"] = atMs;
    write(toLine(line));
}

void TraceWriter::onFinished(const FinishEvent& e) {
    Json line;
    line["event"] = "end";
    line["status"] = toString(e.status);
    line["due_ms"] = e.dueMs;
    line["at_ms"] = e.atMs;
    line["hold_seconds"] = e.holdSecondsDone;
    line["steps_skipped"] = e.stepsSkipped;
    write(toLine(line));
}

void TraceWriter::frame(const std::string& shown, long long atMs) {
    Json line;
    line["event"] = "frame";
    line["shown"] = shown;
    line["at_ms"] = atMs;
    write(toLine(line));
}

void TraceWriter::firstFrame(long long atMs, long long sinceProcessStartMs) {
    Json line;
    line["event"] = "first_frame";
    line["at_ms"] = atMs;
    line["since_process_start_ms"] = sinceProcessStartMs;
    write(toLine(line));
}

void TraceWriter::say(const std::string& text, long long dueMs, long long atMs, bool muted) {
    Json line;
    line["event"] = "say";
    line["text"] = text;
    line["due_ms"] = dueMs;
    line["at_ms"] = atMs;
    if (muted) line["muted"] = true;
    write(toLine(line));
}

void TraceWriter::write(const std::string& line) {
    if (!m_out.is_open()) return;
    m_out << line << '\n';
    m_out.flush();
}

} // namespace ns
