#pragma once

#include <codeflix/core/result.hpp>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace codeflix::identity::app {

/// An OAuth client, as configured in the clients file (Keycloak's client settings).
struct Client {
    std::string id;
    bool confidential = false;
    /// Confidential clients: the secret, read from the environment variable the file names.
    std::string secret;
    std::vector<std::string> redirect_uris;
    std::vector<std::string> post_logout_redirect_uris;
    /// Origins a browser may call the token, userinfo, revoke and logout endpoints from (CORS).
    std::vector<std::string> web_origins;
    std::vector<std::string> grant_types;
    /// The `aud` of this client's access tokens: the services they are meant for.
    std::vector<std::string> audiences;
    /// Realm roles of the client's service account (client credentials grant).
    std::vector<std::string> service_roles;

    bool allows_grant(std::string_view grant) const;
    bool has_redirect_uri(std::string_view uri) const;
    bool has_post_logout_redirect_uri(std::string_view uri) const;
    bool has_web_origin(std::string_view origin) const;
};

/// The clients file: `{"clients": [{"client_id", "type": "public"|"confidential",
/// "secret_env", "redirect_uris", "post_logout_redirect_uris", "web_origins", "grant_types",
/// "audiences", "service_roles"}]}`. Every mistake in it stops the service at start-up with a
/// core::ConfigError naming the client and field. A confidential client whose secret variable
/// is unset is left out, with a warning.
class ClientRegistry {
  public:
    static ClientRegistry from_json(
        std::string_view json,
        const std::function<std::optional<std::string>(const std::string&)>& getenv_fn);
    /// Secrets from the process environment.
    static ClientRegistry from_json(std::string_view json);
    static ClientRegistry from_file(const std::string& path);

    const Client* find(std::string_view client_id) const;
    /// Every web origin of every client (the CORS allow-list).
    std::vector<std::string> all_web_origins() const;
    std::size_t size() const { return clients_.size(); }

  private:
    std::map<std::string, Client, std::less<>> clients_;
};

}  // namespace codeflix::identity::app
