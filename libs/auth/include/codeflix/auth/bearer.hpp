#pragma once

#include <codeflix/auth/token.hpp>
#include <codeflix/http/middleware.hpp>
#include <memory>
#include <string>
#include <vector>

namespace codeflix::auth {

/// Paths under `path_prefix` need a token carrying at least one of `any_of_roles` (empty: any
/// valid token).
struct AccessRule {
    std::string path_prefix;
    std::vector<std::string> any_of_roles;
};

struct BearerOptions {
    /// Paths anyone may call (health, readiness, metrics, public documents).
    std::vector<std::string> public_prefixes = {};
    /// Single routes anyone may call, as "METHOD /exact/path" (e.g. self-registration).
    std::vector<std::string> public_routes = {};
    /// Checked in order; the first rule whose prefix matches applies. A path that is not public
    /// and matches no rule still needs a valid token.
    std::vector<AccessRule> rules = {};
    /// Paths where a token is optional: a request without Authorization reaches the handler
    /// with no principal (the handler decides, e.g. 401 for a personal operation); one with a
    /// token has it verified (401 when invalid) and the rules applied.
    std::vector<std::string> optional_prefixes = {};
};

/// Answers 401 (with `WWW-Authenticate: Bearer ... error="invalid_token"`) without a valid
/// token and 403 (`error="insufficient_scope"`) without the role; otherwise sets
/// `request.principal` and calls the rest of the chain. CORS preflights pass through.
http::Middleware bearer(std::shared_ptr<const TokenVerifier> verifier, BearerOptions options);

}  // namespace codeflix::auth
