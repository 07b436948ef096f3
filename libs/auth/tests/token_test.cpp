#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <boost/json/serialize.hpp>
#include <codeflix/auth/signing.hpp>
#include <codeflix/auth/token.hpp>
#include <codeflix/core/base64.hpp>

using namespace codeflix::auth;
using codeflix::core::base64url_decode;
using codeflix::core::base64url_encode;

namespace {

// RFC 7515 appendix A.2: a JWS signed with RS256 and the RSA public key of appendix A.2.1.
constexpr const char* kRfcJws =
    "eyJhbGciOiJSUzI1NiJ9."
    "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
    "."
    "cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_"
    "O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZ"
    "cAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_"
    "eSN9383LcOLn6_dO--xi12jzDwusC-e"
    "OkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN"
    "_IoypGlUPQGe77Rw";
constexpr const char* kRfcModulus =
    "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-"
    "4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMs"
    "D1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-"
    "UTo7WTBEMa2R2CapHg665xsmtdV"
    "MTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_"
    "h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ";

constexpr const char* kIssuer = "http://localhost:8080/realms/codeflix";
constexpr const char* kAudience = "catalog-admin";
constexpr std::int64_t kNow = 1800000000;

codeflix::core::TimePoint at(std::int64_t seconds) {
    return codeflix::core::TimePoint(std::chrono::seconds(seconds));
}

struct TokenVerification : ::testing::Test {
    static inline PrivateKey key = PrivateKey::generate();
    static inline PrivateKey other = PrivateKey::generate();

    std::shared_ptr<StaticKeys> keys =
        std::make_shared<StaticKeys>(KeyMap{{"k1", key.public_key()}});
    TokenVerifier verifier{{kIssuer, kAudience}, keys};

    boost::json::object header() { return {{"alg", "RS256"}, {"typ", "JWT"}, {"kid", "k1"}}; }
    boost::json::object payload() {
        return {{"iss", kIssuer},
                {"sub", "user-1"},
                {"aud", boost::json::array{"account", kAudience}},
                {"azp", "codeflix-admin"},
                {"typ", "Bearer"},
                {"exp", kNow + 300},
                {"iat", kNow},
                {"jti", "j1"},
                {"email", "ana@example.com"},
                {"preferred_username", "ana"},
                {"realm_access", {{"roles", boost::json::array{"user", "catalog-admin"}}}}};
    }
    std::string token(const boost::json::object& h, const boost::json::object& p,
                      const PrivateKey& signer = key) {
        return sign_jwt(signer, h, p);
    }
    std::string refusal(const std::string& jwt, std::int64_t now = kNow) {
        auto result = verifier.verify(jwt, at(now));
        EXPECT_FALSE(result.ok());
        if (result.ok()) return "accepted";
        EXPECT_EQ(result.error().code, codeflix::core::ErrorCode::unauthenticated);
        return result.error().message;
    }
};

}  // namespace

TEST(Rfc7515, AppendixA2SignatureVerifies) {
    auto key = PublicKey::from_jwk({{"kty", "RSA"}, {"n", kRfcModulus}, {"e", "AQAB"}});
    ASSERT_TRUE(key.ok()) << key.error().message;
    std::string_view jws = kRfcJws;
    auto dot = jws.rfind('.');
    auto signature = base64url_decode(jws.substr(dot + 1));
    ASSERT_TRUE(signature);
    EXPECT_TRUE(key->verify_rs256(jws.substr(0, dot), *signature));
    std::string tampered(jws.substr(0, dot));
    tampered[25] = tampered[25] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(key->verify_rs256(tampered, *signature));
}

TEST(Keys, RefusesWeakOrForeignJwks) {
    EXPECT_FALSE(PublicKey::from_jwk({{"kty", "EC"}, {"n", kRfcModulus}, {"e", "AQAB"}}).ok());
    EXPECT_FALSE(PublicKey::from_jwk({{"kty", "RSA"}, {"n", "AQAB"}, {"e", "AQAB"}}).ok())
        << "tiny modulus";
    EXPECT_FALSE(PublicKey::from_jwk({{"kty", "RSA"}, {"n", "not base64!"}, {"e", "AQAB"}}).ok());
    EXPECT_FALSE(
        PublicKey::from_jwk({{"kty", "RSA"}, {"use", "enc"}, {"n", kRfcModulus}, {"e", "AQAB"}})
            .ok());
    auto jwks = parse_jwks(
        R"({"keys":[{"kty":"RSA","kid":"a","n":")" + std::string(kRfcModulus) +
        R"(","e":"AQAB"},{"kty":"oct","kid":"b","k":"c2VjcmV0"},{"kty":"RSA","n":"x","e":"AQAB"}]})");
    ASSERT_TRUE(jwks.ok());
    EXPECT_EQ(jwks->size(), 1u);
    EXPECT_TRUE(jwks->contains("a"));
    EXPECT_FALSE(parse_jwks("[]").ok());
    EXPECT_FALSE(parse_jwks("{").ok());
}

TEST_F(TokenVerification, AValidTokenGivesItsClaims) {
    auto claims = verifier.verify(token(header(), payload()), at(kNow));
    ASSERT_TRUE(claims.ok()) << claims.error().message;
    EXPECT_EQ(claims->subject, "user-1");
    EXPECT_EQ(claims->preferred_username, "ana");
    EXPECT_TRUE(claims->has_role("catalog-admin"));
    EXPECT_FALSE(claims->has_role("subscription-admin"));
    auto p = payload();
    p["aud"] = "account";
    p["azp"] = kAudience;
    EXPECT_TRUE(verifier.verify(token(header(), p), at(kNow)).ok()) << "azp names the audience";
}

