#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <codeflix/core/result.hpp>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace codeflix::core {

/// Parses a request body: at most `max_depth` levels of nesting, strict JSON, valid UTF-8.
/// Malformed input is an invalid_argument Error, never an exception.
Result<boost::json::value> parse_json(std::string_view text, std::size_t max_depth = 32);

/// The member `name` of `object` when it is a string (JWKs, token claims: documents we only read).
std::optional<std::string> string_member(const boost::json::object& object, std::string_view name);

/// Reads typed fields out of a JSON object, collecting one FieldError per problem: unknown
/// fields, wrong types, limits. Absent fields read as nullopt.
class ObjectReader {
  public:
    ObjectReader(const boost::json::object& object,
                 std::initializer_list<std::string_view> allowed);

    bool has(std::string_view field) const;
    /// Records "is required" when `field` is absent.
    void require(std::string_view field);

    /// A string trimmed of surrounding white space and in Unicode NFC, `min_chars`..`max_chars`
    /// code points, without control characters (`multiline` allows tab and line breaks).
    std::optional<std::string> string(std::string_view field, std::size_t min_chars,
                                      std::size_t max_chars, bool multiline = false);
    /// Like string(), but JSON null reads as an engaged empty optional.
    std::optional<std::optional<std::string>> nullable_string(std::string_view field,
                                                              std::size_t max_chars,
                                                              bool multiline = false);
    std::optional<bool> boolean(std::string_view field);
    std::optional<std::int64_t> integer(std::string_view field, std::int64_t min, std::int64_t max);
    /// An array of UUID strings (canonicalised), `min_items`..`max_items`, without duplicates.
    std::optional<std::vector<std::string>> uuid_array(std::string_view field,
                                                       std::size_t min_items,
                                                       std::size_t max_items);

    void add_error(std::string field, std::string message);
    const std::vector<FieldError>& errors() const { return errors_; }

  private:
    const boost::json::value* find(std::string_view field) const;

    const boost::json::object& object_;
    std::vector<FieldError> errors_;
};

}  // namespace codeflix::core
