#include <codeflix/core/uuid.hpp>
#include <thread>

#include "billing_fixture.hpp"
#include "src/domain/billing.hpp"
#include "src/repositories/plan_repository.hpp"

using namespace codeflix;
using namespace codeflix::subscription;
using namespace codeflix::subscription::testing;
using std::chrono::days;
using std::chrono::seconds;
using Events = std::vector<std::string>;

namespace {

std::string user() { return "user-" + core::new_uuid_v7(); }

}  // namespace

TEST_P(BillingTest, SubscribingChargesTheFirstPeriodAndActivates) {
    auto plan = make_plan("Standard", 2990);
    auto s = subscribe(user(), plan);
    ASSERT_TRUE(s) << s.error().message;
    EXPECT_EQ(s->status, "active");
    EXPECT_EQ(s->current_period_end, "2026-05-01T12:00:00.000Z");
    EXPECT_EQ(charges(), 1);
    auto paid = invoices(s->id);
    ASSERT_EQ(paid.size(), 1u);
    EXPECT_EQ(paid[0].status, "paid");
    EXPECT_EQ(paid[0].amount, 2990);
    EXPECT_EQ(events(s->id), Events({"activated"}));
}

TEST_P(BillingTest, ADeclinedCardLeavesNoSubscription) {
    auto plan = make_plan("Standard", 2990);
    auto who = user();
    auto s = subscribe(who, plan, kDeclinedCard);
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().message, "Your card was declined.");
    EXPECT_EQ(charges(), 0);
    EXPECT_TRUE(subscribe(who, plan)) << "a good card afterwards works";
}

TEST_P(BillingTest, RenewsAtThePeriodEndOnceHoweverOftenTheSchedulerRuns) {
    auto plan = make_plan("Standard", 2990);
    auto s = *subscribe(user(), plan);
    EXPECT_EQ(run().renewed, 0) << "nothing is due before the period ends";
    clock_.set(*core::parse_rfc3339("2026-05-01T12:00:00.000Z"));
    EXPECT_EQ(run().renewed, 1);
    EXPECT_EQ(run().renewed, 0);
    auto renewed = reload(s.id);
    EXPECT_EQ(renewed.status, "active");
    EXPECT_EQ(renewed.current_period_start, "2026-05-01T12:00:00.000Z");
    EXPECT_EQ(renewed.current_period_end, "2026-06-01T12:00:00.000Z");
    EXPECT_EQ(charges(), 2);
    EXPECT_EQ(events(s.id), Events({"activated", "renewed"}));
}

TEST_P(BillingTest, AnOutageOverSeveralPeriodEndsChargesTheCurrentPeriodOnce) {
    auto s = *subscribe(user(), make_plan("Standard", 2990));
    clock_.set(*core::parse_rfc3339("2026-07-15T00:00:00.000Z"));  // down since April
    EXPECT_EQ(run().renewed, 1);
    EXPECT_EQ(run().renewed, 0);
    auto renewed = reload(s.id);
    EXPECT_EQ(renewed.current_period_start, "2026-07-01T12:00:00.000Z");
    EXPECT_EQ(renewed.current_period_end, "2026-08-01T12:00:00.000Z");
    EXPECT_EQ(charges(), 2) << "the missed months are not charged";
}

TEST_P(BillingTest, TwoSchedulersAtOnceChargeEachPeriodOnce) {
    auto plan = make_plan("Standard", 2990);
    std::vector<std::string> ids;
    for (int i = 0; i < 20; ++i) ids.push_back(subscribe(user(), plan)->id);
    clock_.advance(days(31));
    app::BillingRun other(*database_, *provider_, [this] { return clock_.now(); }, {{1, 3, 5}, 3});
    std::thread second([&] { other.run(); });
    run();
    second.join();
    EXPECT_EQ(charges(), 40);
    for (const auto& id : ids) {
        EXPECT_EQ(invoices(id).size(), 2u);
        EXPECT_EQ(events(id), Events({"activated", "renewed"}));
    }
}

