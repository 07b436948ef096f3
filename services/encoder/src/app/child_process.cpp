#include "child_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <stdexcept>
#include <system_error>
#include <thread>

namespace codeflix::encoder::app {
namespace {

[[noreturn]] void fail(const char* what) {
    throw std::system_error(errno, std::generic_category(), what);
}

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv,
                           const std::filesystem::path& stderr_file) {
    if (argv.empty()) throw std::invalid_argument("empty argv");
    // Everything the child needs is prepared before fork: after it, only async-signal-safe calls.
    std::vector<char*> args;
    args.reserve(argv.size() + 1);
    for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    int err = ::open(stderr_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (err < 0) fail("open stderr file");
    int null_fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    int pipe_fds[2];
    if (null_fd < 0 || ::pipe2(pipe_fds, O_CLOEXEC) != 0) {
        ::close(err);
        if (null_fd >= 0) ::close(null_fd);
        fail("pipe");
    }
    pid_t parent = ::getpid();
    long open_max = ::sysconf(_SC_OPEN_MAX);
    int max_fd = open_max > 0 && open_max < 65536 ? static_cast<int>(open_max) : 65536;
    pid_t pid = ::fork();
    if (pid < 0) {
        ::close(err);
        ::close(null_fd);
        ::close(pipe_fds[0]);
        ::close(pipe_fds[1]);
        fail("fork");
    }
    if (pid == 0) {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(127);  // the parent died before prctl
        // The parent blocks shutdown signals in every thread; the child starts clean.
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        ::signal(SIGPIPE, SIG_DFL);
        ::dup2(null_fd, STDIN_FILENO);
        ::dup2(pipe_fds[1], STDOUT_FILENO);
        ::dup2(err, STDERR_FILENO);
        // Descriptors other threads opened without O_CLOEXEC (sockets, files) stay with us.
        if (::syscall(SYS_close_range, 3U, ~0U, 0U) != 0) {
            for (int fd = 3; fd < max_fd; ++fd) ::close(fd);
        }
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    ::setpgid(pid, pid);  // also from the parent: no race with a signal sent right away
    ::close(err);
    ::close(null_fd);
    ::close(pipe_fds[1]);
    pid_ = pid;
    stdout_fd_ = pipe_fds[0];
}

ChildProcess::~ChildProcess() {
    if (!status_ && pid_ > 0) {
        try {
            terminate(std::chrono::seconds(2));
            wait();
        } catch (const std::exception&) {
            // Nothing more can be done about a child that cannot be reaped.
        }
    }
    if (stdout_fd_ >= 0) ::close(stdout_fd_);
}

std::optional<std::string> ChildProcess::read(std::chrono::milliseconds timeout) {
    if (stdout_fd_ < 0) return std::nullopt;
    pollfd pfd{stdout_fd_, POLLIN, 0};
    int ready = ::poll(&pfd, 1, static_cast<int>(timeout.count()));
    if (ready < 0) {
        if (errno == EINTR) return std::string();
        fail("poll");
    }
    if (ready == 0) return std::string();
    char buffer[8192];
    ssize_t n = ::read(stdout_fd_, buffer, sizeof buffer);
    if (n < 0) {
        if (errno == EINTR || errno == EAGAIN) return std::string();
        fail("read");
    }
    if (n == 0) {
        ::close(stdout_fd_);
        stdout_fd_ = -1;
        return std::nullopt;
    }
    return std::string(buffer, static_cast<std::size_t>(n));
}

void ChildProcess::terminate(std::chrono::milliseconds grace) {
    if (status_ || pid_ <= 0) return;
    ::kill(-pid_, SIGTERM);
    auto deadline = std::chrono::steady_clock::now() + grace;
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        pid_t done = ::waitpid(pid_, &status, WNOHANG);
        if (done == pid_) {
            status_ = status;
            ::kill(-pid_, SIGKILL);  // anything the child left in its group
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ::kill(-pid_, SIGKILL);
}

int ChildProcess::wait() {
    if (!status_) {
        int status = 0;
        while (::waitpid(pid_, &status, 0) < 0) {
            if (errno != EINTR) fail("waitpid");
        }
        status_ = status;
    }
    if (WIFEXITED(*status_)) return WEXITSTATUS(*status_);
    if (WIFSIGNALED(*status_)) return 128 + WTERMSIG(*status_);
    return 255;
}

std::string tail_of(const std::filesystem::path& file, std::size_t max_chars) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return {};
    in.seekg(0, std::ios::end);
    auto size = static_cast<std::size_t>(in.tellg());
    std::size_t start = size > 4 * max_chars ? size - 4 * max_chars : 0;
    in.seekg(static_cast<std::streamoff>(start));
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    if (text.size() > max_chars) text = text.substr(text.size() - max_chars);
    for (auto& c : text) {
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
        else if (static_cast<unsigned char>(c) < 0x20)
            c = '?';
    }
    return text;
}

}  // namespace codeflix::encoder::app
