// When the home screen asks "How was last night?": once a day, the first time it opens after the
// day-start hour, while last night has no check-in, never about a night before the first one
// recorded and never once tonight has a session. The day it last looked is kept in a small file
// (stateDir/checkin-asked, holding YYYY-MM-DD) so a restart or a return home does not ask again.
#pragma once

#include "nights.hpp"

#include <filesystem>
#include <optional>

namespace ns {

class HistoryStore;

class CheckInPrompt {
  public:
    explicit CheckInPrompt(std::filesystem::path memoFile);

    static std::filesystem::path defaultFile(const std::filesystem::path& stateDir) {
        return stateDir / "checkin-asked";
    }

    // The night to ask about (tonight - 1) when it is time to ask; nothing otherwise. Asking
    // needs some history: on the very first start the person came to stretch, not to fill a form.
    std::optional<Date> nightToAsk(const HistoryStore& history, Date tonight) const;

    // For the home screen: the night to ask about when this is the first look of `tonight`
    // (remembered whatever the answer, so coming home after a session never asks).
    std::optional<Date> firstLookOf(const HistoryStore& history, Date tonight) const;

    // Remembers that it asked on `tonight` (shown once, whatever the answer). False when the file
    // cannot be written (then it may ask again after a restart; nothing worse).
    bool remember(Date tonight) const;

    std::optional<Date> lastAsked() const;

  private:
    std::filesystem::path m_file;
};

} // namespace ns
