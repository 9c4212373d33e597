// The stretch catalog parser on any bytes: what loads, plus diagnostics, never a crash.
#include "fuzz_support.hpp"
#include "routine_loader.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ns;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const CatalogLoadResult result = parseCatalog(text, "stretches.toml");
    fuzz::requireDiagnosticsInside(result.diagnostics, text);
    fuzz::require(result.catalog.stretches.size() <= 500, "more stretches than the catalog limit");
    return 0;
}
