#pragma once

#include <boost/json/object.hpp>
#include <chrono>
#include <codeflix/core/result.hpp>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

using EVP_PKEY = struct evp_pkey_st;

namespace codeflix::auth {

/// An RSA public key that checks RS256 (RSASSA-PKCS1-v1_5 with SHA-256) signatures.
class PublicKey {
  public:
    /// From a JWK: `kty` RSA, base64url `n` and `e`; `use` (if any) must be `sig` and `alg` (if
    /// any) RS256. Keys under 2048 bits are refused.
    static core::Result<PublicKey> from_jwk(const boost::json::object& jwk);
    /// From a PEM "PUBLIC KEY" (SubjectPublicKeyInfo) block.
    static core::Result<PublicKey> from_pem(std::string_view pem);

    bool verify_rs256(std::string_view signing_input, std::string_view signature) const;

  private:
    explicit PublicKey(std::shared_ptr<EVP_PKEY> key) : key_(std::move(key)) {}
    std::shared_ptr<EVP_PKEY> key_;
};

/// Keys by `kid`.
using KeyMap = std::map<std::string, PublicKey, std::less<>>;

/// Parses a JWKS document (`{"keys": [...]}`), keeping the RS256 signing keys that have a kid.
core::Result<KeyMap> parse_jwks(std::string_view json);

/// Where a verifier gets keys from.
class KeySource {
  public:
    virtual ~KeySource() = default;
    /// The key with this kid, or nullptr when there is none (after at most one refresh).
    virtual std::shared_ptr<const PublicKey> find(std::string_view kid) = 0;
};

/// A fixed set of keys (tests, tools).
class StaticKeys : public KeySource {
  public:
    explicit StaticKeys(KeyMap keys) : keys_(std::move(keys)) {}
    std::shared_ptr<const PublicKey> find(std::string_view kid) override;

  private:
    KeyMap keys_;
};

/// Fetches `<issuer>/protocol/openid-connect/certs` (Keycloak's JWKS path) over HTTP.
std::function<core::Result<std::string>()> fetch_issuer_jwks(std::string issuer);

/// The issuer's JWKS, fetched on first use and cached. An unknown kid triggers one refresh, at
/// most once per `min_refresh` (a flood of made-up kids cannot hammer the issuer); the cache is
/// also refreshed when older than `max_age`, so rotated keys arrive without an unknown kid.
class JwksCache : public KeySource {
  public:
    using Fetch = std::function<core::Result<std::string>()>;
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    explicit JwksCache(
        Fetch fetch, std::chrono::seconds min_refresh = std::chrono::seconds(10),
        std::chrono::seconds max_age = std::chrono::minutes(10),
        Clock clock = [] { return std::chrono::steady_clock::now(); });

    std::shared_ptr<const PublicKey> find(std::string_view kid) override;
    /// Fetches now if allowed by the rate limit; false when the fetch or the document failed.
    bool refresh();
    /// Whether keys have been loaded at least once (for /readyz).
    bool loaded();
    int fetches() const { return fetches_; }

  private:
    bool refresh_locked(std::chrono::steady_clock::time_point now);

    Fetch fetch_;
    std::chrono::seconds min_refresh_;
    std::chrono::seconds max_age_;
    Clock clock_;
    std::mutex mutex_;
    std::map<std::string, std::shared_ptr<const PublicKey>, std::less<>> keys_;
    std::optional<std::chrono::steady_clock::time_point> last_attempt_;
    std::optional<std::chrono::steady_clock::time_point> last_success_;
    int fetches_ = 0;
};

}  // namespace codeflix::auth
