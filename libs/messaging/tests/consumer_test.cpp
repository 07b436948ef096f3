#include <codeflix/db/query.hpp>
#include <codeflix/messaging/consumer.hpp>
#include <codeflix/messaging/testing.hpp>
#include <thread>

#include "support.hpp"

namespace codeflix::messaging::test {
namespace {

using namespace std::chrono_literals;

class ConsumerTest : public MessagingTest {
  protected:
    void TearDown() override {
        if (consumer_) consumer_->stop();
        consumer_.reset();
        MessagingTest::TearDown();
    }

    std::string type(const std::string& verb = "updated", int version = 1) const {
        return family_ + ".thing." + verb + ".v" + std::to_string(version);
    }

    /// A consumer of this test's events whose handler records each event in `applied`, after
    /// calling `before` (which may throw).
    void start(std::function<void(const CloudEvent&)> before = {},
               const std::string& url = testing::broker_url()) {
        BrokerSettings settings;
        settings.url = url;
        settings.timeout = 2s;
        consumer_ = std::make_unique<Consumer>(*database_, settings,
                                               ConsumerOptions{.queue = queue_,
                                                               .bindings = {family_ + ".#"},
                                                               .prefetch = 8,
                                                               .max_retries = 5,
                                                               .first_retry_delay = 20ms},
                                               metrics_);
        consumer_->on(type(), [this, before](soci::session& session, const CloudEvent& event) {
            ++calls_;
            if (before) before(event);
            db::execute(session, "INSERT INTO applied (event_id, subject) VALUES (:id, :subject)",
                        db::Params().set("id", event.id).set("subject", event.subject));
        });
        consumer_->start();
        ASSERT_TRUE(eventually([&] { return consumer_->consuming(); }));
    }

    void send(const CloudEvent& event) { probe_->publish(event.type, to_json(event), event.id); }

    std::int64_t applied() {
        return database_->with_session([](soci::session& session) {
            return db::query_int(session, "SELECT COUNT(*) FROM applied");
        });
    }

