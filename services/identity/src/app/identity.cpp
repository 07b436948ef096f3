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

namespace codeflix::identity::app {
namespace {

using repositories::AddressRecord;
using repositories::AddressRepository;
using repositories::CodeRecord;
using repositories::CodeRepository;
using repositories::OutboxRepository;
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

boost::json::array to_array(const std::vector<std::string>& values) {
    boost::json::array out;
    for (const auto& v : values) out.emplace_back(v);
    return out;
}

std::string now_text() { return core::to_rfc3339(core::now()); }

core::Error not_found() { return core::Error::not_found("No user with this id"); }

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

// ---------------------------------------------------------------------------------- accounts

core::Result<UserRecord> IdentityService::register_user(std::string_view email_text,
                                                        std::string_view display_name_text,
                                                        std::string_view password_text,
                                                        std::vector<std::string> roles) {
    std::vector<core::FieldError> errors;
    auto email = domain::parse_email(email_text);
    if (!email)
        errors.insert(errors.end(), email.error().fields.begin(), email.error().fields.end());
    auto name = domain::parse_display_name(display_name_text);
    if (!name) errors.insert(errors.end(), name.error().fields.begin(), name.error().fields.end());
    std::optional<std::string> password;
    if (email) {
        auto checked = domain::check_new_password(password_text, *email, common_passwords_);
        if (checked)
            password = std::move(*checked);
        else
            errors.insert(errors.end(), checked.error().fields.begin(),
                          checked.error().fields.end());
    }
    if (!errors.empty()) return core::Error::invalid("The registration has invalid fields", errors);

    UserRecord user;
    user.id = core::new_uuid_v7();
    user.email = email->value;
    user.email_key = email->key;
    user.display_name = *name;
    user.search_key = core::search_fold(*name);
    user.password_hash = hash_password(*password);
    user.created_at = user.updated_at = now_text();
    roles.insert(roles.begin(), std::string(domain::kUserRole));
    for (const auto& role : roles) {
        if (std::find(user.roles.begin(), user.roles.end(), role) == user.roles.end())
            user.roles.push_back(role);
    }
    std::sort(user.roles.begin(), user.roles.end());
    bool inserted = database_.transaction([&](soci::session& session) {
        if (!UserRepository::insert(session, user)) return false;
        boost::json::object data{{"id", user.id},
                                 {"email", user.email},
                                 {"display_name", user.display_name},
                                 {"roles", to_array(user.roles)},
                                 {"version", 1},
                                 {"created_at", user.created_at}};
        boost::json::object event{{"specversion", "1.0"},
                                  {"id", core::new_uuid_v7()},
                                  {"source", "/identity"},
                                  {"type", "codeflix.identity.user.registered.v1"},
                                  {"time", user.created_at},
                                  {"subject", user.id},
                                  {"datacontenttype", "application/json"},
                                  {"data", data}};
        OutboxRepository::insert(session, event.at("id").as_string().c_str(), "user", user.id,
                                 "codeflix.identity.user.registered.v1",
                                 boost::json::serialize(event), user.created_at);
        return true;
    });
    if (!inserted) {
        // Registration cannot hide an existing account without email verification (ADR 0010).
        return core::Error::conflict("An account with this email address already exists",
                                     {{"email", "is already registered"}});
    }
    log::info("user registered", {{"user_id", user.id}});
    return user;
}

core::Result<UserRecord> IdentityService::ensure_user(std::string_view email_text,
                                                      std::string_view display_name,
                                                      std::string_view password,
                                                      const std::vector<std::string>& roles) {
    auto created = register_user(email_text, display_name, password, roles);
    if (created || created.error().code != core::ErrorCode::conflict) return created;
    auto email = domain::parse_email(email_text);
    auto checked = domain::check_new_password(password, *email, common_passwords_);
    if (!checked) return checked.error();
    std::string hash = hash_password(*checked);
    return database_.transaction([&](soci::session& session) -> core::Result<UserRecord> {
        auto user = UserRepository::find_by_email_key(session, email->key, true);
        if (!user) return not_found();
        UserRepository::set_password_hash(session, user->id, hash);
        for (const auto& role : roles) UserRepository::add_role(session, user->id, role);
        UserRepository::set_enabled(session, user->id, true, now_text());
        return *UserRepository::find_by_id(session, user->id);
    });
}

void IdentityService::record_address_failure(soci::session& session, const std::string& address,
                                             std::int64_t now) {
    AddressRepository::ensure(session, address, now);
    auto record = AddressRepository::find(session, address, true);
    if (!record) return;
    if (now - record->window_started_at > settings_.address.window_seconds) {
        record->failures = 0;
        record->window_started_at = now;
    }
    record->failures += 1;
    std::int64_t block = settings_.address.block_seconds(record->failures);
    if (block > 0) record->blocked_until = now + block;
    AddressRepository::save(session, *record);
}

LoginOutcome IdentityService::login(std::string_view email_text, std::string_view password_text,
                                    const std::string& address) {
    std::int64_t now = clock_();
    auto blocked = database_.with_session([&](soci::session& session) {
        auto record = AddressRepository::find(session, address, false);
        return record && record->blocked_until > now ? record->blocked_until - now : 0;
    });
    if (blocked > 0) {
        log::info("login refused: address slowed down", {{"retry_after", blocked}});
        return {std::nullopt, blocked};
    }
    auto email = domain::parse_email(email_text);
    auto password = domain::normalize_login_password(password_text);
    std::optional<UserRecord> user;
    if (email && password) {
        user = database_.with_session([&](soci::session& session) {
            return UserRepository::find_by_email_key(session, email->key);
        });
    }
    bool usable = user && user->enabled && user->locked_until <= now;
    bool good = false;
    if (usable) {
        good = verify_password(user->password_hash, *password);
    } else {
        // The same work as a real check, whether the account is unknown, locked or disabled.
        spend_password_time(password ? *password : std::string(password_text.substr(0, 512)));
    }
    if (good) {
        bool rehash = password_needs_rehash(user->password_hash);
        std::string new_hash = rehash ? hash_password(*password) : std::string();
        database_.transaction([&](soci::session& session) {
            UserRepository::set_login_state(session, user->id, 0, 0);
            if (rehash) UserRepository::set_password_hash(session, user->id, new_hash);
            return true;
        });
        return {user, 0};
    }
    database_.transaction([&](soci::session& session) {
        record_address_failure(session, address, now);
        if (!user || !user->enabled) return true;
        auto current = UserRepository::find_by_id(session, user->id, true);
        if (!current || current->locked_until > now) return true;  // locked: no new count
        std::int64_t failures = current->failed_logins + 1;
        std::int64_t lock = settings_.lockout.lock_seconds(failures);
        UserRepository::set_login_state(session, user->id, failures, lock > 0 ? now + lock : 0);
        if (lock > 0) {
            log::warn("account locked after failed logins",
                      {{"user_id", user->id}, {"failures", failures}, {"seconds", lock}});
        }
        return true;
    });
    return {std::nullopt, 0};
}

// ---------------------------------------------------------------------------------- sessions

std::string IdentityService::start_session(const UserRecord& user, SessionRecord* started) {
    std::string cookie = random_token();
    std::int64_t now = clock_();
    SessionRecord record{core::new_uuid_v7(), sha256_base64url(cookie), user.id, now,
                         now + settings_.session_max_seconds};
    database_.transaction([&](soci::session& session) {
        SessionRepository::insert(session, record);
        return true;
    });
    if (started) *started = record;
    return cookie;
}

std::optional<BrowserSession> IdentityService::find_session(std::string_view cookie) {
    if (cookie.empty() || cookie.size() > 128) return std::nullopt;
    std::int64_t now = clock_();
    return database_.with_session([&](soci::session& session) -> std::optional<BrowserSession> {
        auto record = SessionRepository::find_live(session, sha256_base64url(cookie), now);
        if (!record) return std::nullopt;
        auto user = UserRepository::find_by_id(session, record->user_id);
        if (!user || !user->enabled) return std::nullopt;
        return BrowserSession{*record, *user};
    });
}

void IdentityService::end_session(const std::string& session_id) {
    std::int64_t now = clock_();
    database_.transaction([&](soci::session& session) {
        SessionRepository::end(session, session_id, now);
        RefreshRepository::revoke_session(session, session_id, now);
        return true;
    });
    log::info("session ended", {{"session_id", session_id}});
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
    record.expires_at = clock_() + settings_.code_seconds;
    database_.transaction([&](soci::session& session) {
        CodeRepository::insert(session, record);
        return true;
    });
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

// ---------------------------------------------------------------------------------- administration

UserPage IdentityService::list_users(const repositories::UserFilter& filter) {
    return database_.with_session([&](soci::session& session) {
        return UserPage{UserRepository::list(session, filter),
                        UserRepository::count(session, filter)};
    });
}

core::Result<UserRecord> IdentityService::get_user(const std::string& id) {
    auto user = database_.with_session(
        [&](soci::session& session) { return UserRepository::find_by_id(session, id); });
    if (!user) return not_found();
    return *user;
}

core::Result<UserRecord> IdentityService::set_enabled(const std::string& id, bool enabled) {
    std::int64_t now = clock_();
    auto result = database_.transaction([&](soci::session& session) -> core::Result<UserRecord> {
        auto user = UserRepository::find_by_id(session, id, true);
        if (!user) return not_found();
        if (user->enabled == enabled) return *user;
        UserRepository::set_enabled(session, id, enabled, now_text());
        if (!enabled) {
            // A disabled account loses its logins at once; its access tokens expire within 5 min.
            SessionRepository::end_all_of_user(session, id, now);
            RefreshRepository::revoke_user(session, id, now);
        }
        return *UserRepository::find_by_id(session, id);
    });
    if (result) log::info(enabled ? "user enabled" : "user disabled", {{"user_id", id}});
    return result;
}

core::Result<UserRecord> IdentityService::grant_role(const std::string& id,
                                                     const std::string& role) {
    if (!domain::is_known_role(role)) return core::Error::not_found("No role called " + role);
    return database_.transaction([&](soci::session& session) -> core::Result<UserRecord> {
        auto user = UserRepository::find_by_id(session, id, true);
        if (!user) return not_found();
        if (std::find(user->roles.begin(), user->roles.end(), role) != user->roles.end())
            return *user;
        UserRepository::add_role(session, id, role);
        UserRepository::touch(session, id, now_text());
        return *UserRepository::find_by_id(session, id);
    });
}

core::Result<UserRecord> IdentityService::revoke_role(const std::string& id,
                                                      const std::string& role) {
    if (!domain::is_known_role(role)) return core::Error::not_found("No role called " + role);
    if (role == domain::kUserRole)
        return core::Error::conflict("Every account keeps the role user");
    return database_.transaction([&](soci::session& session) -> core::Result<UserRecord> {
        auto user = UserRepository::find_by_id(session, id, true);
        if (!user) return not_found();
        if (std::find(user->roles.begin(), user->roles.end(), role) == user->roles.end())
            return *user;
        UserRepository::remove_role(session, id, role);
        UserRepository::touch(session, id, now_text());
        return *UserRepository::find_by_id(session, id);
    });
}

void IdentityService::prune() {
    std::int64_t cutoff = clock_() - 3600;
    database_.transaction([&](soci::session& session) {
        CodeRepository::prune(session, cutoff);
        RefreshRepository::prune(session, cutoff);
        return true;
    });
}

}  // namespace codeflix::identity::app
