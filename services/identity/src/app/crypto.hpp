#pragma once

#include <string>
#include <string_view>

namespace codeflix::identity::app {

/// `bytes` random bytes from the OS CSPRNG, base64url without padding (codes, session cookies,
/// CSRF tokens, generated passwords).
std::string random_token(std::size_t bytes = 32);

/// SHA-256 of `text`, base64url without padding: what is stored instead of a bearer secret.
std::string sha256_base64url(std::string_view text);

/// Constant-time comparison (libsodium), for secrets.
bool secure_equals(std::string_view a, std::string_view b);

/// The argon2id password hashes of libsodium, with the OWASP parameters (19 MiB, 2 passes,
/// parallelism 1), in the PHC string format that records them.
std::string hash_password(std::string_view password);
bool verify_password(std::string_view hash, std::string_view password);
/// True when `hash` was made with other parameters than today's (upgrade it at the next login).
bool password_needs_rehash(std::string_view hash);
/// Spends the time of one verification, for unknown or locked accounts, so timing does not tell
/// whether an account exists.
void spend_password_time(std::string_view password);

}  // namespace codeflix::identity::app
