#include "playback_media.hpp"

#include <algorithm>
#include <boost/json/object.hpp>
#include <cmath>
#include <codeflix/core/uuid.hpp>
#include <codeflix/storage/key.hpp>

namespace codeflix::catalog_api::domain {
namespace {

core::Error not_ready_error(std::string_view why, std::string_view slot) {
    return core::Error::conflict("The " + std::string(slot) + " is not ready to play yet (" +
                                 std::string(why) + ")");
}

const boost::json::object* object_member(const boost::json::object& object, std::string_view name) {
    const auto* value = object.if_contains(name);
    return value != nullptr && value->is_object() ? &value->as_object() : nullptr;
}

/// storage::media_relative_key of a JSON member that should be a key.
std::optional<std::string> relative_key(const boost::json::value* key, std::string_view video_id,
                                        std::string_view slot) {
    if (key == nullptr || !key->is_string()) return std::nullopt;
    return storage::media_relative_key(key->as_string(), video_id, slot);
}

std::optional<std::int64_t> positive_integer(const boost::json::object& object,
                                             std::string_view name) {
    const auto* value = object.if_contains(name);
    if (value == nullptr || !value->is_int64() || value->as_int64() <= 0) return std::nullopt;
    return value->as_int64();
}

core::Result<std::vector<Rendition>> renditions_of(const boost::json::object& current,
                                                   std::string_view slot) {
    const auto* list = current.if_contains("renditions");
    if (list == nullptr || !list->is_array() || list->as_array().empty())
        return not_ready_error("no renditions", slot);
    std::vector<Rendition> out;
    for (const auto& item : list->as_array()) {
        if (!item.is_object()) return not_ready_error("a malformed rendition", slot);
        auto width = positive_integer(item.as_object(), "width");
        auto height = positive_integer(item.as_object(), "height");
        if (!width || !height) return not_ready_error("a malformed rendition", slot);
        out.push_back({*width, *height});
    }
    return out;
}

std::int64_t short_side(const Rendition& rendition) {
    return std::min(rendition.width, rendition.height);
}

}  // namespace

core::Result<PlaybackMedia> playback_media(const boost::json::value* media,
                                           std::string_view video_id, Quality cap,
                                           std::string_view slot) {
    auto not_ready = [slot](std::string_view why) { return not_ready_error(why, slot); };
    if (media == nullptr || !media->is_object()) return not_ready("no media");
    const auto* stream = object_member(media->as_object(), slot);
    const auto* current = stream != nullptr ? object_member(*stream, "current") : nullptr;
    if (current == nullptr) return not_ready("no encoded " + std::string(slot));

    PlaybackMedia out;
    const auto* encoding = current->if_contains("encoding_id");
    auto encoding_id = encoding != nullptr && encoding->is_string()
                           ? core::canonical_uuid(encoding->as_string())
                           : std::nullopt;
    if (!encoding_id) return not_ready("no encoding id");
    out.encoding_id = *encoding_id;

    const auto* duration = current->if_contains("duration_seconds");
    if (duration == nullptr || !duration->is_number()) return not_ready("no duration");
    out.duration_seconds = duration->to_number<double>();
    if (!std::isfinite(out.duration_seconds) || out.duration_seconds <= 0 ||
        out.duration_seconds > kMaxDurationSeconds)
        return not_ready("no plausible duration");

    auto renditions = renditions_of(*current, slot);
    if (!renditions) return renditions.error();
    auto limit = static_cast<std::int64_t>(short_side_of(cap));
    bool above_cap = std::any_of(renditions->begin(), renditions->end(),
                                 [&](const Rendition& r) { return short_side(r) > limit; });

    const auto* hls = current->if_contains("hls");
    const auto* dash = current->if_contains("dash");
    // The full manifests are part of every encoding, whichever one the plan plays.
    if (!relative_key(hls, video_id, slot) || !relative_key(dash, video_id, slot))
        return not_ready("no valid manifests");
    if (above_cap) {
        const auto* capped = object_member(*current, "capped");
        const auto* manifests =
            capped != nullptr ? object_member(*capped, to_string(cap)) : nullptr;
        if (manifests != nullptr) {
            hls = manifests->if_contains("hls");
            dash = manifests->if_contains("dash");
            out.capped = true;
        }
    }
    auto hls_key = relative_key(hls, video_id, slot);
    auto dash_key = relative_key(dash, video_id, slot);
    if (!hls_key || !dash_key) return not_ready("no valid manifests");
    out.hls_path = *hls_key;
    out.dash_path = *dash_key;

    if (const auto* trickplay = current->if_contains("trickplay");
        trickplay != nullptr && !trickplay->is_null()) {
        auto key = relative_key(trickplay, video_id, slot);
        if (!key) return not_ready("a malformed trick-play index");
        out.thumbnails_path = *key;
    }

    for (const auto& rendition : *renditions) {
        if (short_side(rendition) <= limit) out.renditions.push_back(rendition);
    }
    if (out.renditions.empty()) {
        // Every rung is above the cap (a ladder without low rungs): the smallest is what plays.
        out.renditions.push_back(*std::min_element(
            renditions->begin(), renditions->end(),
            [](const Rendition& a, const Rendition& b) { return short_side(a) < short_side(b); }));
    }
    return out;
}

std::chrono::seconds token_lifetime(double duration_seconds) {
    constexpr std::chrono::seconds kMargin{2 * 3600};
    constexpr std::chrono::seconds kShortest{4 * 3600};
    double bounded = std::clamp(duration_seconds, 0.0, kMaxDurationSeconds);
    auto duration = std::chrono::seconds(static_cast<std::int64_t>(std::ceil(bounded)));
    return std::max(duration + kMargin, kShortest);
}

std::chrono::seconds trailer_token_lifetime(double duration_seconds) {
    double bounded = std::clamp(duration_seconds, 0.0, kMaxDurationSeconds);
    return std::chrono::seconds(static_cast<std::int64_t>(std::ceil(bounded))) +
           std::chrono::seconds(3600);
}

}  // namespace codeflix::catalog_api::domain
