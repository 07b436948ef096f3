#include "support.hpp"

#include <openssl/evp.h>

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <charconv>
#include <codeflix/core/clock.hpp>
#include <codeflix/core/json.hpp>
#include <codeflix/core/log.hpp>
#include <codeflix/core/text.hpp>
#include <codeflix/core/uuid.hpp>
#include <codeflix/http/listing.hpp>
#include <codeflix/http/problem.hpp>

#include "../repositories/idempotency_repository.hpp"

namespace codeflix::catalog_admin::http_api {
namespace {

using http::to_int;

constexpr std::size_t kMaxIdempotencyKey = 255;

std::string sha256_hex(std::string_view data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < size; ++i) {
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 0xF];
    }
    return out;
}

bool valid_idempotency_key(std::string_view key) {
    if (key.empty() || key.size() > kMaxIdempotencyKey) return false;
    for (char c : key) {
        if (c < 0x21 || c > 0x7E) return false;
    }
    return true;
}

/// Checks one filter value; returns the normalised value or nullopt with an error added.
std::optional<std::string> filter_value(const repositories::FilterSpec& filter,
                                        std::string_view raw,
                                        std::vector<core::FieldError>& errors) {
    std::string name(filter.name);
    switch (filter.kind) {
        case repositories::FilterKind::uuid:
            if (auto id = core::canonical_uuid(raw)) return *id;
            errors.push_back({name, "must be a UUID"});
            return std::nullopt;
        case repositories::FilterKind::integer:
            if (auto n = to_int(raw); n && *n >= 0 && *n <= 9999) return std::to_string(*n);
            errors.push_back({name, "must be an integer between 0 and 9999"});
            return std::nullopt;
        case repositories::FilterKind::boolean:
            if (raw == "true" || raw == "1") return std::string("true");
            if (raw == "false" || raw == "0") return std::string("false");
            errors.push_back({name, "must be true or false"});
            return std::nullopt;
        case repositories::FilterKind::choice:
            for (auto choice : filter.choices) {
                if (choice == raw) return std::string(raw);
            }
            std::string list;
            for (auto choice : filter.choices)
                list += (list.empty() ? "" : ", ") + std::string(choice);
            errors.push_back({name, "must be one of " + list});
            return std::nullopt;
    }
    return std::nullopt;
}

Response replay(const repositories::StoredAnswer& answer) {
    Response response = Response::json(answer.status, answer.body);
    if (answer.location) response.headers.set("Location", *answer.location);
    if (answer.etag) response.headers.set("ETag", *answer.etag);
    response.headers.set("Idempotent-Replayed", "true");
    return response;
}

Response run_transaction(db::Database& database,
                         const std::function<core::Result<Response>(soci::session&)>& write) {
    try {
        auto result = database.transaction(write);
        return result ? std::move(*result) : http::problem(result.error());
    } catch (const soci::soci_error& e) {
        if (!db::is_unique_violation(e)) throw;
        return http::problem(
            409, "A conflicting record was written at the same time; reload and try again");
    }
}

}  // namespace

core::Result<std::string> path_id(const Request& request) {
    auto id = core::canonical_uuid(request.path_param("id"));
    if (!id)
        return core::Error::invalid("The id in the path is not a UUID", {{"id", "must be a UUID"}});
    return *id;
}

std::optional<std::int64_t> if_match_version(const Request& request) {
    auto header = request.header("If-Match");
    if (!header) return std::nullopt;
    std::string_view value = core::trim(*header);
    if (value == "*") return std::nullopt;
    if (value.starts_with("W/")) value.remove_prefix(2);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        if (auto version = to_int(value.substr(1, value.size() - 2)); version && *version > 0)
            return version;
    }
    return -1;  // a tag we never issued matches no version
}

std::string etag(std::int64_t version) { return "\"" + std::to_string(version) + "\""; }

core::Result<boost::json::object> json_object_body(const Request& request) {
    if (request.body.empty()) return core::Error::invalid("The request needs a JSON object body");
    auto parsed = core::parse_json(request.body);
    if (!parsed) return parsed.error();
    if (!parsed->is_object()) return core::Error::invalid("The request body must be a JSON object");
    return std::move(parsed->get_object());
}

core::Result<repositories::ListRequest> list_request(const Request& request,
                                                     const repositories::ListSpec& spec) {
    repositories::ListRequest list;
    std::vector<core::FieldError> errors;
    std::vector<std::string_view> sorts;
    for (const auto& [field, expression] : spec.sorts) sorts.push_back(field);
    http::read_page(request, sorts, list, errors);
    for (const auto& filter : spec.filters) {
        auto raw = request.query_param(filter.name);
        if (!raw) continue;
        if (auto value = filter_value(filter, *raw, errors))
            list.filters.emplace_back(filter.name, *value);
    }
    if (!errors.empty())
        return core::Error::invalid("The list parameters are invalid", std::move(errors));
    return list;
}

Response entity_response(int status, const boost::json::object& body, std::int64_t version) {
    Response response = Response::json(status, boost::json::serialize(body));
    response.headers.set("ETag", etag(version));
    return response;
}

Response run_write(db::Database& database, const Request& request,
                   const std::function<core::Result<Response>(soci::session&)>& write) {
    auto key = request.header("Idempotency-Key");
    if (!key || request.method != "POST") return run_transaction(database, write);
    if (!valid_idempotency_key(*key)) {
        return http::problem(400, "Idempotency-Key must be 1 to 255 visible ASCII characters",
                             {{"Idempotency-Key", "is malformed"}});
    }
    std::string scope = request.method + " " + request.path;
    std::string key_text(*key);
    std::string hash = sha256_hex(request.body);
    repositories::IdempotencyRepository answers;
    auto answer_for_existing = [&](const repositories::StoredAnswer& stored) {
        if (stored.request_hash != hash) {
            return http::problem(422,
                                 "This Idempotency-Key was used with a different request body");
        }
        return replay(stored);
    };
    Response response =
        run_transaction(database, [&](soci::session& session) -> core::Result<Response> {
            if (auto stored = answers.find(session, scope, key_text))
                return answer_for_existing(*stored);
            auto result = write(session);
            if (!result) return result.error();
            if (result->status >= 200 && result->status < 300) {
                auto header = [&](std::string_view name) -> std::optional<std::string> {
                    if (auto value = result->headers.get(name)) return std::string(*value);
                    return std::nullopt;
                };
                repositories::StoredAnswer stored{hash, result->status, header("Location"),
                                                  header("ETag"), result->body};
                answers.insert(session, scope, key_text, stored, core::to_rfc3339(core::now()));
            }
            return result;
        });
    if (response.status == 409) {
        // Another request with the same key may have committed first (PostgreSQL); answer as it
        // did.
        auto stored = database.with_session(
            [&](soci::session& session) { return answers.find(session, scope, key_text); });
        if (stored) return answer_for_existing(*stored);
    }
    return response;
}

}  // namespace codeflix::catalog_admin::http_api
