#pragma once

#include <boost/json/object.hpp>
#include <codeflix/core/result.hpp>
#include <codeflix/http/message.hpp>
#include <string_view>
#include <vector>

namespace codeflix::http {

/// The HTTP status that stands for an error code.
int status_of(core::ErrorCode code);

/// An RFC 9457 `application/problem+json` response.
Response problem(int status, std::string_view detail,
                 const std::vector<core::FieldError>& errors = {});

/// A problem with extension members (RFC 9457 §3.2), e.g. {"reason": "stream_limit"}; the
/// standard members cannot be overridden.
Response problem_with(int status, std::string_view detail, const boost::json::object& members);

/// The problem response for an expected failure.
Response problem(const core::Error& error);

}  // namespace codeflix::http
