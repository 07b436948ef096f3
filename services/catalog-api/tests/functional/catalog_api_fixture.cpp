#include "catalog_api_fixture.hpp"

#include <boost/json/array.hpp>
#include <codeflix/core/clock.hpp>
#include <codeflix/core/uuid.hpp>
#include <sstream>
#include <thread>

namespace codeflix::catalog_api::testing {
namespace {

boost::json::object meta(const std::string& id, std::int64_t version) {
    std::string now = core::to_rfc3339(core::now());
    return {{"id", id}, {"version", version}, {"created_at", now}, {"updated_at", now}};
}

boost::json::array ids(const std::vector<std::string>& values) {
    boost::json::array out;
    for (const auto& v : values) out.emplace_back(v);
    return out;
}

}  // namespace

std::string new_id() { return core::new_uuid_v7(); }

boost::json::object category_data(const std::string& id, std::int64_t version,
                                  const std::string& name, bool active) {
    auto data = meta(id, version);
    data["name"] = name;
    data["description"] = nullptr;
    data["is_active"] = active;
    return data;
}

boost::json::object genre_data(const std::string& id, std::int64_t version, const std::string& name,
                               bool active) {
    auto data = meta(id, version);
    data["name"] = name;
    data["is_active"] = active;
    data["categories_id"] = boost::json::array();
    return data;
}

boost::json::object cast_member_data(const std::string& id, std::int64_t version,
                                     const std::string& name, const std::string& type) {
    auto data = meta(id, version);
    data["name"] = name;
    data["type"] = type;
    return data;
}

boost::json::object video_data(const std::string& id, std::int64_t version, const VideoSpec& spec) {
    auto data = meta(id, version);
    data["title"] = spec.title;
    data["description"] = spec.description;
    data["year_launched"] = spec.year;
    data["opened"] = false;
    data["rating"] = spec.rating;
    data["duration"] = 90;
    data["published"] = spec.published;
    data["categories_id"] = ids(spec.categories);
    data["genres_id"] = ids(spec.genres);
    data["cast_members_id"] = ids(spec.cast);
    boost::json::object media;
    for (const char* kind : {"video", "trailer", "thumbnail", "thumbnail_half", "banner"})
        media[kind] = boost::json::object{{"status", "none"}};
    data["media"] = std::move(media);
    return data;
}

void CatalogApiTest::SetUp() {
    vhost_ = std::make_unique<messaging::testing::TestVhost>();
    probe_ = std::make_unique<messaging::testing::QueueProbe>(vhost_->url());
    before_start();
    ServiceTest::SetUp();
    ASSERT_TRUE(eventually([&] {
        return get("/readyz").body.find("\"consumer catalog-api.catalog\":\"ok\"") !=
               std::string::npos;
    })) << "the consumer did not start";
}

void CatalogApiTest::TearDown() {
    ServiceTest::TearDown();
    probe_.reset();
    vhost_.reset();
}

std::map<std::string, std::string> CatalogApiTest::extra_env() {
    return {{"CODEFLIX_AMQP_URL", vhost_->url()}, {"CODEFLIX_RETRY_FIRST_DELAY_MS", "20"}};
}

std::string CatalogApiTest::publish(const std::string& aggregate, const std::string& action,
                                    const boost::json::object& data, int type_version) {
    std::string type =
        "codeflix.catalog." + aggregate + "." + action + ".v" + std::to_string(type_version);
    auto event =
        messaging::make_event("/catalog-admin", type, std::string(data.at("id").as_string()), data);
    probe_->publish(type, messaging::to_json(event), event.id);
    return event.id;
}

void CatalogApiTest::publish_raw(const std::string& routing_key, const std::string& body) {
    probe_->publish(routing_key, body);
}

bool CatalogApiTest::answers(const std::string& path, int status) {
    return eventually([&] { return get(path).status == status; });
}

double CatalogApiTest::metric(const std::string& name) {
    std::istringstream lines(get("/metrics").body);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind(name + " ", 0) == 0) return std::stod(line.substr(name.size() + 1));
    }
    return -1;
}

}  // namespace codeflix::catalog_api::testing
