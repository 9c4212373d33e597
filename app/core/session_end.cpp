// The words at a session's end: one place, so the window and the terminal never disagree.
#include "session_end.hpp"

#include "format.hpp"
#include "session_run.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ns {

namespace {

// 0.43 for 43 of 100 planned seconds: `nightstretch log --fraction` takes it (more than 0, at most
// 1, two decimals, never rounded down to 0).
std::string fractionOf(int held, int planned) {
    if (planned <= 0 || held >= planned) return "1";
    const double fraction = std::max(0.01, std::floor(100.0 * held / planned) / 100.0);
    char text[16];
    std::snprintf(text, sizeof text, "%.2f", fraction);
    return text;
}

} // namespace

SessionEnd describeEnd(const SessionRun& run) {
    const Session& session = run.session();
    const Routine& routine = session.routine();
    SessionEnd end;
    end.completed = session.status() == SessionStatus::Completed;
    end.saved = run.historyKept();
    end.routineName = routine.name.empty() ? routine.id : routine.name;
    end.holdSeconds = session.holdSecondsDone();
    end.plannedHoldSeconds = session.timeline().holdSeconds;

    end.title = end.completed ? "Well done. Sleep well." : "Stopped.";
    end.held = "You held your stretches for " + formatMinutes(end.holdSeconds) + ".";
    if (end.saved) {
        end.kept = "Saved in your history.";
        return end;
    }
    end.kept = run.historyFailed()
                   ? "Not saved: the history could not be written (" + run.historyError() + ")."
                   : "Not saved: the history cannot be opened.";
    end.action = "Make sure the history's folder can be written (a full disk or a read-only "
                 "folder stops it)";
    if (end.holdSeconds > 0) {
        std::string log = "nightstretch log " + routine.id;
        if (!end.completed)
            log += " --fraction " + fractionOf(end.holdSeconds, end.plannedHoldSeconds);
        end.action += "; then '" + log + "' records tonight's stretching";
    }
    end.action += ".";
    return end;
}

} // namespace ns
