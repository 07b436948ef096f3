#pragma once

#include <boost/json/array.hpp>
#include <codeflix/core/result.hpp>
#include <codeflix/http/message.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace codeflix::http {

inline constexpr int kMaxPage = 1000000;
inline constexpr int kMaxPerPage = 100;
inline constexpr std::size_t kMaxQueryChars = 255;

/// The paging, sorting and search parameters every list takes (ARCHITECTURE §4).
struct Page {
    int page = 1;
    int per_page = 15;
    std::string sort;
    bool descending = false;
    std::string q;
};

/// A whole decimal integer, nothing else.
std::optional<std::int64_t> to_int(std::string_view text);

/// Reads page (1–1000000), per_page (1–100), sort (one of `sorts`), dir (asc|desc) and q
/// (trimmed, at most 255 characters) into `page`, adding one FieldError per bad parameter.
void read_page(const Request& request, const std::vector<std::string_view>& sorts, Page& page,
               std::vector<core::FieldError>& errors);

/// `{page, per_page, total, last_page}` of a list answer.
boost::json::object list_meta(const Page& page, std::int64_t total);

/// `{"data": [...], "meta": {page, per_page, total, last_page}}`.
Response list_response(boost::json::array data, const Page& page, std::int64_t total);

}  // namespace codeflix::http
