// fork/exec/waitpid and /proc/self/stat.
#include "process.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace ns {

int runAndWait(const std::vector<std::string>& argv) {
    if (argv.empty()) return -1;
    // Everything the child needs is made before fork: after it, only exec and _exit.
    std::vector<char*> args;
    args.reserve(argv.size() + 1);
    for (const std::string& arg : argv)
        args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool programOnPath(std::string_view name) {
    if (name.empty() || name.find('/') != std::string_view::npos) return false;
    const char* path = std::getenv("PATH");
    std::string_view folders = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
    while (true) {
        const std::size_t colon = folders.find(':');
        std::string folder(folders.substr(0, colon));
        if (folder.empty()) folder = ".";
        const std::string candidate = folder + "/" + std::string(name);
        if (::access(candidate.c_str(), X_OK) == 0) return true;
        if (colon == std::string_view::npos) return false;
        folders.remove_prefix(colon + 1);
    }
}

std::optional<unsigned long long> startTicksFromStat(std::string_view statLine) {
    const std::size_t afterName = statLine.rfind(')'); // the name may hold spaces and ')'
    if (afterName == std::string_view::npos) return std::nullopt;
    // Fields after the name: state is field 3; starttime is field 22.
    std::size_t at = afterName + 1;
    for (int field = 3; field <= 22; ++field) {
        while (at < statLine.size() && statLine[at] == ' ')
            ++at;
        if (at >= statLine.size()) return std::nullopt;
        if (field == 22) break;
        at = statLine.find(' ', at);
        if (at == std::string_view::npos) return std::nullopt;
    }
    unsigned long long ticks = 0;
    bool digits = false;
    for (; at < statLine.size() && statLine[at] >= '0' && statLine[at] <= '9'; ++at) {
        ticks = ticks * 10 + static_cast<unsigned long long>(statLine[at] - '0');
        digits = true;
    }
    if (!digits) return std::nullopt;
    return ticks;
}

long long processStartSteadyMs() {
    const long long now = std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::steady_clock::now().time_since_epoch())
                              .count();
    std::FILE* stat = std::fopen("/proc/self/stat", "re");
    if (stat == nullptr) return now;
    char buffer[1024] = {};
    const size_t length = std::fread(buffer, 1, sizeof buffer - 1, stat);
    std::fclose(stat);
    const std::optional<unsigned long long> startTicks =
        startTicksFromStat(std::string_view(buffer, length));
    if (!startTicks) return now;
    timespec boot{};
    if (::clock_gettime(CLOCK_BOOTTIME, &boot) != 0) return now;
    const long long bootMs = boot.tv_sec * 1000LL + boot.tv_nsec / 1000000;
    const long long startMs = static_cast<long long>(*startTicks) * 1000 / ::sysconf(_SC_CLK_TCK);
    const long long sinceStart = bootMs - startMs;
    return sinceStart >= 0 && sinceStart < 60000 ? now - sinceStart : now;
}

} // namespace ns
