#include "relations.hpp"

#include <codeflix/core/text.hpp>
#include <codeflix/db/database.hpp>
#include <codeflix/db/query.hpp>

namespace codeflix::catalog_admin::repositories {
namespace {

// Templates over whitelisted table and column names (the constants in relations.hpp); values are
// always bound.
constexpr std::string_view kSelectLinks =
    "SELECT {relation}, l.{owner}, l.{target} FROM {table} l JOIN {target_table} x ON x.id = "
    "l.{target} "
    "WHERE x.deleted_at IS NULL AND l.{owner} IN {ids}";
constexpr std::string_view kOrderLinks = " ORDER BY 1, 2, 3";
constexpr std::string_view kSelectLockedLinks =
    "SELECT l.{owner}, l.{target} FROM {table} l JOIN {target_table} x ON x.id = l.{target} "
    "WHERE x.deleted_at IS NULL AND l.{owner} IN {ids} ORDER BY 1, 2 FOR SHARE OF x";
constexpr std::string_view kLockRow = "SELECT id FROM {table} WHERE id = :id FOR UPDATE";
constexpr std::string_view kDeleteLinks = "DELETE FROM {table} WHERE {owner} = :owner";
constexpr std::string_view kInsertLink =
    "INSERT INTO {table} ({owner}, {target}) VALUES (:owner, :target)";
constexpr std::string_view kSelectLiveIds =
    "SELECT id FROM {table} WHERE deleted_at IS NULL AND id IN {ids}";
constexpr std::string_view kSelectLiveIdsLocked =
    "SELECT id FROM {table} WHERE deleted_at IS NULL AND id IN {ids} FOR SHARE";
constexpr std::string_view kSelectLiveOwner =
    "SELECT COUNT(*) FROM {table} l JOIN {owner_table} o ON o.id = l.{owner} "
    "WHERE o.deleted_at IS NULL AND l.{target} = :target";

constexpr std::string_view kSoftDelete =
    "UPDATE {table} SET deleted_at = :deleted_at, updated_at = :updated_at, version = version + 1 "
    "WHERE id = :id AND version = :expected AND deleted_at IS NULL";
constexpr std::string_view kFindLiveIdByName =
    "SELECT id FROM {table} WHERE name_key = :name_key AND deleted_at IS NULL AND id <> :id";

std::string fill_all(std::string_view sql, const Relation& r) {
    std::string out = db::fill(sql, "table", r.table);
    for (auto [name, value] :
         {std::pair<std::string_view, std::string_view>{"owner", r.owner_column},
          {"target", r.target_column},
          {"target_table", r.target_table}}) {
        if (out.find("{" + std::string(name) + "}") != std::string::npos)
            out = db::fill(out, name, value);
    }
    return out;
}

}  // namespace

std::vector<Links> load_links(soci::session& session, const std::vector<Relation>& relations,
                              const std::vector<std::string>& owner_ids, bool lock_targets) {
    std::vector<Links> links(relations.size());
    if (owner_ids.empty() || relations.empty()) return links;
    if (lock_targets && db::dialect_of(session) == db::Dialect::postgresql) {
        // FOR SHARE cannot lock through UNION ALL: one query per relation.
        for (std::size_t i = 0; i < relations.size(); ++i) {
            db::Params params;
            std::string in = params.list("o", owner_ids);
            db::for_each_row(session,
                             db::fill(fill_all(kSelectLockedLinks, relations[i]), "ids", in),
                             std::move(params), [&](const soci::row& row) {
                                 links[i][db::get_text(row, 0)].push_back(db::get_text(row, 1));
                             });
        }
        return links;
    }
    db::Params params;
    std::string sql;
    for (std::size_t i = 0; i < relations.size(); ++i) {
        if (i) sql += " UNION ALL ";
        std::string in = params.list("o" + std::to_string(i) + "_", owner_ids);
        sql += db::fill(db::fill(fill_all(kSelectLinks, relations[i]), "ids", in), "relation",
                        std::to_string(i));
    }
    sql += kOrderLinks;
    db::for_each_row(session, sql, std::move(params), [&](const soci::row& row) {
        auto relation = static_cast<std::size_t>(db::get_int64(row, 0));
        links.at(relation)[db::get_text(row, 1)].push_back(db::get_text(row, 2));
    });
    return links;
}

void replace_links(soci::session& session, const Relation& relation, const std::string& owner_id,
                   const std::vector<std::string>& target_ids) {
    db::execute(session, fill_all(kDeleteLinks, relation), db::Params().set("owner", owner_id));
    std::string insert = fill_all(kInsertLink, relation);
    for (const auto& target : target_ids) {
        db::execute(session, insert, db::Params().set("owner", owner_id).set("target", target));
    }
}

std::set<std::string> live_ids(soci::session& session, std::string_view table,
                               const std::vector<std::string>& ids) {
    std::set<std::string> live;
    if (ids.empty()) return live;
    db::Params params;
    std::string in = params.list("i", ids);
    bool lock = db::dialect_of(session) == db::Dialect::postgresql;
    std::string sql =
        db::fill(db::fill(lock ? kSelectLiveIdsLocked : kSelectLiveIds, "table", table), "ids", in);
    db::for_each_row(session, sql, std::move(params),
                     [&](const soci::row& row) { live.insert(db::get_text(row, 0)); });
    return live;
}

void lock_row(soci::session& session, std::string_view table, const std::string& id) {
    if (db::dialect_of(session) != db::Dialect::postgresql) return;
    db::for_each_row(session, db::fill(kLockRow, "table", table), db::Params().set("id", id),
                     [](const soci::row&) {});
}

bool has_live_owner(soci::session& session, const Relation& relation, std::string_view owner_table,
                    const std::string& target_id) {
    std::string sql = db::fill(fill_all(kSelectLiveOwner, relation), "owner_table", owner_table);
    return db::query_int(session, sql, db::Params().set("target", target_id)) > 0;
}

bool soft_delete_row(soci::session& session, std::string_view table, const std::string& id,
                     std::int64_t expected_version, const std::string& now) {
    db::Params params;
    params.set("id", id)
        .set("expected", expected_version)
        .set("deleted_at", now)
        .set("updated_at", now);
    return db::execute(session, db::fill(kSoftDelete, "table", table), std::move(params)) == 1;
}

std::optional<std::string> find_live_id_by_name(soci::session& session, std::string_view table,
                                                const std::string& name,
                                                const std::string& except_id) {
    std::optional<std::string> id;
    db::for_each_row(session, db::fill(kFindLiveIdByName, "table", table),
                     db::Params().set("name_key", core::casefold(name)).set("id", except_id),
                     [&](const soci::row& row) { id = db::get_text(row, 0); });
    return id;
}

}  // namespace codeflix::catalog_admin::repositories
