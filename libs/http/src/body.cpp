#include <codeflix/core/json.hpp>
#include <codeflix/http/body.hpp>

namespace codeflix::http {

core::Result<boost::json::object> json_object_body(const Request& request, bool empty_is_object) {
    if (request.body.empty()) {
        if (empty_is_object) return boost::json::object{};
        return core::Error::invalid("The request needs a JSON object body");
    }
    auto parsed = core::parse_json(request.body);
    if (!parsed) return parsed.error();
    if (!parsed->is_object()) return core::Error::invalid("The request body must be a JSON object");
    return std::move(parsed->get_object());
}

}  // namespace codeflix::http
