#include "user.hpp"

#include <algorithm>
#include <codeflix/core/text.hpp>

namespace codeflix::identity::domain {
namespace {

using core::Error;
using core::FieldError;

bool is_atext(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    return std::string_view("!#$%&'*+/=?^_`{|}~-").find(c) != std::string_view::npos;
}

bool is_dot_atom(std::string_view text) {
    if (text.empty() || text.front() == '.' || text.back() == '.') return false;
    char previous = 0;
    for (char c : text) {
        if (c == '.' ? previous == '.' : !is_atext(c)) return false;
        previous = c;
    }
    return true;
}

bool is_dns_name(std::string_view text) {
    if (text.empty() || text.size() > 253 || text.find('.') == std::string_view::npos) return false;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = std::min(text.find('.', start), text.size());
        auto label = text.substr(start, end - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
            return false;
        for (char c : label) {
            bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-';
            if (!ok) return false;
        }
        start = end + 1;
    }
    return true;
}

Error field_error(std::string field, std::string message) {
    return Error::invalid("The request has invalid fields",
                          {FieldError{std::move(field), std::move(message)}});
}

}  // namespace

const std::vector<std::string>& known_roles() {
    static const std::vector<std::string> roles = {std::string(kUserRole), "catalog-admin",
                                                   "subscription-admin", "identity-admin"};
    return roles;
}

bool is_known_role(std::string_view role) {
    const auto& roles = known_roles();
    return std::find(roles.begin(), roles.end(), role) != roles.end();
}

core::Result<Email> parse_email(std::string_view text) {
    std::string_view trimmed = core::trim(text);
    if (trimmed.empty()) return field_error("email", "is required");
    if (trimmed.size() > kMaxEmailBytes || !core::is_valid_utf8(trimmed))
        return field_error("email", "must be a valid email address of at most 254 characters");
    auto at = trimmed.rfind('@');
    if (at == std::string_view::npos || at == 0 || at > 64 || !is_dot_atom(trimmed.substr(0, at)) ||
        !is_dns_name(trimmed.substr(at + 1))) {
        return field_error("email", "must be a valid email address");
    }
    std::string value(trimmed);
    return Email{value, core::casefold(value)};
}

core::Result<std::string> parse_display_name(std::string_view text) {
    if (!core::is_valid_utf8(text)) return field_error("display_name", "must be valid UTF-8");
    std::string name = core::normalize_nfc(core::trim(text));
    if (name.empty()) return field_error("display_name", "is required");
    if (core::utf8_length(name) > kMaxDisplayNameChars)
        return field_error("display_name", "must be at most 100 characters");
    if (core::has_control_characters(name, false))
        return field_error("display_name", "must not contain control characters");
    return name;
}

CommonPasswords::CommonPasswords(std::string_view list) {
    while (!list.empty()) {
        auto end = list.find('\n');
        auto line = list.substr(0, end);
        list = end == std::string_view::npos ? std::string_view() : list.substr(end + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!line.empty()) words_.insert(core::casefold(line));
    }
}

bool CommonPasswords::contains(std::string_view password) const {
    return words_.contains(core::casefold(password));
}

core::Result<std::string> normalize_login_password(std::string_view password) {
    if (password.empty()) return field_error("password", "is required");
    if (password.size() > kMaxPasswordChars * 4 || !core::is_valid_utf8(password))
        return field_error("password", "is not a valid password");
    return core::normalize_nfc(password);
}

core::Result<std::string> check_new_password(std::string_view password, const Email& email,
                                             const CommonPasswords& common) {
    if (password.empty()) return field_error("password", "is required");
    if (password.size() > kMaxPasswordChars * 4 || !core::is_valid_utf8(password))
        return field_error("password", "must be valid UTF-8 of at most 128 characters");
    std::string normalized = core::normalize_nfc(password);
    auto length = core::utf8_length(normalized);
    if (length < kMinPasswordChars || length > kMaxPasswordChars)
        return field_error("password", "must be 10 to 128 characters long");
    if (core::has_control_characters(normalized, false))
        return field_error("password", "must not contain control characters");
    std::string folded = core::casefold(normalized);
    if (folded == email.key || folded == email.key.substr(0, email.key.rfind('@')))
        return field_error("password", "must not be your email address");
    if (common.contains(normalized))
        return field_error("password", "is too common; choose a less predictable password");
    return normalized;
}

std::int64_t LockoutPolicy::lock_seconds(std::int64_t failures) const {
    if (failures < threshold) return 0;
    std::int64_t seconds = base_seconds;
    for (std::int64_t i = threshold; i < failures && seconds < max_seconds; ++i) seconds *= 2;
    return std::min(seconds, max_seconds);
}

std::int64_t AddressPolicy::block_seconds(std::int64_t failures) const {
    if (failures <= limit) return 0;
    std::int64_t seconds = 5;
    for (std::int64_t i = limit + 1; i < failures && seconds < max_block_seconds; ++i) seconds *= 2;
    return std::min(seconds, max_block_seconds);
}

}  // namespace codeflix::identity::domain
