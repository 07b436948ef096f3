#pragma once

#include <codeflix/core/result.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace codeflix::identity::domain {

/// Every registered account has `user`; the others are granted by an administrator.
inline constexpr std::string_view kUserRole = "user";
/// The roles an account can hold (Keycloak realm roles).
const std::vector<std::string>& known_roles();
bool is_known_role(std::string_view role);

inline constexpr std::size_t kMinPasswordChars = 10;
inline constexpr std::size_t kMaxPasswordChars = 128;
inline constexpr std::size_t kMaxEmailBytes = 254;
inline constexpr std::size_t kMaxDisplayNameChars = 100;

/// An email address: trimmed, `local@domain` with a dot-atom local part (1–64 characters) and a
/// DNS domain (ASCII labels). `key` is its case-folded form, unique among accounts.
struct Email {
    std::string value;
    std::string key;
};
core::Result<Email> parse_email(std::string_view text);

/// 1–100 characters after trimming, NFC, no control characters.
core::Result<std::string> parse_display_name(std::string_view text);

/// Passwords that are refused because they are common (case-insensitive), from the list shipped
/// with the service (data/common-passwords.txt).
class CommonPasswords {
  public:
    /// One password per line.
    explicit CommonPasswords(std::string_view list);
    bool contains(std::string_view password) const;
    std::size_t size() const { return words_.size(); }

  private:
    std::unordered_set<std::string> words_;
};

/// The password policy: 10–128 characters of valid UTF-8 without control characters, not the
/// email address or its local part, not a common password. Returns the password in NFC (what
/// is hashed), so the same password typed on another keyboard still matches.
core::Result<std::string> check_new_password(std::string_view password, const Email& email,
                                             const CommonPasswords& common);

/// A password as typed at login: NFC, or an error when it could never be valid (bad UTF-8,
/// over-long), so the hash is not computed for garbage.
core::Result<std::string> normalize_login_password(std::string_view password);

/// Account lockout after repeated failed logins: from `threshold` failures on, each failure
/// locks the account for base × 2^(failures − threshold), at most `max_seconds`.
struct LockoutPolicy {
    int threshold = 5;
    std::int64_t base_seconds = 30;
    std::int64_t max_seconds = 900;

    /// Seconds the account is locked after its `failures`-th consecutive failure (0: not locked).
    std::int64_t lock_seconds(std::int64_t failures) const;
};

/// Slowing down a source address: more than `limit` failed logins within `window_seconds`
/// block the address for 5 s, doubling with each further failure (at most `max_block_seconds`).
struct AddressPolicy {
    std::int64_t limit = 20;
    std::int64_t window_seconds = 900;
    std::int64_t max_block_seconds = 900;

    std::int64_t block_seconds(std::int64_t failures) const;
};

}  // namespace codeflix::identity::domain
