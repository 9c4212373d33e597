// kill -9 of a real `nightstretch start --text` in the middle of a hold: the history must be a
// consistent database with one interrupted session holding the time done up to then.
#include "run_process.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fcntl.h>
#include <signal.h> // NOLINT(modernize-deprecated-headers): kill() is POSIX, not in <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

extern char** environ; // NOLINT(readability-redundant-declaration): POSIX asks us to declare it

namespace fs = std::filesystem;

namespace ns {
namespace {

// A child process that is killed and reaped on every way out of the test.
class Child {
  public:
    // Starts the real binary with `args`; stdin and stdout /dev/null, stderr to `errPath`.
    Child(const std::vector<std::string>& args, const std::string& errPath) {
        std::vector<std::string> argv{NS_BINARY};
        argv.insert(argv.end(), args.begin(), args.end());
        std::vector<std::string> environment;
        for (char** e = environ; *e != nullptr; ++e) {
            const std::string entry(*e);
            if (entry.rfind("ALSOFT_DRIVERS=", 0) != 0 && entry.rfind("NIGHTSTRETCH_HOME=", 0) != 0)
                environment.push_back(entry);
        }
        environment.emplace_back("ALSOFT_DRIVERS=null");
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

        m_pid = fork();
        if (m_pid == 0) {
            const int null = open("/dev/null", O_RDWR);
            const int err = open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            dup2(null, 0);
            dup2(null, 1);
            dup2(err >= 0 ? err : null, 2);
            execve(cargv[0], cargv.data(), cenv.data());
            _exit(127);
        }
    }
    ~Child() { killAndReap(); }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    bool started() const { return m_pid > 0; }
    // The exit status when the child has ended by itself (without waiting), else nullopt.
    std::optional<int> endedWith() {
        if (m_reaped) return m_status;
        int status = 0;
        if (m_pid > 0 && waitpid(m_pid, &status, WNOHANG) == m_pid) {
            m_reaped = true;
            m_status = status;
            return status;
        }
        return std::nullopt;
    }
    void signal(int number) const {
        if (m_pid > 0 && !m_reaped) kill(m_pid, number);
    }
    // SIGKILL and wait for it; the wait status.
    int killAndReap() {
        if (m_pid > 0 && !m_reaped) {
            kill(m_pid, SIGKILL);
            int status = 0;
            while (waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
            }
            m_reaped = true;
            m_status = status;
        }
        return m_status;
    }

  private:
    pid_t m_pid = -1;
    bool m_reaped = false;
    int m_status = 0;
};

// A read-only look at the history: the hold seconds of its first session, if there is one yet.
std::optional<int> firstSessionHold(const fs::path& db) {
    if (!fs::exists(db)) return std::nullopt;
    sqlite3* raw = nullptr;
    std::optional<int> hold;
    if (sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(raw, 500);
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(raw, "SELECT hold_seconds_done FROM sessions ORDER BY id LIMIT 1",
                               -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW)
            hold = sqlite3_column_int(stmt, 0);
        sqlite3_finalize(stmt);
    }
    sqlite3_close_v2(raw);
    return hold;
}

struct Row {
    std::vector<std::string> values;
};

// Every row of `sql`, as text.
std::vector<Row> query(sqlite3* db, const char* sql) {
    std::vector<Row> rows;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
        ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
        return rows;
    }
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        Row row;
        for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
            const auto* text = sqlite3_column_text(stmt, i);
            row.values.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "NULL");
        }
        rows.push_back(std::move(row));
    }
    sqlite3_finalize(stmt);
    return rows;
}

const char* const kTwentySecondHold = R"(name = "One long hold"
[[steps]]
name = "Calf"
sides = "none"
prepare = 0
hold = 20
)";

