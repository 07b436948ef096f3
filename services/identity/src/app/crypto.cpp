#include "crypto.hpp"

#include <openssl/sha.h>
#include <sodium.h>

#include <codeflix/core/base64.hpp>
#include <stdexcept>
#include <vector>

namespace codeflix::identity::app {
namespace {

constexpr unsigned long long kOpsLimit = 2;
constexpr std::size_t kMemLimit = std::size_t{19} * 1024 * 1024;

void ensure_sodium() {
    static const bool ready = [] { return sodium_init() >= 0; }();
    if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

}  // namespace

std::string random_token(std::size_t bytes) {
    ensure_sodium();
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    return core::base64url_encode(raw);
}

std::string sha256_base64url(std::string_view text) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
    return core::base64url_encode(
        std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

bool secure_equals(std::string_view a, std::string_view b) {
    ensure_sodium();
    // Compare digests, so the lengths of the secrets do not leak either.
    std::string da = sha256_base64url(a);
    std::string db = sha256_base64url(b);
    return sodium_memcmp(da.data(), db.data(), da.size()) == 0;
}

std::string hash_password(std::string_view password) {
    ensure_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOpsLimit, kMemLimit,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("argon2id hashing ran out of memory");
    }
    return out;
}

bool verify_password(std::string_view hash, std::string_view password) {
    ensure_sodium();
    std::string terminated(hash);
    return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

bool password_needs_rehash(std::string_view hash) {
    ensure_sodium();
    std::string terminated(hash);
    return crypto_pwhash_str_needs_rehash(terminated.c_str(), kOpsLimit, kMemLimit) != 0;
}

void spend_password_time(std::string_view password) {
    static const std::string dummy = hash_password("codeflix-timing-equaliser");
    (void)verify_password(dummy, password);
}

}  // namespace codeflix::identity::app