    std::unique_ptr<Consumer> consumer_;
    std::atomic<int> calls_{0};
};

TEST_P(ConsumerTest, AppliesAnEventDeliveredTwiceOnce) {
    start();
    auto event = make_event("/test", type(), "a", {{"version", 1}});
    send(event);
    send(event);
    ASSERT_TRUE(eventually([&] { return metrics_.consumed.load() == 2; }));
    ASSERT_TRUE(eventually([&] { return metrics_.duplicates.load() == 1; }));
    EXPECT_EQ(applied(), 1);
    EXPECT_EQ(metrics_.handled.load(), 1u);
    EXPECT_EQ(probe_->ready(queue_ + ".dlq"), 0);
}

TEST_P(ConsumerTest, RetriesAFailingHandlerWithGrowingDelaysThenParksItAndKeepsGoing) {
    start([](const CloudEvent& event) {
        if (event.subject == "poison") throw std::runtime_error("cannot apply this one");
    });
    auto poison = make_event("/test", type(), "poison", {{"version", 1}});
    auto start_time = std::chrono::steady_clock::now();
    send(poison);
    auto parked = probe_->take(queue_ + ".dlq", 15s);
    auto elapsed = std::chrono::steady_clock::now() - start_time;
    ASSERT_TRUE(parked) << "the poison message reaches the DLQ";
    EXPECT_EQ(parked->message_id, poison.id);
    EXPECT_EQ(parked->headers[kAttemptHeader], "5");
    EXPECT_NE(parked->headers[kDeadReasonHeader].find("failed after 5 retries: cannot apply"),
              std::string::npos)
        << parked->headers[kDeadReasonHeader];
    EXPECT_EQ(calls_.load(), 6) << "the first try and five retries";
    EXPECT_GE(elapsed, 20ms + 40ms + 80ms + 160ms + 320ms) << "each retry waits longer";
    EXPECT_EQ(metrics_.retried.load(), 5u);
    EXPECT_EQ(applied(), 0) << "a failed handler's writes roll back";

    send(make_event("/test", type(), "good", {{"version", 1}}));
    EXPECT_TRUE(eventually([&] { return applied() == 1; })) << "the consumer keeps going";
}

TEST_P(ConsumerTest, APoisonMessageAmongOthersDeliveredTogetherHoldsNoneOfThemBack) {
    start([](const CloudEvent& event) {
        if (event.subject == "poison") throw std::runtime_error("cannot apply this one");
    });
    consumer_->stop();  // let the events pile up, so they arrive in one batch
    for (int i = 0; i < 20; ++i) {
        send(make_event("/test", type(), i == 7 ? "poison" : "good-" + std::to_string(i),
                        {{"version", 1}}));
    }
    consumer_->start();
    EXPECT_TRUE(eventually([&] { return applied() == 19; })) << applied();
    EXPECT_TRUE(probe_->take(queue_ + ".dlq", 15s)) << "only the poison is parked";
    EXPECT_EQ(metrics_.handled.load(), 19u);
    EXPECT_TRUE(eventually([&] { return metrics_.dead_lettered.load() == 1u; }));
}

TEST_P(ConsumerTest, AHandlerThatFailsTwiceSucceedsOnItsThirdTry) {
    std::atomic<int> failures{0};
    start([&](const CloudEvent&) {
        if (failures.fetch_add(1) < 2) throw std::runtime_error("the database blinked");
    });
    send(make_event("/test", type(), "a", {{"version", 1}}));
    EXPECT_TRUE(eventually([&] { return applied() == 1; }));
    EXPECT_EQ(metrics_.retried.load(), 2u);
    EXPECT_EQ(probe_->ready(queue_ + ".dlq"), 0);
}

TEST_P(ConsumerTest, ParksWhatItCannotReadAtOnceWithTheReason) {
    start();
    probe_->publish(type(), "{not json", "m1");
    probe_->publish(type(), R"({"specversion":"0.3","id":"x"})", "m2");
    send(make_event("/test", type("exploded"), "a", {{"version", 1}}));
    send(make_event("/test", type("updated", 2), "a", {{"version", 1}}));
    std::vector<std::string> reasons;
    for (int i = 0; i < 4; ++i) {
        auto parked = probe_->take(queue_ + ".dlq", 10s);
        ASSERT_TRUE(parked);
        reasons.push_back(parked->headers[kDeadReasonHeader]);
        EXPECT_EQ(parked->headers[kAttemptHeader], "0") << "parked without retries";
    }
    EXPECT_NE(reasons[0].find("unparseable: not JSON"), std::string::npos) << reasons[0];
    EXPECT_NE(reasons[1].find("unparseable: specversion"), std::string::npos) << reasons[1];
    EXPECT_EQ(reasons[2], "unknown type " + type("exploded"));
    EXPECT_EQ(reasons[3], "unknown version 2 of " + family_ + ".thing.updated");
    EXPECT_EQ(calls_.load(), 0);
    EXPECT_EQ(metrics_.retried.load(), 0u);
    // Counted once the broker confirmed the copy, which the probe may see first.
    EXPECT_TRUE(eventually([&] { return metrics_.dead_lettered.load() == 4u; }));
}

TEST_P(ConsumerTest, APermanentErrorIsParkedWithoutRetries) {
    start([](const CloudEvent&) { throw PermanentError("the data can never be applied"); });
    send(make_event("/test", type(), "a", {{"version", 1}}));
    auto parked = probe_->take(queue_ + ".dlq", 10s);
    ASSERT_TRUE(parked);
    EXPECT_EQ(parked->headers[kDeadReasonHeader], "rejected: the data can never be applied");
    EXPECT_EQ(calls_.load(), 1);
}

TEST_P(ConsumerTest, ReconnectsAfterLosingTheBrokerAndMissesNothing) {
    testing::TcpProxy proxy(testing::broker_url());
    start({}, proxy.url());
    proxy.cut();
    ASSERT_TRUE(eventually([&] { return !consumer_->consuming(); }));
    send(make_event("/test", type(), "while-away", {{"version", 1}}));
    std::this_thread::sleep_for(500ms);
    EXPECT_EQ(applied(), 0);
    proxy.restore();
    EXPECT_TRUE(eventually([&] { return applied() == 1; }));
}

CODEFLIX_DIALECTS(ConsumerTest);

}  // namespace
}  // namespace codeflix::messaging::test
