#include "republish.hpp"

#include <codeflix/core/config.hpp>
#include <codeflix/core/log.hpp>
#include <codeflix/db/migrations.hpp>
#include <cstring>
#include <iostream>

#include "catalog_services.hpp"

const std::vector<codeflix::db::Migration>& codeflix_embedded_migrations();

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

int republish_command(const char* command) {
    if (std::strcmp(command, "republish") != 0) {
        std::cerr << "usage: codeflix-catalog-admin [republish]\n";
        return 2;
    }
    try {
        core::Config config("catalog-admin");
        log::init("catalog-admin", config.string("LOG_LEVEL", "warn"));
        auto database =
            db::Database::open(config.string("DB_URL", "sqlite:var/db/catalog-admin.db"), 1);
        db::migrate(*database, codeflix_embedded_migrations());
        std::cout << republish(*database) << " events written to the outbox\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "catalog-admin: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace codeflix::catalog_admin::app
