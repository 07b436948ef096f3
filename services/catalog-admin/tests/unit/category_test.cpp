#include "src/domain/category.hpp"

#include <gtest/gtest.h>

#include <codeflix/core/json.hpp>

using namespace codeflix::catalog_admin::domain;

namespace {
boost::json::object obj(std::string_view text) {
    return codeflix::core::parse_json(text)->as_object();
}
std::vector<std::string> fields_of(const codeflix::core::Error& e) {
    std::vector<std::string> out;
    for (const auto& f : e.fields) out.push_back(f.field);
    return out;
}
}  // namespace

TEST(Category, NameIsRequiredTrimmedAndLimited) {
    EXPECT_EQ(parse_category(obj(R"({"name":"  Drama "})"), WriteMode::create)->name, "Drama");
    EXPECT_EQ(fields_of(parse_category(obj("{}"), WriteMode::create).error()),
              std::vector<std::string>{"name"});
    EXPECT_TRUE(parse_category(obj("{}"), WriteMode::patch).ok()) << "patch needs no field";
    EXPECT_FALSE(parse_category(obj(R"({"name":" \t "})"), WriteMode::create).ok());
    EXPECT_TRUE(
        parse_category(obj(R"({"name":")" + std::string(255, 'n') + R"("})"), WriteMode::create)
            .ok());
    EXPECT_FALSE(
        parse_category(obj(R"({"name":")" + std::string(256, 'n') + R"("})"), WriteMode::create)
            .ok());
    std::string accents;
    for (int i = 0; i < 255; ++i) accents += "é";
    EXPECT_TRUE(parse_category(obj(R"({"name":")" + accents + R"("})"), WriteMode::create).ok())
        << "limits count characters, not bytes";
}

TEST(Category, DescriptionIsOptionalNullableAndLimited) {
    auto with_null = parse_category(obj(R"({"name":"a","description":null})"), WriteMode::create);
    ASSERT_TRUE(with_null.ok());
    ASSERT_TRUE(with_null->description.has_value());
    EXPECT_FALSE(with_null->description->has_value());
    EXPECT_TRUE(
        parse_category(obj(R"({"name":"a","description":")" + std::string(4000, 'd') + R"("})"),
                       WriteMode::create)
            .ok());
    EXPECT_EQ(fields_of(parse_category(obj(R"({"name":"a","description":")" +
                                           std::string(4001, 'd') + R"("})"),
                                       WriteMode::create)
                            .error()),
              std::vector<std::string>{"description"});
}

TEST(Category, UnknownFieldsAndWrongTypesAreNamed) {
    auto result =
        parse_category(obj(R"({"name":1,"is_active":"yes","colour":"red"})"), WriteMode::create);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, codeflix::core::ErrorCode::invalid_argument);
    EXPECT_EQ(fields_of(result.error()), (std::vector<std::string>{"colour", "name", "is_active"}));
}

TEST(Category, ReplaceResetsOptionalFieldsPatchKeepsThem) {
    Category base;
    base.name = "Old";
    base.description = "kept?";
    base.is_active = false;
    auto input = *parse_category(obj(R"({"name":"New"})"), WriteMode::replace);
    auto replaced = apply(base, input, WriteMode::replace);
    EXPECT_EQ(replaced.name, "New");
    EXPECT_FALSE(replaced.description);
    EXPECT_TRUE(replaced.is_active);
    auto patched = apply(base, input, WriteMode::patch);
    EXPECT_EQ(patched.description, "kept?");
    EXPECT_FALSE(patched.is_active);
}
