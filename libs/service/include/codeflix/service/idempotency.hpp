#pragma once

#include <soci/soci.h>

#include <codeflix/core/result.hpp>
#include <codeflix/db/database.hpp>
#include <codeflix/http/message.hpp>
#include <functional>
#include <optional>
#include <string>

namespace codeflix::service {

/// Runs `write` in a transaction (rolled back unless it succeeds); a unique-index race becomes
/// 409. A POST carrying an `Idempotency-Key` runs once per key and caller (the token's subject,
/// the method and the path scope the key): the same key and body replay the first 2xx answer
/// (with `Idempotent-Replayed: true`), the same key with another body gets 422, a malformed key
/// 400. Failed answers are not stored, so a client may retry them with the same key. The
/// service's migrations hold the table:
///   idempotency_keys (scope TEXT, idempotency_key TEXT, request_hash TEXT, status INTEGER,
///                     location TEXT, etag TEXT, body TEXT, created_at TEXT,
///                     PRIMARY KEY (scope, idempotency_key))
http::Response run_write(db::Database& database, const http::Request& request,
                         const std::function<core::Result<http::Response>(soci::session&)>& write);

/// The stored answer to a POST's Idempotency-Key when there is one (a replay, or 422 for
/// another body, or 400 for a malformed key): work that must not run twice, such as a charge
/// made before run_write's transaction, checks it first.
std::optional<http::Response> stored_answer(db::Database& database, const http::Request& request);

/// A key that names this exact request of this caller (SHA-256 of subject, path, Idempotency-Key
/// and body) for passing idempotency on to a third party (a payment provider); a fresh random
/// one when the request has no Idempotency-Key.
std::string idempotency_fingerprint(const http::Request& request);

/// Deletes stored answers older than `before` (RFC 3339); returns how many.
std::int64_t prune_idempotency_keys(db::Database& database, const std::string& before);

}  // namespace codeflix::service
