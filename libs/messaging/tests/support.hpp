#pragma once

#include <gtest/gtest.h>

#include <codeflix/db/database.hpp>
#include <codeflix/db/testing.hpp>
#include <codeflix/messaging/metrics.hpp>
#include <codeflix/messaging/testing.hpp>
#include <functional>
#include <memory>
#include <string>

namespace codeflix::messaging::test {

/// A database of the test's dialect with the outbox and inbox tables a service's migrations
/// create, a probe on the shared test broker, and names no other test uses.
class MessagingTest : public ::testing::TestWithParam<db::Dialect> {
  protected:
    void SetUp() override;
    void TearDown() override;

    /// Waits up to `timeout` for `done` to hold.
    static bool eventually(const std::function<bool()>& done,
                           std::chrono::milliseconds timeout = std::chrono::seconds(10));

    std::unique_ptr<db::testing::TestDatabase> test_database_;
    std::unique_ptr<db::Database> database_;
    std::unique_ptr<testing::QueueProbe> probe_;
    Metrics metrics_;
    /// e.g. "codeflix.t-0a1b2c3d4e5f": event types of this test start with it.
    std::string family_;
    std::string queue_;
};

}  // namespace codeflix::messaging::test
