#pragma once

#include <boost/json/object.hpp>
#include <codeflix/core/result.hpp>
#include <codeflix/http/message.hpp>
#include <codeflix/http/router.hpp>
#include <string>

#include "../app/subscriptions.hpp"

namespace codeflix::subscription::http_api {

using http::Request;
using http::Response;

/// A UUID path parameter, or a 400 problem naming it.
core::Result<std::string> path_uuid(const Request& request, std::string_view name);

/// `handler` for signed-in callers only: 401 when the request carries no verified token (the
/// service runs without an issuer, CODEFLIX_OIDC_ISSUER unset).
http::Handler signed_in(http::Handler handler);

/// 201/200 with a JSON body.
Response json_response(int status, const boost::json::object& body);

/// The 402 problem of a payment the provider refused (or 503 when it could not be reached).
Response payment_problem(const app::Payment& payment);

/// Runs a money-moving write, after the caller has replayed any stored answer for its
/// Idempotency-Key (service::stored_answer) and checked the request: pays (outside any transaction,
/// idempotent at the provider by the request's fingerprint), records in a transaction with the key
/// stored, and refunds the payment when recording fails.
Response run_paid_write(
    db::Database& database, app::Subscriptions& subscriptions, const Request& request,
    const std::function<app::Payment(const std::string&)>& pay,
    const std::function<core::Result<Response>(soci::session&, const app::Payment&)>& record);

}  // namespace codeflix::subscription::http_api
