// settings.toml: read leniently (a bad value falls back and is reported), written atomically.
#include "settings.hpp"

#include "files.hpp"
#include "routine_writer.hpp"
#include "toml_check.hpp"

#include <spdlog/spdlog.h>
#include <toml++/toml.h>

#include <algorithm>
#include <ctime>
#include <fstream>
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

// A settings file is a few lines; anything far bigger is a wrong file, not settings to parse.
constexpr std::uintmax_t kMaxSettingsBytes = std::uintmax_t{64} * 1024;

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
    std::error_code ec;
    if (!fs::exists(file, ec)) return Settings{};
    Diagnostics unreadable;
    const std::optional<std::string> text =
        readSmallFile(file, kMaxSettingsBytes, "settings file", "settings", unreadable);
    if (diagnostics != nullptr)
        diagnostics->insert(diagnostics->end(), unreadable.begin(), unreadable.end());
    if (!text) return Settings{};
    return parse(*text, file.string(), diagnostics);
}

Settings Settings::parse(std::string_view text, const std::string& sourceName,
                         Diagnostics* diagnostics) {
    Settings settings;
    const fs::path file = sourceName;
    const std::size_t before = diagnostics != nullptr ? diagnostics->size() : 0;
    // Parsed with the same guards as routines (TOML++ 3.3 has inputs it cannot survive).
    Diagnostics syntax;
    std::optional<toml::table> table = parseToml(text, sourceName, syntax);
    if (!table) {
        if (diagnostics != nullptr)
            diagnostics->insert(diagnostics->end(), syntax.begin(), syntax.end());
        return settings;
    }
    for (auto&& [key, node] : *table) {
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
        } else if (name == "voice") {
            if (auto value = node.value<bool>(); node.is_boolean() && value)
                settings.voice = *value;
            else
                report(diagnostics, file, node.source(), "'voice' must be true or false");
        } else if (name == "fullscreen") {
            if (auto value = node.value<bool>(); node.is_boolean() && value)
                settings.fullscreen = *value;
            else
                report(diagnostics, file, node.source(), "'fullscreen' must be true or false");
        } else if (name == "reduce_motion") {
            if (auto value = node.value<bool>(); node.is_boolean() && value)
                settings.reduceMotion = *value;
            else
                report(diagnostics, file, node.source(), "'reduce_motion' must be true or false");
        } else if (name == "day_starts_at") {
            auto value = node.value<std::string>();
            if (node.is_string() && value && validHourMinute(*value))
                settings.dayStartsAt = *value;
            else
                report(diagnostics, file, node.source(),
                       "'day_starts_at' must be a time like \"04:00\"");
        } else if (name == "remind_at") {
            auto value = node.value<std::string>();
            if (node.is_string() && value && (value->empty() || validHourMinute(*value)))
                settings.remindAt = *value;
            else
                report(diagnostics, file, node.source(),
                       R"('remind_at' must be a time like "21:45", or "" for none)");
        } else if (name == "remind_routine") {
            auto value = node.value<std::string>();
            if (node.is_string() && value && !value->empty())
                settings.remindRoutine = *value;
            else
                report(diagnostics, file, node.source(), "'remind_routine' must be a routine id");
        } else {
            report(diagnostics, file, key.source(), "unknown setting '" + name + "'");
        }
    }
    if (diagnostics != nullptr) // in the file's order (the table iterates by key)
        std::stable_sort(diagnostics->begin() + static_cast<std::ptrdiff_t>(before),
                         diagnostics->end(), [](const Diagnostic& a, const Diagnostic& b) {
                             return a.line != b.line ? a.line < b.line : a.column < b.column;
                         });
    return settings;
}

Settings Settings::loadAndWarn(const fs::path& file) {
    Diagnostics problems;
    Settings settings = load(file, &problems);
    static bool warned = false; // once a process: the command line and the window both load it
    if (!problems.empty() && !warned) {
        warned = true;
        const Diagnostic& first = problems.front();
        std::string where = first.file;
        if (first.line > 0) where += ":" + std::to_string(first.line);
        if (first.line > 0 && first.column > 0) where += ":" + std::to_string(first.column);
        spdlog::warn("{}: {}; the default is used{}", where, first.message,
                     problems.size() > 1
                         ? " (and " + std::to_string(problems.size() - 1) + " more in that file)"
                         : "");
    }
    return settings;
}

namespace {

// A copy of `file` beside it when it has mistakes (the person's text, before it is rewritten).
std::optional<fs::path> keepSettingsWithProblems(const fs::path& file) {
    Diagnostics problems;
    std::error_code ec;
    if (!fs::exists(file, ec)) return std::nullopt;
    Settings::load(file, &problems);
    if (problems.empty()) return std::nullopt;
    char stamp[32];
    const std::time_t now = std::time(nullptr);
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
    const fs::path kept = file.string() + ".kept-" + stamp;
    fs::copy_file(file, kept, fs::copy_options::overwrite_existing, ec);
    if (ec) return std::nullopt;
    return kept;
}

} // namespace

bool Settings::save(const fs::path& file) const {
    std::ostringstream out;
    out << "# Nightstretch settings. Edit freely; the app keeps this file up to date.\n"
        << "volume = " << std::clamp(volume, 0, 100) << "          # 0 to 100\n"
        << "muted = " << (muted ? "true" : "false") << "\n"
        << "voice = " << (voice ? "true" : "false") << "  # spoken prompts\n"
        << "fullscreen = " << (fullscreen ? "true" : "false") << "\n"
        << "reduce_motion = " << (reduceMotion ? "true" : "false")
        << "  # the figures stand still\n"
        << "day_starts_at = \"" << dayStartsAt
        << "\"  # a session before this time counts for the night before\n"
        << "remind_at = \"" << remindAt << "\"  # the bedtime reminder (nightstretch remind)\n"
        << "remind_routine = " << tomlQuoted(remindRoutine) << "\n";
    // The person's own text is never lost: a file with mistakes is kept beside the new one.
    if (const auto kept = keepSettingsWithProblems(file))
        spdlog::warn("the settings file had mistakes; your text is kept in {}", kept->string());
    return writeFileAtomically(file, out.str(), nullptr);
}

} // namespace ns
