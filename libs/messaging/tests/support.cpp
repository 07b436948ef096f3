#include "support.hpp"

#include <codeflix/db/query.hpp>
#include <thread>

namespace codeflix::messaging::test {
namespace {

constexpr const char* kSqliteSchema[] = {
    "CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, "
    "aggregate_type TEXT NOT NULL, aggregate_id TEXT NOT NULL, type TEXT NOT NULL, "
    "payload TEXT NOT NULL, created_at TEXT NOT NULL, published_at TEXT)",
    "CREATE TABLE inbox (consumer TEXT NOT NULL, event_id TEXT NOT NULL, received_at TEXT NOT "
    "NULL, PRIMARY KEY (consumer, event_id))",
    "CREATE TABLE applied (event_id TEXT PRIMARY KEY, subject TEXT NOT NULL)",
};
constexpr const char* kPostgresSchema[] = {
    "CREATE TABLE outbox (seq BIGSERIAL PRIMARY KEY, id TEXT NOT NULL UNIQUE, "
    "aggregate_type TEXT NOT NULL, aggregate_id TEXT NOT NULL, type TEXT NOT NULL, "
    "payload TEXT NOT NULL, created_at TEXT NOT NULL, published_at TEXT)",
    "CREATE TABLE inbox (consumer TEXT NOT NULL, event_id TEXT NOT NULL, received_at TEXT NOT "
    "NULL, PRIMARY KEY (consumer, event_id))",
    "CREATE TABLE applied (event_id TEXT PRIMARY KEY, subject TEXT NOT NULL)",
};

}  // namespace

void MessagingTest::SetUp() {
    test_database_ = std::make_unique<db::testing::TestDatabase>(GetParam());
    database_ = db::Database::open(test_database_->url(), 4);
    database_->with_session([&](soci::session& session) {
        const auto& schema = GetParam() == db::Dialect::sqlite ? kSqliteSchema : kPostgresSchema;
        for (const char* statement : schema) db::execute(session, statement);
        return 0;
    });
    probe_ = std::make_unique<testing::QueueProbe>(testing::broker_url());
    family_ = "codeflix." + testing::unique_name("t");
    queue_ = testing::unique_name("test.consumer");
}

void MessagingTest::TearDown() {
    if (probe_) probe_->remove_consumer_queues(queue_);
    probe_.reset();
    database_.reset();
    test_database_.reset();
}

bool MessagingTest::eventually(const std::function<bool()>& done,
                               std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return done();
}

}  // namespace codeflix::messaging::test
