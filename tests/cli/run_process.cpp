#include "run_process.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

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

} // namespace

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

    std::vector<std::string> environment;
    for (char** e = environ; *e != nullptr; ++e) {
        std::string entry(*e);
        const std::string name = entry.substr(0, entry.find('='));
        if (env.count(name) == 0) environment.push_back(entry);
    }
    for (const auto& [name, value] : env)
        if (!value.empty()) environment.emplace_back(name).append("=").append(value);

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