TEST_P(BillingTest, ASubscriptionThatFailsToRenewDoesNotHoldBackItsBatch) {
    auto plan = make_plan("Standard", 2990);
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) ids.push_back(subscribe(user(), plan)->id);
    const std::string& bad = ids[2];
    // A database error on one subscription's row, whatever statement touches it.
    database_->with_session([&](soci::session& session) {
        if (GetParam() == db::Dialect::sqlite) {
            session << "CREATE TRIGGER fail_one BEFORE UPDATE ON subscriptions WHEN NEW.id = '" +
                           bad + "' BEGIN SELECT RAISE(ABORT, 'injected failure'); END";
        } else {
            session << "CREATE FUNCTION fail_one() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION "
                       "'injected failure'; END $$ LANGUAGE plpgsql";
            session << "CREATE TRIGGER fail_one BEFORE UPDATE ON subscriptions FOR EACH ROW WHEN "
                       "(NEW.id = '" +
                           bad + "') EXECUTE FUNCTION fail_one()";
        }
        return 0;
    });
    clock_.advance(days(31));
    auto report = run();
    EXPECT_EQ(report.renewed, 4);
    EXPECT_EQ(report.errors, 1);
    EXPECT_EQ(charges(), 9);
    EXPECT_EQ(invoices(bad).size(), 1u) << "nothing half-written for the failing one";
    database_->with_session([](soci::session& session) {
        session << "DROP TRIGGER fail_one" +
                       std::string(db::dialect_of(session) == db::Dialect::sqlite
                                       ? ""
                                       : " ON subscriptions");
        return 0;
    });
    EXPECT_EQ(run().renewed, 1) << "the next run renews it";
    EXPECT_EQ(charges(), 10);
}

TEST_P(BillingTest, AChargeInFlightWhenTheProcessDiedIsNotRepeated) {
    auto s = *subscribe(user(), make_plan("Standard", 2990));
    clock_.advance(days(30));
    // The first run marked the invoice and charged, then died before recording the outcome.
    class Dying : public app::PaymentProvider {
      public:
        explicit Dying(app::PaymentProvider& real) : real_(real) {}
        core::Result<app::PaymentMethod> method(const std::string& t,
                                                const std::string& o) override {
            return real_.method(t, o);
        }
        core::Result<app::ChargeOutcome> verify(const std::string& t,
                                                const std::string& k) override {
            return real_.verify(t, k);
        }
        core::Result<app::ChargeOutcome> charge(const app::ChargeRequest& request) override {
            (void)real_.charge(request);
            return core::Error::unavailable("connection reset");
        }
        core::Result<void> refund(const std::string& c, std::int64_t a,
                                  const std::string& k) override {
            return real_.refund(c, a, k);
        }

      private:
        app::PaymentProvider& real_;
    } dying(*provider_);
    app::BillingRun crashed(*database_, dying, [this] { return clock_.now(); }, {{1, 3, 5}, 7});
    EXPECT_EQ(crashed.run().errors, 1);
    EXPECT_EQ(charges(), 2);
    EXPECT_EQ(reload(s.id).current_period_start, s.current_period_start) << "not recorded";
    EXPECT_EQ(run().renewed, 1);
    EXPECT_EQ(charges(), 2) << "the same key gave the same charge";
    EXPECT_EQ(invoices(s.id).front().status, "paid");
}

TEST_P(BillingTest, ATrialEndsWithTheFirstCharge) {
    auto plan = make_plan("Trial", 1990, "month", 7);
    auto s = *subscribe(user(), plan);
    EXPECT_EQ(s.status, "trialing");
    EXPECT_EQ(s.current_period_end, "2026-04-08T12:00:00.000Z");
    EXPECT_EQ(charges(), 0) << "the card was verified, not charged";
    clock_.advance(days(7));
    EXPECT_EQ(run().renewed, 1);
    auto active = reload(s.id);
    EXPECT_EQ(active.status, "active");
    EXPECT_EQ(active.current_period_end, "2026-05-08T12:00:00.000Z");
    EXPECT_FALSE(active.trial_end);
    EXPECT_EQ(charges(), 1);
    EXPECT_FALSE(subscribe(user(), plan, kDeclinedCard)) << "a trial needs a card that works";
}

