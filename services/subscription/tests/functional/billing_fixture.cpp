#include "billing_fixture.hpp"

#include <codeflix/core/uuid.hpp>
#include <codeflix/db/migrations.hpp>
#include <codeflix/db/query.hpp>

#include "src/repositories/invoice_repository.hpp"
#include "src/repositories/plan_repository.hpp"
#include "src/repositories/subscription_repository.hpp"

const std::vector<codeflix::db::Migration>& codeflix_embedded_migrations();

namespace codeflix::subscription::testing {

void BillingTest::SetUp() {
    test_database_ = std::make_unique<db::testing::TestDatabase>(GetParam());
    database_ = db::Database::open(test_database_->url(), 4);
    db::migrate(*database_, codeflix_embedded_migrations());
    app::Clock clock = [this] { return clock_.now(); };
    provider_ = std::make_unique<app::SandboxPaymentProvider>(*database_, clock);
    subscriptions_ = std::make_unique<app::Subscriptions>(*database_, *provider_, clock);
    billing_ = std::make_unique<app::BillingRun>(*database_, *provider_, clock,
                                                 app::BillingSettings{{1, 3, 5}, 7});
}

void BillingTest::TearDown() {
    billing_.reset();
    subscriptions_.reset();
    provider_.reset();
    database_.reset();
    test_database_.reset();
}

domain::Plan BillingTest::make_plan(const std::string& name, std::int64_t price,
                                    const std::string& interval, int trial_days, int max_streams,
                                    const std::string& quality) {
    domain::Plan plan;
    plan.id = core::new_uuid_v7();
    plan.name = name;
    plan.price = price;
    plan.currency = "BRL";
    plan.interval = interval;
    plan.trial_days = trial_days;
    plan.max_streams = max_streams;
    plan.max_quality = quality;
    plan.version = 1;
    plan.created_at = plan.updated_at = core::to_rfc3339(clock_.now());
    database_->transaction([&](soci::session& session) {
        repositories::PlanRepository::insert(session, plan);
        return 0;
    });
    return plan;
}

std::string BillingTest::card(const std::string& user, const std::string& number) {
    auto method = provider_->tokenize(
        {{"card_number", number}, {"exp_month", 12}, {"exp_year", 2030}, {"cvc", "123"}}, user);
    EXPECT_TRUE(method) << (method ? "" : method.error().message);
    return method ? method->token : "";
}

core::Result<domain::Subscription> BillingTest::subscribe(const std::string& user,
                                                          const domain::Plan& plan,
                                                          const std::string& number) {
    http::Principal who{user, user, user + "@example.com", "codeflix-viewer", {"user"}};
    auto checkout = subscriptions_->check_subscribe(
        who, {{"plan_id", plan.id}, {"payment_method", card(user, number)}});
    if (!checkout) return checkout.error();
    auto payment = subscriptions_->pay(*checkout, core::new_uuid_v7());
    if (!payment.succeeded) return core::Error::unprocessable(payment.failure_message);
    return database_->transaction([&](soci::session& session) {
        return subscriptions_->record_subscribe(session, *checkout, payment);
    });
}

core::Result<domain::Subscription> BillingTest::change_plan(const domain::Subscription& s,
                                                            const domain::Plan& plan) {
    auto change = subscriptions_->check_change(s.user_id, s.id, {{"plan_id", plan.id}});
    if (!change) return change.error();
    auto payment = subscriptions_->pay(*change, core::new_uuid_v7());
    if (!payment.succeeded) return core::Error::unprocessable(payment.failure_message);
    return database_->transaction([&](soci::session& session) {
        return subscriptions_->record_change(session, *change, payment);
    });
}

domain::Subscription BillingTest::reload(const std::string& id) {
    return *database_->with_session([&](soci::session& session) {
        return repositories::SubscriptionRepository::find(session, id);
    });
}

std::vector<domain::Invoice> BillingTest::invoices(const std::string& subscription_id) {
    return database_->with_session([&](soci::session& session) {
        return repositories::InvoiceRepository::of_subscription(session, subscription_id);
    });
}

std::vector<std::string> BillingTest::events(const std::string& subscription_id) {
    std::vector<std::string> types;
    database_->with_session([&](soci::session& session) {
        db::for_each_row(
            session, "SELECT type FROM outbox WHERE aggregate_id = :id ORDER BY seq",
            db::Params().set("id", subscription_id), [&](const soci::row& row) {
                auto type = db::get_text(row, 0);
                const std::string prefix = "codeflix.subscription.subscription.";
                types.push_back(type.substr(prefix.size(), type.size() - prefix.size() - 3));
            });
        return 0;
    });
    return types;
}

std::int64_t BillingTest::charges() {
    return database_->with_session([](soci::session& session) {
        return db::query_int(session,
                             "SELECT COUNT(*) FROM sandbox_charges WHERE succeeded = 1 AND "
                             "amount > 0");
    });
}

std::int64_t BillingTest::declines() {
    return database_->with_session([](soci::session& session) {
        return db::query_int(session, "SELECT COUNT(*) FROM sandbox_charges WHERE succeeded = 0");
    });
}

}  // namespace codeflix::subscription::testing
