// A helper process forked from this one that answers requests over a socket, so that work whose
// memory should not stay in this process (the voice's synthesis) happens, and is freed, there.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>

namespace ns {

// Whole reads and writes on a descriptor, through EINTR and short transfers. A write to a peer
// that is gone fails (false), never raises SIGPIPE.
bool writeAll(int fd, const void* data, std::size_t size);
bool readAll(int fd, void* data, std::size_t size); // false at end of file, on an error or timeout

class ChildWorker {
  public:
    // Forks a child that runs serve(fd) on its end of a socket pair and then _exits with what it
    // returned; the three interrupt signals are ignored there (the parent decides when it ends).
    // In the child only the calling thread exists: serve must not wait on this process's other
    // threads, nor log through shared sinks. Null when the socket or the fork fails.
    // A child that is silent for `patience` fails the read or write waiting on it (and is killed
    // by finish()): a helper that hangs never hangs this process.
    static std::unique_ptr<ChildWorker>
    start(const std::function<int(int fd)>& serve,
          std::chrono::milliseconds patience = std::chrono::seconds(20));

    // How the child ended: its exit status (-1 when killed by a signal) and its peak resident
    // memory (ru_maxrss, kB).
    struct End {
        int status = -1;
        long peakKb = 0;
    };
    // Closes this end (the child sees end of file) and waits for the child, killing it when it
    // has not ended within a second; once, later calls answer the same.
    End finish();

    ~ChildWorker(); // finish(), if not yet done
    ChildWorker(const ChildWorker&) = delete;
    ChildWorker& operator=(const ChildWorker&) = delete;

    int fd() const { return m_fd; }

  private:
    ChildWorker(pid_t pid, int fd) : m_pid(pid), m_fd(fd) {}
    pid_t m_pid;
    int m_fd;
    bool m_finished = false;
    End m_end;
};

} // namespace ns
