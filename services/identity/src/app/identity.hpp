#pragma once

#include <atomic>
#include <boost/json/object.hpp>
#include <codeflix/auth/token.hpp>
#include <codeflix/core/result.hpp>
#include <codeflix/db/database.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "src/app/clients.hpp"
#include "src/app/keys.hpp"
#include "src/domain/user.hpp"
#include "src/repositories/token_repository.hpp"
#include "src/repositories/user_repository.hpp"

namespace codeflix::identity::app {

using repositories::SessionRecord;
using repositories::UserRecord;

struct Settings {
    std::string issuer;
    std::int64_t access_token_seconds = 300;
    std::int64_t refresh_idle_seconds = 1800;
    std::int64_t session_max_seconds = 36000;
    std::int64_t code_seconds = 60;
    domain::LockoutPolicy lockout;
    domain::AddressPolicy address;
};

/// An RFC 6749 error (`error`, `error_description`) with its HTTP status.
struct OAuthError {
    std::string code;
    std::string description;
    int status = 400;
};

/// Claims to sign into one field of a token response.
struct PendingToken {
    std::string field;
    boost::json::object claims;
};

/// Either a token response or an OAuth error.
struct TokenOutcome {
    std::optional<boost::json::object> tokens;
    OAuthError error;
    /// Signed into `tokens` after the database transaction commits, so RSA signing never holds
    /// the database's write lock.
    std::vector<PendingToken> pending = {};

    static TokenOutcome fail(std::string code, std::string description, int status = 400) {
        return {std::nullopt, {std::move(code), std::move(description), status}};
    }
};

/// A validated authorization request (the parameters of the auth endpoint).
struct AuthorizationRequest {
    const Client* client = nullptr;
    std::string redirect_uri;
    std::string scope;
    std::string state;
    std::optional<std::string> nonce;
    std::optional<std::string> code_challenge;
    std::string prompt;
};

/// How a password login went: the account, or why not (wrong credentials, and for how long the
/// source address must wait when it has failed too often).
struct LoginOutcome {
    std::optional<UserRecord> user;
    std::int64_t retry_after = 0;
};

struct BrowserSession {
    SessionRecord session;
    UserRecord user;
};

struct UserPage {
    std::vector<UserRecord> users;
    std::int64_t total = 0;
};

/// The identity provider's use cases: accounts, password logins with brute-force protection,
/// SSO sessions, authorization codes, the token grants and revocation, user administration.
class IdentityService {
  public:
    using Clock = std::function<std::int64_t()>;

    IdentityService(db::Database& database, std::shared_ptr<KeyStore> keys,
                    const ClientRegistry& clients, const domain::CommonPasswords& common_passwords,
                    Settings settings, Clock clock);

    const Settings& settings() const { return settings_; }
    const ClientRegistry& clients() const { return clients_; }
    boost::json::object jwks() { return keys_->jwks(); }

    // Accounts.
    core::Result<UserRecord> register_user(std::string_view email, std::string_view display_name,
                                           std::string_view password,
                                           std::vector<std::string> roles = {});
    /// Creates the account, or gives an existing one these roles and password (`./codeflix up`
    /// for the administrator).
    core::Result<UserRecord> ensure_user(std::string_view email, std::string_view display_name,
                                         std::string_view password,
                                         const std::vector<std::string>& roles);
    LoginOutcome login(std::string_view email, std::string_view password,
                       const std::string& address);

    // Browser sessions (the SSO cookie).
    std::string start_session(const UserRecord& user, SessionRecord* started = nullptr);
    std::optional<BrowserSession> find_session(std::string_view cookie);
    void end_session(const std::string& session_id);

    // Authorization code grant.
    std::string issue_code(const AuthorizationRequest& request, const BrowserSession& session);
    TokenOutcome exchange_code(const Client& client, std::string_view code,
                               std::string_view redirect_uri, std::string_view code_verifier);
    TokenOutcome refresh(const Client& client, std::string_view refresh_token,
                         std::string_view scope);
    TokenOutcome client_credentials(const Client& client, std::string_view scope);
    TokenOutcome password_grant(const Client& client, std::string_view username,
                                std::string_view password, std::string_view scope,
                                const std::string& address, std::int64_t* retry_after);

    /// RFC 7662: what the token says if it is one of ours and still good, else {active: false}.
    boost::json::object introspect(std::string_view token);
    /// RFC 7009: revokes a refresh token (and its family) of this client; access tokens expire.
    void revoke(const Client& client, std::string_view token);
    /// Ends the login a refresh token belongs to (Keycloak's logout with refresh_token).
    bool logout_with_refresh_token(const Client& client, std::string_view refresh_token);
    /// The session an ID token names (logout's id_token_hint).
    std::optional<auth::Claims> verify_id_token_hint(std::string_view id_token);

    /// Verifies an access token of any audience (userinfo); nullopt when invalid or the account
    /// is disabled.
    std::optional<std::pair<auth::Claims, UserRecord>> userinfo(std::string_view access_token);

    // Administration.
    UserPage list_users(const repositories::UserFilter& filter);
    core::Result<UserRecord> get_user(const std::string& id);
    core::Result<UserRecord> set_enabled(const std::string& id, bool enabled);
    core::Result<UserRecord> grant_role(const std::string& id, const std::string& role);
    core::Result<UserRecord> revoke_role(const std::string& id, const std::string& role);

    /// Deletes codes and refresh tokens that expired over an hour ago (issue_code runs it at
    /// most every ten minutes).
    void prune();

    std::shared_ptr<const auth::TokenVerifier> access_verifier(std::string audience) const;

    /// The scope granted for a request (openid, profile, email; duplicates dropped), or nullopt
    /// when it names another scope.
    std::optional<std::string> check_scope(std::string_view requested) const;

  private:
    struct Grant {
        std::string subject = {};
        const UserRecord* user = nullptr;
        std::vector<std::string> roles = {};
        std::string scope = {};
        std::string session_id = {};
        std::int64_t auth_time = 0;
        std::optional<std::string> nonce = {};
        std::optional<std::string> family_id = {};  ///< refresh tokens continue this family
        std::int64_t session_expires_at = 0;
    };
    /// The token response of a grant, its tokens' claims still unsigned (see sign()); records
    /// the refresh token when the grant gets one.
    TokenOutcome issue(soci::session& session, const Client& client, const Grant& grant,
                       bool with_refresh);
    /// Signs the pending tokens with the active key.
    TokenOutcome sign(TokenOutcome outcome);
    void record_address_failure(soci::session& session, const std::string& address,
                                std::int64_t now);

    db::Database& database_;
    std::shared_ptr<KeyStore> keys_;
    const ClientRegistry& clients_;
    const domain::CommonPasswords& common_passwords_;
    Settings settings_;
    Clock clock_;
    std::shared_ptr<const auth::TokenVerifier> refresh_verifier_;
    std::shared_ptr<const auth::TokenVerifier> any_access_verifier_;
    std::shared_ptr<const auth::TokenVerifier> id_hint_verifier_;
    std::atomic<std::int64_t> last_prune_{0};
};

/// The RFC 7636 S256 check: BASE64URL(SHA256(verifier)) == challenge, verifier 43–128
/// unreserved characters.
bool pkce_matches(std::string_view verifier, std::string_view challenge);
bool is_valid_code_challenge(std::string_view challenge);

}  // namespace codeflix::identity::app
