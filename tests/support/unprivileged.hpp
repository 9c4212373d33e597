// Permission tests mean nothing as root, which ignores file modes, and CI runs as root. So such a
// test's body runs in a child process as the unprivileged user `nobody` (after the folders it uses
// are handed to that user), and the test fails when the child reports a failure. Not root: the
// body simply runs here.
#pragma once

#include <gtest/gtest.h>

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <initializer_list>

namespace ns::test {

constexpr uid_t kNobody = 65534;

inline void runUnprivileged(std::initializer_list<std::filesystem::path> folders,
                            const std::function<void()>& body) {
    if (::geteuid() != 0) {
        body();
        return;
    }
    for (const auto& folder : folders) {
        std::error_code ec;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(folder, ec))
            if (::lchown(entry.path().c_str(), kNobody, kNobody) != 0) ADD_FAILURE();
        if (::chown(folder.c_str(), kNobody, kNobody) != 0) ADD_FAILURE() << folder;
    }
    std::fflush(stdout);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        if (::setgid(kNobody) != 0 || ::setuid(kNobody) != 0) ::_exit(3);
        body();
        std::fflush(stdout);
        ::_exit(::testing::Test::HasFailure() ? 1 : 0);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status)) << "the unprivileged part ended by a signal";
    EXPECT_NE(WEXITSTATUS(status), 3) << "could not become the unprivileged user";
    EXPECT_EQ(WEXITSTATUS(status), 0) << "the unprivileged part failed (its messages are above)";
}

} // namespace ns::test
