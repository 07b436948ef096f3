#include <codeflix/core/json.hpp>
#include <codeflix/core/uuid.hpp>
#include <codeflix/db/query.hpp>

#include "../domain/billing.hpp"
#include "payments.hpp"

namespace codeflix::subscription::app {
namespace {

constexpr const char* kInsertMethod =
    "INSERT INTO sandbox_payment_methods (token, owner, brand, last4, exp_month, exp_year, "
    "behaviour, charges, created_at) VALUES (:token, :owner, :brand, :last4, :exp_month, "
    ":exp_year, :behaviour, 0, :created_at)";
constexpr const char* kFindMethod =
    "SELECT token, owner, brand, last4, exp_month, exp_year, behaviour, charges FROM "
    "sandbox_payment_methods WHERE token = :token";
constexpr const char* kCountCharge =
    "UPDATE sandbox_payment_methods SET charges = charges + 1 WHERE token = :token";
constexpr const char* kFindCharge =
    "SELECT id, succeeded, failure_message, refunded FROM sandbox_charges WHERE "
    "idempotency_key = :key";
constexpr const char* kInsertCharge =
    "INSERT INTO sandbox_charges (id, idempotency_key, payment_method, amount, currency, "
    "description, succeeded, failure_message, refunded, created_at) VALUES (:id, :key, :method, "
    ":amount, :currency, :description, :succeeded, :failure_message, 0, :created_at)";
constexpr const char* kChargeLeft =
    "SELECT amount - refunded FROM sandbox_charges WHERE id = :id AND succeeded = 1";
constexpr const char* kRefundExists =
    "SELECT COUNT(*) FROM sandbox_refunds WHERE idempotency_key = :key";
constexpr const char* kInsertRefund =
    "INSERT INTO sandbox_refunds (id, idempotency_key, charge_id, amount, created_at) VALUES "
    "(:id, :key, :charge_id, :amount, :created_at)";
constexpr const char* kAddRefunded =
    "UPDATE sandbox_charges SET refunded = refunded + :amount WHERE id = :id";

struct StoredMethod {
    PaymentMethod method;
    std::string owner;
    std::string behaviour;
    std::int64_t charges = 0;
};

std::optional<StoredMethod> find_method(soci::session& session, const std::string& token) {
    std::optional<StoredMethod> found;
    db::for_each_row(
        session, kFindMethod, db::Params().set("token", token), [&](const soci::row& row) {
            found = StoredMethod{
                {db::get_text(row, 0), db::get_text(row, 2), db::get_text(row, 3),
                 static_cast<int>(db::get_int64(row, 4)), static_cast<int>(db::get_int64(row, 5))},
                db::get_text(row, 1),
                db::get_text(row, 6),
                db::get_int64(row, 7)};
        });
    return found;
}

std::string behaviour_of(const std::string& number) {
    if (number == "4000000000000002") return "declines";
    if (number == "4000000000000341") return "fails_after_first";
    return "succeeds";
}

std::optional<ChargeOutcome> earlier(soci::session& session, const std::string& key) {
    std::optional<ChargeOutcome> found;
    db::for_each_row(session, kFindCharge, db::Params().set("key", key), [&](const soci::row& row) {
        found = ChargeOutcome{db::get_int64(row, 1) != 0, db::get_text(row, 0),
                              db::get_optional_text(row, 2).value_or(""), db::get_int64(row, 3)};
    });
    return found;
}

}  // namespace

SandboxPaymentProvider::SandboxPaymentProvider(db::Database& database,
                                               std::function<core::TimePoint()> clock)
    : database_(database), clock_(std::move(clock)) {}

core::Result<PaymentMethod> SandboxPaymentProvider::tokenize(const boost::json::object& card,
                                                             const std::string& owner) {
    core::ObjectReader reader(card, {"card_number", "exp_month", "exp_year", "cvc"});
    for (auto field : {"card_number", "exp_month", "exp_year", "cvc"}) reader.require(field);
    auto number_text = reader.string("card_number", 1, 40);
    auto month = reader.integer("exp_month", 1, 12);
    auto year = reader.integer("exp_year", 2000, 2200);
    auto cvc = reader.string("cvc", 3, 4);
    std::optional<domain::CardCheck> number;
    if (number_text) {
        number = domain::read_card_number(*number_text);
        if (!number) reader.add_error("card_number", "is not a valid card number");
    }
    if (cvc && cvc->find_first_not_of("0123456789") != std::string::npos)
        reader.add_error("cvc", "must be 3 or 4 digits");
    if (month && year &&
        domain::card_expired(static_cast<int>(*month), static_cast<int>(*year), clock_()))
        reader.add_error("exp_year", "the card has expired");
    if (!reader.errors().empty())
        return core::Error::invalid("The card details are invalid", reader.errors());
    PaymentMethod method{"pm_" + core::new_uuid_v7(), number->brand, number->last4,
                         static_cast<int>(*month), static_cast<int>(*year)};
    database_.transaction([&](soci::session& session) {
        db::execute(session, kInsertMethod,
                    db::Params()
                        .set("token", method.token)
                        .set("owner", owner)
                        .set("brand", method.brand)
                        .set("last4", method.last4)
                        .set("exp_month", method.exp_month)
                        .set("exp_year", method.exp_year)
                        .set("behaviour", behaviour_of(number->number))
                        .set("created_at", core::to_rfc3339(clock_())));
        return 0;
    });
    return method;
}

core::Result<PaymentMethod> SandboxPaymentProvider::method(const std::string& token,
                                                           const std::string& owner) {
    auto found =
        database_.with_session([&](soci::session& session) { return find_method(session, token); });
    if (!found || found->owner != owner) {
        return core::Error::unprocessable("The payment method is unknown",
                                          {{"payment_method", "is not one of your cards"}});
    }
    return found->method;
}

core::Result<ChargeOutcome> SandboxPaymentProvider::verify(const std::string& token,
                                                           const std::string& idempotency_key) {
    return charge({token, 0, "", "card verification", idempotency_key});
}

core::Result<ChargeOutcome> SandboxPaymentProvider::charge(const ChargeRequest& request) {
    try {
        return make_charge(request);
    } catch (const soci::soci_error& e) {
        // The same key at the same moment from elsewhere: its charge is the answer.
        if (!db::is_unique_violation(e)) throw;
        auto done = database_.with_session(
            [&](soci::session& session) { return earlier(session, request.idempotency_key); });
        if (!done) throw;
        return *done;
    }
}

core::Result<ChargeOutcome> SandboxPaymentProvider::make_charge(const ChargeRequest& request) {
    return database_.transaction([&](soci::session& session) -> core::Result<ChargeOutcome> {
        if (auto done = earlier(session, request.idempotency_key)) return *done;
        auto method = find_method(session, request.payment_method);
        if (!method) return core::Error::unprocessable("The payment method is unknown");
        ChargeOutcome outcome{true, "ch_" + core::new_uuid_v7(), ""};
        if (method->behaviour == "declines" || (method->behaviour == "fails_after_first" &&
                                                method->charges > 0 && request.amount > 0)) {
            outcome.succeeded = false;
            outcome.failure_message = "Your card was declined.";
        } else if (domain::card_expired(method->method.exp_month, method->method.exp_year,
                                        clock_())) {
            outcome.succeeded = false;
            outcome.failure_message = "Your card has expired.";
        }
        db::execute(
            session, kInsertCharge,
            db::Params()
                .set("id", outcome.charge_id)
                .set("key", request.idempotency_key)
                .set("method", request.payment_method)
                .set("amount", request.amount)
                .set("currency", request.currency)
                .set("description", request.description)
                .set("succeeded", outcome.succeeded)
                .set("failure_message", outcome.succeeded ? std::optional<std::string>()
                                                          : std::optional(outcome.failure_message))
                .set("created_at", core::to_rfc3339(clock_())));
        if (outcome.succeeded && request.amount > 0)
            db::execute(session, kCountCharge, db::Params().set("token", request.payment_method));
        return outcome;
    });
}

core::Result<void> SandboxPaymentProvider::refund(const std::string& charge_id, std::int64_t amount,
                                                  const std::string& idempotency_key) {
    try {
        return make_refund(charge_id, amount, idempotency_key);
    } catch (const soci::soci_error& e) {
        if (!db::is_unique_violation(e)) throw;
        return {};  // the same refund, made at the same moment from elsewhere
    }
}

core::Result<void> SandboxPaymentProvider::make_refund(const std::string& charge_id,
                                                       std::int64_t amount,
                                                       const std::string& idempotency_key) {
    return database_.transaction([&](soci::session& session) -> core::Result<void> {
        if (db::query_int(session, kRefundExists, db::Params().set("key", idempotency_key)) > 0)
            return {};
        auto left = db::query_int(session, kChargeLeft, db::Params().set("id", charge_id));
        if (amount <= 0 || amount > left)
            return core::Error::unprocessable("The refund is more than what is left of the charge");
        db::execute(session, kInsertRefund,
                    db::Params()
                        .set("id", "re_" + core::new_uuid_v7())
                        .set("key", idempotency_key)
                        .set("charge_id", charge_id)
                        .set("amount", amount)
                        .set("created_at", core::to_rfc3339(clock_())));
        db::execute(session, kAddRefunded, db::Params().set("amount", amount).set("id", charge_id));
        return {};
    });
}

boost::json::object to_json(const PaymentMethod& method) {
    return {{"token", method.token},
            {"brand", method.brand},
            {"last4", method.last4},
            {"exp_month", method.exp_month},
            {"exp_year", method.exp_year}};
}

}  // namespace codeflix::subscription::app