TEST_P(BillingTest, AFreeTrialIsForAFirstSubscriptionOnly) {
    auto plan = make_plan("Trial", 1990, "month", 7);
    auto who = user();
    auto first = *subscribe(who, plan);
    ASSERT_TRUE(database_->transaction([&](soci::session& session) {
        return subscriptions_->cancel_now(session, first.id, "admin");
    }));
    auto again = subscribe(who, plan);
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(again->status, "active");
    EXPECT_FALSE(again->trial_end);
    EXPECT_EQ(charges(), 1) << "charged at once";
}

TEST_P(BillingTest, DunningRetriesAfterOneThreeAndFiveDaysThenExpires) {
    auto s = *subscribe(user(), make_plan("Standard", 2990), kFailsOnRenewalCard);
    EXPECT_EQ(charges(), 1) << "the test card succeeds the first time";
    clock_.set(*core::parse_rfc3339("2026-05-01T12:00:00.000Z"));
    EXPECT_EQ(run().failed, 1);
    auto due = reload(s.id);
    EXPECT_EQ(due.status, "past_due");
    EXPECT_EQ(due.past_due_since, "2026-05-01T12:00:00.000Z");
    EXPECT_EQ(due.next_payment_attempt, "2026-05-02T12:00:00.000Z");
    EXPECT_EQ(due.current_period_end, "2026-06-01T12:00:00.000Z") << "the period moved on";
    EXPECT_EQ(run().failed, 0) << "not due before the next attempt";
    clock_.set(*core::parse_rfc3339("2026-05-02T12:00:00.000Z"));
    EXPECT_EQ(run().failed, 1);
    EXPECT_EQ(reload(s.id).next_payment_attempt, "2026-05-04T12:00:00.000Z");
    clock_.set(*core::parse_rfc3339("2026-05-04T12:00:00.000Z"));
    EXPECT_EQ(run().failed, 1);
    EXPECT_EQ(reload(s.id).next_payment_attempt, "2026-05-06T12:00:00.000Z");
    clock_.set(*core::parse_rfc3339("2026-05-06T12:00:00.000Z"));
    auto last = run();
    EXPECT_EQ(last.expired, 1);
    auto expired = reload(s.id);
    EXPECT_EQ(expired.status, "expired");
    EXPECT_EQ(expired.end_reason, "payment_failed");
    EXPECT_EQ(declines(), 4);
    auto unpaid = invoices(s.id).front();
    EXPECT_EQ(unpaid.status, "uncollectible");
    EXPECT_EQ(unpaid.attempts, 4);
    EXPECT_EQ(events(s.id), Events({"activated", "past_due", "expired"}));
    clock_.advance(days(60));
    EXPECT_EQ(run().renewed + run().failed, 0) << "an expired subscription is never charged";
}

TEST_P(BillingTest, APastDueSubscriptionRecoversWithANewCard) {
    auto who = user();
    auto s = *subscribe(who, make_plan("Standard", 2990), kFailsOnRenewalCard);
    clock_.advance(days(30));
    run();
    ASSERT_EQ(reload(s.id).status, "past_due");
    auto method = provider_->method(card(who, kGoodCard), who);
    ASSERT_TRUE(method);
    ASSERT_TRUE(database_->transaction([&](soci::session& session) {
        return subscriptions_->record_payment_method(session, who, s.id, *method);
    }));
    app::BillingReport report;
    billing_->retry(s.id, report);
    EXPECT_EQ(report.recovered, 1);
    auto active = reload(s.id);
    EXPECT_EQ(active.status, "active");
    EXPECT_FALSE(active.past_due_since);
    EXPECT_EQ(events(s.id), Events({"activated", "past_due", "renewed"}));
}

TEST_P(BillingTest, CancelAtPeriodEndThenTheSchedulerEndsIt) {
    auto who = user();
    auto s = *subscribe(who, make_plan("Standard", 2990));
    auto cancel = [&] {
        return database_->transaction(
            [&](soci::session& session) { return subscriptions_->cancel(session, who, s.id); });
    };
    ASSERT_TRUE(cancel());
    auto twice = cancel();
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().code, core::ErrorCode::conflict);
    EXPECT_EQ(reload(s.id).status, "active") << "still paid up until the period ends";
    clock_.advance(days(30));
    EXPECT_EQ(run().canceled, 1);
    auto ended = reload(s.id);
    EXPECT_EQ(ended.status, "canceled");
    EXPECT_EQ(ended.ended_at, s.current_period_end);
    EXPECT_EQ(charges(), 1);
    EXPECT_EQ(events(s.id), Events({"activated", "updated", "canceled"}));
    auto other = database_->transaction(
        [&](soci::session& session) { return subscriptions_->resume(session, who, s.id); });
    EXPECT_FALSE(other) << "an ended subscription cannot be resumed";
}

