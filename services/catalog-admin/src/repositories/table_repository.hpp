#pragma once

#include <soci/soci.h>

#include <codeflix/db/query.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "list_query.hpp"
#include "relations.hpp"

namespace codeflix::catalog_admin::repositories {

/// How one aggregate maps onto its table: the statements (named constants of its repository),
/// the row mapping, and its link tables.
template <class Entity>
struct TableMapping {
    std::string_view table;
    std::string_view find_sql;    ///< one live row by :id
    std::string_view insert_sql;  ///< binds write_params plus :created_at
    std::string_view update_sql;  ///< binds write_params plus :expected (the stored version)
    const ListSpec& (*list_spec)() = nullptr;
    Entity (*from_row)(const soci::row& row) = nullptr;
    db::Params (*write_params)(const Entity& entity) = nullptr;
    /// Fills the linked ids of many entities at once (optional).
    void (*read_links)(soci::session& session, std::vector<Entity>& entities) = nullptr;
    /// Replaces the entity's links (optional).
    void (*write_links)(soci::session& session, const Entity& entity) = nullptr;
};

/// The reads and writes every catalog aggregate shares, on the caller's session (the caller
/// decides the transaction).
template <class Entity>
class TableRepository {
  public:
    explicit TableRepository(const TableMapping<Entity>& mapping) : mapping_(mapping) {}

    std::optional<Entity> find(soci::session& session, const std::string& id) const {
        std::vector<Entity> found;
        db::for_each_row(session, mapping_.find_sql, db::Params().set("id", id),
                         [&](const soci::row& row) { found.push_back(mapping_.from_row(row)); });
        if (found.empty()) return std::nullopt;
        if (mapping_.read_links) mapping_.read_links(session, found);
        return std::move(found.front());
    }

    std::vector<Entity> list(soci::session& session, const ListRequest& request,
                             std::int64_t* total) const {
        std::vector<Entity> items;
        *total = run_list(session, mapping_.list_spec(), request,
                          [&](const soci::row& row) { items.push_back(mapping_.from_row(row)); });
        if (mapping_.read_links) mapping_.read_links(session, items);
        return items;
    }

    void insert(soci::session& session, const Entity& entity) const {
        db::execute(session, mapping_.insert_sql,
                    mapping_.write_params(entity).set("created_at", entity.meta.created_at));
        if (mapping_.write_links) mapping_.write_links(session, entity);
    }

    /// Writes `entity` if its stored version is still `expected_version`; false otherwise.
    bool update(soci::session& session, const Entity& entity, std::int64_t expected_version) const {
        if (db::execute(session, mapping_.update_sql,
                        mapping_.write_params(entity).set("expected", expected_version)) != 1) {
            return false;
        }
        if (mapping_.write_links) mapping_.write_links(session, entity);
        return true;
    }

    bool soft_delete(soci::session& session, const std::string& id, std::int64_t expected_version,
                     const std::string& now) const {
        return soft_delete_row(session, mapping_.table, id, expected_version, now);
    }

  private:
    const TableMapping<Entity>& mapping_;
};

}  // namespace codeflix::catalog_admin::repositories
