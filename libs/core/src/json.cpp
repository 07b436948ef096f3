#include <boost/json/parse.hpp>
#include <boost/json/parse_options.hpp>
#include <codeflix/core/json.hpp>
#include <codeflix/core/text.hpp>
#include <codeflix/core/uuid.hpp>
#include <set>

namespace codeflix::core {

Result<boost::json::value> parse_json(std::string_view text, std::size_t max_depth) {
    boost::json::parse_options options;
    options.max_depth = max_depth;
    boost::system::error_code ec;
    boost::json::value value = boost::json::parse(text, ec, {}, options);
    if (ec) return Error::invalid("The request body is not valid JSON: " + ec.message());
    return value;
}

std::optional<std::string> string_member(const boost::json::object& object, std::string_view name) {
    const auto* value = object.if_contains(name);
    if (!value || !value->is_string()) return std::nullopt;
    return std::string(value->get_string());
}

ObjectReader::ObjectReader(const boost::json::object& object,
                           std::initializer_list<std::string_view> allowed)
    : object_(object) {
    for (const auto& member : object_) {
        bool known = false;
        for (std::string_view name : allowed) known = known || member.key() == name;
        if (!known) add_error(std::string(member.key()), "is not a known field");
    }
}

const boost::json::value* ObjectReader::find(std::string_view field) const {
    return object_.if_contains(field);
}

bool ObjectReader::has(std::string_view field) const { return find(field) != nullptr; }

void ObjectReader::require(std::string_view field) {
    if (!has(field)) add_error(std::string(field), "is required");
}

void ObjectReader::add_error(std::string field, std::string message) {
    errors_.push_back({std::move(field), std::move(message)});
}

std::optional<std::string> ObjectReader::string(std::string_view field, std::size_t min_chars,
                                                std::size_t max_chars, bool multiline) {
    const auto* v = find(field);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
        add_error(std::string(field), "must be a string");
        return std::nullopt;
    }
    // The parser has already refused malformed UTF-8 and lone surrogates.
    std::string_view raw = v->get_string();
    if (has_control_characters(raw, multiline)) {
        add_error(std::string(field),
                  multiline ? "must not contain control characters other than tab and line breaks"
                            : "must not contain control characters or line breaks");
        return std::nullopt;
    }
    std::string text = normalize_nfc(trim(raw));
    std::size_t length = utf8_length(text);
    if (length < min_chars) {
        add_error(std::string(field),
                  min_chars == 1
                      ? "must not be empty"
                      : "must have at least " + std::to_string(min_chars) + " characters");
        return std::nullopt;
    }
    if (length > max_chars) {
        add_error(std::string(field),
                  "must have at most " + std::to_string(max_chars) + " characters");
        return std::nullopt;
    }
    return text;
}

std::optional<std::optional<std::string>> ObjectReader::nullable_string(std::string_view field,
                                                                        std::size_t max_chars,
                                                                        bool multiline) {
    const auto* v = find(field);
    if (!v) return std::nullopt;
    if (v->is_null()) return std::optional<std::string>{};
    auto text = string(field, 0, max_chars, multiline);
    if (!text) return std::nullopt;
    if (text->empty()) return std::optional<std::string>{};
    return std::optional<std::string>{std::move(*text)};
}

std::optional<bool> ObjectReader::boolean(std::string_view field) {
    const auto* v = find(field);
    if (!v) return std::nullopt;
    if (!v->is_bool()) {
        add_error(std::string(field), "must be true or false");
        return std::nullopt;
    }
    return v->get_bool();
}

std::optional<std::int64_t> ObjectReader::integer(std::string_view field, std::int64_t min,
                                                  std::int64_t max) {
    const auto* v = find(field);
    if (!v) return std::nullopt;
    std::optional<std::int64_t> number;
    if (v->is_int64())
        number = v->get_int64();
    else if (v->is_uint64() && v->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
        number = static_cast<std::int64_t>(v->get_uint64());
    if (!number) {
        add_error(std::string(field), "must be an integer");
        return std::nullopt;
    }
    if (*number < min || *number > max) {
        add_error(std::string(field),
                  "must be between " + std::to_string(min) + " and " + std::to_string(max));
        return std::nullopt;
    }
    return number;
}

std::optional<std::vector<std::string>> ObjectReader::uuid_array(std::string_view field,
                                                                 std::size_t min_items,
                                                                 std::size_t max_items) {
    const auto* v = find(field);
    if (!v) return std::nullopt;
    if (!v->is_array()) {
        add_error(std::string(field), "must be an array of ids");
        return std::nullopt;
    }
    const auto& array = v->get_array();
    if (array.size() < min_items) {
        add_error(std::string(field), "must have at least " + std::to_string(min_items) +
                                          (min_items == 1 ? " id" : " ids"));
        return std::nullopt;
    }
    if (array.size() > max_items) {
        add_error(std::string(field), "must have at most " + std::to_string(max_items) + " ids");
        return std::nullopt;
    }
    std::vector<std::string> ids;
    std::set<std::string> seen;
    bool good = true;
    for (std::size_t i = 0; i < array.size(); ++i) {
        std::string item_field = std::string(field) + "[" + std::to_string(i) + "]";
        std::optional<std::string> id;
        if (array[i].is_string()) id = canonical_uuid(array[i].get_string());
        if (!id) {
            add_error(item_field, "must be a UUID");
            good = false;
        } else if (!seen.insert(*id).second) {
            add_error(item_field, "is a duplicate of an earlier id");
            good = false;
        } else {
            ids.push_back(std::move(*id));
        }
    }
    if (!good) return std::nullopt;
    return ids;
}

}  // namespace codeflix::core
