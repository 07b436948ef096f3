#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace codeflix::core {

/// The small set of failure kinds that cross API boundaries; one function in libs/http maps them
/// to HTTP statuses.
enum class ErrorCode {
    invalid_argument,
    not_found,
    conflict,
    precondition_failed,
    unprocessable,
    unauthenticated,
    permission_denied,
    unavailable,
    internal,
};

/// One problem with one input field, reported as `errors: [{field, message}]`.
struct FieldError {
    std::string field;
    std::string message;
    bool operator==(const FieldError&) const = default;
};

/// An expected failure, carried as a value.
struct Error {
    ErrorCode code = ErrorCode::internal;
    std::string message;
    std::vector<FieldError> fields;

    static Error invalid(std::string message, std::vector<FieldError> fields = {}) {
        return {ErrorCode::invalid_argument, std::move(message), std::move(fields)};
    }
    static Error not_found(std::string message) {
        return {ErrorCode::not_found, std::move(message), {}};
    }
    static Error conflict(std::string message, std::vector<FieldError> fields = {}) {
        return {ErrorCode::conflict, std::move(message), std::move(fields)};
    }
    static Error precondition_failed(std::string message) {
        return {ErrorCode::precondition_failed, std::move(message), {}};
    }
    static Error unprocessable(std::string message, std::vector<FieldError> fields = {}) {
        return {ErrorCode::unprocessable, std::move(message), std::move(fields)};
    }
    static Error unavailable(std::string message) {
        return {ErrorCode::unavailable, std::move(message), {}};
    }
    static Error internal(std::string message) {
        return {ErrorCode::internal, std::move(message), {}};
    }
};

/// Either a value or an Error, in the spirit of std::expected.
template <class T>
class [[nodiscard]] Result {
  public:
    Result(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
    Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(state_); }
    const T& value() const& { return std::get<0>(state_); }
    T&& value() && { return std::get<0>(std::move(state_)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { return std::get<1>(state_); }

  private:
    std::variant<T, Error> state_;
};

template <>
class [[nodiscard]] Result<void> {
  public:
    Result() = default;
    Result(Error error)
        : error_(std::move(error)), failed_(true) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return !failed_; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return error_; }

  private:
    Error error_;
    bool failed_ = false;
};

}  // namespace codeflix::core
