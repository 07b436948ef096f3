#pragma once

#include <boost/json/object.hpp>
#include <codeflix/core/result.hpp>
#include <codeflix/http/message.hpp>

namespace codeflix::http {

/// The body as a JSON object (strict, depth-limited, never an exception), or a 400 problem. An
/// empty body reads as `{}` when `empty_is_object`.
core::Result<boost::json::object> json_object_body(const Request& request,
                                                   bool empty_is_object = false);

}  // namespace codeflix::http
