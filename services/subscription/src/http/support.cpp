#include "support.hpp"

#include <boost/json/serialize.hpp>
#include <codeflix/core/uuid.hpp>
#include <codeflix/http/problem.hpp>
#include <codeflix/service/idempotency.hpp>

namespace codeflix::subscription::http_api {

core::Result<std::string> path_uuid(const Request& request, std::string_view name) {
    auto id = core::canonical_uuid(request.path_param(name));
    if (!id) {
        return core::Error::invalid("The " + std::string(name) + " in the path is not a UUID",
                                    {{std::string(name), "must be a UUID"}});
    }
    return *id;
}

http::Handler signed_in(http::Handler handler) {
    return [handler = std::move(handler)](Request& request) {
        if (!request.principal) {
            auto response = http::problem(401, "This needs a signed-in user's bearer token");
            response.headers.set("WWW-Authenticate", "Bearer realm=\"codeflix\"");
            return response;
        }
        return handler(request);
    };
}

Response json_response(int status, const boost::json::object& body) {
    Response response = Response::json(status, boost::json::serialize(body));
    response.headers.set("Cache-Control", "no-store");
    return response;
}

Response payment_problem(const app::Payment& payment) {
    if (payment.refunded) {
        return http::problem(409,
                             "The payment made under this Idempotency-Key was refunded when the "
                             "request failed; send the request again with a new Idempotency-Key");
    }
    if (payment.failure_message.empty()) {
        auto response =
            http::problem(503, "The payment provider cannot be reached; try again later");
        response.headers.set("Retry-After", "5");
        return response;
    }
    return http::problem_with(402, payment.failure_message + " Nothing was charged.",
                              {{"reason", "card_declined"}});
}

Response run_paid_write(
    db::Database& database, app::Subscriptions& subscriptions, const Request& request,
    const std::function<app::Payment(const std::string&)>& pay,
    const std::function<core::Result<Response>(soci::session&, const app::Payment&)>& record) {
    std::string key = service::idempotency_fingerprint(request);
    auto payment = pay(key);
    if (!payment.succeeded) return payment_problem(payment);
    Response response;
    try {
        response = service::run_write(
            database, request, [&](soci::session& session) { return record(session, payment); });
    } catch (...) {
        subscriptions.undo(payment, key);
        throw;
    }
    bool replayed = response.headers.get("Idempotent-Replayed").has_value();
    if ((response.status < 200 || response.status >= 300) && !replayed)
        subscriptions.undo(payment, key);
    return response;
}

}  // namespace codeflix::subscription::http_api
