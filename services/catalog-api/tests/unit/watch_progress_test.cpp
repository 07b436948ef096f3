#include "src/domain/watch_progress.hpp"

#include <gtest/gtest.h>

namespace codeflix::catalog_api::domain {
namespace {

TEST(WatchProgress, ContinueWatchingHoldsStartedTitlesNotYetFinished) {
    constexpr std::int64_t kHour = 3600000;
    EXPECT_FALSE(in_progress(0, kHour));
    EXPECT_FALSE(in_progress(29999, kHour)) << "under 30 s is a glance";
    EXPECT_TRUE(in_progress(30000, kHour));
    EXPECT_TRUE(in_progress(kHour * 95 / 100 - 1, kHour));
    EXPECT_FALSE(in_progress(kHour * 95 / 100, kHour)) << "the credits are rolling";
    EXPECT_FALSE(in_progress(kHour, kHour));
    EXPECT_FALSE(in_progress(40000, 30000)) << "a title shorter than the threshold";
}

TEST(WatchProgress, ANewSessionResumesUnlessTheTitleWasFinished) {
    EXPECT_EQ(resume_position_ms(12000, 600000), 12000);
    EXPECT_EQ(resume_position_ms(569999, 600000), 569999);
    EXPECT_EQ(resume_position_ms(570000, 600000), 0);
    EXPECT_EQ(resume_position_ms(600000, 600000), 0);
}

TEST(WatchProgress, ProgressIsAFractionOfTheDuration) {
    EXPECT_DOUBLE_EQ(progress_of(300000, 600000), 0.5);
    EXPECT_DOUBLE_EQ(progress_of(700000, 600000), 1.0);
    EXPECT_DOUBLE_EQ(progress_of(10, 0), 0.0);
}

}  // namespace
}  // namespace codeflix::catalog_api::domain
