#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "../domain/cast_member.hpp"
#include "list_query.hpp"

namespace codeflix::catalog_admin::repositories {

/// Directors and actors.
class CastMemberRepository {
  public:
    static constexpr const char* kTable = "cast_members";

    static const ListSpec& list_spec();

    std::optional<domain::CastMember> find(soci::session& session, const std::string& id) const;
    std::vector<domain::CastMember> list(soci::session& session, const ListRequest& request,
                                         std::int64_t* total) const;
    void insert(soci::session& session, const domain::CastMember& member) const;
    bool update(soci::session& session, const domain::CastMember& member,
                std::int64_t expected_version) const;
    bool soft_delete(soci::session& session, const std::string& id, std::int64_t expected_version,
                     const std::string& now) const;
    /// Whether a live video credits the cast member.
    bool in_use(soci::session& session, const std::string& id) const;
};

}  // namespace codeflix::catalog_admin::repositories
