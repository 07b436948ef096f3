#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <codeflix/core/json.hpp>
#include <codeflix/core/uuid.hpp>
#include <codeflix/http/body.hpp>
#include <codeflix/http/listing.hpp>
#include <codeflix/http/problem.hpp>
#include <codeflix/http/versions.hpp>
#include <codeflix/service/idempotency.hpp>

#include "../repositories/customer_repository.hpp"
#include "../repositories/invoice_repository.hpp"
#include "../repositories/plan_repository.hpp"
#include "../repositories/subscription_repository.hpp"
#include "routes.hpp"
#include "support.hpp"

namespace codeflix::subscription::http_api {
namespace {

using repositories::CustomerRepository;
using repositories::InvoiceRepository;
using repositories::PlanRepository;
using repositories::SubscriptionRepository;

constexpr std::array<std::string_view, 6> kStatusFilters = {"none",     "trialing", "active",
                                                            "past_due", "canceled", "expired"};

Response plan_response(int status, const domain::Plan& plan) {
    auto response = json_response(status, domain::to_json(plan));
    response.headers.set("ETag", http::etag(plan.version));
    return response;
}

boost::json::object customer_json(const repositories::Customer& c) {
    return {{"user_id", c.user_id},
            {"email", c.email},
            {"display_name", c.display_name},
            {"registered_at", c.registered_at ? boost::json::value(*c.registered_at) : nullptr},
            {"created_at", c.created_at}};
}

core::Error name_conflict(const std::string& name) {
    return core::Error::conflict("A plan named " + name + " already exists",
                                 {{"name", "is taken by another plan"}});
}

std::string admin_of(const Request& request) {
    return request.principal ? request.principal->subject : std::string();
}

void add_plan_routes(http::Router& router, Api& api) {
    router.get("/api/subscription/admin/plans", [&api](Request& request) {
        http::Page page;
        std::vector<core::FieldError> errors;
        http::read_page(request, {"name", "price", "created_at"}, page, errors);
        if (!errors.empty()) return http::problem(400, "The list parameters are invalid", errors);
        std::int64_t total = 0;
        auto plans = api.database.with_session(
            [&](soci::session& session) { return PlanRepository::list(session, page, total); });
        boost::json::array data;
        for (const auto& plan : plans) data.push_back(domain::to_json(plan));
        return http::list_response(std::move(data), page, total);
    });
    router.post("/api/subscription/admin/plans", [&api](Request& request) {
        auto body = http::json_object_body(request);
        if (!body) return http::problem(body.error());
        auto input = domain::parse_plan(*body, true);
        if (!input) return http::problem(input.error());
        return service::run_write(
            api.database, request, [&](soci::session& session) -> core::Result<Response> {
                auto now = core::to_rfc3339(core::now());
                domain::Plan plan = domain::apply({}, *input);
                if (PlanRepository::name_taken(session, plan.name, ""))
                    return name_conflict(plan.name);
                plan.id = core::new_uuid_v7();
                plan.version = 1;
                plan.created_at = now;
                plan.updated_at = now;
                PlanRepository::insert(session, plan);
                auto response = plan_response(201, plan);
                response.headers.set("Location", "/api/subscription/admin/plans/" + plan.id);
                return response;
            });
    });
    router.get("/api/subscription/admin/plans/{id}", [&api](Request& request) {
        auto id = path_uuid(request, "id");
        if (!id) return http::problem(id.error());
        auto plan = api.database.with_session(
            [&](soci::session& session) { return PlanRepository::find(session, *id); });
        if (!plan) return http::problem(404, "There is no plan with this id");
        return plan_response(200, *plan);
    });
    router.patch("/api/subscription/admin/plans/{id}", [&api](Request& request) {
        auto id = path_uuid(request, "id");
        if (!id) return http::problem(id.error());
        auto body = http::json_object_body(request);
        if (!body) return http::problem(body.error());
        auto input = domain::parse_plan(*body, false);
        if (!input) return http::problem(input.error());
        auto expected = http::if_match_version(request);
        return service::run_write(
            api.database, request, [&](soci::session& session) -> core::Result<Response> {
                auto plan = PlanRepository::find(session, *id);
                if (!plan) return core::Error::not_found("There is no plan with this id");
                if (expected && *expected != plan->version)
                    return core::Error::precondition_failed(
                        "The plan was changed by someone else; reload it and try again");
                auto changed = domain::apply(*plan, *input);
                if (PlanRepository::name_taken(session, changed.name, changed.id))
                    return name_conflict(changed.name);
                changed.version = plan->version + 1;
                changed.updated_at = core::to_rfc3339(core::now());
                if (!PlanRepository::update(session, changed, plan->version))
                    return core::Error::conflict("The plan changed meanwhile; try again");
                return plan_response(200, changed);
            });
    });
}

void add_subscriber_routes(http::Router& router, Api& api) {
    router.get("/api/subscription/admin/subscribers", [&api](Request& request) {
        http::Page page;
        std::vector<core::FieldError> errors;
        http::read_page(request, {"created_at"}, page, errors);
        std::string status(request.query_param("status").value_or(""));
        if (!status.empty() &&
            std::find(kStatusFilters.begin(), kStatusFilters.end(), status) == kStatusFilters.end())
            errors.push_back(
                {"status", "must be one of none, trialing, active, past_due, canceled, expired"});
        if (!errors.empty()) return http::problem(400, "The list parameters are invalid", errors);
        std::int64_t total = 0;
        auto found = api.database.with_session([&](soci::session& session) {
            return CustomerRepository::subscribers(session, page, status, total);
        });
        boost::json::array data;
        for (const auto& s : found) {
            auto row = customer_json(s.customer);
            row["subscription"] = s.subscription_id
                                      ? boost::json::value(boost::json::object{
                                            {"id", *s.subscription_id},
                                            {"status", *s.status},
                                            {"plan_name", *s.plan_name},
                                            {"current_period_end", *s.current_period_end}})
                                      : boost::json::value(nullptr);
            data.push_back(std::move(row));
        }
        return http::list_response(std::move(data), page, total);
    });
    router.get("/api/subscription/admin/subscriptions/{id}", [&api](Request& request) {
        auto id = path_uuid(request, "id");
        if (!id) return http::problem(id.error());
        return api.database.with_session([&](soci::session& session) {
            auto s = SubscriptionRepository::find(session, *id);
            if (!s) return http::problem(404, "There is no subscription with this id");
            auto body = domain::to_json(*s);
            auto customer = CustomerRepository::find(session, s->user_id);
            body["customer"] = customer ? boost::json::value(customer_json(*customer)) : nullptr;
            boost::json::array history;
            for (const auto& entry : SubscriptionRepository::history(session, *id)) {
                auto detail = core::parse_json(entry.detail);
                history.push_back({{"at", entry.at},
                                   {"action", entry.action},
                                   {"detail", detail ? *detail : boost::json::object{}}});
            }
            body["history"] = std::move(history);
            boost::json::array invoices;
            for (const auto& invoice : InvoiceRepository::of_subscription(session, *id))
                invoices.push_back(domain::to_json(invoice));
            body["invoices"] = std::move(invoices);
            return json_response(200, body);
        });
    });
    router.get("/api/subscription/admin/users/{user_id}/subscriptions", [&api](Request& request) {
        std::string user_id(request.path_param("user_id"));
        auto all = api.database.with_session([&](soci::session& session) {
            return SubscriptionRepository::of_user(session, user_id);
        });
        boost::json::array data;
        for (const auto& s : all) data.push_back(domain::to_json(s));
        return json_response(200, {{"data", std::move(data)}});
    });
    router.post("/api/subscription/admin/subscriptions/{id}/cancel", [&api](Request& request) {
        auto id = path_uuid(request, "id");
        if (!id) return http::problem(id.error());
        auto response = service::run_write(
            api.database, request, [&](soci::session& session) -> core::Result<Response> {
                auto done = api.subscriptions.cancel_now(session, *id, admin_of(request));
                if (!done) return done.error();
                return json_response(200, domain::to_json(*done));
            });
        api.written();
        return response;
    });
    router.post("/api/subscription/admin/invoices/{id}/refund", [&api](Request& request) {
        auto id = path_uuid(request, "id");
        if (!id) return http::problem(id.error());
        auto body = http::json_object_body(request, true);
        if (!body) return http::problem(body.error());
        core::ObjectReader reader(*body, {"amount"});
        auto amount = reader.integer("amount", 1, domain::kMaxPrice);
        if (!reader.errors().empty())
            return http::problem(400, "The refund has invalid fields", reader.errors());
        if (auto stored = service::stored_answer(api.database, request)) return *stored;
        auto refunded = api.subscriptions.refund(
            *id, amount, "refund-" + service::idempotency_fingerprint(request), admin_of(request));
        if (!refunded) return http::problem(refunded.error());
        auto answer = json_response(200, domain::to_json(*refunded));
        // Stored so that the same key replays this answer instead of refunding again.
        return service::run_write(api.database, request,
                                  [&](soci::session&) -> core::Result<Response> { return answer; });
    });
}

}  // namespace

void add_admin_routes(http::Router& router, Api& api) {
    add_plan_routes(router, api);
    add_subscriber_routes(router, api);
    router.post("/api/subscription/admin/billing/run", [&api](Request&) {
        auto report = api.billing.run();
        api.written();
        return json_response(200, {{"renewed", report.renewed},
                                   {"failed", report.failed},
                                   {"recovered", report.recovered},
                                   {"expired", report.expired},
                                   {"canceled", report.canceled},
                                   {"errors", report.errors}});
    });
    if (!api.advance_clock) return;
    router.post("/api/subscription/admin/test-clock/advance", [&api](Request& request) {
        auto body = http::json_object_body(request);
        if (!body) return http::problem(body.error());
        core::ObjectReader reader(*body, {"seconds"});
        reader.require("seconds");
        auto seconds = reader.integer("seconds", 1, 10LL * 366 * 86400);
        if (!reader.errors().empty())
            return http::problem(400, "The clock move is invalid", reader.errors());
        auto now = api.advance_clock(*seconds);
        return json_response(200, {{"now", core::to_rfc3339(now)}});
    });
}

}  // namespace codeflix::subscription::http_api
