#pragma once

#include <boost/json/object.hpp>
#include <codeflix/auth/keys.hpp>
#include <codeflix/core/result.hpp>
#include <memory>
#include <string>
#include <string_view>

namespace codeflix::auth {

/// An RSA private key that signs RS256 tokens (the identity provider's side; tests too).
class PrivateKey {
  public:
    static PrivateKey generate(int bits = 2048);
    static core::Result<PrivateKey> from_pem(std::string_view pem);
    std::string to_pem() const;

    /// The RSASSA-PKCS1-v1_5 SHA-256 signature of `input`.
    std::string sign_rs256(std::string_view input) const;
    /// The public half as a JWK with `kid`, `use: sig`, `alg: RS256`.
    boost::json::object public_jwk(std::string_view kid) const;
    PublicKey public_key() const;

  private:
    explicit PrivateKey(std::shared_ptr<EVP_PKEY> key) : key_(std::move(key)) {}
    std::shared_ptr<EVP_PKEY> key_;
};

/// header.payload.signature, signed with RS256; `header` should carry alg and kid.
std::string sign_jwt(const PrivateKey& key, const boost::json::object& header,
                     const boost::json::object& payload);

}  // namespace codeflix::auth
