#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <codeflix/core/config.hpp>
#include <codeflix/messaging/broker.hpp>
#include <codeflix/messaging/event.hpp>

namespace codeflix::messaging {
namespace {

TEST(CloudEvent, RoundTripsThroughItsStructuredJson) {
    auto event = make_event("/catalog-admin", "codeflix.catalog.video.updated.v1", "v-1",
                            {{"id", "v-1"}, {"version", 7}, {"title", "Ação"}});
    EXPECT_EQ(event.id.size(), 36u);
    EXPECT_EQ(event.time.back(), 'Z');
    auto document = boost::json::parse(to_json(event)).as_object();
    EXPECT_EQ(document.at("specversion"), "1.0");
    EXPECT_EQ(document.at("datacontenttype"), "application/json");
    EXPECT_EQ(document.at("source"), "/catalog-admin");
    auto parsed = parse_event(to_json(event));
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->id, event.id);
    EXPECT_EQ(parsed->type, event.type);
    EXPECT_EQ(parsed->subject, "v-1");
    EXPECT_EQ(parsed->time, event.time);
    EXPECT_EQ(parsed->data, event.data);
}

TEST(CloudEvent, RefusesDocumentsThatAreNotCloudEvents) {
    const char* refused[] = {
        "",
        "[]",
        "{\"specversion\":\"1.0\"",
        R"({"specversion":"0.3","id":"1","source":"/s","type":"t","time":"x","subject":"s","data":{}})",
        R"({"specversion":"1.0","source":"/s","type":"t","time":"x","subject":"s","data":{}})",
        R"({"specversion":"1.0","id":"","source":"/s","type":"t","time":"x","subject":"s","data":{}})",
        R"({"specversion":"1.0","id":"1","source":"/s","type":"t","time":"x","subject":"s","data":[]})",
        R"({"specversion":"1.0","id":"1","source":"/s","type":"t","time":"x","subject":"s"})",
        R"({"specversion":"1.0","id":"1","source":"/s","type":"t","time":"x","subject":"s","datacontenttype":"text/xml","data":{}})",
        "{\"specversion\":\"1.0\",\"id\":\"\xff\"}",
    };
    for (const char* body : refused) EXPECT_FALSE(parse_event(body)) << body;
}

TEST(EventType, SplitsFamilyAndVersion) {
    auto type = parse_event_type("codeflix.catalog.video.updated.v12");
    ASSERT_TRUE(type);
    EXPECT_EQ(type->family, "codeflix.catalog.video.updated");
    EXPECT_EQ(type->version, 12);
    for (const char* bad : {"codeflix.catalog.video.updated", "x.v", "x.v0", "x.v1a", "x.w1", ""})
        EXPECT_FALSE(parse_event_type(bad)) << bad;
}

TEST(BrokerSettings, ValidatesAndRedactsUrls) {
    EXPECT_NO_THROW(validate_amqp_url("amqp://guest:guest@127.0.0.1:5672/"));
    EXPECT_NO_THROW(validate_amqp_url("amqp://u:p@broker:5673/codeflix"));
    EXPECT_THROW(validate_amqp_url("http://127.0.0.1:5672/"), core::ConfigError);
    EXPECT_THROW(validate_amqp_url("amqp://guest:guest@127.0.0.1:notaport/"), core::ConfigError);
    EXPECT_EQ(redact_amqp_url("amqp://guest:secret@host:5672/v"), "amqp://guest:***@host:5672/v");
    EXPECT_EQ(redact_amqp_url("amqp://host:5672/"), "amqp://host:5672/");
}

TEST(Backoff, DoublesUpToItsCeilingAndResets) {
    using std::chrono::milliseconds;
    Backoff backoff(milliseconds(250), milliseconds(1000));
    EXPECT_EQ(backoff.next(), milliseconds(250));
    EXPECT_EQ(backoff.next(), milliseconds(500));
    EXPECT_EQ(backoff.next(), milliseconds(1000));
    EXPECT_EQ(backoff.next(), milliseconds(1000));
    backoff.reset();
    EXPECT_EQ(backoff.next(), milliseconds(250));
}

}  // namespace
}  // namespace codeflix::messaging
