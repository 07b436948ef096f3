#include <strings.h>

#include <boost/url/encode.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/parse_query.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <boost/url/url.hpp>
#include <codeflix/http/forms.hpp>

namespace codeflix::http {

std::optional<FormFields> parse_form(std::string_view body) {
    FormFields fields;
    if (body.empty()) return fields;
    auto query = boost::urls::parse_query(body);
    if (!query) return std::nullopt;
    boost::urls::encoding_opts options;
    options.space_as_plus = true;
    for (auto param : *query) {
        fields.emplace_back(param.key.decode(options),
                            param.has_value ? param.value.decode(options) : std::string());
    }
    return fields;
}

std::optional<std::string_view> form_value(const FormFields& fields, std::string_view name) {
    for (const auto& [key, value] : fields) {
        if (key == name) return std::string_view(value);
    }
    return std::nullopt;
}

std::string encode_form(const FormFields& fields) {
    std::string out;
    for (const auto& [key, value] : fields) {
        if (!out.empty()) out += '&';
        out += boost::urls::encode(key, boost::urls::unreserved_chars);
        out += '=';
        out += boost::urls::encode(value, boost::urls::unreserved_chars);
    }
    return out;
}

std::optional<std::string> append_query(std::string_view uri, const FormFields& fields) {
    auto parsed = boost::urls::parse_absolute_uri(uri);
    if (!parsed) return std::nullopt;
    boost::urls::url url(*parsed);
    for (const auto& [key, value] : fields) url.params().append({key, value});
    return std::string(url.buffer());
}

bool is_absolute_http_uri(std::string_view uri) {
    auto parsed = boost::urls::parse_uri(uri);
    if (!parsed || parsed->has_fragment() || !parsed->has_authority()) return false;
    return (parsed->scheme() == "http" || parsed->scheme() == "https") && !parsed->host().empty();
}

std::optional<std::string> cookie(const Request& request, std::string_view name) {
    for (const auto& [field, value] : request.headers) {
        if (field.size() != 6 || strncasecmp(field.c_str(), "cookie", 6) != 0) continue;
        std::string_view rest = value;
        while (!rest.empty()) {
            auto end = rest.find(';');
            std::string_view pair = rest.substr(0, end);
            rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
            while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
            auto eq = pair.find('=');
            if (eq == std::string_view::npos || pair.substr(0, eq) != name) continue;
            return std::string(pair.substr(eq + 1));
        }
    }
    return std::nullopt;
}

}  // namespace codeflix::http
