// fork, a socket pair, and whole reads and writes.
#include "child_worker.hpp"

#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

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

std::unique_ptr<ChildWorker> ChildWorker::start(const std::function<int(int fd)>& serve) {
    int ends[2] = {-1, -1};
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0) return nullptr;
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

ChildWorker::~ChildWorker() {
    ::close(m_fd);
    int status = 0;
    while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
    }
}

} // namespace ns
