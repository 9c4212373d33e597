// Ctrl-C, a kill and a closed terminal each end a session cleanly, and whatever handled those
// signals before is back afterwards.
#include "interrupt_signals.hpp"

#include <gtest/gtest.h>

#include <poll.h>
#include <unistd.h>

#include <csignal>

namespace ns {
namespace {

volatile std::sig_atomic_t g_earlierHandlerCalls = 0;
extern "C" void earlierHandler(int /*signal*/) {
    g_earlierHandlerCalls = g_earlierHandlerCalls + 1;
}

bool readable(int fd) {
    pollfd item{fd, POLLIN, 0};
    return ::poll(&item, 1, 0) == 1 && (item.revents & POLLIN) != 0;
}

TEST(InterruptSignals, EachSignalIsARequestAndWakesAPoll) {
    for (const int signal : {SIGINT, SIGTERM, SIGHUP}) {
        SCOPED_TRACE(signal);
        InterruptSignals signals;
        EXPECT_FALSE(signals.requested());
        ASSERT_GE(signals.wakeFd(), 0);
        EXPECT_FALSE(readable(signals.wakeFd()));
        ASSERT_EQ(std::raise(signal), 0); // the process survives: only a flag is set
        EXPECT_TRUE(signals.requested());
        EXPECT_TRUE(readable(signals.wakeFd()));
    }
}

TEST(InterruptSignals, ANewGuardStartsWithNoRequest) {
    {
        InterruptSignals signals;
        std::raise(SIGTERM);
        ASSERT_TRUE(signals.requested());
    }
    InterruptSignals again;
    EXPECT_FALSE(again.requested());
}

TEST(InterruptSignals, TheEarlierHandlersAreBackAfterwards) {
    struct sigaction earlier {};
    earlier.sa_handler = earlierHandler;
    sigemptyset(&earlier.sa_mask);
    struct sigaction saved[3];
    const int kinds[3] = {SIGINT, SIGTERM, SIGHUP};
    for (int i = 0; i < 3; ++i)
        ASSERT_EQ(::sigaction(kinds[i], &earlier, &saved[i]), 0);
    {
        InterruptSignals signals;
        std::raise(SIGINT);
        EXPECT_EQ(g_earlierHandlerCalls, 0);
    }
    for (const int signal : kinds)
        std::raise(signal);
    EXPECT_EQ(g_earlierHandlerCalls, 3);
    for (int i = 0; i < 3; ++i)
        ::sigaction(kinds[i], &saved[i], nullptr);
}

} // namespace
} // namespace ns
