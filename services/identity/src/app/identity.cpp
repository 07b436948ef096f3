#include "identity.hpp"

#include <openssl/sha.h>

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <codeflix/auth/signing.hpp>
#include <codeflix/core/base64.hpp>
#include <codeflix/core/clock.hpp>
#include <codeflix/core/log.hpp>
#include <codeflix/core/text.hpp>
#include <codeflix/core/uuid.hpp>
#include <sstream>

#include "src/app/crypto.hpp"
#include "src/app/support.hpp"

namespace codeflix::identity::app {
namespace {

using repositories::CodeRecord;
using repositories::CodeRepository;
using repositories::RefreshRecord;
using repositories::RefreshRepository;
using repositories::SessionRepository;
using repositories::UserRepository;

const std::vector<std::string> kScopes = {"openid", "profile", "email"};

std::vector<std::string> split_scope(std::string_view scope) {
    std::vector<std::string> out;
    std::istringstream in{std::string(scope)};
    std::string word;
    while (in >> word) {
        if (std::find(out.begin(), out.end(), word) == out.end()) out.push_back(word);
    }
    return out;
}

bool has_scope(std::string_view scope, std::string_view word) {
    auto words = split_scope(scope);
    return std::find(words.begin(), words.end(), word) != words.end();
}

bool is_unreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

}  // namespace

bool is_valid_code_challenge(std::string_view challenge) {
    return challenge.size() == 43 && core::base64url_decode(challenge).has_value();
}

bool pkce_matches(std::string_view verifier, std::string_view challenge) {
    if (verifier.size() < 43 || verifier.size() > 128) return false;
    if (!std::all_of(verifier.begin(), verifier.end(), is_unreserved)) return false;
    return secure_equals(sha256_base64url(verifier), challenge);
}

IdentityService::IdentityService(db::Database& database, std::shared_ptr<KeyStore> keys,
                                 const ClientRegistry& clients,
                                 const domain::CommonPasswords& common_passwords, Settings settings,
                                 Clock clock)
    : database_(database),
      keys_(std::move(keys)),
      clients_(clients),
      common_passwords_(common_passwords),
      settings_(std::move(settings)),
      clock_(std::move(clock)) {
    auth::VerifyOptions refresh{settings_.issuer, settings_.issuer};
    refresh.type = "Refresh";
    refresh.leeway = std::chrono::seconds(0);
    refresh_verifier_ = std::make_shared<const auth::TokenVerifier>(refresh, keys_);
    auth::VerifyOptions access{settings_.issuer, ""};
    access.check_audience = false;
    any_access_verifier_ = std::make_shared<const auth::TokenVerifier>(access, keys_);
    auth::VerifyOptions hint{settings_.issuer, ""};
    hint.check_audience = false;
    hint.type = "ID";
    hint.leeway = std::chrono::seconds(settings_.session_max_seconds);
    id_hint_verifier_ = std::make_shared<const auth::TokenVerifier>(hint, keys_);
}

std::shared_ptr<const auth::TokenVerifier> IdentityService::access_verifier(
    std::string audience) const {
    return std::make_shared<const auth::TokenVerifier>(
        auth::VerifyOptions{settings_.issuer, std::move(audience)}, keys_);
}

// ---------------------------------------------------------------------------------- tokens

std::optional<std::string> IdentityService::check_scope(std::string_view requested) const {
    std::string granted;
    for (const auto& word : split_scope(requested)) {
        if (std::find(kScopes.begin(), kScopes.end(), word) == kScopes.end()) return std::nullopt;
        granted += (granted.empty() ? "" : " ") + word;
    }
    return granted;
}

std::string IdentityService::issue_code(const AuthorizationRequest& request,
                                        const BrowserSession& browser) {
    std::string code = random_token();
    CodeRecord record;
    record.code_hash = sha256_base64url(code);
    record.client_id = request.client->id;
    record.user_id = browser.user.id;
    record.session_id = browser.session.id;
    record.redirect_uri = request.redirect_uri;
    record.code_challenge = request.code_challenge;
    record.scope = request.scope;
    record.nonce = request.nonce;
    std::int64_t now = clock_();
    record.expires_at = now + settings_.code_seconds;
    database_.transaction([&](soci::session& session) {
        CodeRepository::insert(session, record);
        return true;
    });
    // Expired codes and refresh tokens are deleted by whichever copy gets here first each
    // ten minutes: a login is rare enough, and no background thread is needed.
    std::int64_t last = last_prune_.load();
    if (now - last >= 600 && last_prune_.compare_exchange_strong(last, now)) prune();
    return code;
}

TokenOutcome IdentityService::sign(TokenOutcome outcome) {
    if (!outcome.tokens || outcome.pending.empty()) return outcome;
    auto signer = keys_->active();
    boost::json::object header{{"alg", "RS256"}, {"typ", "JWT"}, {"kid", signer.kid}};
    for (const auto& token : outcome.pending)
        (*outcome.tokens)[token.field] = auth::sign_jwt(*signer.key, header, token.claims);
    outcome.pending.clear();
    return outcome;
}

TokenOutcome IdentityService::issue(soci::session& session, const Client& client,
                                    const Grant& grant, bool with_refresh) {
    std::int64_t now = clock_();
    TokenOutcome outcome;

    boost::json::object access{{"exp", now + settings_.access_token_seconds},
                               {"iat", now},
                               {"jti", core::new_uuid_v7()},
                               {"iss", settings_.issuer},
                               {"aud", to_array(client.audiences)},
                               {"sub", grant.subject},
                               {"typ", "Bearer"},
                               {"azp", client.id},
                               {"scope", grant.scope},
                               {"realm_access", {{"roles", to_array(grant.roles)}}}};
    if (!grant.session_id.empty()) {
        access["sid"] = grant.session_id;
        access["auth_time"] = grant.auth_time;
    }
    boost::json::object profile;
    if (grant.user) {
        profile["email"] = grant.user->email;
        profile["email_verified"] = false;
        profile["name"] = grant.user->display_name;
        profile["preferred_username"] = grant.user->email_key;
    } else {
        profile["preferred_username"] = grant.subject;
    }
    for (const auto& [k, v] : profile) access[k] = v;

    outcome.pending.push_back({"access_token", std::move(access)});
    boost::json::object response{{"expires_in", settings_.access_token_seconds},
                                 {"token_type", "Bearer"},
                                 {"not-before-policy", 0},
                                 {"scope", grant.scope}};
    if (!grant.session_id.empty()) response["session_state"] = grant.session_id;

    if (grant.user && has_scope(grant.scope, "openid")) {
        boost::json::object id{{"exp", now + settings_.access_token_seconds},
                               {"iat", now},
                               {"auth_time", grant.auth_time},
                               {"jti", core::new_uuid_v7()},
                               {"iss", settings_.issuer},
                               {"aud", client.id},
                               {"sub", grant.subject},
                               {"typ", "ID"},
                               {"azp", client.id},
                               {"sid", grant.session_id}};
        if (grant.nonce) id["nonce"] = *grant.nonce;
        for (const auto& [k, v] : profile) id[k] = v;
        outcome.pending.push_back({"id_token", std::move(id)});
    }
    if (with_refresh && grant.user) {
        RefreshRecord record;
        record.id = core::new_uuid_v7();
        record.family_id = grant.family_id.value_or(record.id);
        record.user_id = grant.user->id;
        record.client_id = client.id;
        record.session_id = grant.session_id;
        record.scope = grant.scope;
        record.expires_at =
            std::min(now + settings_.refresh_idle_seconds, grant.session_expires_at);
        RefreshRepository::insert(session, record);
        boost::json::object refresh{{"exp", record.expires_at}, {"iat", now},
                                    {"jti", record.id},         {"iss", settings_.issuer},
                                    {"aud", settings_.issuer},  {"sub", grant.subject},
                                    {"typ", "Refresh"},         {"azp", client.id},
                                    {"sid", grant.session_id},  {"scope", grant.scope}};
        outcome.pending.push_back({"refresh_token", std::move(refresh)});
        response["refresh_expires_in"] = record.expires_at - now;
    }
    outcome.tokens = std::move(response);
    return outcome;
}

TokenOutcome IdentityService::exchange_code(const Client& client, std::string_view code,
                                            std::string_view redirect_uri,
                                            std::string_view code_verifier) {
    if (code.empty() || code.size() > 128)
        return TokenOutcome::fail("invalid_grant", "The authorization code is invalid");
    std::int64_t now = clock_();
    std::string hash = sha256_base64url(code);
    return sign(database_.transaction([&](soci::session& session) -> TokenOutcome {
        auto record = CodeRepository::find(session, hash, true);
        if (!record)
            return TokenOutcome::fail("invalid_grant", "The authorization code is invalid");
        if (record->used_at) {
            // RFC 6749 §4.1.2: a code used twice revokes what it was exchanged for.
            if (record->family_id)
                RefreshRepository::revoke_family(session, *record->family_id, now);
            log::warn("authorization code reused; its tokens are revoked",
                      {{"client_id", record->client_id}});
            return TokenOutcome::fail("invalid_grant", "The authorization code was already used");
        }
        std::string family = core::new_uuid_v7();
        if (!CodeRepository::consume(session, hash, family, now))
            return TokenOutcome::fail("invalid_grant", "The authorization code was already used");
        if (record->expires_at <= now)
            return TokenOutcome::fail("invalid_grant", "The authorization code has expired");
        if (record->client_id != client.id)
            return TokenOutcome::fail("invalid_grant", "The code was issued to another client");
        if (record->redirect_uri != redirect_uri)
            return TokenOutcome::fail("invalid_grant", "redirect_uri does not match the request");
        if (record->code_challenge) {
            if (code_verifier.empty())
                return TokenOutcome::fail("invalid_grant", "code_verifier is required (PKCE)");
            if (!pkce_matches(code_verifier, *record->code_challenge))
                return TokenOutcome::fail("invalid_grant", "code_verifier does not match (PKCE)");
        } else if (!code_verifier.empty()) {
            return TokenOutcome::fail("invalid_grant", "No code_challenge was sent for this code");
        }
        auto browser = SessionRepository::find_live_by_id(session, record->session_id, now);
        auto user = UserRepository::find_by_id(session, record->user_id);
        if (!browser || !user || !user->enabled)
            return TokenOutcome::fail("invalid_grant", "The login behind this code has ended");
        Grant grant{user->id,           &*user,        user->roles, record->scope,      browser->id,
                    browser->auth_time, record->nonce, family,      browser->expires_at};
        return issue(session, client, grant, client.allows_grant("refresh_token"));
    }));
}

TokenOutcome IdentityService::refresh(const Client& client, std::string_view refresh_token,
                                      std::string_view scope) {
    auto claims = refresh_verifier_->verify(refresh_token);
    if (!claims)
        return TokenOutcome::fail("invalid_grant", "The refresh token is invalid or expired");
    if (claims->authorized_party != client.id)
        return TokenOutcome::fail("invalid_grant",
                                  "The refresh token was issued to another client");
    std::int64_t now = clock_();
    return sign(database_.transaction([&](soci::session& session) -> TokenOutcome {
        auto record = RefreshRepository::find(session, claims->token_id, true);
        if (!record || record->revoked_at)
            return TokenOutcome::fail("invalid_grant", "The refresh token has been revoked");
        if (record->used_at) {
            RefreshRepository::revoke_family(session, record->family_id, now);
            SessionRepository::end(session, record->session_id, now);
            log::warn("refresh token reused; its family is revoked",
                      {{"client_id", record->client_id}, {"user_id", record->user_id}});
            return TokenOutcome::fail("invalid_grant",
                                      "The refresh token was already used; the login is revoked");
        }
        if (!RefreshRepository::consume(session, record->id, now))
            return TokenOutcome::fail("invalid_grant", "The refresh token was already used");
        std::string granted = record->scope;
        if (!scope.empty()) {
            // A refresh may narrow the scope, never widen it.
            for (const auto& word : split_scope(scope)) {
                if (!has_scope(record->scope, word))
                    return TokenOutcome::fail("invalid_scope",
                                              "The scope exceeds the original grant");
            }
            auto narrowed = check_scope(scope);
            if (!narrowed) return TokenOutcome::fail("invalid_scope", "Unknown scope");
            granted = *narrowed;
        }
        auto browser = SessionRepository::find_live_by_id(session, record->session_id, now);
        auto user = UserRepository::find_by_id(session, record->user_id);
        if (!browser || !user || !user->enabled)
            return TokenOutcome::fail("invalid_grant", "The login behind this token has ended");
        Grant grant{user->id,           &*user,
                    user->roles,        granted,
                    browser->id,        browser->auth_time,
                    std::nullopt,       record->family_id,
                    browser->expires_at};
        return issue(session, client, grant, true);
    }));
}

TokenOutcome IdentityService::client_credentials(const Client& client, std::string_view scope) {
    auto granted = check_scope(scope);
    if (!granted) return TokenOutcome::fail("invalid_scope", "Unknown scope");
    return sign(database_.with_session([&](soci::session& session) -> TokenOutcome {
        Grant grant{"service-account-" + client.id, nullptr, client.service_roles, *granted};
        return issue(session, client, grant, false);
    }));
}

TokenOutcome IdentityService::password_grant(const Client& client, std::string_view username,
                                             std::string_view password, std::string_view scope,
                                             const std::string& address,
                                             std::int64_t* retry_after) {
    auto granted = check_scope(scope);
    if (!granted) return TokenOutcome::fail("invalid_scope", "Unknown scope");
    auto outcome = login(username, password, address);
    if (outcome.retry_after > 0) {
        *retry_after = outcome.retry_after;
        return TokenOutcome::fail("invalid_grant", "Too many failed logins; retry later", 429);
    }
    if (!outcome.user) return TokenOutcome::fail("invalid_grant", "Invalid user credentials");
    SessionRecord started;
    start_session(*outcome.user, &started);
    return sign(database_.transaction([&](soci::session& session) -> TokenOutcome {
        Grant grant{outcome.user->id, &*outcome.user, outcome.user->roles,
                    *granted,         started.id,     started.auth_time,
                    std::nullopt,     std::nullopt,   started.expires_at};
        return issue(session, client, grant, client.allows_grant("refresh_token"));
    }));
}

// ---------------------------------------------------------------------------------- introspection

boost::json::object IdentityService::introspect(std::string_view token) {
    std::int64_t now = clock_();
    if (auto refresh = refresh_verifier_->verify(token)) {
        auto record = database_.with_session([&](soci::session& session) {
            return RefreshRepository::find(session, refresh->token_id, false);
        });
        if (!record || record->used_at || record->revoked_at || record->expires_at <= now)
            return {{"active", false}};
        return {{"active", true},
                {"token_type", "Refresh"},
                {"client_id", refresh->authorized_party},
                {"sub", refresh->subject},
                {"scope", refresh->scope},
                {"exp", refresh->expires_at},
                {"iat", refresh->issued_at},
                {"iss", refresh->issuer},
                {"sid", refresh->session_id},
                {"jti", refresh->token_id}};
    }
    auto access = any_access_verifier_->verify(token);
    if (!access) return {{"active", false}};
    if (!access->session_id.empty()) {
        bool live = database_.with_session([&](soci::session& session) {
            return SessionRepository::find_live_by_id(session, access->session_id, now).has_value();
        });
        if (!live) return {{"active", false}};
    }
    return {{"active", true},
            {"token_type", "Bearer"},
            {"client_id", access->authorized_party},
            {"sub", access->subject},
            {"username", access->preferred_username},
            {"email", access->email},
            {"scope", access->scope},
            {"exp", access->expires_at},
            {"iat", access->issued_at},
            {"iss", access->issuer},
            {"aud", to_array(access->audience)},
            {"jti", access->token_id},
            {"realm_access", {{"roles", to_array(access->roles)}}}};
}

void IdentityService::revoke(const Client& client, std::string_view token) {
    auto claims = refresh_verifier_->verify(token);
    if (!claims || claims->authorized_party != client.id) return;  // RFC 7009: still 200
    std::int64_t now = clock_();
    database_.transaction([&](soci::session& session) {
        auto record = RefreshRepository::find(session, claims->token_id, true);
        if (record) RefreshRepository::revoke_family(session, record->family_id, now);
        return true;
    });
}

bool IdentityService::logout_with_refresh_token(const Client& client,
                                                std::string_view refresh_token) {
    auto claims = refresh_verifier_->verify(refresh_token);
    if (!claims || claims->authorized_party != client.id) return false;
    auto record = database_.with_session([&](soci::session& session) {
        return RefreshRepository::find(session, claims->token_id, false);
    });
    if (!record || record->revoked_at) return false;
    end_session(record->session_id);
    return true;
}

std::optional<auth::Claims> IdentityService::verify_id_token_hint(std::string_view id_token) {
    auto claims = id_hint_verifier_->verify(id_token);
    if (!claims) return std::nullopt;
    return *claims;
}

std::optional<std::pair<auth::Claims, UserRecord>> IdentityService::userinfo(
    std::string_view access_token) {
    auto claims = any_access_verifier_->verify(access_token);
    if (!claims) return std::nullopt;
    std::int64_t now = clock_();
    return database_.with_session(
        [&](soci::session& session) -> std::optional<std::pair<auth::Claims, UserRecord>> {
            auto user = UserRepository::find_by_id(session, claims->subject);
            if (!user || !user->enabled) return std::nullopt;
            if (!claims->session_id.empty() &&
                !SessionRepository::find_live_by_id(session, claims->session_id, now))
                return std::nullopt;
            return std::make_pair(*claims, *user);
        });
}

}  // namespace codeflix::identity::app
