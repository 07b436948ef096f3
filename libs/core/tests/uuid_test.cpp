#include <gtest/gtest.h>

#include <codeflix/core/uuid.hpp>
#include <set>

using namespace codeflix::core;

TEST(Uuid, V7HasVersionVariantAndOrder) {
    std::string a = new_uuid_v7();
    ASSERT_EQ(a.size(), 36u);
    EXPECT_EQ(a[14], '7');
    EXPECT_TRUE(a[19] == '8' || a[19] == '9' || a[19] == 'a' || a[19] == 'b');
    EXPECT_TRUE(canonical_uuid(a).has_value());
    std::set<std::string> many;
    for (int i = 0; i < 1000; ++i) many.insert(new_uuid_v7());
    EXPECT_EQ(many.size(), 1000u);
}

TEST(Uuid, CanonicalFormRejectsGarbage) {
    EXPECT_EQ(canonical_uuid("0190A3B2-7C4D-7E8F-9A0B-1C2D3E4F5A6B"),
              "0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b");
    EXPECT_FALSE(canonical_uuid("not-a-uuid"));
    EXPECT_FALSE(canonical_uuid("0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6"));
    EXPECT_FALSE(canonical_uuid("0190a3b2x7c4d-7e8f-9a0b-1c2d3e4f5a6b"));
    EXPECT_FALSE(canonical_uuid("0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6g"));
    EXPECT_FALSE(canonical_uuid("' OR 1=1 --"));
}
