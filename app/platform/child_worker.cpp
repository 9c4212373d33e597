// fork, a socket pair, and whole reads and writes.
#include "child_worker.hpp"

#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <thread>

namespace ns {

bool writeAll(int fd, const void* data, std::size_t size) {
    const auto* bytes = static_cast<const char*>(data);
    while (size > 0) {
        // send() with MSG_NOSIGNAL on a socket; write() on anything else.
        ssize_t sent = ::send(fd, bytes, size, MSG_NOSIGNAL);
        if (sent < 0 && errno == ENOTSOCK) sent = ::write(fd, bytes, size);
        if (sent < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        bytes += sent;
        size -= static_cast<std::size_t>(sent);
    }
    return true;
}

bool readAll(int fd, void* data, std::size_t size) {
    auto* bytes = static_cast<char*>(data);
    while (size > 0) {
        const ssize_t got = ::read(fd, bytes, size);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return false;
        bytes += got;
        size -= static_cast<std::size_t>(got);
    }
    return true;
}

std::unique_ptr<ChildWorker> ChildWorker::start(const std::function<int(int fd)>& serve,
                                                std::chrono::milliseconds patience) {
    int ends[2] = {-1, -1};
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0) return nullptr;
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(patience);
    struct timeval wait {};
    wait.tv_sec = static_cast<time_t>(seconds.count());
    wait.tv_usec = static_cast<suseconds_t>(
        std::chrono::duration_cast<std::chrono::microseconds>(patience - seconds).count());
    ::setsockopt(ends[0], SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
    ::setsockopt(ends[0], SOL_SOCKET, SO_SNDTIMEO, &wait, sizeof wait);
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(ends[0]);
        ::close(ends[1]);
        return nullptr;
    }
    if (pid == 0) {
        ::close(ends[0]);
        for (int signal : {SIGINT, SIGTERM, SIGHUP})
            std::signal(signal, SIG_IGN);
        const int status = serve(ends[1]);
        ::_exit(status); // no atexit handlers: they belong to the parent's state
    }
    ::close(ends[1]);
    return std::unique_ptr<ChildWorker>(new ChildWorker(pid, ends[0]));
}

ChildWorker::End ChildWorker::finish() {
    if (m_finished) return m_end;
    m_finished = true;
    ::close(m_fd);
    m_fd = -1;
    int status = 0;
    struct rusage usage {};
    pid_t waited = -1;
    // A child that ignores its end of file (hung) is given a second, then killed.
    constexpr auto kGrace = std::chrono::seconds(1);
    const auto giveUpAt = std::chrono::steady_clock::now() + kGrace;
    while ((waited = ::wait4(m_pid, &status, WNOHANG, &usage)) == 0 &&
           std::chrono::steady_clock::now() < giveUpAt)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    if (waited == 0) ::kill(m_pid, SIGKILL);
    while (waited == 0 || (waited < 0 && errno == EINTR))
        waited = ::wait4(m_pid, &status, 0, &usage);
    if (waited == m_pid) {
        m_end.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        m_end.peakKb = usage.ru_maxrss;
    }
    return m_end;
}

ChildWorker::~ChildWorker() {
    finish();
}

} // namespace ns
