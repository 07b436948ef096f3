#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace codeflix::http {

/// Fixed threads over a bounded queue: try_submit refuses work instead of queueing without end.
class WorkerPool {
  public:
    WorkerPool(std::size_t threads, std::size_t queue_limit);
    ~WorkerPool();

    bool try_submit(std::function<void()> task);
    /// Runs what is queued, then joins the threads.
    void shutdown();

  private:
    void run();

    std::size_t queue_limit_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> queue_;
    std::vector<std::thread> threads_;
    bool stopping_ = false;
};

}  // namespace codeflix::http
