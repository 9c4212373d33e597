// Hand editing stays first class: `new` creates a user routine, `edit` opens it in $VISUAL or
// $EDITOR and checks it when the editor closes (like visudo: a broken file never replaces the
// last good one).
#pragma once

#include "paths.hpp"

#include <optional>
#include <string>

namespace ns {

int newCommand(const Paths& paths, const std::string& id, const std::optional<std::string>& from);
int editCommand(const Paths& paths, const std::string& routine);
// Drops the person's copy of a built-in routine (kept beside it as ID.toml.yours-STAMP).
int resetCommand(const Paths& paths, const std::string& id);

} // namespace ns
