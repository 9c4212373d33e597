// The routine loader on any bytes: a routine or diagnostics, never a crash, a hang or a leak. A
// document that loads is written back by the routine writer and loads again, to the same text;
// a routine that loads has a timeline within the loader's limits.
#include "fuzz_support.hpp"
#include "routine_loader.hpp"
#include "routine_writer.hpp"
#include "timeline.hpp"

#include <cstddef>
#include <cstdint>

namespace {

const ns::Catalog& builtInCatalog() {
    static const ns::Catalog catalog =
        ns::loadCatalogFile(NS_ROUTINES_DIR "/stretches.toml").catalog;
    return catalog;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ns;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const Catalog& catalog = builtInCatalog();

    const RoutineDocumentLoadResult document = parseRoutineDocument(text, "fuzz.toml", catalog);
    fuzz::requireDiagnosticsInside(document.diagnostics, text);
    fuzz::require(document.ok() == document.diagnostics.empty(), "a document and diagnostics");
    if (document.ok()) {
        const std::string written = formatRoutine(*document.document);
        const RoutineDocumentLoadResult again =
            parseRoutineDocument(written, "again.toml", catalog);
        fuzz::require(again.ok(), "a loaded routine, written back, no longer loads");
        fuzz::require(formatRoutine(*again.document) == written, "writing is not stable");
    }

    const RoutineLoadResult routine = parseRoutine(text, "fuzz.toml", "fuzz", catalog);
    fuzz::requireDiagnosticsInside(routine.diagnostics, text);
    if (routine.ok()) {
        fuzz::require(document.ok(), "a routine loads whose document does not");
        const Timeline timeline = buildTimeline(*routine.routine);
        fuzz::require(timeline.totalSeconds > 0 && timeline.totalSeconds <= 2 * 60 * 60,
                      "a routine's length is outside 0 s to 2 h");
        fuzz::require(timeline.holdSeconds <= timeline.totalSeconds, "more holding than in all");
    }
    return 0;
}