TEST_P(BillingTest, ResumedBeforeTheEndItRenews) {
    auto who = user();
    auto s = *subscribe(who, make_plan("Standard", 2990));
    ASSERT_TRUE(database_->transaction(
        [&](soci::session& session) { return subscriptions_->cancel(session, who, s.id); }));
    auto resumed = database_->transaction(
        [&](soci::session& session) { return subscriptions_->resume(session, who, s.id); });
    ASSERT_TRUE(resumed);
    EXPECT_FALSE(resumed->cancel_at_period_end);
    clock_.advance(days(30));
    EXPECT_EQ(run().renewed, 1);
    EXPECT_EQ(charges(), 2);
}

TEST_P(BillingTest, CancelingAPastDueSubscriptionEndsItAtOnce) {
    auto who = user();
    auto s = *subscribe(who, make_plan("Standard", 2990), kFailsOnRenewalCard);
    clock_.advance(days(30));
    run();
    auto canceled = database_->transaction(
        [&](soci::session& session) { return subscriptions_->cancel(session, who, s.id); });
    ASSERT_TRUE(canceled);
    EXPECT_EQ(canceled->status, "canceled");
    EXPECT_EQ(invoices(s.id).front().status, "void");
    clock_.advance(days(2));
    EXPECT_EQ(run().failed, 0) << "no retry after the end";
}

TEST_P(BillingTest, UpgradesChargeTheProratedDifferenceAndDowngradesWaitForThePeriodEnd) {
    auto basic = make_plan("Basic", 1000, "month", 0, 1, "480p");
    auto premium = make_plan("Premium", 2000, "month", 0, 4, "1080p");
    auto s = *subscribe(user(), basic);
    clock_.set(*core::parse_rfc3339("2026-04-16T12:00:00.000Z"));  // half of April left
    auto up = change_plan(s, premium);
    ASSERT_TRUE(up) << up.error().message;
    EXPECT_EQ(up->plan_id, premium.id);
    EXPECT_EQ(up->max_streams, 4);
    EXPECT_EQ(up->current_period_end, s.current_period_end) << "same period";
    auto update = invoices(s.id).front();
    EXPECT_EQ(update.reason, "subscription_update");
    EXPECT_EQ(update.amount, 500);
    auto down = change_plan(*up, basic);
    ASSERT_TRUE(down);
    EXPECT_EQ(down->plan_id, premium.id) << "kept until the period ends";
    EXPECT_EQ(down->pending_plan_id, basic.id);
    clock_.set(*core::parse_rfc3339("2026-05-01T12:00:00.000Z"));
    run();
    auto renewed = reload(s.id);
    EXPECT_EQ(renewed.plan_id, basic.id);
    EXPECT_EQ(renewed.max_quality, "480p");
    EXPECT_FALSE(renewed.pending_plan_id);
    EXPECT_EQ(invoices(s.id).front().amount, 1000);
    EXPECT_EQ(events(s.id), Events({"activated", "updated", "updated", "renewed"}));
}

TEST_P(BillingTest, ADowngradeToAnotherIntervalBillsTheNewIntervalFromThePeriodEnd) {
    auto yearly = make_plan("Yearly", 12000, "year");
    auto monthly = make_plan("Monthly", 500, "month", 0, 1, "720p");
    auto s = *subscribe(user(), yearly);
    auto down = change_plan(s, monthly);
    ASSERT_TRUE(down) << down.error().message;
    EXPECT_EQ(down->pending_plan_id, monthly.id);
    clock_.set(*core::parse_rfc3339("2027-04-01T12:00:00.000Z"));
    EXPECT_EQ(run().renewed, 1);
    auto renewed = reload(s.id);
    EXPECT_EQ(renewed.interval, "month");
    EXPECT_EQ(renewed.price, 500);
    EXPECT_EQ(renewed.current_period_start, "2027-04-01T12:00:00.000Z");
    EXPECT_EQ(renewed.current_period_end, "2027-05-01T12:00:00.000Z");
    EXPECT_EQ(invoices(s.id).front().amount, 500);
    clock_.set(*core::parse_rfc3339("2027-05-01T12:00:00.000Z"));
    EXPECT_EQ(run().renewed, 1);
    EXPECT_EQ(reload(s.id).current_period_end, "2027-06-01T12:00:00.000Z");
    EXPECT_EQ(charges(), 3);
}

