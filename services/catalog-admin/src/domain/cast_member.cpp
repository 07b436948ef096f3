#include "cast_member.hpp"

namespace codeflix::catalog_admin::domain {

std::string_view to_string(CastMemberType type) {
    return type == CastMemberType::director ? "director" : "actor";
}

std::optional<CastMemberType> parse_cast_member_type(std::string_view text) {
    if (text == "director") return CastMemberType::director;
    if (text == "actor") return CastMemberType::actor;
    return std::nullopt;
}

core::Result<CastMemberInput> parse_cast_member(const boost::json::object& body, WriteMode mode) {
    core::ObjectReader reader(body, {"name", "type"});
    CastMemberInput input;
    input.name = reader.string("name", 1, kNameMaxChars);
    if (auto type = reader.string("type", 1, 32)) {
        input.type = parse_cast_member_type(*type);
        if (!input.type) reader.add_error("type", "must be director or actor");
    }
    if (auto done = finish(reader, mode, {"name", "type"}); !done) return done.error();
    return input;
}

CastMember apply(CastMember base, const CastMemberInput& input, WriteMode /*mode*/) {
    if (input.name) base.name = *input.name;
    if (input.type) base.type = *input.type;
    return base;
}

}  // namespace codeflix::catalog_admin::domain
