#include <gtest/gtest.h>

#include <codeflix/db/migrations.hpp>
#include <codeflix/db/testing.hpp>
#include <future>

using namespace codeflix::db;
using codeflix::db::testing::TestDatabase;

namespace {

class DatabaseTest : public ::testing::TestWithParam<Dialect> {
  protected:
    TestDatabase test_db{GetParam()};
    std::unique_ptr<Database> db = Database::open(test_db.url(), 4);
};

const std::vector<Migration> kMigrations = {
    {Dialect::sqlite, 1, "items",
     "CREATE TABLE items (id TEXT PRIMARY KEY, n INTEGER NOT NULL);\n"
     "CREATE UNIQUE INDEX items_n ON items (n);\n"},
    {Dialect::sqlite, 2, "items_label", "ALTER TABLE items ADD COLUMN label TEXT;"},
    {Dialect::postgresql, 1, "items",
     "CREATE TABLE items (id TEXT PRIMARY KEY, n BIGINT NOT NULL);\n"
     "CREATE UNIQUE INDEX items_n ON items (n);\n"},
    {Dialect::postgresql, 2, "items_label", "ALTER TABLE items ADD COLUMN label TEXT;"},
};

}  // namespace

TEST_P(DatabaseTest, MigratesOnceAndIsIdempotent) {
    EXPECT_EQ(migrate(*db, kMigrations), 2);
    EXPECT_EQ(migrate(*db, kMigrations), 2);
    db->with_session([](soci::session& s) {
        s << "INSERT INTO items (id, n, label) VALUES ('a', 1, 'x')";
        return 0;
    });
}

TEST_P(DatabaseTest, ConcurrentCopiesMigrateSafely) {
    auto other = Database::open(test_db.url(), 1);
    auto a = std::async(std::launch::async, [&] { return migrate(*db, kMigrations); });
    auto b = std::async(std::launch::async, [&] { return migrate(*other, kMigrations); });
    EXPECT_EQ(a.get(), 2);
    EXPECT_EQ(b.get(), 2);
}

TEST_P(DatabaseTest, RefusesSchemaNewerThanCode) {
    migrate(*db, kMigrations);
    std::vector<Migration> older(kMigrations.begin(), kMigrations.end());
    std::erase_if(older, [](const Migration& m) { return m.version == 2; });
    EXPECT_THROW(migrate(*db, older), MigrationError);
}

TEST_P(DatabaseTest, FailedMigrationLeavesNothingBehind) {
    std::vector<Migration> broken = kMigrations;
    broken.push_back(
        {GetParam(), 3, "broken", "CREATE TABLE extra (a INTEGER);\nTHIS IS NOT SQL;"});
    EXPECT_ANY_THROW(migrate(*db, broken));
    EXPECT_EQ(migrate(*db, kMigrations), 2);
    int count = -1;
    db->with_session([&](soci::session& s) {
        s << "SELECT COUNT(*) FROM schema_migrations", soci::into(count);
        return 0;
    });
    EXPECT_EQ(count, 2);
    // "extra" was rolled back with the failed migration, so it can be created now.
    db->with_session([](soci::session& s) {
        s << "CREATE TABLE extra (a INTEGER)";
        return 0;
    });
}

TEST_P(DatabaseTest, TransactionRollsBackOnExceptionAndDetectsUniqueViolation) {
    migrate(*db, kMigrations);
    EXPECT_THROW(db->transaction([](soci::session& s) {
        s << "INSERT INTO items (id, n) VALUES ('a', 1)";
        s << "INSERT INTO items (id, n) VALUES ('b', 1)";
        return 0;
    }),
                 soci::soci_error);
    long long count = -1;
    db->with_session([&](soci::session& s) {
        s << "SELECT COUNT(*) FROM items", soci::into(count);
        return 0;
    });
    EXPECT_EQ(count, 0);
    try {
        db->with_session([](soci::session& s) {
            s << "INSERT INTO items (id, n) VALUES ('a', 1)";
            s << "INSERT INTO items (id, n) VALUES ('b', 1)";
            return 0;
        });
        FAIL();
    } catch (const soci::soci_error& e) {
        EXPECT_TRUE(is_unique_violation(e)) << e.what();
    }
}

TEST_P(DatabaseTest, LikeEscapingAndTextRoundTrip) {
    migrate(*db, kMigrations);
    std::string label = "100% _real_ 映画 🎬 \\ 'quote";
    db->with_session([&](soci::session& s) {
        s << "INSERT INTO items (id, n, label) VALUES ('a', 1, :l)", soci::use(label);
        s << "INSERT INTO items (id, n, label) VALUES ('b', 2, '100 percent')";
        return 0;
    });
    std::string pattern = "%" + escape_like("100%") + "%";
    soci::session s(db->pool());
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, n, label FROM items WHERE label LIKE :p ESCAPE '\\'",
         soci::use(pattern));
    std::vector<std::string> ids;
    for (const auto& row : rows) {
        ids.push_back(get_text(row, 0));
        EXPECT_EQ(get_int64(row, 1), 1);
        EXPECT_EQ(get_optional_text(row, 2), label);
    }
    EXPECT_EQ(ids, std::vector<std::string>{"a"});
    EXPECT_TRUE(db->ping());
}

INSTANTIATE_TEST_SUITE_P(Dialects, DatabaseTest,
                         ::testing::ValuesIn(codeflix::db::testing::all_dialects()),
                         [](const auto& param_info) {
                             return codeflix::db::testing::dialect_name(param_info.param);
                         });

TEST(SplitStatements, SplitsAtLineEndingSemicolonsAndSkipsComments) {
    auto parts = split_statements(
        "-- comment\nCREATE TABLE a (x INTEGER);\n\nCREATE INDEX i ON a (x);\nSELECT 1");
    ASSERT_EQ(parts.size(), 3u);
    EXPECT_EQ(parts[0], "CREATE TABLE a (x INTEGER)");
    EXPECT_EQ(parts[2], "SELECT 1\n");
}
