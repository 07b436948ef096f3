#include <algorithm>
#include <cctype>
#include <charconv>
#include <codeflix/core/config.hpp>
#include <cstdlib>

namespace codeflix::core {

Config::Config(std::string_view service) : service_(service), prefix_("CODEFLIX_") {
    for (char c : service) {
        prefix_ += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    prefix_ += '_';
}

const char* Config::lookup(std::string_view key, std::string* name_found) const {
    std::string specific = prefix_ + std::string(key);
    if (const char* v = std::getenv(specific.c_str())) {
        *name_found = specific;
        return v;
    }
    std::string shared = "CODEFLIX_" + std::string(key);
    *name_found = shared;
    return std::getenv(shared.c_str());
}

std::string Config::string(std::string_view key, std::string_view fallback) const {
    std::string name;
    const char* v = lookup(key, &name);
    return v ? std::string(v) : std::string(fallback);
}

std::int64_t Config::integer(std::string_view key, std::int64_t fallback, std::int64_t min,
                             std::int64_t max) const {
    std::string name;
    const char* v = lookup(key, &name);
    if (!v) return fallback;
    std::string_view text(v);
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < min || value > max) {
        throw ConfigError(name + "=\"" + std::string(text) + "\" is not an integer in [" +
                          std::to_string(min) + ", " + std::to_string(max) + "]");
    }
    return value;
}

bool Config::boolean(std::string_view key, bool fallback) const {
    std::string name;
    const char* v = lookup(key, &name);
    if (!v) return fallback;
    std::string text(v);
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (text == "1" || text == "true" || text == "yes" || text == "on") return true;
    if (text == "0" || text == "false" || text == "no" || text == "off") return false;
    throw ConfigError(name + "=\"" + std::string(v) + "\" is not a boolean (true/false)");
}

std::vector<std::string> Config::list(std::string_view key, std::string_view fallback) const {
    std::string text = string(key, fallback);
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = std::min(text.find(',', start), text.size());
        if (end > start) items.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return items;
}

}  // namespace codeflix::core
