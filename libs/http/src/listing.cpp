#include <boost/json/serialize.hpp>
#include <charconv>
#include <codeflix/core/text.hpp>
#include <codeflix/http/listing.hpp>

namespace codeflix::http {

std::optional<std::int64_t> to_int(std::string_view text) {
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

void read_page(const Request& request, const std::vector<std::string_view>& sorts, Page& page,
               std::vector<core::FieldError>& errors) {
    if (auto value = request.query_param("page")) {
        auto n = to_int(*value);
        if (n && *n >= 1 && *n <= kMaxPage)
            page.page = static_cast<int>(*n);
        else
            errors.push_back({"page", "must be an integer from 1 to " + std::to_string(kMaxPage)});
    }
    if (auto value = request.query_param("per_page")) {
        auto n = to_int(*value);
        if (n && *n >= 1 && *n <= kMaxPerPage)
            page.per_page = static_cast<int>(*n);
        else
            errors.push_back(
                {"per_page", "must be an integer from 1 to " + std::to_string(kMaxPerPage)});
    }
    if (auto sort = request.query_param("sort")) {
        bool known = false;
        std::string names;
        for (auto name : sorts) {
            known = known || name == *sort;
            names += (names.empty() ? "" : ", ") + std::string(name);
        }
        if (known)
            page.sort = std::string(*sort);
        else
            errors.push_back({"sort", "must be one of " + names});
    }
    if (auto dir = request.query_param("dir")) {
        if (*dir == "asc" || *dir == "desc")
            page.descending = *dir == "desc";
        else
            errors.push_back({"dir", "must be asc or desc"});
    }
    if (auto q = request.query_param("q")) {
        std::string_view text = core::trim(*q);
        if (!core::is_valid_utf8(text) || core::has_control_characters(text, false)) {
            errors.push_back({"q", "must be UTF-8 text without control characters"});
        } else if (core::utf8_length(text) > kMaxQueryChars) {
            errors.push_back({"q", "must have at most 255 characters"});
        } else {
            page.q = std::string(text);
        }
    }
}

boost::json::object list_meta(const Page& page, std::int64_t total) {
    std::int64_t last_page = total == 0 ? 1 : (total + page.per_page - 1) / page.per_page;
    return {{"page", page.page},
            {"per_page", page.per_page},
            {"total", total},
            {"last_page", last_page}};
}

Response list_response(boost::json::array data, const Page& page, std::int64_t total) {
    boost::json::object body{{"data", std::move(data)}, {"meta", list_meta(page, total)}};
    return Response::json(200, boost::json::serialize(body));
}

}  // namespace codeflix::http
