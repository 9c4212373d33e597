// settings.toml: read leniently (a bad value falls back and is reported), written atomically.
#include "settings.hpp"

#include "files.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <sstream>
#include <system_error>

namespace fs = std::filesystem;

namespace ns {
namespace {

void report(Diagnostics* diagnostics, const fs::path& file, const toml::source_region& where,
            std::string message) {
    if (diagnostics == nullptr) return;
    diagnostics->push_back({file.string(), static_cast<int>(where.begin.line),
                            static_cast<int>(where.begin.column), std::move(message)});
}

bool validHourMinute(const std::string& text) {
    if (text.size() != 5 || text[2] != ':') return false;
    for (size_t i : {0, 1, 3, 4})
        if (text[i] < '0' || text[i] > '9') return false;
    const int hour = std::stoi(text.substr(0, 2));
    const int minute = std::stoi(text.substr(3, 2));
    return hour < 24 && minute < 60;
}

} // namespace

Settings Settings::load(const fs::path& file, Diagnostics* diagnostics) {
    Settings settings;
    std::error_code ec;
    if (!fs::exists(file, ec)) return settings;
    toml::table table;
    try {
        table = toml::parse_file(file.string());
    } catch (const toml::parse_error& error) {
        report(diagnostics, file, error.source(), std::string(error.description()));
        return settings;
    }
    for (auto&& [key, node] : table) {
        const std::string name(key.str());
        if (name == "volume") {
            auto value = node.value<int64_t>();
            if (node.is_integer() && value && *value >= 0 && *value <= 100)
                settings.volume = static_cast<int>(*value);
            else
                report(diagnostics, file, node.source(), "'volume' must be between 0 and 100");
        } else if (name == "muted") {
            if (auto value = node.value<bool>(); node.is_boolean() && value)
                settings.muted = *value;
            else
                report(diagnostics, file, node.source(), "'muted' must be true or false");
        } else if (name == "fullscreen") {
            if (auto value = node.value<bool>(); node.is_boolean() && value)
                settings.fullscreen = *value;
            else
                report(diagnostics, file, node.source(), "'fullscreen' must be true or false");
        } else if (name == "day_starts_at") {
            auto value = node.value<std::string>();
            if (node.is_string() && value && validHourMinute(*value))
                settings.dayStartsAt = *value;
            else
                report(diagnostics, file, node.source(),
                       "'day_starts_at' must be a time like \"04:00\"");
        } else {
            report(diagnostics, file, key.source(), "unknown setting '" + name + "'");
        }
    }
    return settings;
}

bool Settings::save(const fs::path& file) const {
    std::ostringstream out;
    out << "# Nightstretch settings. Edit freely; the app keeps this file up to date.\n"
        << "volume = " << std::clamp(volume, 0, 100) << "          # 0 to 100\n"
        << "muted = " << (muted ? "true" : "false") << "\n"
        << "fullscreen = " << (fullscreen ? "true" : "false") << "\n"
        << "day_starts_at = \"" << dayStartsAt
        << "\"  # a session before this time counts for the night before\n";
    return writeFileAtomically(file, out.str(), nullptr);
}

} // namespace ns
