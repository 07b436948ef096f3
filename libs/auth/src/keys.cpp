#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

#include <boost/json/parse.hpp>
#include <codeflix/auth/keys.hpp>
#include <codeflix/core/base64.hpp>
#include <codeflix/core/json.hpp>
#include <codeflix/http/client.hpp>

namespace codeflix::auth {
namespace {

constexpr int kMinRsaBits = 2048;

std::shared_ptr<EVP_PKEY> adopt(EVP_PKEY* key) { return {key, EVP_PKEY_free}; }

/// Why `key` cannot verify RS256 tokens, if it cannot.
std::optional<core::Error> key_problem(const std::shared_ptr<EVP_PKEY>& key) {
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA)
        return core::Error::invalid("not an RSA key");
    if (EVP_PKEY_get_bits(key.get()) < kMinRsaBits)
        return core::Error::invalid("RSA key shorter than 2048 bits");
    return std::nullopt;
}

}  // namespace

core::Result<PublicKey> PublicKey::from_jwk(const boost::json::object& jwk) {
    if (core::string_member(jwk, "kty") != "RSA") return core::Error::invalid("JWK kty is not RSA");
    if (auto use = core::string_member(jwk, "use"); use && *use != "sig")
        return core::Error::invalid("JWK is not for signatures");
    if (auto alg = core::string_member(jwk, "alg"); alg && *alg != "RS256")
        return core::Error::invalid("JWK alg is not RS256");
    auto n = core::string_member(jwk, "n");
    auto e = core::string_member(jwk, "e");
    auto n_bytes = n ? core::base64url_decode(*n) : std::nullopt;
    auto e_bytes = e ? core::base64url_decode(*e) : std::nullopt;
    if (!n_bytes || !e_bytes || n_bytes->empty() || e_bytes->empty())
        return core::Error::invalid("JWK n or e is malformed");

    std::unique_ptr<BIGNUM, decltype(&BN_free)> bn_n(
        BN_bin2bn(reinterpret_cast<const unsigned char*>(n_bytes->data()),
                  static_cast<int>(n_bytes->size()), nullptr),
        BN_free);
    std::unique_ptr<BIGNUM, decltype(&BN_free)> bn_e(
        BN_bin2bn(reinterpret_cast<const unsigned char*>(e_bytes->data()),
                  static_cast<int>(e_bytes->size()), nullptr),
        BN_free);
    std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)> builder(OSSL_PARAM_BLD_new(),
                                                                            OSSL_PARAM_BLD_free);
    if (!bn_n || !bn_e || !builder ||
        !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, bn_n.get()) ||
        !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, bn_e.get())) {
        return core::Error::internal("cannot build RSA parameters");
    }
    std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)> params(
        OSSL_PARAM_BLD_to_param(builder.get()), OSSL_PARAM_free);
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
        EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr), EVP_PKEY_CTX_free);
    EVP_PKEY* raw = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
        return core::Error::invalid("JWK is not a usable RSA public key");
    }
    auto key = adopt(raw);
    if (auto problem = key_problem(key)) return *problem;
    return PublicKey(std::move(key));
}

core::Result<PublicKey> PublicKey::from_pem(std::string_view pem) {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
    auto key = adopt(bio ? PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!key) return core::Error::invalid("not a PEM public key");
    if (auto problem = key_problem(key)) return *problem;
    return PublicKey(std::move(key));
}

bool PublicKey::verify_rs256(std::string_view signing_input, std::string_view signature) const {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key_.get()) != 1)
        return false;
    return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                            signature.size(),
                            reinterpret_cast<const unsigned char*>(signing_input.data()),
                            signing_input.size()) == 1;
}

core::Result<KeyMap> parse_jwks(std::string_view json) {
    auto parsed = core::parse_json(json, 8);
    if (!parsed) return parsed.error();
    const auto* keys = parsed->is_object() ? parsed->as_object().if_contains("keys") : nullptr;
    if (!keys || !keys->is_array()) return core::Error::invalid("JWKS has no keys array");
    KeyMap map;
    for (const auto& entry : keys->get_array()) {
        if (!entry.is_object()) continue;
        auto kid = core::string_member(entry.get_object(), "kid");
        if (!kid || kid->empty()) continue;
        auto key = PublicKey::from_jwk(entry.get_object());
        if (key) map.emplace(*kid, std::move(*key));
    }
    return map;
}

std::function<core::Result<std::string>()> fetch_issuer_jwks(std::string issuer) {
    return [url = std::move(issuer) +
                  "/protocol/openid-connect/certs"]() -> core::Result<std::string> {
        http::Client client(url, std::chrono::seconds(5));
        auto response = client.get("");
        if (!response) return response.error();
        if (response->status != 200) {
            return core::Error::unavailable("JWKS answered " + std::to_string(response->status));
        }
        return std::move(response->body);
    };
}

std::shared_ptr<const PublicKey> StaticKeys::find(std::string_view kid) {
    auto it = keys_.find(kid);
    return it == keys_.end() ? nullptr : std::make_shared<const PublicKey>(it->second);
}

JwksCache::JwksCache(Fetch fetch, std::chrono::seconds min_refresh, std::chrono::seconds max_age,
                     Clock clock)
    : fetch_(std::move(fetch)),
      min_refresh_(min_refresh),
      max_age_(max_age),
      clock_(std::move(clock)) {}

bool JwksCache::refresh_locked(std::chrono::steady_clock::time_point now) {
    if (last_attempt_ && now - *last_attempt_ < min_refresh_) return false;
    last_attempt_ = now;
    ++fetches_;
    auto document = fetch_();
    if (!document) return false;
    auto keys = parse_jwks(*document);
    if (!keys || keys->empty()) return false;
    keys_.clear();
    for (auto& [kid, key] : *keys)
        keys_.emplace(kid, std::make_shared<const PublicKey>(std::move(key)));
    last_success_ = now;
    return true;
}

std::shared_ptr<const PublicKey> JwksCache::find(std::string_view kid) {
    std::lock_guard lock(mutex_);
    auto now = clock_();
    if (!last_success_ || now - *last_success_ > max_age_) refresh_locked(now);
    if (auto it = keys_.find(kid); it != keys_.end()) return it->second;
    if (!refresh_locked(now)) return nullptr;
    auto it = keys_.find(kid);
    return it == keys_.end() ? nullptr : it->second;
}

bool JwksCache::refresh() {
    std::lock_guard lock(mutex_);
    return refresh_locked(clock_());
}

bool JwksCache::loaded() {
    std::lock_guard lock(mutex_);
    if (!last_success_) refresh_locked(clock_());
    return last_success_.has_value();
}

}  // namespace codeflix::auth
