#include <boost/json/object.hpp>
#include <codeflix/auth/token.hpp>
#include <codeflix/core/base64.hpp>
#include <codeflix/core/json.hpp>

namespace codeflix::auth {
namespace {

core::Error refused(std::string why) {
    return {core::ErrorCode::unauthenticated, std::move(why), {}};
}

std::string text(const boost::json::object& object, std::string_view name) {
    return core::string_member(object, name).value_or("");
}

/// A NumericDate claim; nullopt when absent, -1 when present but not a number.
std::optional<std::int64_t> numeric_date(const boost::json::object& object, std::string_view name) {
    const auto* value = object.if_contains(name);
    if (!value) return std::nullopt;
    if (value->is_int64()) return value->get_int64();
    if (value->is_uint64() && value->get_uint64() < static_cast<std::uint64_t>(INT64_MAX)) {
        return static_cast<std::int64_t>(value->get_uint64());
    }
    if (value->is_double()) return static_cast<std::int64_t>(value->get_double());
    return -1;
}

std::vector<std::string> strings(const boost::json::value* value) {
    std::vector<std::string> out;
    if (!value) return out;
    if (value->is_string()) out.emplace_back(value->get_string());
    if (value->is_array()) {
        for (const auto& item : value->get_array()) {
            if (item.is_string()) out.emplace_back(item.get_string());
        }
    }
    return out;
}

core::Result<boost::json::object> decode_object(std::string_view part, std::string_view what) {
    auto bytes = core::base64url_decode(part);
    if (!bytes) return refused(std::string(what) + " is not base64url");
    auto json = core::parse_json(*bytes, 8);
    if (!json || !json->is_object()) return refused(std::string(what) + " is not a JSON object");
    return std::move(json->get_object());
}

}  // namespace

bool Claims::has_role(std::string_view role) const {
    for (const auto& r : roles) {
        if (r == role) return true;
    }
    return false;
}

TokenVerifier::TokenVerifier(VerifyOptions options, std::shared_ptr<KeySource> keys)
    : options_(std::move(options)), keys_(std::move(keys)) {}

core::Result<Claims> TokenVerifier::verify(std::string_view token, core::TimePoint now) const {
    if (token.empty() || token.size() > options_.max_token_bytes)
        return refused("token is empty or too large");
    auto first_dot = token.find('.');
    auto second_dot =
        first_dot == std::string_view::npos ? first_dot : token.find('.', first_dot + 1);
    if (second_dot == std::string_view::npos ||
        token.find('.', second_dot + 1) != std::string_view::npos) {
        return refused("token is not a compact JWS");
    }
    auto header = decode_object(token.substr(0, first_dot), "header");
    if (!header) return header.error();
    if (text(*header, "alg") != "RS256") return refused("algorithm is not RS256");
    if (header->contains("crit")) return refused("unsupported critical header");
    std::string kid = text(*header, "kid");
    if (kid.empty()) return refused("token has no kid");

    auto signature = core::base64url_decode(token.substr(second_dot + 1));
    if (!signature || signature->empty()) return refused("signature is not base64url");
    auto key = keys_->find(kid);
    if (!key) return refused("no key with this kid");
    if (!key->verify_rs256(token.substr(0, second_dot), *signature))
        return refused("bad signature");

    auto payload =
        decode_object(token.substr(first_dot + 1, second_dot - first_dot - 1), "payload");
    if (!payload) return payload.error();
    const auto& p = *payload;
    Claims claims;
    claims.subject = text(p, "sub");
    claims.issuer = text(p, "iss");
    claims.audience = strings(p.if_contains("aud"));
    claims.authorized_party = text(p, "azp");
    claims.token_id = text(p, "jti");
    claims.email = text(p, "email");
    claims.name = text(p, "name");
    claims.preferred_username = text(p, "preferred_username");
    claims.session_id = text(p, "sid");
    claims.scope = text(p, "scope");
    claims.type = text(p, "typ");
    if (const auto* realm = p.if_contains("realm_access"); realm && realm->is_object()) {
        claims.roles = strings(realm->get_object().if_contains("roles"));
    }

    if (claims.issuer != options_.issuer) return refused("wrong issuer");
    bool audience_ok = claims.authorized_party == options_.audience;
    for (const auto& aud : claims.audience) audience_ok = audience_ok || aud == options_.audience;
    if (options_.check_audience && !audience_ok) return refused("wrong audience");
    bool type_ok =
        claims.type == options_.type || (claims.type.empty() && options_.type == "Bearer");
    if (!type_ok) return refused("not a token of type " + options_.type);

    auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    auto leeway = options_.leeway.count();
    auto exp = numeric_date(p, "exp");
    if (!exp || *exp < 0) return refused("token has no valid exp");
    if (seconds > *exp + leeway) return refused("token expired");
    if (auto nbf = numeric_date(p, "nbf"); nbf && (*nbf < 0 || seconds + leeway < *nbf))
        return refused("token not valid yet");
    auto iat = numeric_date(p, "iat");
    if (iat && (*iat < 0 || *iat > seconds + leeway)) return refused("token issued in the future");
    claims.expires_at = *exp;
    claims.issued_at = iat.value_or(0);
    if (claims.subject.empty()) return refused("token has no subject");
    return claims;
}

}  // namespace codeflix::auth
