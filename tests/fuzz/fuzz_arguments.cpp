// The checkin and log options on any text: a check-in or log within range, or one sentence that
// quotes what was given; never a crash. The input is split at NUL bytes into the options.
#include "command_arguments.hpp"
#include "fuzz_support.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace {

std::vector<std::optional<std::string>> splitAtNul(std::string_view text, std::size_t count) {
    std::vector<std::optional<std::string>> parts(count);
    std::size_t i = 0;
    std::size_t start = 0;
    while (i < count && start <= text.size()) {
        const std::size_t end = std::min(text.find('\0', start), text.size());
        const std::string_view part = text.substr(start, end - start);
        if (part != "-") parts[i] = std::string(part); // "-": the option is not given
        ++i;
        start = end + 1;
    }
    return parts;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ns;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parts = splitAtNul(text, 7);
    const Date tonight = *Date::parse("2026-11-29");
    const std::time_t now = 1796000000; // 2026-11-29, late evening

    CheckInOptions checkIn{parts[0], parts[1], parts[2], parts[3], parts[4], false, {}, {}};
    const CheckedCheckIn checked = checkCheckInOptions(checkIn, tonight, now);
    fuzz::require(checked.checkIn.has_value() == checked.error.empty(), "a check-in and an error");
    if (checked.checkIn) {
        const CheckIn& c = *checked.checkIn;
        fuzz::require(c.cramps >= 0 && c.cramps <= kMaxCramps, "cramps out of range");
        fuzz::require(!c.pain || (*c.pain >= 0 && *c.pain <= kMaxScale), "pain out of range");
        fuzz::require(!c.sleep || (*c.sleep >= 0 && *c.sleep <= kMaxScale), "sleep out of range");
        const auto night = Date::parse(c.night);
        fuzz::require(night && *night < tonight, "a check-in for no night, or one not over");
        CheckInChange merged = mergeCheckIn(c, c, checkIn);
        fuzz::require(merged.checkIn.has_value() == merged.error.empty(), "a merge and an error");
    }

    const LogOptions log{parts[5], parts[6]};
    const CheckedLog logged = checkLogOptions(log, now);
    if (logged.error.empty()) {
        fuzz::require(logged.fraction >= 0.0 && logged.fraction <= 1.0, "fraction out of range");
        fuzz::require(logged.startedAt <= now, "a session logged in the future");
    }
    return 0;
}
