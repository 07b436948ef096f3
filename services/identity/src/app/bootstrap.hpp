#pragma once

#include <codeflix/db/migrations.hpp>
#include <codeflix/service/service.hpp>
#include <memory>
#include <vector>

#include "src/app/clients.hpp"
#include "src/app/identity.hpp"
#include "src/app/keys.hpp"
#include "src/domain/user.hpp"

namespace codeflix::identity::app {

/// The identity service's parts, built from its settings (CODEFLIX_IDENTITY_* or CODEFLIX_*):
/// OIDC_ISSUER (http://localhost:8080/realms/codeflix), CLIENTS_FILE (the built-in
/// services/identity/clients.json when unset), ACCESS_TOKEN_SECONDS (300),
/// REFRESH_IDLE_SECONDS (1800), SESSION_MAX_SECONDS (36000), CODE_SECONDS (60),
/// LOCKOUT_THRESHOLD (5), LOCKOUT_BASE_SECONDS (30), LOCKOUT_MAX_SECONDS (900),
/// ADDRESS_FAILURE_LIMIT (20), ADDRESS_WINDOW_SECONDS (900), ADDRESS_MAX_BLOCK_SECONDS (900),
/// TRUSTED_PROXIES (127.0.0.1,::1), KEY_CACHE_SECONDS (5).
struct Identity {
    ClientRegistry clients;
    std::unique_ptr<domain::CommonPasswords> common_passwords;
    std::shared_ptr<KeyStore> keys;
    std::unique_ptr<IdentityService> service;

    /// Builds everything, adds the routes, bearer checks and CORS origins to `service`.
    static std::unique_ptr<Identity> wire(service::Service& service, db::Database& database);
    /// Builds the parts on a database without an HTTP server (commands).
    static std::unique_ptr<Identity> build(const core::Config& config, db::Database& database);
};

/// `rotate-keys` (prints the new kid) and `ensure-admin EMAIL` (creates or updates the account
/// with every admin role and the password in CODEFLIX_ADMIN_PASSWORD). Returns the exit code.
int run_command(int argc, char** argv, const std::vector<db::Migration>& migrations);

}  // namespace codeflix::identity::app
