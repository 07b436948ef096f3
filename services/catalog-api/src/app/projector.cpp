#include "projector.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <codeflix/core/json.hpp>
#include <codeflix/core/text.hpp>
#include <codeflix/core/uuid.hpp>
#include <memory>

#include "../domain/etag.hpp"
#include "../domain/public_media.hpp"
#include "../repositories/read_model_repository.hpp"

namespace codeflix::catalog_api::app {
namespace {

using repositories::Kind;
using repositories::ReadModelRepository;

constexpr const char* kKinds[] = {"category", "genre", "cast_member"};
constexpr const char* kActions[] = {"created", "updated", "deleted"};

[[noreturn]] void refuse(const std::string& why) { throw messaging::PermanentError(why); }

std::string text_field(const boost::json::object& data, std::string_view field,
                       bool required = true) {
    const auto* value = data.if_contains(field);
    if (value && value->is_string()) return std::string(value->get_string());
    if (required || (value && !value->is_null()))
        refuse("data." + std::string(field) + " is not a string");
    return {};
}

std::int64_t integer_field(const boost::json::object& data, std::string_view field) {
    const auto* value = data.if_contains(field);
    if (!value || !value->is_int64()) refuse("data." + std::string(field) + " is not an integer");
    return value->get_int64();
}

bool bool_field(const boost::json::object& data, std::string_view field, bool fallback) {
    const auto* value = data.if_contains(field);
    if (!value) return fallback;
    if (!value->is_bool()) refuse("data." + std::string(field) + " is not a boolean");
    return value->get_bool();
}

std::vector<std::string> ids_field(const boost::json::object& data, std::string_view field) {
    std::vector<std::string> ids;
    const auto* value = data.if_contains(field);
    if (!value) return ids;
    if (!value->is_array()) refuse("data." + std::string(field) + " is not an array");
    for (const auto& item : value->get_array()) {
        auto id = item.is_string() ? core::canonical_uuid(item.get_string()) : std::nullopt;
        if (!id) refuse("data." + std::string(field) + " has an item that is not a UUID");
        ids.push_back(*id);
    }
    return ids;
}

/// The id and version every aggregate event carries; the id must be the subject.
std::pair<std::string, std::int64_t> identity_of(const messaging::CloudEvent& event) {
    auto id = core::canonical_uuid(text_field(event.data, "id"));
    if (!id || *id != core::canonical_uuid(event.subject)) refuse("data.id is not the subject");
    auto version = integer_field(event.data, "version");
    if (version < 1) refuse("data.version is below 1");
    return {*id, version};
}

/// The stored names of `ids`, in order, leaving out what is hidden or unknown.
std::vector<repositories::NamedRecord> visible(soci::session& session, Kind kind,
                                               const std::vector<std::string>& ids) {
    auto rows = ReadModelRepository::named(session, kind, ids);
    std::vector<repositories::NamedRecord> out;
    for (const auto& id : ids) {
        auto found = rows.find(id);
        if (found != rows.end() && found->second.visible) out.push_back(found->second);
    }
    return out;
}

std::string joined_search_text(const std::vector<repositories::NamedRecord>& records) {
    std::string out;
    for (const auto& record : records) {
        auto text = core::search_text(record.name);
        if (text.empty()) continue;
        if (!out.empty()) out += ' ';
        out += text;
    }
    return out;
}

/// The video's stored record from its last event data: relations resolved to what is visible.
repositories::VideoRecord render(soci::session& session, const boost::json::object& source,
                                 std::int64_t version) {
    repositories::VideoRecord video;
    video.id = text_field(source, "id");
    video.version = version;
    video.source = boost::json::serialize(source);
    video.title = text_field(source, "title");
    video.description = text_field(source, "description", false);
    video.year_launched = integer_field(source, "year_launched");
    video.rating = text_field(source, "rating");
    video.created_at = text_field(source, "created_at", false);
    video.categories = ids_field(source, "categories_id");
    video.genres = ids_field(source, "genres_id");
    video.cast_members = ids_field(source, "cast_members_id");
    bool deleted = source.contains("deleted_at") && !source.at("deleted_at").is_null();
    video.visible = bool_field(source, "published", false) && !deleted;
    video.sort_title = core::search_text(video.title);

    auto categories = visible(session, Kind::category, video.categories);
    auto genres = visible(session, Kind::genre, video.genres);
    auto cast = visible(session, Kind::cast_member, video.cast_members);
    auto docs = [](const std::vector<repositories::NamedRecord>& records) {
        boost::json::array out;
        for (const auto& record : records) out.push_back(*core::parse_json(record.doc));
        return out;
    };
    boost::json::object doc{{"id", video.id},
                            {"title", video.title},
                            {"description", video.description},
                            {"year_launched", video.year_launched},
                            {"opened", bool_field(source, "opened", false)},
                            {"rating", video.rating},
                            {"duration", source.contains("duration") ? source.at("duration")
                                                                     : boost::json::value(nullptr)},
                            {"categories", docs(categories)},
                            {"genres", docs(genres)},
                            {"cast_members", docs(cast)},
                            {"media", domain::public_media(source.if_contains("media"))},
                            {"version", version},
                            {"created_at", video.created_at},
                            {"updated_at", text_field(source, "updated_at", false)}};
    video.doc = boost::json::serialize(doc);
    for (const auto& category : categories) video.facet_keys += "c:" + category.id + " ";
    for (const auto& genre : genres) video.facet_keys += "g:" + genre.id + " ";
    video.etag = domain::etag_of(video.doc);
    video.search = {core::search_text(video.title), joined_search_text(cast),
                    joined_search_text(genres), joined_search_text(categories),
                    core::search_text(video.description)};
    return video;
}

void rerender(soci::session& session, const std::string& video_id) {
    auto source = ReadModelRepository::video_source(session, video_id);
    if (!source) return;
    auto parsed = core::parse_json(*source);
    if (!parsed || !parsed->is_object()) return;
    const auto& object = parsed->get_object();
    ReadModelRepository::upsert_video(session,
                                      render(session, object, integer_field(object, "version")));
}

boost::json::object named_doc(Kind kind, const std::string& id, const boost::json::object& data,
                              const std::string& name) {
    boost::json::object doc{{"id", id}, {"name", name}};
    if (kind == Kind::category) {
        auto description = text_field(data, "description", false);
        doc["description"] =
            description.empty() ? boost::json::value(nullptr) : boost::json::value(description);
    }
    if (kind == Kind::cast_member) doc["type"] = text_field(data, "type");
    return doc;
}

using Changed = std::function<void(const std::vector<std::string>&)>;

/// A category, genre or cast member event; every video using it is rendered again.
void apply_named(soci::session& session, Kind kind, bool deleted,
                 const messaging::CloudEvent& event, const Changed& changed) {
    auto [id, version] = identity_of(event);
    auto stored = ReadModelRepository::version_of(session, kind, id);
    if (stored && *stored >= version) return;  // older news
    std::string name = text_field(event.data, "name");
    bool active = bool_field(event.data, "is_active", true);
    repositories::NamedRecord record{id,
                                     version,
                                     name,
                                     core::search_text(name),
                                     active && !deleted,
                                     boost::json::serialize(named_doc(kind, id, event.data, name))};
    ReadModelRepository::upsert(session, kind, record);
    auto videos = ReadModelRepository::videos_using(session, kind, id);
    for (const auto& video : videos) rerender(session, video);
    if (!videos.empty()) changed(videos);
}

void apply_video(soci::session& session, bool deleted, const messaging::CloudEvent& event,
                 const Changed& changed) {
    auto [id, version] = identity_of(event);
    auto stored = ReadModelRepository::video_version(session, id);
    if (stored && *stored >= version) return;
    boost::json::object source = event.data;
    source["id"] = id;
    if (deleted && !source.contains("deleted_at")) source["deleted_at"] = event.time;
    ReadModelRepository::upsert_video(session, render(session, source, version));
    changed({id});
}

}  // namespace

std::vector<std::string> Projector::bindings() {
    std::vector<std::string> keys;
    // Every version of the events handled, so a newer one is parked with its reason instead of
    // never arriving; the video's other events (media_uploaded) are not catalog-api's.
    for (const char* kind : kKinds)
        keys.push_back(std::string("codeflix.catalog.") + kind + ".*.*");
    for (const char* action : kActions)
        keys.push_back(std::string("codeflix.catalog.video.") + action + ".*");
    return keys;
}

void Projector::subscribe(messaging::Consumer& consumer) const {
    // Videos rewritten by the transaction in progress; told to `changed_` once it has committed.
    auto pending = std::make_shared<std::vector<std::string>>();
    Changed changed = [pending](const std::vector<std::string>& ids) {
        pending->insert(pending->end(), ids.begin(), ids.end());
    };
    consumer.after_commit([pending, notify = changed_] {
        if (notify && !pending->empty()) notify(*pending);
        pending->clear();
    });
    for (int k = 0; k < 3; ++k) {
        for (const char* action : kActions) {
            consumer.on(
                std::string("codeflix.catalog.") + kKinds[k] + "." + action + ".v1",
                [kind = static_cast<Kind>(k), deleted = std::string_view(action) == "deleted",
                 changed](soci::session& session, const messaging::CloudEvent& event) {
                    apply_named(session, kind, deleted, event, changed);
                });
        }
    }
    for (const char* action : kActions) {
        consumer.on(std::string("codeflix.catalog.video.") + action + ".v1",
                    [deleted = std::string_view(action) == "deleted", changed](
                        soci::session& session, const messaging::CloudEvent& event) {
                        apply_video(session, deleted, event, changed);
                    });
    }
}

}  // namespace codeflix::catalog_api::app
