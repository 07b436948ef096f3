#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common.hpp"

namespace codeflix::catalog_admin::domain {

enum class CastMemberType { director, actor };

std::string_view to_string(CastMemberType type);
std::optional<CastMemberType> parse_cast_member_type(std::string_view text);

struct CastMember {
    Meta meta;
    std::string name;
    CastMemberType type = CastMemberType::actor;
};

struct CastMemberInput {
    std::optional<std::string> name;
    std::optional<CastMemberType> type;
};

core::Result<CastMemberInput> parse_cast_member(const boost::json::object& body, WriteMode mode);
CastMember apply(CastMember base, const CastMemberInput& input, WriteMode mode);

}  // namespace codeflix::catalog_admin::domain
