#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <codeflix/core/clock.hpp>
#include <codeflix/http/body.hpp>
#include <codeflix/http/listing.hpp>
#include <codeflix/http/problem.hpp>
#include <codeflix/service/idempotency.hpp>

#include "../repositories/invoice_repository.hpp"
#include "../repositories/plan_repository.hpp"
#include "../repositories/subscription_repository.hpp"
#include "routes.hpp"
#include "support.hpp"

extern const char* codeflix_subscription_openapi();

namespace codeflix::subscription::http_api {
namespace {

using repositories::InvoiceRepository;
using repositories::PlanRepository;
using repositories::SubscriptionRepository;

/// The customer's next charge, when one is coming.
boost::json::value upcoming(soci::session& session, const domain::Subscription& s) {
    if (!domain::is_live(s.status) || s.cancel_at_period_end || s.status == "past_due")
        return nullptr;
    std::int64_t amount = s.price;
    std::string plan_name = s.plan_name;
    if (s.pending_plan_id) {
        if (auto plan = PlanRepository::find(session, *s.pending_plan_id)) {
            amount = plan->price;
            plan_name = plan->name;
        }
    }
    return boost::json::object{{"at", s.current_period_end},
                               {"amount", amount},
                               {"currency", s.currency},
                               {"plan_name", plan_name}};
}

/// A subscription write of its owner that moves no money (cancel, resume).
using OwnerWrite = core::Result<domain::Subscription> (app::Subscriptions::*)(soci::session&,
                                                                              const std::string&,
                                                                              const std::string&);

void add_owner_write(http::Router& router, Api& api, const std::string& action, OwnerWrite write) {
    router.post("/api/subscription/subscriptions/{id}/" + action,
                signed_in([&api, write](Request& request) {
                    auto id = path_uuid(request, "id");
                    if (!id) return http::problem(id.error());
                    auto response =
                        service::run_write(api.database, request,
                                           [&](soci::session& session) -> core::Result<Response> {
                                               auto done = (api.subscriptions.*write)(
                                                   session, request.principal->subject, *id);
                                               if (!done) return done.error();
                                               return json_response(200, domain::to_json(*done));
                                           });
                    api.written();
                    return response;
                }));
}

}  // namespace

void add_customer_routes(http::Router& router, Api& api) {
    router.get("/api/subscription/openapi.yaml", [](Request&) {
        Response response;
        response.headers.set("Content-Type", "application/yaml");
        response.body = codeflix_subscription_openapi();
        return response;
    });
    router.get("/api/subscription/plans", [&api](Request&) {
        auto plans = api.database.with_session(
            [](soci::session& session) { return PlanRepository::active(session); });
        boost::json::array data;
        for (const auto& plan : plans) data.push_back(domain::to_json(plan));
        Response response = Response::json(
            200, boost::json::serialize(boost::json::object{{"data", std::move(data)}}));
        response.headers.set("Cache-Control", "public, max-age=30");
        return response;
    });

    router.post("/api/subscription/sandbox/payment-methods", signed_in([&api](Request& request) {
                    auto body = http::json_object_body(request);
                    if (!body) return http::problem(body.error());
                    auto method = api.sandbox.tokenize(*body, request.principal->subject);
                    if (!method) return http::problem(method.error());
                    return json_response(201, app::to_json(*method));
                }));

    router.post(
        "/api/subscription/subscriptions", signed_in([&api](Request& request) {
            auto body = http::json_object_body(request);
            if (!body) return http::problem(body.error());
            if (auto stored = service::stored_answer(api.database, request)) return *stored;
            auto checkout = api.subscriptions.check_subscribe(*request.principal, *body);
            if (!checkout) return http::problem(checkout.error());
            auto response = run_paid_write(
                api.database, api.subscriptions, request,
                [&](const std::string& key) { return api.subscriptions.pay(*checkout, key); },
                [&](soci::session& session, const app::Payment& payment) -> core::Result<Response> {
                    auto created = api.subscriptions.record_subscribe(session, *checkout, payment);
                    if (!created) return created.error();
                    auto answer = json_response(201, domain::to_json(*created));
                    answer.headers.set("Location",
                                       "/api/subscription/subscriptions/" + created->id);
                    return answer;
                });
            api.written();
            return response;
        }));

    router.get("/api/subscription/subscriptions", signed_in([&api](Request& request) {
                   auto all = api.database.with_session([&](soci::session& session) {
                       return SubscriptionRepository::of_user(session, request.principal->subject);
                   });
                   boost::json::array data;
                   for (const auto& s : all) data.push_back(domain::to_json(s));
                   return json_response(200, {{"data", std::move(data)}});
               }));

    router.get("/api/subscription/subscriptions/{id}", signed_in([&api](Request& request) {
                   auto id = path_uuid(request, "id");
                   if (!id) return http::problem(id.error());
                   auto found = api.database.with_session([&](soci::session& session) {
                       return SubscriptionRepository::find(session, *id);
                   });
                   if (!found || found->user_id != request.principal->subject)
                       return http::problem(404, "You have no subscription with this id");
                   return json_response(200, domain::to_json(*found));
               }));

    router.get("/api/subscription/me", signed_in([&api](Request& request) {
                   return api.database.with_session([&](soci::session& session) {
                       auto all =
                           SubscriptionRepository::of_user(session, request.principal->subject);
                       boost::json::object body{{"subscription", nullptr}, {"upcoming", nullptr}};
                       if (!all.empty()) {
                           const auto& current = all.front();
                           body["subscription"] = domain::to_json(current);
                           body["upcoming"] = upcoming(session, current);
                       }
                       return json_response(200, body);
                   });
               }));

    router.post(
        "/api/subscription/subscriptions/{id}/change-plan", signed_in([&api](Request& request) {
            auto id = path_uuid(request, "id");
            if (!id) return http::problem(id.error());
            auto body = http::json_object_body(request);
            if (!body) return http::problem(body.error());
            if (auto stored = service::stored_answer(api.database, request)) return *stored;
            auto change = api.subscriptions.check_change(request.principal->subject, *id, *body);
            if (!change) return http::problem(change.error());
            auto response = run_paid_write(
                api.database, api.subscriptions, request,
                [&](const std::string& key) { return api.subscriptions.pay(*change, key); },
                [&](soci::session& session, const app::Payment& payment) -> core::Result<Response> {
                    auto changed = api.subscriptions.record_change(session, *change, payment);
                    if (!changed) return changed.error();
                    auto out = domain::to_json(*changed);
                    out["charged"] = payment.amount;
                    return json_response(200, out);
                });
            api.written();
            return response;
        }));

    router.post(
        "/api/subscription/subscriptions/{id}/payment-method", signed_in([&api](Request& request) {
            auto id = path_uuid(request, "id");
            if (!id) return http::problem(id.error());
            auto body = http::json_object_body(request);
            if (!body) return http::problem(body.error());
            auto method = api.subscriptions.check_payment_method(request.principal->subject, *body);
            if (!method) return http::problem(method.error());
            auto response = service::run_write(
                api.database, request, [&](soci::session& session) -> core::Result<Response> {
                    auto done = api.subscriptions.record_payment_method(
                        session, request.principal->subject, *id, *method);
                    if (!done) return done.error();
                    return json_response(200, domain::to_json(*done));
                });
            if (response.status == 200 && !response.headers.get("Idempotent-Replayed")) {
                // An overdue payment is tried on the new card right away.
                app::BillingReport report;
                api.billing.retry(*id, report);
                auto current = api.database.with_session([&](soci::session& session) {
                    return SubscriptionRepository::find(session, *id);
                });
                if (current) response = json_response(200, domain::to_json(*current));
            }
            api.written();
            return response;
        }));
    add_owner_write(router, api, "cancel", &app::Subscriptions::cancel);
    add_owner_write(router, api, "resume", &app::Subscriptions::resume);

    router.get("/api/subscription/invoices", signed_in([&api](Request& request) {
                   http::Page page;
                   std::vector<core::FieldError> errors;
                   http::read_page(request, {"created_at"}, page, errors);
                   if (!errors.empty())
                       return http::problem(400, "The list parameters are invalid", errors);
                   std::int64_t total = 0;
                   auto invoices = api.database.with_session([&](soci::session& session) {
                       return InvoiceRepository::of_user(session, request.principal->subject, page,
                                                         total);
                   });
                   boost::json::array data;
                   for (const auto& invoice : invoices) data.push_back(domain::to_json(invoice));
                   return http::list_response(std::move(data), page, total);
               }));
}

}  // namespace codeflix::subscription::http_api