TEST_F(TokenVerification, AlgorithmIsPinnedToRs256) {
    auto h = header();
    h["alg"] = "none";
    std::string unsigned_token = base64url_encode(boost::json::serialize(h)) + "." +
                                 base64url_encode(boost::json::serialize(payload())) + ".";
    EXPECT_EQ(refusal(unsigned_token), "algorithm is not RS256");

    // The classic confusion attack: HS256 keyed with the public key the verifier trusts.
    h["alg"] = "HS256";
    std::string input = base64url_encode(boost::json::serialize(h)) + "." +
                        base64url_encode(boost::json::serialize(payload()));
    std::string secret = boost::json::serialize(key.public_jwk("k1"));
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int mac_size = 0;
    HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
         reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac, &mac_size);
    std::string hs_token =
        input + "." + base64url_encode(std::string(reinterpret_cast<char*>(mac), mac_size));
    EXPECT_EQ(refusal(hs_token), "algorithm is not RS256");
}

TEST_F(TokenVerification, SignatureAndKeyMustMatch) {
    EXPECT_EQ(refusal(token(header(), payload(), other)), "bad signature");
    auto h = header();
    h["kid"] = "unknown";
    EXPECT_EQ(refusal(token(h, payload())), "no key with this kid");
    h.erase("kid");
    EXPECT_EQ(refusal(token(h, payload())), "token has no kid");
}

TEST_F(TokenVerification, TamperingIsDetected) {
    std::string good = token(header(), payload());
    auto first = good.find('.');
    auto second = good.find('.', first + 1);
    auto p = payload();
    p["realm_access"] = {{"roles", boost::json::array{"catalog-admin", "subscription-admin"}}};
    std::string forged_payload = good.substr(0, first + 1) +
                                 base64url_encode(boost::json::serialize(p)) + good.substr(second);
    EXPECT_EQ(refusal(forged_payload), "bad signature");
    auto h = header();
    h["typ"] = "at+jwt";
    std::string forged_header = base64url_encode(boost::json::serialize(h)) + good.substr(first);
    EXPECT_EQ(refusal(forged_header), "bad signature");
    EXPECT_EQ(refusal(good.substr(0, good.size() - 10)), "bad signature");
    EXPECT_EQ(refusal(good.substr(0, second)), "token is not a compact JWS");
    EXPECT_EQ(refusal(good + ".x"), "token is not a compact JWS");
    EXPECT_EQ(refusal(std::string(9000, 'a')), "token is empty or too large");
    EXPECT_EQ(refusal(""), "token is empty or too large");
    EXPECT_EQ(refusal("!!!.???.***"), "header is not base64url");
}

TEST_F(TokenVerification, TimeClaimsAreCheckedWithLeeway) {
    EXPECT_EQ(refusal(token(header(), payload()), kNow + 300 + 31), "token expired");
    EXPECT_TRUE(verifier.verify(token(header(), payload()), at(kNow + 300 + 29)).ok());
    auto p = payload();
    p["nbf"] = kNow + 120;
    EXPECT_EQ(refusal(token(header(), p)), "token not valid yet");
    p = payload();
    p["iat"] = kNow + 3600;
    EXPECT_EQ(refusal(token(header(), p)), "token issued in the future");
    p = payload();
    p.erase("exp");
    EXPECT_EQ(refusal(token(header(), p)), "token has no valid exp");
    p["exp"] = "tomorrow";
    EXPECT_EQ(refusal(token(header(), p)), "token has no valid exp");
}

TEST_F(TokenVerification, IssuerAudienceTypeAndSubject) {
    auto p = payload();
    p["iss"] = "http://evil.example/realms/codeflix";
    EXPECT_EQ(refusal(token(header(), p)), "wrong issuer");
    p = payload();
    p["aud"] = "subscription";
    p["azp"] = "codeflix-viewer";
    EXPECT_EQ(refusal(token(header(), p)), "wrong audience");
    p = payload();
    p["typ"] = "Refresh";
    EXPECT_EQ(refusal(token(header(), p)), "not a token of type Bearer");
    p = payload();
    p.erase("sub");
    EXPECT_EQ(refusal(token(header(), p)), "token has no subject");
}

TEST_F(TokenVerification, OtherTypesMustSayTheirTypeAndAudienceChecksCanBeOff) {
    VerifyOptions refresh{kIssuer, kIssuer};
    refresh.type = "Refresh";
    TokenVerifier refresh_verifier{refresh, keys};
    auto p = payload();
    p["aud"] = kIssuer;
    EXPECT_FALSE(refresh_verifier.verify(token(header(), p), at(kNow)))
        << "an access token is not a refresh token";
    p["typ"] = "Refresh";
    EXPECT_TRUE(refresh_verifier.verify(token(header(), p), at(kNow)));

    VerifyOptions any{kIssuer, ""};
    any.check_audience = false;
    TokenVerifier any_verifier{any, keys};
    p = payload();
    p["aud"] = "subscription";
    p["azp"] = "codeflix-viewer";
    EXPECT_TRUE(any_verifier.verify(token(header(), p), at(kNow)));
    p["iss"] = "http://evil.example/realms/codeflix";
    EXPECT_FALSE(any_verifier.verify(token(header(), p), at(kNow))) << "the issuer still counts";
}
