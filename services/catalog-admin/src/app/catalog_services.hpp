#pragma once

#include <soci/soci.h>

#include <boost/json/object.hpp>
#include <codeflix/core/result.hpp>
#include <functional>
#include <string>

#include "../domain/cast_member.hpp"
#include "../domain/category.hpp"
#include "../domain/genre.hpp"
#include "../domain/video.hpp"
#include "../repositories/cast_member_repository.hpp"
#include "../repositories/category_repository.hpp"
#include "../repositories/genre_repository.hpp"
#include "../repositories/video_repository.hpp"
#include "crud_service.hpp"

namespace codeflix::catalog_admin::app {

struct CategoryTraits {
    using Entity = domain::Category;
    using Input = domain::CategoryInput;
    using Repository = repositories::CategoryRepository;
    static constexpr const char* kName = "category";
    static constexpr const char* kEventName = "category";

    core::Result<Input> parse(const boost::json::object& body, domain::WriteMode mode) const;
    Entity apply(Entity base, const Input& input, domain::WriteMode mode) const;
    /// Names are unique among live categories, case-insensitively.
    core::Result<void> validate(soci::session& session, const Entity& category) const;
    bool in_use(soci::session& session, const std::string& id) const;
};

struct GenreTraits {
    using Entity = domain::Genre;
    using Input = domain::GenreInput;
    using Repository = repositories::GenreRepository;
    static constexpr const char* kName = "genre";
    static constexpr const char* kEventName = "genre";

    core::Result<Input> parse(const boost::json::object& body, domain::WriteMode mode) const;
    Entity apply(Entity base, const Input& input, domain::WriteMode mode) const;
    /// Unique names; every category exists and is live.
    core::Result<void> validate(soci::session& session, const Entity& genre) const;
    bool in_use(soci::session& session, const std::string& id) const;
};

struct CastMemberTraits {
    using Entity = domain::CastMember;
    using Input = domain::CastMemberInput;
    using Repository = repositories::CastMemberRepository;
    static constexpr const char* kName = "cast member";
    static constexpr const char* kEventName = "cast_member";

    core::Result<Input> parse(const boost::json::object& body, domain::WriteMode mode) const;
    Entity apply(Entity base, const Input& input, domain::WriteMode mode) const;
    core::Result<void> validate(soci::session& session, const Entity& member) const;
    bool in_use(soci::session& session, const std::string& id) const;
};

struct VideoTraits {
    using Entity = domain::Video;
    using Input = domain::VideoInput;
    using Repository = repositories::VideoRepository;
    static constexpr const char* kName = "video";
    static constexpr const char* kEventName = "video";

    /// The current year, which bounds year_launched; a function so tests can pin it.
    std::function<int()> current_year;

    core::Result<Input> parse(const boost::json::object& body, domain::WriteMode mode) const;
    Entity apply(Entity base, const Input& input, domain::WriteMode mode) const;
    /// Every category, genre and cast member exists and is live, and the genres match the
    /// categories (domain::check_genres_cover_categories).
    core::Result<void> validate(soci::session& session, const Entity& video) const;
    bool in_use(soci::session& session, const std::string& id) const;
};

using CategoryService = CrudService<CategoryTraits>;
using GenreService = CrudService<GenreTraits>;
using CastMemberService = CrudService<CastMemberTraits>;
using VideoService = CrudService<VideoTraits>;

}  // namespace codeflix::catalog_admin::app
