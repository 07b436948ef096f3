#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <codeflix/auth/signing.hpp>

using namespace codeflix::auth;
using namespace std::chrono_literals;

namespace {

struct JwksCacheTest : ::testing::Test {
    static inline PrivateKey first = PrivateKey::generate();
    static inline PrivateKey second = PrivateKey::generate();

    std::string document = jwks({{"k1", &first}});
    bool fail = false;
    std::chrono::steady_clock::time_point now{};
    JwksCache cache{[this]() -> codeflix::core::Result<std::string> {
                        if (fail) return codeflix::core::Error::unavailable("issuer down");
                        return document;
                    },
                    10s, 600s, [this] { return now; }};

    static std::string jwks(std::vector<std::pair<std::string, PrivateKey*>> keys) {
        boost::json::array list;
        for (auto& [kid, key] : keys) list.push_back(key->public_jwk(kid));
        return boost::json::serialize(boost::json::object{{"keys", list}});
    }
};

}  // namespace

TEST_F(JwksCacheTest, FetchesOnceAndServesFromCache) {
    EXPECT_TRUE(cache.find("k1"));
    EXPECT_TRUE(cache.find("k1"));
    EXPECT_EQ(cache.fetches(), 1);
}

TEST_F(JwksCacheTest, UnknownKidRefreshesAtMostOncePerInterval) {
    ASSERT_TRUE(cache.find("k1"));
    now += 11s;
    for (int i = 0; i < 50; ++i) EXPECT_FALSE(cache.find("made-up-" + std::to_string(i)));
    EXPECT_EQ(cache.fetches(), 2) << "one refresh for the first unknown kid, then rate-limited";
    document = jwks({{"k1", &first}, {"k2", &second}});
    EXPECT_FALSE(cache.find("k2")) << "still inside the interval";
    EXPECT_EQ(cache.fetches(), 2);
    now += 11s;
    EXPECT_TRUE(cache.find("k2")) << "a rotated key is picked up after the interval";
    EXPECT_TRUE(cache.find("k1"));
    EXPECT_EQ(cache.fetches(), 3);
}

TEST_F(JwksCacheTest, OldCacheIsRefreshedAndIssuerOutageKeepsKnownKeys) {
    ASSERT_TRUE(cache.find("k1"));
    fail = true;
    now += 601s;
    EXPECT_TRUE(cache.find("k1")) << "keys already known survive an outage";
    EXPECT_EQ(cache.fetches(), 2);
    fail = false;
    document = jwks({{"k2", &second}});
    now += 11s;
    EXPECT_TRUE(cache.find("k2"));
    EXPECT_FALSE(cache.find("k1")) << "a key dropped from the JWKS stops being trusted";
}

TEST_F(JwksCacheTest, GarbageDocumentsAreIgnored) {
    document = "{\"keys\": 42}";
    EXPECT_FALSE(cache.loaded());
    now += 11s;
    document = jwks({{"k1", &first}});
    EXPECT_TRUE(cache.loaded());
}
