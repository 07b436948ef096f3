#include "cast_member_repository.hpp"

#include <codeflix/core/text.hpp>
#include <codeflix/db/database.hpp>
#include <codeflix/db/query.hpp>

#include "relations.hpp"

namespace codeflix::catalog_admin::repositories {
namespace {

constexpr const char* kSelectCastMember =
    "SELECT t.id, t.name, t.type, t.version, t.created_at, t.updated_at FROM cast_members t";
constexpr const char* kCountCastMembers = "SELECT COUNT(*) FROM cast_members t";
constexpr const char* kFindCastMember =
    "SELECT t.id, t.name, t.type, t.version, t.created_at, t.updated_at FROM cast_members t "
    "WHERE t.id = :id AND t.deleted_at IS NULL";
constexpr const char* kInsertCastMember =
    "INSERT INTO cast_members (id, name, search_key, type, version, created_at, updated_at) "
    "VALUES (:id, :name, :search_key, :type, :version, :created_at, :updated_at)";
constexpr const char* kUpdateCastMember =
    "UPDATE cast_members SET name = :name, search_key = :search_key, type = :type, version = "
    ":version, "
    "updated_at = :updated_at WHERE id = :id AND version = :expected AND deleted_at IS NULL";

domain::CastMember from_row(const soci::row& row) {
    domain::CastMember m;
    m.meta.id = db::get_text(row, 0);
    m.name = db::get_text(row, 1);
    m.type = domain::parse_cast_member_type(db::get_text(row, 2))
                 .value_or(domain::CastMemberType::actor);
    m.meta.version = db::get_int64(row, 3);
    m.meta.created_at = db::get_text(row, 4);
    m.meta.updated_at = db::get_text(row, 5);
    return m;
}

db::Params write_params(const domain::CastMember& m) {
    db::Params p;
    p.set("id", m.meta.id)
        .set("name", m.name)
        .set("search_key", core::search_fold(m.name))
        .set("type", std::string(domain::to_string(m.type)))
        .set("version", m.meta.version)
        .set("updated_at", m.meta.updated_at);
    return p;
}

}  // namespace

const ListSpec& CastMemberRepository::list_spec() {
    static const ListSpec spec{
        kSelectCastMember,
        kCountCastMembers,
        "t.search_key",
        "t.created_at",
        {{"name", "t.search_key"},
         {"type", "t.type"},
         {"created_at", "t.created_at"},
         {"updated_at", "t.updated_at"}},
        {{"type", FilterKind::choice, "t.type = :type", {"director", "actor"}}},
    };
    return spec;
}

namespace {
const TableMapping<domain::CastMember> kMapping{
    CastMemberRepository::kTable,     kFindCastMember, kInsertCastMember, kUpdateCastMember,
    &CastMemberRepository::list_spec, from_row,        write_params};
}  // namespace

CastMemberRepository::CastMemberRepository() : TableRepository(kMapping) {}

bool CastMemberRepository::in_use(soci::session& session, const std::string& id) const {
    return has_live_owner(session, kVideoCastMembers, "videos", id);
}

}  // namespace codeflix::catalog_admin::repositories
