#pragma once

#include <boost/json/object.hpp>
#include <codeflix/core/clock.hpp>
#include <codeflix/core/result.hpp>
#include <codeflix/db/database.hpp>
#include <cstdint>
#include <functional>
#include <string>

namespace codeflix::subscription::app {

/// A card the provider holds for a customer, as the provider describes it: never the number.
struct PaymentMethod {
    std::string token;
    std::string brand;
    std::string last4;
    int exp_month = 0;
    int exp_year = 0;
};

struct ChargeRequest {
    std::string payment_method;
    std::int64_t amount = 0;
    std::string currency;
    std::string description;
    /// The provider makes one charge per key: asking again with the same key returns the first
    /// outcome (so a retry after a crash never charges twice).
    std::string idempotency_key;
};

struct ChargeOutcome {
    bool succeeded = false;
    std::string charge_id;
    /// For the customer, in plain words, when the charge failed ("Your card was declined.").
    std::string failure_message;
    /// Given back since (a repeated key returns the charge as it is now).
    std::int64_t refunded = 0;
};

/// The card processor, behind an interface: the one implementation here is the documented
/// sandbox (a real processor cannot exist on this machine). Errors are `unavailable` when the
/// provider cannot be reached (nothing happened; try again later) and `unprocessable` for
/// requests it refuses (unknown card).
class PaymentProvider {
  public:
    virtual ~PaymentProvider() = default;
    /// The card `token` when it belongs to `owner`.
    virtual core::Result<PaymentMethod> method(const std::string& token,
                                               const std::string& owner) = 0;
    /// Checks the card can be charged without moving money (a zero-amount authorisation, made
    /// before a free trial starts).
    virtual core::Result<ChargeOutcome> verify(const std::string& token,
                                               const std::string& idempotency_key) = 0;
    virtual core::Result<ChargeOutcome> charge(const ChargeRequest& request) = 0;
    /// Gives back `amount` of a charge (at most what is left of it).
    virtual core::Result<void> refund(const std::string& charge_id, std::int64_t amount,
                                      const std::string& idempotency_key) = 0;
};

/// The sandbox provider: it plays a card processor with the test cards of docs/subscription.md
/// and keeps its records in `sandbox_*` tables (brand, last four digits and the test card's
/// behaviour; never the number or CVC), in the service's database but in transactions of its
/// own, as a remote processor would.
///   4242 4242 4242 4242  always succeeds (so does any other valid number)
///   4000 0000 0000 0002  is always declined
///   4000 0000 0000 0341  succeeds the first time, then is declined (fails on renewal)
class SandboxPaymentProvider : public PaymentProvider {
  public:
    SandboxPaymentProvider(db::Database& database, std::function<core::TimePoint()> clock);

    /// Client-side tokenisation: `{card_number, exp_month, exp_year, cvc}` becomes a token owned
    /// by `owner`; 400 with field errors for an invalid number, date or CVC.
    core::Result<PaymentMethod> tokenize(const boost::json::object& card, const std::string& owner);

    core::Result<PaymentMethod> method(const std::string& token, const std::string& owner) override;
    core::Result<ChargeOutcome> verify(const std::string& token,
                                       const std::string& idempotency_key) override;
    core::Result<ChargeOutcome> charge(const ChargeRequest& request) override;
    core::Result<void> refund(const std::string& charge_id, std::int64_t amount,
                              const std::string& idempotency_key) override;

  private:
    core::Result<ChargeOutcome> make_charge(const ChargeRequest& request);
    core::Result<void> make_refund(const std::string& charge_id, std::int64_t amount,
                                   const std::string& idempotency_key);

    db::Database& database_;
    std::function<core::TimePoint()> clock_;
};

boost::json::object to_json(const PaymentMethod& method);

}  // namespace codeflix::subscription::app
