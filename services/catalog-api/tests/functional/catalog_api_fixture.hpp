#pragma once

#include <boost/json/object.hpp>
#include <codeflix/messaging/event.hpp>
#include <codeflix/messaging/testing.hpp>
#include <codeflix/service/testing.hpp>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace codeflix::catalog_api::testing {

using service::testing::eventually;
using service::testing::expect_problem;
using service::testing::Reply;
using service::testing::ServiceProcess;

/// Event data shaped as catalog-admin emits it.
boost::json::object category_data(const std::string& id, std::int64_t version,
                                  const std::string& name, bool active = true);
boost::json::object genre_data(const std::string& id, std::int64_t version, const std::string& name,
                               bool active = true);
boost::json::object cast_member_data(const std::string& id, std::int64_t version,
                                     const std::string& name, const std::string& type = "actor");
struct VideoSpec {
    std::string title;
    std::string description = "A film.";
    int year = 2000;
    std::string rating = "12";
    bool published = true;
    std::vector<std::string> categories = {};
    std::vector<std::string> genres = {};
    std::vector<std::string> cast = {};
};
boost::json::object video_data(const std::string& id, std::int64_t version, const VideoSpec& spec);

/// catalog-api on a database of each dialect and a RabbitMQ vhost of its own; the test plays
/// catalog-admin by publishing events there.
class CatalogApiTest : public service::testing::ServiceTest {
  protected:
    std::string binary() const override { return CATALOG_API_BINARY; }
    void SetUp() override;
    void TearDown() override;
    std::map<std::string, std::string> extra_env() override;
    /// Runs once the vhost exists, before the service starts.
    virtual void before_start() {}

    /// Publishes `codeflix.catalog.<aggregate>.<action>.v1` about data["id"].
    std::string publish(const std::string& aggregate, const std::string& action,
                        const boost::json::object& data, int type_version = 1);
    void publish_raw(const std::string& routing_key, const std::string& body);

    /// Waits until GET path answers `status`.
    bool answers(const std::string& path, int status);
    /// A counter of the service's /metrics.
    double metric(const std::string& name);
    /// Deliveries whose transaction has committed (applied, or skipped as duplicates).
    double processed() {
        return metric("codeflix_events_handled_total") + metric("codeflix_events_duplicates_total");
    }

    std::unique_ptr<messaging::testing::TestVhost> vhost_;
    std::unique_ptr<messaging::testing::QueueProbe> probe_;
};

std::string new_id();

}  // namespace codeflix::catalog_api::testing
