// A user systemd for the reminder's tests, real or absent on purpose: a `systemctl` script on PATH
// that writes each call to a file and answers with a chosen exit status, and a runtime folder
// with systemd/private in it (what a running systemd --user leaves there). With
// ScopedEnvironment a test in this process uses it; environment() gives the same for a child.
#pragma once

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace ns::test {

// Variables by name; an empty value stands for "not set".
using Environment = std::map<std::string, std::string>;

// Sets (or, with an empty value, removes) environment variables until it goes.
class ScopedEnvironment {
  public:
    explicit ScopedEnvironment(const Environment& values) {
        for (const auto& [name, value] : values) {
            const char* old = std::getenv(name.c_str());
            m_saved.emplace_back(name,
                                 old != nullptr ? std::optional<std::string>(old) : std::nullopt);
            if (value.empty())
                ::unsetenv(name.c_str());
            else
                ::setenv(name.c_str(), value.c_str(), 1);
        }
    }
    ~ScopedEnvironment() {
        for (const auto& [name, old] : m_saved) {
            if (old)
                ::setenv(name.c_str(), old->c_str(), 1);
            else
                ::unsetenv(name.c_str());
        }
    }
    ScopedEnvironment(const ScopedEnvironment&) = delete;
    ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

  private:
    std::vector<std::pair<std::string, std::optional<std::string>>> m_saved;
};

class FakeUserSystemd {
  public:
    // Made under `folder`: bin/systemctl (answering `exitStatus`), run/systemd/private.
    explicit FakeUserSystemd(const std::filesystem::path& folder, int exitStatus = 0)
        : m_folder(folder) {
        std::filesystem::create_directories(folder / "bin");
        std::filesystem::create_directories(folder / "run" / "systemd");
        std::ofstream(folder / "run" / "systemd" / "private") << "";
        const std::filesystem::path script = folder / "bin" / "systemctl";
        std::ofstream(script) << "#!/bin/sh\necho \"$*\" >>'" << callsFile().string() << "'\nexit "
                              << exitStatus << "\n";
        ::chmod(script.c_str(), 0700);
    }

    // PATH with the fake systemctl first, and XDG_RUNTIME_DIR where it "runs".
    Environment environment() const {
        const char* path = std::getenv("PATH");
        return {{"PATH", (m_folder / "bin").string() + ":" +
                             (path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin")},
                {"XDG_RUNTIME_DIR", (m_folder / "run").string()}};
    }

    // Each call's arguments, one a line ("--user --quiet daemon-reload").
    std::string calls() const;

  private:
    std::filesystem::path callsFile() const { return m_folder / "calls.txt"; }

    std::filesystem::path m_folder;
};

inline std::string FakeUserSystemd::calls() const {
    std::ifstream in(callsFile());
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace ns::test