TEST_P(BillingTest, PriceChangesApplyToNewSubscriptionsOnly) {
    auto plan = make_plan("Standard", 2990);
    auto early = *subscribe(user(), plan);
    database_->transaction([&](soci::session& session) {
        auto changed = plan;
        changed.price = 3990;
        changed.version = 2;
        return repositories::PlanRepository::update(session, changed, 1);
    });
    auto late = *subscribe(user(), *database_->with_session([&](soci::session& session) {
        return repositories::PlanRepository::find(session, plan.id);
    }));
    EXPECT_EQ(late.price, 3990);
    clock_.advance(days(31));
    run();
    EXPECT_EQ(invoices(early.id).front().amount, 2990);
    EXPECT_EQ(invoices(late.id).front().amount, 3990);
}

TEST_P(BillingTest, ADeactivatedPlanKeepsItsSubscribersButTakesNoNewOnes) {
    auto plan = make_plan("Old", 1500);
    auto s = *subscribe(user(), plan);
    database_->transaction([&](soci::session& session) {
        auto changed = plan;
        changed.active = false;
        changed.version = 2;
        return repositories::PlanRepository::update(session, changed, 1);
    });
    auto refused = subscribe(user(), plan);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, core::ErrorCode::unprocessable);
    clock_.advance(days(31));
    EXPECT_EQ(run().renewed, 1);
    EXPECT_EQ(reload(s.id).status, "active");
}

TEST_P(BillingTest, OneLiveSubscriptionPerUserAndNoneOfAnothers) {
    auto plan = make_plan("Standard", 2990);
    auto who = user();
    auto s = *subscribe(who, plan);
    auto again = subscribe(who, plan);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, core::ErrorCode::conflict);
    auto stranger = database_->transaction(
        [&](soci::session& session) { return subscriptions_->cancel(session, user(), s.id); });
    ASSERT_FALSE(stranger);
    EXPECT_EQ(stranger.error().code, core::ErrorCode::not_found);
    EXPECT_FALSE(reload(s.id).cancel_at_period_end);
}

TEST_P(BillingTest, AdminCancelEndsNowAndRefundsGiveMoneyBackOnce) {
    auto s = *subscribe(user(), make_plan("Standard", 3000));
    auto invoice = invoices(s.id).front();
    auto half = subscriptions_->refund(invoice.id, 1000, "key-1", "admin");
    ASSERT_TRUE(half);
    EXPECT_EQ(half->refunded_amount, 1000);
    EXPECT_EQ(subscriptions_->refund(invoice.id, 1000, "key-1", "admin")->refunded_amount, 1000)
        << "the same key refunds once";
    auto too_much = subscriptions_->refund(invoice.id, 2500, "key-2", "admin");
    ASSERT_FALSE(too_much);
    EXPECT_EQ(too_much.error().code, core::ErrorCode::unprocessable);
    EXPECT_EQ(subscriptions_->refund(invoice.id, std::nullopt, "key-3", "admin")->refunded_amount,
              3000);
    EXPECT_FALSE(subscriptions_->refund(invoice.id, std::nullopt, "key-4", "admin"));
    auto ended = database_->transaction(
        [&](soci::session& session) { return subscriptions_->cancel_now(session, s.id, "admin"); });
    ASSERT_TRUE(ended);
    EXPECT_EQ(ended->status, "canceled");
    EXPECT_EQ(ended->end_reason, "canceled_by_admin");
    EXPECT_EQ(events(s.id), Events({"activated", "canceled"}));
}

CODEFLIX_DIALECTS(BillingTest);
