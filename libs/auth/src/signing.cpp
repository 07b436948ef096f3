#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <boost/json/serialize.hpp>
#include <codeflix/auth/signing.hpp>
#include <codeflix/core/base64.hpp>
#include <stdexcept>

namespace codeflix::auth {
namespace {

std::string bignum_bytes(const EVP_PKEY* key, const char* name) {
    BIGNUM* bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &bn) != 1)
        throw std::runtime_error("cannot read RSA parameter");
    std::string bytes(static_cast<std::size_t>(BN_num_bytes(bn)), '\0');
    BN_bn2bin(bn, reinterpret_cast<unsigned char*>(bytes.data()));
    BN_free(bn);
    return bytes;
}

}  // namespace

PrivateKey PrivateKey::generate(int bits) {
    EVP_PKEY* raw = EVP_RSA_gen(static_cast<unsigned int>(bits));
    if (!raw) throw std::runtime_error("RSA key generation failed");
    return PrivateKey(std::shared_ptr<EVP_PKEY>(raw, EVP_PKEY_free));
}

core::Result<PrivateKey> PrivateKey::from_pem(std::string_view pem) {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
    EVP_PKEY* raw = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr;
    if (!raw || EVP_PKEY_get_base_id(raw) != EVP_PKEY_RSA) {
        EVP_PKEY_free(raw);
        return core::Error::invalid("not a PEM RSA private key");
    }
    return PrivateKey(std::shared_ptr<EVP_PKEY>(raw, EVP_PKEY_free));
}

std::string PrivateKey::to_pem() const {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    PEM_write_bio_PrivateKey(bio.get(), key_.get(), nullptr, nullptr, 0, nullptr, nullptr);
    char* data = nullptr;
    long size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(size));
}

std::string PrivateKey::sign_rs256(std::string_view input) const {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    std::size_t size = 0;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key_.get()) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &size,
                       reinterpret_cast<const unsigned char*>(input.data()), input.size()) != 1) {
        throw std::runtime_error("RS256 signing failed");
    }
    std::string signature(size, '\0');
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                       reinterpret_cast<const unsigned char*>(input.data()), input.size()) != 1) {
        throw std::runtime_error("RS256 signing failed");
    }
    signature.resize(size);
    return signature;
}

boost::json::object PrivateKey::public_jwk(std::string_view kid) const {
    return {{"kty", "RSA"},
            {"use", "sig"},
            {"alg", "RS256"},
            {"kid", kid},
            {"n", core::base64url_encode(bignum_bytes(key_.get(), OSSL_PKEY_PARAM_RSA_N))},
            {"e", core::base64url_encode(bignum_bytes(key_.get(), OSSL_PKEY_PARAM_RSA_E))}};
}

PublicKey PrivateKey::public_key() const { return *PublicKey::from_jwk(public_jwk("")); }

std::string sign_jwt(const PrivateKey& key, const boost::json::object& header,
                     const boost::json::object& payload) {
    std::string input = core::base64url_encode(boost::json::serialize(header)) + "." +
                        core::base64url_encode(boost::json::serialize(payload));
    return input + "." + core::base64url_encode(key.sign_rs256(input));
}

}  // namespace codeflix::auth
