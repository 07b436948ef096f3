#include "republish.hpp"

#include "catalog_services.hpp"

namespace codeflix::catalog_admin::app {
namespace {

template <class Service>
std::int64_t republish_all(db::Database& database, const Service& service, const char* aggregate) {
    std::int64_t written = 0;
    for (int page = 1;; ++page) {
        repositories::ListRequest request;
        request.page = page;
        request.per_page = http::kMaxPerPage;
        request.sort = "created_at";
        auto count = database.transaction([&](soci::session& session) {
            auto items = service.list(session, request).items;
            for (const auto& item : items)
                events::record(session, aggregate, "updated", to_json(item));
            return static_cast<std::int64_t>(items.size());
        });
        written += count;
        if (count < http::kMaxPerPage) return written;
    }
}

}  // namespace

std::int64_t republish(db::Database& database) {
    // References first, so a consumer meets a video's categories before the video.
    return republish_all(database, CategoryService(), "category") +
           republish_all(database, GenreService(), "genre") +
           republish_all(database, CastMemberService(), "cast_member") +
           republish_all(database, VideoService(), "video");
}

}  // namespace codeflix::catalog_admin::app
