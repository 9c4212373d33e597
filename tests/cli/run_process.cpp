// Runs the real binary as a child: with a file or nothing as its input, or on a pseudo-terminal.
#include "run_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

extern char** environ; // NOLINT(readability-redundant-declaration): POSIX asks us to declare it

namespace ns::test {

bool hasScript() {
    return std::filesystem::exists("/usr/bin/script");
}

std::string runOnTerminal(const std::vector<std::string>& args, const std::string& typed,
                          const std::string& setUp) {
    // Quoted for the shell script(1) starts: tests pass plain words, paths and numbers.
    std::string inner = setUp.empty() ? "" : setUp + "; ";
    inner += "'" + std::string(NS_BINARY) + "'";
    for (const std::string& arg : args)
        inner += " '" + arg + "'";
    std::string escapedTyped;
    for (const char c : typed)
        escapedTyped += c == '\n' ? std::string("\\n") : std::string(1, c);
    const std::string command =
        "printf '" + escapedTyped + "' | TZ=UTC /usr/bin/script -qec \"" + inner + "\" /dev/null";
    std::string out;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char buffer[256];
        while (fgets(buffer, sizeof buffer, pipe) != nullptr)
            out += buffer;
        pclose(pipe);
    }
    return out;
}

std::string makeTempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "ns-cli-XXXXXX").string();
    char* made = mkdtemp(pattern.data());
    return made != nullptr ? std::string(made) : std::string();
}

void writeFile(const std::string& path, const std::string& text) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path) << text;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

namespace {

ProcessResult runWithStdin(const std::vector<std::string>& args,
                           const std::map<std::string, std::string>& env, const std::string* input);

// The inherited environment with `env` applied (an empty value removes the name).
std::vector<std::string> environmentWith(const std::map<std::string, std::string>& env) {
    std::vector<std::string> environment;
    for (char** e = environ; *e != nullptr; ++e) {
        std::string entry(*e);
        const std::string name = entry.substr(0, entry.find('='));
        if (env.count(name) == 0) environment.push_back(entry);
    }
    for (const auto& [name, value] : env)
        if (!value.empty()) environment.emplace_back(name).append("=").append(value);
    return environment;
}

// Runs `argv` with `environment` in the child: never returns.
[[noreturn]] void execute(std::vector<std::string> argv, std::vector<std::string> environment) {
    std::vector<char*> cargv;
    std::vector<char*> cenv;
    cargv.reserve(argv.size() + 1);
    cenv.reserve(environment.size() + 1);
    for (auto& a : argv)
        cargv.push_back(a.data());
    cargv.push_back(nullptr);
    for (auto& e : environment)
        cenv.push_back(e.data());
    cenv.push_back(nullptr);
    execve(cargv[0], cargv.data(), cenv.data());
    _exit(127);
}

} // namespace

ProcessResult runNightstretchOnTerminal(const std::vector<std::string>& args,
                                        const std::vector<TerminalStep>& steps,
                                        const std::map<std::string, std::string>& env) {
    ProcessResult result;
    const int controller = posix_openpt(O_RDWR | O_NOCTTY);
    if (controller < 0 || grantpt(controller) != 0 || unlockpt(controller) != 0) {
        ADD_FAILURE() << "no pseudo-terminal (is /dev/pts mounted?)";
        if (controller >= 0) close(controller);
        return result;
    }
    const std::string terminalName = ptsname(controller);
    winsize size{};
    size.ws_row = 24;
    size.ws_col = 80;
    const std::string dir = makeTempDir();
    const std::string errPath = dir + "/err";
    std::vector<std::string> argv{NS_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    const std::vector<std::string> environment = environmentWith(env);

    const pid_t pid = fork();
    if (pid == 0) {
        setsid(); // the terminal becomes this process's own, as a login's is
        const int terminal = open(terminalName.c_str(), O_RDWR);
        ioctl(terminal, TIOCSWINSZ, &size);
        const int err = open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(terminal, 0);
        dup2(terminal, 1);
        dup2(err, 2);
        close(controller);
        execute(argv, environment);
    }

    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    bool ended = false;
    std::size_t from = 0; // where the output after the last key begins
    // Reads what the child printed until `text` shows after `from` (or, with "", until it ends).
    auto readUntil = [&](const std::string& text) {
        while (!ended && (text.empty() || result.out.find(text, from) == std::string::npos)) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                                  deadline - std::chrono::steady_clock::now())
                                  .count();
            if (left <= 0) return false;
            pollfd output{controller, POLLIN, 0};
            if (poll(&output, 1, static_cast<int>(std::min<long long>(left, 1000))) <= 0) continue;
            char buffer[4096];
            const ssize_t got = read(controller, buffer, sizeof buffer);
            if (got <= 0) {
                ended = true; // EIO: the child's side of the terminal is closed
                break;
            }
            result.out.append(buffer, static_cast<std::size_t>(got));
        }
        return text.empty() || result.out.find(text, from) != std::string::npos;
    };
    for (const TerminalStep& step : steps) {
        if (!readUntil(step.waitFor)) {
            ADD_FAILURE() << "never saw '" << step.waitFor << "' in:\n" << result.out;
            break;
        }
        from = result.out.size();
        if (!step.type.empty() && write(controller, step.type.data(), step.type.size()) < 0)
            ADD_FAILURE() << "could not type '" << step.type << "'";
    }
    if (!readUntil("")) {
        ADD_FAILURE() << "it did not end within a minute:\n" << result.out;
        kill(pid, SIGKILL);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    close(controller);
    if (WIFEXITED(status)) result.exitCode = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
    result.err = readFile(errPath);
    std::filesystem::remove_all(dir);
    return result;
}

ProcessResult runNightstretch(const std::vector<std::string>& args,
                              const std::map<std::string, std::string>& env) {
    return runWithStdin(args, env, nullptr);
}

ProcessResult runNightstretchWithInput(const std::vector<std::string>& args,
                                       const std::string& input,
                                       const std::map<std::string, std::string>& env) {
    return runWithStdin(args, env, &input);
}

namespace {

ProcessResult runWithStdin(const std::vector<std::string>& args,
                           const std::map<std::string, std::string>& env,
                           const std::string* input) {
    const std::string dir = makeTempDir();
    const std::string inPath = dir + "/in";
    if (input) writeFile(inPath, *input);
    const std::string outPath = dir + "/out";
    const std::string errPath = dir + "/err";

    const std::vector<std::string> environment = environmentWith(env);
    std::vector<std::string> argv{NS_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());

    const pid_t pid = fork();
    if (pid == 0) {
        const int in = open(input ? inPath.c_str() : "/dev/null", O_RDONLY);
        const int out = open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(in, 0);
        dup2(out, 1);
        dup2(err, 2);
        execute(argv, environment);
    }
    ProcessResult result;
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status)) result.exitCode = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
    result.out = readFile(outPath);
    result.err = readFile(errPath);
    std::filesystem::remove_all(dir);
    return result;
}

} // namespace

} // namespace ns::test
