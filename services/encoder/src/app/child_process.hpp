#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace codeflix::encoder::app {

/// A supervised child process (ffmpeg): started from an argv without a shell, in its own process
/// group, stdin from /dev/null, stdout a pipe the caller reads, stderr to a file. It is killed
/// when the thread that started it dies (PR_SET_PDEATHSIG), and by the destructor if still
/// running.
class ChildProcess {
  public:
    ChildProcess(const std::vector<std::string>& argv, const std::filesystem::path& stderr_file);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    /// Bytes the child wrote to stdout, waiting at most `timeout`: "" when nothing came,
    /// nullopt once stdout is closed (the child is exiting).
    std::optional<std::string> read(std::chrono::milliseconds timeout);

    /// SIGTERM to the child's group, then SIGKILL if it has not exited after `grace`.
    void terminate(std::chrono::milliseconds grace = std::chrono::seconds(5));

    /// Waits for the exit: the exit code, or 128 + the signal that killed it.
    int wait();

  private:
    pid_t pid_ = -1;
    int stdout_fd_ = -1;
    std::optional<int> status_;
};

/// The last `max_chars` characters of a text file's last non-empty lines (ffmpeg's reason).
std::string tail_of(const std::filesystem::path& file, std::size_t max_chars);

}  // namespace codeflix::encoder::app
