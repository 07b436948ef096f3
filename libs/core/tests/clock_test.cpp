#include <gtest/gtest.h>

#include <codeflix/core/clock.hpp>

using namespace codeflix::core;

TEST(Clock, Rfc3339RoundTrips) {
    auto t = parse_rfc3339("2026-11-27T23:03:56.123Z");
    ASSERT_TRUE(t);
    EXPECT_EQ(to_rfc3339(*t), "2026-11-27T23:03:56.123Z");
    EXPECT_EQ(year_of(*t), 2026);
    EXPECT_EQ(to_rfc3339(*parse_rfc3339("2000-02-29T00:00:00Z")), "2000-02-29T00:00:00.000Z");
}

TEST(Clock, RejectsMalformed) {
    EXPECT_FALSE(parse_rfc3339("2026-02-30T00:00:00Z"));
    EXPECT_FALSE(parse_rfc3339("2026-11-27 23:03:56Z"));
    EXPECT_FALSE(parse_rfc3339("yesterday"));
    EXPECT_FALSE(parse_rfc3339("2026-11-27T25:00:00Z"));
}
