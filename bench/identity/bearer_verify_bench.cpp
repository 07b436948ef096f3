// RS256 verification cost on one thread, in three layers: the bare PublicKey::verify_rs256
// call, TokenVerifier::verify (base64url, JSON, claim checks around it) and the bearer
// middleware in front of a trivial handler (what a protected request pays). Every call must
// succeed, so a broken token or key fails the run instead of timing the refusal path.
// Prints key=value lines for bench/identity.sh, which sets them beside `openssl speed rsa2048`.
// Usage: bench_bearer_verify [SECONDS_PER_MEASUREMENT]   (default 3)
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <chrono>
#include <codeflix/auth/bearer.hpp>
#include <codeflix/auth/keys.hpp>
#include <codeflix/auth/signing.hpp>
#include <codeflix/auth/token.hpp>
#include <codeflix/http/message.hpp>
#include <codeflix/http/middleware.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <string>
#include <utility>

namespace {

using codeflix::auth::BearerOptions;
using codeflix::auth::KeyMap;
using codeflix::auth::PrivateKey;
using codeflix::auth::PublicKey;
using codeflix::auth::StaticKeys;
using codeflix::auth::TokenVerifier;
using codeflix::auth::VerifyOptions;
using codeflix::http::Request;
using codeflix::http::Response;

constexpr const char* kIssuer = "http://127.0.0.1:8081/realms/codeflix";
constexpr const char* kAudience = "catalog-admin";
constexpr const char* kKid = "bench-key";
/// Calls between two looks at the clock.
constexpr std::int64_t kBatch = 32;

std::int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

/// An access token shaped like the ones identity issues for a catalog administrator.
std::string access_token(const PrivateKey& key) {
    std::int64_t now = unix_now();
    boost::json::array audiences{kAudience, "catalog-api"};
    boost::json::array roles{"user", "catalog-admin"};
    return codeflix::auth::sign_jwt(key, {{"alg", "RS256"}, {"typ", "JWT"}, {"kid", kKid}},
                                    {{"iss", kIssuer},
                                     {"sub", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"},
                                     {"aud", audiences},
                                     {"azp", "codeflix-tools"},
                                     {"typ", "Bearer"},
                                     {"scope", "openid profile email"},
                                     {"exp", now + 3600},
                                     {"iat", now},
                                     {"preferred_username", "admin@codeflix.test"},
                                     {"realm_access", {{"roles", roles}}}});
}

/// Calls `step` for about `seconds` on this thread; returns calls per second, or a negative
/// number as soon as one call fails.
template <class Step>
double per_second(double seconds, const Step& step) {
    using Clock = std::chrono::steady_clock;
    const std::chrono::duration<double> budget(seconds);
    const Clock::time_point start = Clock::now();
    std::chrono::duration<double> elapsed(0);
    std::int64_t calls = 0;
    while (elapsed < budget) {
        for (std::int64_t i = 0; i < kBatch; ++i) {
            if (!step()) return -1;
        }
        calls += kBatch;
        elapsed = Clock::now() - start;
    }
    return static_cast<double>(calls) / elapsed.count();
}

bool report(const char* name, double rate) {
    if (rate < 0) {
        std::fprintf(stderr, "bench_bearer_verify: %s: a call failed\n", name);
        return false;
    }
    std::printf("%s=%.0f\n", name, rate);
    std::fflush(stdout);
    return true;
}

int run(double seconds) {
    const PrivateKey key = PrivateKey::generate(2048);
    const std::string token = access_token(key);
    const std::string signing_input = token.substr(0, token.rfind('.'));
    // PKCS#1 v1.5 signatures are deterministic: these are the bytes at the end of the token.
    const std::string signature = key.sign_rs256(signing_input);
    const PublicKey public_key = key.public_key();

    KeyMap keys;
    keys.emplace(kKid, key.public_key());
    VerifyOptions options;
    options.issuer = kIssuer;
    options.audience = kAudience;
    auto verifier = std::make_shared<const TokenVerifier>(
        std::move(options), std::make_shared<StaticKeys>(std::move(keys)));

    // catalog-admin's rules (services/catalog-admin/main.cpp): the admin API behind a role.
    BearerOptions bearer_options;
    bearer_options.public_prefixes = {"/healthz", "/readyz", "/metrics", "/api/admin/openapi.yaml"};
    bearer_options.rules = {{"/api/admin/", {"catalog-admin"}}};
    const codeflix::http::Handler handler = codeflix::http::chain(
        {codeflix::auth::bearer(verifier, std::move(bearer_options))}, [](Request& incoming) {
            Response response;
            response.status = incoming.principal ? 200 : 500;
            return response;
        });
    Request request;
    request.method = "GET";
    request.target = "/api/admin/videos";
    request.path = "/api/admin/videos";
    request.remote_address = "127.0.0.1";
    request.headers.set("Host", "127.0.0.1:8082");
    request.headers.set("Accept", "application/json");
    request.headers.set("Authorization", "Bearer " + token);

    std::printf("threads=1\nseconds_per_measurement=%.1f\ntoken_bytes=%zu\n", seconds,
                token.size());
    bool ok = report("rs256_verify_per_s", per_second(seconds, [&] {
                         return public_key.verify_rs256(signing_input, signature);
                     }));
    ok = ok && report("token_verify_per_s",
                      per_second(seconds, [&] { return verifier->verify(token).ok(); }));
    ok = ok && report("bearer_verify_per_s", per_second(seconds, [&] {
                          request.principal.reset();
                          return handler(request).status == 200;
                      }));
    return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    double seconds = 3.0;
    if (argc > 2) {
        std::fprintf(stderr, "usage: bench_bearer_verify [SECONDS_PER_MEASUREMENT]\n");
        return 2;
    }
    if (argc == 2) {
        char* end = nullptr;
        seconds = std::strtod(argv[1], &end);
        if (end == argv[1] || *end != '\0' || !(seconds > 0.0) || seconds > 600.0) {
            std::fprintf(stderr, "bench_bearer_verify: seconds must be in (0, 600]\n");
            return 2;
        }
    }
    try {
        return run(seconds);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_bearer_verify: %s\n", e.what());
        return 1;
    }
}
