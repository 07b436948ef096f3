#include "representations.hpp"

#include <boost/json/array.hpp>
#include <codeflix/core/json.hpp>

namespace codeflix::catalog_admin::app {
namespace {

boost::json::array ids(const std::vector<std::string>& values) {
    boost::json::array out;
    for (const auto& v : values) out.emplace_back(v);
    return out;
}

void add_meta(boost::json::object& out, const domain::Meta& meta) {
    out["version"] = meta.version;
    out["created_at"] = meta.created_at;
    out["updated_at"] = meta.updated_at;
}

}  // namespace

boost::json::object to_json(const domain::Category& c) {
    boost::json::object out{{"id", c.meta.id}, {"name", c.name}, {"is_active", c.is_active}};
    out["description"] =
        c.description ? boost::json::value(*c.description) : boost::json::value(nullptr);
    add_meta(out, c.meta);
    return out;
}

boost::json::object to_json(const domain::Genre& g) {
    boost::json::object out{{"id", g.meta.id},
                            {"name", g.name},
                            {"is_active", g.is_active},
                            {"categories_id", ids(g.categories_id)}};
    add_meta(out, g.meta);
    return out;
}

boost::json::object to_json(const domain::CastMember& m) {
    boost::json::object out{
        {"id", m.meta.id}, {"name", m.name}, {"type", domain::to_string(m.type)}};
    add_meta(out, m.meta);
    return out;
}

boost::json::object to_json(const domain::Video& v) {
    boost::json::object media;
    for (std::size_t i = 0; i < domain::kMediaKinds.size(); ++i) {
        const auto& slot = v.media[i];
        auto text = [](const std::optional<std::string>& value) {
            return value ? boost::json::value(*value) : boost::json::value(nullptr);
        };
        boost::json::value current = nullptr;
        if (!slot.current.empty()) {
            if (auto parsed = core::parse_json(slot.current)) current = std::move(*parsed);
        }
        media[domain::kMediaKinds[i]] = boost::json::object{{"status", slot.status},
                                                            {"progress", slot.progress},
                                                            {"error", text(slot.failure_reason)},
                                                            {"upload_id", text(slot.upload_id)},
                                                            {"current", std::move(current)}};
    }
    boost::json::object out{{"id", v.meta.id},
                            {"title", v.title},
                            {"description", v.description},
                            {"year_launched", v.year_launched},
                            {"opened", v.opened},
                            {"rating", v.rating},
                            {"duration", v.duration},
                            {"published", v.published},
                            {"categories_id", ids(v.categories_id)},
                            {"genres_id", ids(v.genres_id)},
                            {"cast_members_id", ids(v.cast_members_id)},
                            {"media", std::move(media)}};
    add_meta(out, v.meta);
    return out;
}

}  // namespace codeflix::catalog_admin::app
