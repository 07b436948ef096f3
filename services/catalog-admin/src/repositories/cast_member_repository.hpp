#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "../domain/cast_member.hpp"
#include "list_query.hpp"
#include "table_repository.hpp"

namespace codeflix::catalog_admin::repositories {

/// Directors and actors.
class CastMemberRepository : public TableRepository<domain::CastMember> {
  public:
    static constexpr const char* kTable = "cast_members";

    CastMemberRepository();

    static const ListSpec& list_spec();

    /// Whether a live video credits the cast member.
    bool in_use(soci::session& session, const std::string& id) const;
};

}  // namespace codeflix::catalog_admin::repositories
