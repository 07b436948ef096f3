#pragma once

#include <codeflix/http/message.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace codeflix::http {

using FormFields = std::vector<std::pair<std::string, std::string>>;

/// Decodes an `application/x-www-form-urlencoded` body ('+' is a space); nullopt when it is
/// malformed (bad percent escapes).
std::optional<FormFields> parse_form(std::string_view body);

/// The value of the first field called `name`.
std::optional<std::string_view> form_value(const FormFields& fields, std::string_view name);

/// Encodes fields as `application/x-www-form-urlencoded`.
std::string encode_form(const FormFields& fields);

/// `uri` with the fields appended to its query (percent-encoded); nullopt when `uri` is not an
/// absolute URI.
std::optional<std::string> append_query(std::string_view uri, const FormFields& fields);

/// True for an absolute http(s) URI without a fragment.
bool is_absolute_http_uri(std::string_view uri);

/// The value of cookie `name` in the request's Cookie headers.
std::optional<std::string> cookie(const Request& request, std::string_view name);

}  // namespace codeflix::http
