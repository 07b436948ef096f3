#include "video_repository.hpp"

#include <codeflix/core/text.hpp>
#include <codeflix/db/database.hpp>
#include <codeflix/db/query.hpp>

#include "media_repository.hpp"
#include "relations.hpp"

namespace codeflix::catalog_admin::repositories {
namespace {

constexpr const char* kSelectVideo =
    "SELECT t.id, t.title, t.description, t.year_launched, t.opened, t.rating, t.duration, "
    "t.published, "
    "t.video_status, t.trailer_status, t.thumbnail_status, t.thumbnail_half_status, "
    "t.banner_status, "
    "t.version, t.created_at, t.updated_at FROM videos t";
constexpr const char* kCountVideos = "SELECT COUNT(*) FROM videos t";
constexpr const char* kFindVideo =
    "SELECT t.id, t.title, t.description, t.year_launched, t.opened, t.rating, t.duration, "
    "t.published, "
    "t.video_status, t.trailer_status, t.thumbnail_status, t.thumbnail_half_status, "
    "t.banner_status, "
    "t.version, t.created_at, t.updated_at FROM videos t WHERE t.id = :id AND t.deleted_at IS NULL";
constexpr const char* kInsertVideo =
    "INSERT INTO videos (id, title, search_key, description, year_launched, opened, rating, "
    "duration, published, "
    "version, created_at, updated_at) VALUES (:id, :title, :search_key, :description, "
    ":year_launched, :opened, "
    ":rating, :duration, :published, :version, :created_at, :updated_at)";
constexpr const char* kUpdateVideo =
    "UPDATE videos SET title = :title, search_key = :search_key, description = :description, "
    "year_launched = :year_launched, opened = :opened, rating = :rating, duration = :duration, "
    "published = :published, version = :version, updated_at = :updated_at "
    "WHERE id = :id AND version = :expected AND deleted_at IS NULL";
constexpr const char* kVideosUsingGenre =
    "SELECT v.id FROM video_genres vg JOIN videos v ON v.id = vg.video_id "
    "WHERE vg.genre_id = :genre_id AND v.deleted_at IS NULL ORDER BY v.id";
constexpr const char* kVideoInCategory =
    "EXISTS (SELECT 1 FROM video_categories vc WHERE vc.video_id = t.id AND vc.category_id = "
    ":category_id)";
constexpr const char* kVideoInGenre =
    "EXISTS (SELECT 1 FROM video_genres vg WHERE vg.video_id = t.id AND vg.genre_id = :genre_id)";
constexpr const char* kVideoWithCastMember =
    "EXISTS (SELECT 1 FROM video_cast_members vm WHERE vm.video_id = t.id AND vm.cast_member_id = "
    ":cast_member_id)";

domain::Video from_row(const soci::row& row) {
    domain::Video v;
    v.meta.id = db::get_text(row, 0);
    v.title = db::get_text(row, 1);
    v.description = db::get_text(row, 2);
    v.year_launched = static_cast<int>(db::get_int64(row, 3));
    v.opened = db::get_int64(row, 4) != 0;
    v.rating = db::get_text(row, 5);
    v.duration = static_cast<int>(db::get_int64(row, 6));
    v.published = db::get_int64(row, 7) != 0;
    for (std::size_t i = 0; i < v.media.size(); ++i) v.media[i].status = db::get_text(row, 8 + i);
    v.meta.version = db::get_int64(row, 13);
    v.meta.created_at = db::get_text(row, 14);
    v.meta.updated_at = db::get_text(row, 15);
    return v;
}

db::Params write_params(const domain::Video& v) {
    db::Params p;
    p.set("id", v.meta.id)
        .set("title", v.title)
        .set("search_key", core::search_fold(v.title))
        .set("description", v.description)
        .set("year_launched", v.year_launched)
        .set("opened", v.opened)
        .set("rating", v.rating)
        .set("duration", v.duration)
        .set("published", v.published)
        .set("version", v.meta.version)
        .set("updated_at", v.meta.updated_at);
    return p;
}

void attach_links(soci::session& session, std::vector<domain::Video>& videos) {
    std::vector<std::string> ids;
    ids.reserve(videos.size());
    for (const auto& v : videos) ids.push_back(v.meta.id);
    auto links = load_links(session, {kVideoCategories, kVideoGenres, kVideoCastMembers}, ids);
    for (auto& v : videos) {
        v.categories_id = links[0][v.meta.id];
        v.genres_id = links[1][v.meta.id];
        v.cast_members_id = links[2][v.meta.id];
    }
    MediaRepository::attach_slots(session, videos);
}

void write_links(soci::session& session, const domain::Video& video) {
    replace_links(session, kVideoCategories, video.meta.id, video.categories_id);
    replace_links(session, kVideoGenres, video.meta.id, video.genres_id);
    replace_links(session, kVideoCastMembers, video.meta.id, video.cast_members_id);
}

}  // namespace

const ListSpec& VideoRepository::list_spec() {
    static const ListSpec spec{
        kSelectVideo,
        kCountVideos,
        "t.search_key",
        "t.created_at",
        {{"title", "t.search_key"},
         {"year_launched", "t.year_launched"},
         {"duration", "t.duration"},
         {"rating", "t.rating"},
         {"created_at", "t.created_at"},
         {"updated_at", "t.updated_at"}},
        {{"category_id", FilterKind::uuid, kVideoInCategory},
         {"genre_id", FilterKind::uuid, kVideoInGenre},
         {"cast_member_id", FilterKind::uuid, kVideoWithCastMember},
         {"rating", FilterKind::choice, "t.rating = :rating", {"L", "10", "12", "14", "16", "18"}},
         {"year", FilterKind::integer, "t.year_launched = :year"},
         {"published", FilterKind::boolean, "t.published = :published"}},
    };
    return spec;
}

namespace {
const TableMapping<domain::Video> kMapping{VideoRepository::kTable,
                                           kFindVideo,
                                           kInsertVideo,
                                           kUpdateVideo,
                                           &VideoRepository::list_spec,
                                           from_row,
                                           write_params,
                                           attach_links,
                                           write_links};
}  // namespace

VideoRepository::VideoRepository() : TableRepository(kMapping) {}

std::vector<domain::Video> VideoRepository::using_genre(soci::session& session,
                                                        const std::string& genre_id) const {
    std::vector<std::string> ids;
    db::for_each_row(session, kVideosUsingGenre, db::Params().set("genre_id", genre_id),
                     [&](const soci::row& row) { ids.push_back(db::get_text(row, 0)); });
    auto links = load_links(session, {kVideoCategories, kVideoGenres}, ids, true);
    std::vector<domain::Video> videos(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        videos[i].meta.id = ids[i];
        videos[i].categories_id = links[0][ids[i]];
        videos[i].genres_id = links[1][ids[i]];
    }
    return videos;
}

}  // namespace codeflix::catalog_admin::repositories
