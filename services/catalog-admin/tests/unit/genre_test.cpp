#include "src/domain/genre.hpp"

#include <gtest/gtest.h>

#include <codeflix/core/json.hpp>

using namespace codeflix::catalog_admin::domain;

namespace {
boost::json::object obj(std::string_view text) {
    return codeflix::core::parse_json(text)->as_object();
}
constexpr const char* kId = "0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b";
}  // namespace

TEST(Genre, NeedsAtLeastOneDistinctCategoryId) {
    auto ok = parse_genre(obj(std::string(R"({"name":"Noir","categories_id":[")") + kId + R"("]})"),
                          WriteMode::create);
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(ok->categories_id->size(), 1u);
    EXPECT_FALSE(parse_genre(obj(R"({"name":"Noir"})"), WriteMode::create).ok());
    EXPECT_FALSE(parse_genre(obj(R"({"name":"Noir","categories_id":[]})"), WriteMode::create).ok());
    EXPECT_FALSE(parse_genre(obj(R"({"name":"Noir","categories_id":[]})"), WriteMode::patch).ok())
        << "a patch that sends categories must send at least one";
    EXPECT_FALSE(parse_genre(obj(std::string(R"({"name":"N","categories_id":[")") + kId + R"(",")" +
                                 kId + R"("]})"),
                             WriteMode::create)
                     .ok());
    EXPECT_FALSE(parse_genre(obj(R"({"name":"N","categories_id":["x"]})"), WriteMode::create).ok());
    EXPECT_TRUE(parse_genre(obj(R"({"is_active":false})"), WriteMode::patch).ok());
}

TEST(Genre, ApplyReplacesCategories) {
    Genre base;
    base.name = "A";
    base.categories_id = {"1"};
    base.is_active = false;
    GenreInput input;
    input.categories_id = std::vector<std::string>{"2", "3"};
    auto patched = apply(base, input, WriteMode::patch);
    EXPECT_EQ(patched.categories_id, (std::vector<std::string>{"2", "3"}));
    EXPECT_FALSE(patched.is_active);
    EXPECT_TRUE(apply(base, input, WriteMode::replace).is_active);
}
