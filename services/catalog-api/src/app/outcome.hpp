#pragma once

#include <boost/json/object.hpp>
#include <codeflix/core/result.hpp>
#include <utility>
#include <variant>

namespace codeflix::catalog_api::app {

/// Why a use case refused, with what the problem document adds to the error.
struct Refusal {
    core::Error error;
    /// RFC 9457 extension members (`reason`, `plans_url`, `max_streams`, ...).
    boost::json::object members = {};
    /// What was asked for is over for good (an ended or expired session): 410 Gone.
    bool gone = false;
};

/// A value or a Refusal: core::Result for answers whose refusals carry more than an Error.
/// Has ok(), so Database::transaction rolls back on a refusal.
template <class T>
class [[nodiscard]] Outcome {
  public:
    Outcome(T value) : state_(std::move(value)) {}            // NOLINT(google-explicit-constructor)
    Outcome(Refusal refusal) : state_(std::move(refusal)) {}  // NOLINT(google-explicit-constructor)
    Outcome(core::Error error)                                // NOLINT(google-explicit-constructor)
        : state_(Refusal{std::move(error), {}, false}) {}

    bool ok() const { return state_.index() == 0; }
    T& value() { return std::get<0>(state_); }
    T& operator*() { return value(); }
    T* operator->() { return &value(); }
    const Refusal& refusal() const { return std::get<1>(state_); }

  private:
    std::variant<T, Refusal> state_;
};

}  // namespace codeflix::catalog_api::app
