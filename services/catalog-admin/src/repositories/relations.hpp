#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace codeflix::catalog_admin::repositories {

/// A many-to-many link table, e.g. genre_categories (genre_id -> category_id).
struct Relation {
    std::string_view table;
    std::string_view owner_column;
    std::string_view target_column;
    std::string_view target_table;  ///< for "live targets only" reads
};

inline constexpr Relation kGenreCategories{"genre_categories", "genre_id", "category_id",
                                           "categories"};
inline constexpr Relation kVideoCategories{"video_categories", "video_id", "category_id",
                                           "categories"};
inline constexpr Relation kVideoGenres{"video_genres", "video_id", "genre_id", "genres"};
inline constexpr Relation kVideoCastMembers{"video_cast_members", "video_id", "cast_member_id",
                                            "cast_members"};

/// Owner id -> the ids it links to (live targets only, sorted).
using Links = std::map<std::string, std::vector<std::string>>;

/// The links of many owners through several relations, in one query; one Links per relation.
/// `lock_targets`: inside a write, keep the linked rows from being deleted until it commits.
std::vector<Links> load_links(soci::session& session, const std::vector<Relation>& relations,
                              const std::vector<std::string>& owner_ids, bool lock_targets = false);

/// Makes the owner's links exactly `target_ids`.
void replace_links(soci::session& session, const Relation& relation, const std::string& owner_id,
                   const std::vector<std::string>& target_ids);

/// Which of `ids` name live (not deleted) rows of `table` (one of the catalog tables). Used by
/// writes: the rows found stay locked against deletion until the transaction ends.
std::set<std::string> live_ids(soci::session& session, std::string_view table,
                               const std::vector<std::string>& ids);

/// Locks the row of `table` for the rest of the write, so a concurrent write of the same row
/// waits instead of racing (PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises writers).
void lock_row(soci::session& session, std::string_view table, const std::string& id);

/// Whether a live owner links to `target_id` (e.g. a live genre uses a category).
bool has_live_owner(soci::session& session, const Relation& relation, std::string_view owner_table,
                    const std::string& target_id);

/// Soft-deletes a live row of `table` whose version is still `expected_version`; false otherwise.
bool soft_delete_row(soci::session& session, std::string_view table, const std::string& id,
                     std::int64_t expected_version, const std::string& now);

/// Another live row of `table` whose name folds to the same key as `name`, if any.
std::optional<std::string> find_live_id_by_name(soci::session& session, std::string_view table,
                                                const std::string& name,
                                                const std::string& except_id);

}  // namespace codeflix::catalog_admin::repositories
