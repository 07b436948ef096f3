#include "clients.hpp"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <codeflix/core/config.hpp>
#include <codeflix/core/json.hpp>
#include <codeflix/core/log.hpp>
#include <codeflix/http/forms.hpp>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>

namespace codeflix::identity::app {
namespace {

bool contains(const std::vector<std::string>& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

[[noreturn]] void fail(const std::string& client, const std::string& message) {
    throw core::ConfigError("clients file: client \"" + client + "\": " + message);
}

std::vector<std::string> strings(const boost::json::object& object, std::string_view field,
                                 const std::string& client) {
    std::vector<std::string> out;
    const auto* value = object.if_contains(field);
    if (!value) return out;
    if (!value->is_array()) fail(client, std::string(field) + " must be an array of strings");
    for (const auto& item : value->as_array()) {
        if (!item.is_string()) fail(client, std::string(field) + " must be an array of strings");
        out.emplace_back(item.as_string());
    }
    return out;
}

const std::vector<std::string> kGrants = {"authorization_code", "refresh_token",
                                          "client_credentials", "password"};
const std::vector<std::string> kFields = {
    "client_id",   "type",        "secret_env", "redirect_uris", "post_logout_redirect_uris",
    "web_origins", "grant_types", "audiences",  "service_roles", "description"};

}  // namespace

bool Client::allows_grant(std::string_view grant) const { return contains(grant_types, grant); }
bool Client::has_redirect_uri(std::string_view uri) const { return contains(redirect_uris, uri); }
bool Client::has_post_logout_redirect_uri(std::string_view uri) const {
    return contains(post_logout_redirect_uris, uri);
}
bool Client::has_web_origin(std::string_view origin) const { return contains(web_origins, origin); }

ClientRegistry ClientRegistry::from_json(
    std::string_view json,
    const std::function<std::optional<std::string>(const std::string&)>& getenv_fn) {
    auto parsed = core::parse_json(json);
    if (!parsed || !parsed->is_object() || !parsed->as_object().contains("clients") ||
        !parsed->as_object().at("clients").is_array()) {
        throw core::ConfigError("clients file: must be a JSON object with a \"clients\" array");
    }
    ClientRegistry registry;
    for (const auto& item : parsed->as_object().at("clients").as_array()) {
        if (!item.is_object()) throw core::ConfigError("clients file: every client is an object");
        const auto& object = item.as_object();
        auto id = core::string_member(object, "client_id").value_or("");
        if (id.empty()) throw core::ConfigError("clients file: a client has no client_id");
        for (const auto& member : object) {
            if (!contains(kFields, member.key()))
                fail(id, "unknown field " + std::string(member.key()));
        }
        Client client;
        client.id = id;
        auto type = core::string_member(object, "type").value_or("");
        if (type != "public" && type != "confidential")
            fail(id, "type must be \"public\" or \"confidential\"");
        client.confidential = type == "confidential";
        client.redirect_uris = strings(object, "redirect_uris", id);
        client.post_logout_redirect_uris = strings(object, "post_logout_redirect_uris", id);
        client.web_origins = strings(object, "web_origins", id);
        client.grant_types = strings(object, "grant_types", id);
        client.audiences = strings(object, "audiences", id);
        client.service_roles = strings(object, "service_roles", id);
        for (const auto& grant : client.grant_types) {
            if (!contains(kGrants, grant)) fail(id, "unknown grant type " + grant);
        }
        for (const auto& uri : client.redirect_uris) {
            if (!http::is_absolute_http_uri(uri)) fail(id, "redirect URI is not absolute: " + uri);
        }
        for (const auto& uri : client.post_logout_redirect_uris) {
            if (!http::is_absolute_http_uri(uri))
                fail(id, "post-logout redirect URI is not absolute: " + uri);
        }
        if (client.allows_grant("authorization_code") && client.redirect_uris.empty())
            fail(id, "the authorization_code grant needs redirect_uris");
        if (client.allows_grant("client_credentials") && !client.confidential)
            fail(id, "only confidential clients may use client_credentials");
        if (client.confidential) {
            auto env = core::string_member(object, "secret_env").value_or("");
            if (env.empty()) fail(id, "a confidential client needs secret_env");
            auto secret = getenv_fn(env);
            if (!secret || secret->empty()) {
                log::warn("confidential client disabled: its secret variable is not set",
                          {{"client_id", id}, {"variable", env}});
                continue;
            }
            if (secret->size() < 16)
                fail(id, "the secret in " + env + " must have 16 characters or more");
            client.secret = *secret;
        }
        if (!registry.clients_.emplace(id, std::move(client)).second) fail(id, "defined twice");
    }
    return registry;
}

ClientRegistry ClientRegistry::from_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw core::ConfigError("clients file: cannot read " + path);
    std::stringstream text;
    text << in.rdbuf();
    return from_json(text.str());
}

ClientRegistry ClientRegistry::from_json(std::string_view json) {
    return from_json(json, [](const std::string& name) -> std::optional<std::string> {
        const char* value = std::getenv(name.c_str());
        if (!value) return std::nullopt;
        return std::string(value);
    });
}

const Client* ClientRegistry::find(std::string_view client_id) const {
    auto it = clients_.find(client_id);
    return it == clients_.end() ? nullptr : &it->second;
}

std::vector<std::string> ClientRegistry::all_web_origins() const {
    std::vector<std::string> out;
    for (const auto& [id, client] : clients_) {
        for (const auto& origin : client.web_origins) {
            if (!contains(out, origin)) out.push_back(origin);
        }
    }
    return out;
}

}  // namespace codeflix::identity::app
