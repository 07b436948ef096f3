#include <codeflix/core/text.hpp>
#include <codeflix/http/listing.hpp>
#include <codeflix/http/versions.hpp>

namespace codeflix::http {

std::string etag(std::int64_t version) { return "\"" + std::to_string(version) + "\""; }

std::optional<std::int64_t> if_match_version(const Request& request) {
    auto header = request.header("If-Match");
    if (!header) return std::nullopt;
    std::string_view value = core::trim(*header);
    if (value == "*") return std::nullopt;
    if (value.starts_with("W/")) value.remove_prefix(2);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        if (auto version = to_int(value.substr(1, value.size() - 2)); version && *version > 0)
            return version;
    }
    return -1;  // a tag we never issued matches no version
}

}  // namespace codeflix::http
