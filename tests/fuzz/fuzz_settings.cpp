// settings.toml on any bytes: defaults for what is bad, every value in range, never a crash.
#include "fuzz_support.hpp"
#include "nights.hpp"
#include "settings.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ns;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    Diagnostics diagnostics;
    const Settings settings = Settings::parse(text, "settings.toml", &diagnostics);
    fuzz::requireDiagnosticsInside(diagnostics, text);
    fuzz::require(settings.volume >= 0 && settings.volume <= 100, "volume out of range");
    fuzz::require(DayStart::parse(settings.dayStartsAt).has_value(),
                  "a day start that won't parse");
    return 0;
}
