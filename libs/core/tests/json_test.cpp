#include <gtest/gtest.h>

#include <codeflix/core/json.hpp>

using namespace codeflix::core;

namespace {
boost::json::object object_of(std::string_view text) {
    auto parsed = parse_json(text);
    EXPECT_TRUE(parsed.ok());
    return parsed->as_object();
}
}  // namespace

TEST(Json, MalformedAndTooDeepAreErrorsNotExceptions) {
    EXPECT_FALSE(parse_json("{\"name\": ").ok());
    EXPECT_FALSE(parse_json("{'a':1}").ok());
    EXPECT_FALSE(parse_json(std::string(100, '[') + std::string(100, ']')).ok());
    EXPECT_FALSE(parse_json("\"\xff\xfe\"").ok());
    EXPECT_EQ(parse_json("{}")->as_object().size(), 0u);
}

TEST(Json, UnknownFieldsAreNamed) {
    auto object = object_of(R"({"name":"a","nmae":"b"})");
    ObjectReader reader(object, {"name"});
    ASSERT_EQ(reader.errors().size(), 1u);
    EXPECT_EQ(reader.errors()[0].field, "nmae");
}

TEST(Json, StringsAreTrimmedAndLimited) {
    auto object = object_of(R"({"a":"  ok  ","b":"   ","c":5,"d":"abcdef"})");
    ObjectReader reader(object, {"a", "b", "c", "d"});
    EXPECT_EQ(reader.string("a", 1, 255), "ok");
    EXPECT_FALSE(reader.string("b", 1, 255));
    EXPECT_FALSE(reader.string("c", 1, 255));
    EXPECT_FALSE(reader.string("d", 1, 5));
    EXPECT_FALSE(reader.string("missing", 1, 5));
    ASSERT_EQ(reader.errors().size(), 3u);
    EXPECT_EQ(reader.errors()[0], (FieldError{"b", "must not be empty"}));
    EXPECT_EQ(reader.errors()[1], (FieldError{"c", "must be a string"}));
    EXPECT_EQ(reader.errors()[2], (FieldError{"d", "must have at most 5 characters"}));
}

TEST(Json, NullableStringDistinguishesNullFromAbsent) {
    auto object = object_of(R"({"a":null,"b":"x"})");
    ObjectReader reader(object, {"a", "b"});
    auto a = reader.nullable_string("a", 10);
    ASSERT_TRUE(a);
    EXPECT_FALSE(*a);
    EXPECT_EQ(**reader.nullable_string("b", 10), "x");
    EXPECT_FALSE(reader.nullable_string("c", 10));
}

TEST(Json, IntegersBooleansAndRanges) {
    auto object =
        object_of(R"({"y":1999,"z":1.5,"w":"3","b":true,"n":1,"big":18446744073709551615})");
    ObjectReader reader(object, {"y", "z", "w", "b", "n", "big"});
    EXPECT_EQ(reader.integer("y", 1888, 2031), 1999);
    EXPECT_FALSE(reader.integer("z", 0, 10));
    EXPECT_FALSE(reader.integer("w", 0, 10));
    EXPECT_FALSE(reader.integer("big", 0, 10));
    EXPECT_EQ(reader.boolean("b"), true);
    EXPECT_FALSE(reader.boolean("n"));
    EXPECT_EQ(reader.errors().size(), 4u);
}

TEST(Json, UuidArraysRejectGarbageAndDuplicates) {
    auto object = object_of(R"({
        "ok": ["0190A3B2-7C4D-7E8F-9A0B-1C2D3E4F5A6B"],
        "empty": [],
        "bad": ["x", 3],
        "dup": ["0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b", "0190A3B2-7C4D-7E8F-9A0B-1C2D3E4F5A6B"],
        "notarray": "0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b"})");
    ObjectReader reader(object, {"ok", "empty", "bad", "dup", "notarray"});
    auto ok = reader.uuid_array("ok", 1, 10);
    ASSERT_TRUE(ok);
    EXPECT_EQ((*ok)[0], "0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b");
    EXPECT_FALSE(reader.uuid_array("empty", 1, 10));
    EXPECT_TRUE(reader.uuid_array("empty", 0, 10));
    EXPECT_FALSE(reader.uuid_array("bad", 1, 10));
    EXPECT_FALSE(reader.uuid_array("dup", 1, 10));
    EXPECT_FALSE(reader.uuid_array("notarray", 1, 10));
    std::vector<std::string> fields;
    for (const auto& e : reader.errors()) fields.push_back(e.field);
    EXPECT_EQ(fields,
              (std::vector<std::string>{"empty", "bad[0]", "bad[1]", "dup[1]", "notarray"}));
}
