#include "src/domain/cast_member.hpp"

#include <gtest/gtest.h>

#include <codeflix/core/json.hpp>

using namespace codeflix::catalog_admin::domain;

namespace {
boost::json::object obj(std::string_view text) {
    return codeflix::core::parse_json(text)->as_object();
}
}  // namespace

TEST(CastMember, TypeIsDirectorOrActor) {
    EXPECT_EQ(parse_cast_member(obj(R"({"name":"A","type":"director"})"), WriteMode::create)->type,
              CastMemberType::director);
    EXPECT_EQ(parse_cast_member(obj(R"({"name":"A","type":"actor"})"), WriteMode::create)->type,
              CastMemberType::actor);
    EXPECT_FALSE(parse_cast_member(obj(R"({"name":"A","type":"Actor"})"), WriteMode::create).ok());
    EXPECT_FALSE(parse_cast_member(obj(R"({"name":"A","type":2})"), WriteMode::create).ok());
    EXPECT_FALSE(parse_cast_member(obj(R"({"name":"A"})"), WriteMode::create).ok());
    EXPECT_TRUE(parse_cast_member(obj(R"({"name":"A"})"), WriteMode::patch).ok());
    EXPECT_EQ(to_string(CastMemberType::director), "director");
    EXPECT_FALSE(parse_cast_member_type("producer"));
}
