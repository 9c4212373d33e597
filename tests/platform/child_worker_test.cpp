// The forked helper: it answers over its socket, its end of file ends it, and a helper that is
// gone makes a write fail instead of killing this process with SIGPIPE.
#include "child_worker.hpp"

#include <gtest/gtest.h>

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <string>
#include <vector>

namespace ns {
namespace {

// Doubles each number it reads until end of file; says its pid first.
int doubler(int fd) {
    const auto pid = static_cast<std::int32_t>(::getpid());
    if (!writeAll(fd, &pid, sizeof pid)) return 1;
    std::int32_t value = 0;
    while (readAll(fd, &value, sizeof value)) {
        value *= 2;
        if (!writeAll(fd, &value, sizeof value)) return 1;
    }
    return 0;
}

TEST(ChildWorker, AnswersFromAnotherProcess) {
    const std::unique_ptr<ChildWorker> worker = ChildWorker::start(doubler);
    ASSERT_NE(worker, nullptr);
    std::int32_t pid = 0;
    ASSERT_TRUE(readAll(worker->fd(), &pid, sizeof pid));
    EXPECT_NE(pid, ::getpid());
    for (std::int32_t value : {1, 21, -4}) {
        ASSERT_TRUE(writeAll(worker->fd(), &value, sizeof value));
        std::int32_t answer = 0;
        ASSERT_TRUE(readAll(worker->fd(), &answer, sizeof answer));
        EXPECT_EQ(answer, value * 2);
    }
}

TEST(ChildWorker, ItsEndIsWaitedFor) {
    pid_t pid = 0;
    {
        const std::unique_ptr<ChildWorker> worker = ChildWorker::start(doubler);
        ASSERT_NE(worker, nullptr);
        std::int32_t said = 0;
        ASSERT_TRUE(readAll(worker->fd(), &said, sizeof said));
        pid = said;
    }
    // Reaped by the destructor: no such child is left, not even a zombie.
    EXPECT_EQ(::waitpid(pid, nullptr, WNOHANG), -1);
    EXPECT_EQ(::kill(pid, 0), -1);
}

TEST(ChildWorker, FinishTellsTheExitStatusAndThePeakMemory) {
    const std::unique_ptr<ChildWorker> worker = ChildWorker::start([](int) {
        std::vector<char> touched(std::size_t{24} << 20, 1); // 24 MiB, each page written
        return touched[touched.size() / 2] == 1 ? 7 : 0;
    });
    ASSERT_NE(worker, nullptr);
    const ChildWorker::End end = worker->finish();
    EXPECT_EQ(end.status, 7);
    EXPECT_GE(end.peakKb, 24L << 10);
    EXPECT_EQ(worker->finish().status, 7); // once: the same answer again
}

TEST(ChildWorker, AHelperThatHangsFailsTheReadAndIsKilled) {
    const std::unique_ptr<ChildWorker> worker = ChildWorker::start(
        [](int) {
            while (true)
                ::pause(); // deaf to its end of file too
            return 0;
        },
        std::chrono::milliseconds(200));
    ASSERT_NE(worker, nullptr);
    std::int32_t nothing = 0;
    EXPECT_FALSE(readAll(worker->fd(), &nothing, sizeof nothing)); // after 200 ms, not forever
    EXPECT_EQ(worker->finish().status, -1);                        // killed
}

TEST(ChildWorker, AHelperThatIsGoneFailsTheWriteWithoutASignal) {
    const std::unique_ptr<ChildWorker> worker = ChildWorker::start([](int) { return 0; });
    ASSERT_NE(worker, nullptr);
    std::int32_t nothing = 0;
    EXPECT_FALSE(readAll(worker->fd(), &nothing, sizeof nothing)); // end of file: it ended
    const std::string big(1 << 20, 'x');                           // more than a socket holds
    EXPECT_FALSE(writeAll(worker->fd(), big.data(), big.size()));  // EPIPE, and still here
}

TEST(ChildWorker, ReadAllStopsAtEndOfFile) {
    int ends[2] = {-1, -1};
    ASSERT_EQ(::pipe(ends), 0);
    ASSERT_TRUE(writeAll(ends[1], "ab", 2)); // a pipe: write(), not send()
    ::close(ends[1]);
    char buffer[3] = {};
    EXPECT_FALSE(readAll(ends[0], buffer, 3)); // two of three bytes, then end of file
    ::close(ends[0]);
}

} // namespace
} // namespace ns