// A real `start --text` of a 20-second hold in a folder of its own, once it has recorded 5 s.
class HistoryKill : public ns::test::TempHomeTest {
  protected:
    void startAndWaitForFiveSeconds() {
        const std::string routine = m_home + "/one-hold.toml";
        ns::test::writeFile(routine, kTwentySecondHold);
        m_db = fs::path(m_home) / "data" / "history.sqlite3";
        m_errPath = m_home + "/stderr.txt";
        m_child = std::make_unique<Child>(
            std::vector<std::string>{"--home", m_home, "start", "--text", routine}, m_errPath);
        ASSERT_TRUE(m_child->started());
        // Wait (at most 10 s) until the running session has written at least 5 s of hold.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        std::optional<int> hold;
        while (std::chrono::steady_clock::now() < deadline) {
            hold = firstSessionHold(m_db);
            if (hold && *hold >= 5) break;
            if (auto status = m_child->endedWith())
                FAIL() << "nightstretch ended before the test could stop it (status " << *status
                       << "): " << ns::test::readFile(m_errPath);
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        ASSERT_TRUE(hold && *hold >= 5)
            << "no session with 5 s of hold in " << m_db << " within 10 s"
            << (hold ? " (hold " + std::to_string(*hold) + ")" : "")
            << "; stderr: " << ns::test::readFile(m_errPath);
    }
    // The sessions as the next run would see them: opened read-write, so SQLite recovers.
    std::vector<Row> sessions(const char* columns) {
        sqlite3* raw = nullptr;
        if (sqlite3_open_v2(m_db.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
            ADD_FAILURE() << "cannot open " << m_db;
            sqlite3_close_v2(raw);
            return {};
        }
        auto check = query(raw, "PRAGMA integrity_check");
        EXPECT_EQ(check.size(), 1u);
        if (!check.empty()) {
            EXPECT_EQ(check[0].values.at(0), "ok");
        }
        auto rows = query(raw, ("SELECT " + std::string(columns) + " FROM sessions").c_str());
        sqlite3_close_v2(raw);
        return rows;
    }
    void TearDown() override {
        m_child.reset(); // killed and reaped before its folder goes
        TempHomeTest::TearDown();
    }

    std::unique_ptr<Child> m_child;
    fs::path m_db;
    std::string m_errPath;
};

TEST_F(HistoryKill, SigkillMidSessionLeavesAnInterruptedSessionWithItsHoldTime) {
    ASSERT_NO_FATAL_FAILURE(startAndWaitForFiveSeconds());
    const int status = m_child->killAndReap();
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);

    auto rows = sessions("status, hold_seconds_done, planned_hold_seconds, source");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].values.at(0), "interrupted");
    const int done = std::stoi(rows[0].values.at(1));
    EXPECT_GE(done, 5);
    EXPECT_LE(done, 20);
    EXPECT_EQ(rows[0].values.at(2), "20");
    EXPECT_EQ(rows[0].values.at(3), "text");
}

// SIGTERM (a logout, a shutdown): the text mode ends the session as interrupted, keeps its hold
// time, puts the terminal back and exits 130, without waiting for the next second.
TEST_F(HistoryKill, SigtermMidSessionEndsCleanlyAsInterrupted) {
    ASSERT_NO_FATAL_FAILURE(startAndWaitForFiveSeconds());
    m_child->signal(SIGTERM);
    // A hang guard, not a speed test: the hold has more than 10 s left, so an end inside this
    // wait can only come from the signal.
    std::optional<int> status;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!(status = m_child->endedWith()) && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    ASSERT_TRUE(status) << "still running 10 s after SIGTERM";
    ASSERT_TRUE(WIFEXITED(*status)) << "ended by a signal, not by itself";
    EXPECT_EQ(WEXITSTATUS(*status), 130);

    auto rows = sessions("status, hold_seconds_done, ended_at");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].values.at(0), "interrupted");
    EXPECT_GE(std::stoi(rows[0].values.at(1)), 5);
    EXPECT_NE(rows[0].values.at(2), "NULL"); // ended, not killed
}

} // namespace
} // namespace ns
