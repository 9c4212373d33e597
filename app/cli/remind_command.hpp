// `nightstretch remind`: the bedtime reminder. `--at HH:MM [--routine R]` sets it, `--off`
// removes it, alone it says what is set, and `--notify` (what the timer runs) posts the
// notification when tonight is neither done nor skipped, and waits a few minutes for an answer.
#pragma once

#include "paths.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace ns {

struct RemindOptions {
    CLI::App* command = nullptr; // the subcommand, to test whether it was given
    std::string at;
    std::string routine;
    bool off = false;
    bool notify = false;
};

// Adds the subcommand to `app`; the options are filled in when it parses.
void addRemindCommand(CLI::App& app, RemindOptions& options);

// `home` is --home's value (passed on to `start` from the notification's Start).
int remindCommand(const Paths& paths, const RemindOptions& options,
                  const std::optional<std::string>& home);

} // namespace ns
