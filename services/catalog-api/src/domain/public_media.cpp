#include "public_media.hpp"

#include <array>
#include <boost/json/array.hpp>
#include <string_view>

namespace codeflix::catalog_api::domain {
namespace {

const boost::json::object* current_of(const boost::json::object& media, std::string_view kind) {
    const auto* slot = media.if_contains(kind);
    if (slot == nullptr || !slot->is_object()) return nullptr;
    const auto* current = slot->as_object().if_contains("current");
    if (current == nullptr || !current->is_object()) return nullptr;
    return &current->as_object();
}

boost::json::value field(const boost::json::object& object, std::string_view name) {
    const auto* value = object.if_contains(name);
    return value != nullptr ? *value : boost::json::value(nullptr);
}

}  // namespace

boost::json::object public_media(const boost::json::value* media) {
    static const boost::json::object kEmpty;
    const auto& all = media != nullptr && media->is_object() ? media->as_object() : kEmpty;
    boost::json::object out;
    for (std::string_view kind :
         std::array<std::string_view, 3>{"thumbnail", "thumbnail_half", "banner"}) {
        const auto* current = current_of(all, kind);
        if (current == nullptr) {
            out[kind] = nullptr;
            continue;
        }
        out[kind] = boost::json::object{{"url", field(*current, "url")},
                                        {"width", field(*current, "width")},
                                        {"height", field(*current, "height")}};
    }
    for (std::string_view kind : std::array<std::string_view, 2>{"video", "trailer"}) {
        const auto* current = current_of(all, kind);
        if (current == nullptr) {
            out[kind] = boost::json::object{{"ready", false}};
            continue;
        }
        boost::json::array heights;
        if (const auto* renditions = current->if_contains("renditions");
            renditions != nullptr && renditions->is_array()) {
            for (const auto& rendition : renditions->as_array()) {
                if (rendition.is_object())
                    heights.push_back(field(rendition.as_object(), "height"));
            }
        }
        out[kind] = boost::json::object{{"ready", true},
                                        {"duration_seconds", field(*current, "duration_seconds")},
                                        {"poster_url", field(*current, "poster_url")},
                                        {"has_audio", field(*current, "has_audio")},
                                        {"heights", std::move(heights)}};
    }
    return out;
}

}  // namespace codeflix::catalog_api::domain
