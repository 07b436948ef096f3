#include <boost/json/parse.hpp>
#include <codeflix/db/query.hpp>
#include <codeflix/messaging/outbox.hpp>
#include <codeflix/messaging/testing.hpp>
#include <thread>

#include "support.hpp"

namespace codeflix::messaging::test {
namespace {

using namespace std::chrono_literals;

class RelayTest : public MessagingTest {
  protected:
    BrokerSettings broker(const std::string& url) {
        BrokerSettings settings;
        settings.url = url;
        settings.connection_name = "relay test";
        settings.timeout = 2s;
        return settings;
    }

    CloudEvent event(const std::string& subject, int version) {
        return make_event("/test", family_ + ".thing.updated.v1", subject,
                          {{"id", subject}, {"version", version}});
    }

    void write(const std::vector<CloudEvent>& events) {
        database_->transaction([&](soci::session& session) {
            for (const auto& e : events) enqueue(session, e, "thing");
            return 0;
        });
    }

    std::int64_t unpublished() {
        return database_->with_session([](soci::session& session) {
            return db::query_int(session, "SELECT COUNT(*) FROM outbox WHERE published_at IS NULL");
        });
    }
};

TEST_P(RelayTest, PublishesInCommitOrderAsCloudEventsAndMarksRowsSent) {
    probe_->watch(queue_, family_ + ".#");
    Publisher publisher(broker(testing::broker_url()), metrics_);
    OutboxRelay relay(*database_, publisher, metrics_, {});
    std::vector<CloudEvent> written;
    for (int version = 1; version <= 3; ++version) {
        written.push_back(event("a", version));
        written.push_back(event("b", version));
    }
    write(written);
    EXPECT_EQ(relay.backlog(), 6);

    EXPECT_EQ(relay.publish_pending(), 6u);
    EXPECT_EQ(unpublished(), 0);
    EXPECT_EQ(relay.publish_pending(), 0u) << "sent rows are not sent again";
    for (const auto& expected : written) {
        auto received = probe_->take(queue_, 5s);
        ASSERT_TRUE(received);
        EXPECT_EQ(received->routing_key, expected.type);
        EXPECT_EQ(received->message_id, expected.id);
        auto parsed = parse_event(received->body);
        ASSERT_TRUE(parsed) << received->body;
        EXPECT_EQ(parsed->id, expected.id);
        EXPECT_EQ(parsed->subject, expected.subject);
        EXPECT_EQ(parsed->data.at("version").as_int64(), expected.data.at("version").as_int64());
    }
    EXPECT_EQ(metrics_.confirmed.load(), 6u);
    EXPECT_EQ(relay.backlog(), 0);
}

TEST_P(RelayTest, EventsOfARolledBackTransactionAreNeverPublished) {
    EXPECT_THROW(database_->transaction([&](soci::session& session) -> int {
        enqueue(session, event("a", 1), "thing");
        throw std::runtime_error("the change failed");
    }),
                 std::runtime_error);
    EXPECT_EQ(unpublished(), 0);
}

TEST_P(RelayTest, KeepsRowsWhileTheBrokerIsAwayAndPublishesThemWhenItReturns) {
    probe_->watch(queue_, family_ + ".#");
    testing::TcpProxy proxy(testing::broker_url());
    Publisher publisher(broker(proxy.url()), metrics_);
    OutboxRelay relay(*database_, publisher, metrics_, {.poll = 50ms, .max_backoff = 500ms});
    relay.start();
    proxy.cut();
    write({event("a", 1), event("a", 2), event("b", 1)});
    relay.notify();
    std::this_thread::sleep_for(1500ms);
    EXPECT_EQ(unpublished(), 3) << "nothing is marked sent while the broker is away";
    EXPECT_EQ(probe_->ready(queue_), 0);

    proxy.restore();
    EXPECT_TRUE(eventually([&] { return unpublished() == 0; }))
        << "publish failures " << metrics_.publish_failures.load() << ", connected "
        << publisher.connected();
    for (int version : {1, 2}) {
        auto received = probe_->take(queue_, 5s);
        ASSERT_TRUE(received);
        EXPECT_EQ(parse_event(received->body)->data.at("version").as_int64(), version);
    }
    EXPECT_TRUE(probe_->take(queue_, 5s));
    relay.stop(1s);
}

TEST_P(RelayTest, StopPublishesWhatIsPending) {
    probe_->watch(queue_, family_ + ".#");
    Publisher publisher(broker(testing::broker_url()), metrics_);
    OutboxRelay relay(*database_, publisher, metrics_, {.poll = 10s});
    relay.start();
    std::this_thread::sleep_for(100ms);  // the relay is now waiting out its poll interval
    write({event("a", 1), event("b", 1)});
    relay.stop(5s);
    EXPECT_EQ(unpublished(), 0);
    EXPECT_EQ(probe_->ready(queue_), 2);
}

TEST_P(RelayTest, PrunesOnlyRowsPublishedBeforeTheRetention) {
    Publisher publisher(broker(testing::broker_url()), metrics_);
    OutboxRelay relay(*database_, publisher, metrics_, {.retention = 0h});
    write({event("a", 1)});
    ASSERT_EQ(relay.publish_pending(), 1u);
    write({event("a", 2)});
    std::this_thread::sleep_for(1100ms);  // RFC 3339 times have whole seconds
    EXPECT_EQ(relay.prune(), 1u);
    EXPECT_EQ(unpublished(), 1);
    EXPECT_EQ(relay.backlog(), 1);
}

TEST_P(RelayTest, AnUnreachableBrokerIsReportedNotThrown) {
    testing::TcpProxy proxy(testing::broker_url());
    proxy.cut();
    Publisher publisher(broker(proxy.url()), metrics_);
    OutboxRelay relay(*database_, publisher, metrics_, {});
    write({event("a", 1)});
    EXPECT_EQ(relay.publish_pending(), 0u);
    EXPECT_FALSE(publisher.connected());
    EXPECT_GE(metrics_.publish_failures.load(), 1u);
    EXPECT_EQ(unpublished(), 1);
}

CODEFLIX_DIALECTS(RelayTest);

}  // namespace
}  // namespace codeflix::messaging::test
