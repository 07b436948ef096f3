#include <boost/json/serialize.hpp>
#include <codeflix/core/clock.hpp>
#include <codeflix/core/json.hpp>
#include <codeflix/core/log.hpp>
#include <codeflix/core/uuid.hpp>
#include <codeflix/storage/key.hpp>

#include "../domain/media.hpp"
#include "../events/catalog_events.hpp"
#include "../repositories/media_repository.hpp"
#include "../repositories/video_repository.hpp"
#include "media_keys.hpp"
#include "media_service.hpp"
#include "representations.hpp"

// MediaService's side of the encoder: its events, and deleting the storage they leave unused.

namespace codeflix::catalog_admin::app {

using repositories::MediaRepository;

namespace {

/// Reads a field of an encoder event's data; PermanentError when it is missing (such an event
/// can never be applied).
std::string text_of(const boost::json::object& data, std::string_view field) {
    const auto* value = data.if_contains(field);
    if (value == nullptr || !value->is_string())
        throw messaging::PermanentError("event data lacks the text field " + std::string(field));
    return std::string(value->as_string());
}

const domain::MediaKindSpec& kind_of(const boost::json::object& data) {
    const auto* spec = domain::media_kind(text_of(data, "kind"));
    if (spec == nullptr || spec->is_image)
        throw messaging::PermanentError("event names no video media kind");
    return *spec;
}

/// The slot an encoder event is about, when the event still concerns the slot's newest upload;
/// nullopt (the event is stale: a newer upload replaced it, or the video is gone) otherwise.
struct SlotEvent {
    domain::Video video;
    const domain::MediaKindSpec* spec;
    std::string upload_id;
};

std::optional<SlotEvent> current_slot(soci::session& session, const boost::json::object& data) {
    const auto& spec = kind_of(data);
    auto video_id = text_of(data, "video_id");
    auto upload_id = text_of(data, "upload_id");
    if (core::canonical_uuid(video_id) != video_id || core::canonical_uuid(upload_id) != upload_id)
        throw messaging::PermanentError("encoder event with malformed ids");
    if (!MediaRepository::lock_video(session, video_id)) return std::nullopt;  // deleted
    auto video = repositories::VideoRepository().find(session, video_id);
    if (!video || video->media[spec.index].upload_id != upload_id) return std::nullopt;
    return SlotEvent{std::move(*video), &spec, std::move(upload_id)};
}

/// Writes the slot; a status change raises the video's version and emits video.updated.
void write_slot(soci::session& session, const SlotEvent& event, const domain::MediaSlot& slot,
                const std::string& status) {
    auto now = core::to_rfc3339(core::now());
    MediaRepository::save_slot(session, event.video.meta.id, event.spec->index, slot, now);
    if (status == event.video.media[event.spec->index].status) return;
    if (!MediaRepository::set_status(session, event.video.meta.id, event.spec->index, status, now))
        return;
    auto updated = repositories::VideoRepository().find(session, event.video.meta.id);
    if (updated) events::record(session, "video", "updated", to_json(*updated));
}

bool finished(const std::string& status) { return status == "completed" || status == "failed"; }

}  // namespace

std::vector<std::string> MediaService::encoder_bindings() { return {"codeflix.encoder.media.*.*"}; }

void MediaService::subscribe(messaging::Consumer& consumer, std::function<void()> written) const {
    consumer.after_commit(std::move(written));
    consumer.on("codeflix.encoder.media.progress.v1", [](soci::session& s,
                                                         const messaging::CloudEvent& event) {
        auto slot_event = current_slot(s, event.data);
        if (!slot_event) return;
        auto slot = slot_event->video.media[slot_event->spec->index];
        if (finished(slot.status)) return;  // a late progress report
        const auto* percent = event.data.if_contains("percent");
        if (percent == nullptr || !percent->is_int64())
            throw messaging::PermanentError("progress event lacks percent");
        slot.progress = static_cast<int>(std::clamp<std::int64_t>(percent->as_int64(), 0, 99));
        write_slot(s, *slot_event, slot, "processing");
    });
    consumer.on("codeflix.encoder.media.completed.v1", [this](soci::session& s,
                                                              const messaging::CloudEvent& event) {
        auto output = encoder_output(event.data);
        auto slot_event = current_slot(s, event.data);
        if (!slot_event) {
            // Replaced meanwhile (or the video is gone): nothing will point to this encoding.
            discard(s, output, "an encoding nothing points to", std::chrono::seconds(0));
            return;
        }
        auto slot = slot_event->video.media[slot_event->spec->index];
        boost::json::object current = event.data;
        current.erase("id");
        current.erase("video_id");
        current.erase("kind");
        // The poster is public (browse rows show it): copied next to the images.
        if (const auto* poster = event.data.if_contains("poster");
            poster && poster->is_string() && storage::is_valid_key(poster->as_string())) {
            auto public_key = storage::join_key(
                {"images", slot_event->video.meta.id, "poster", output.encoding_id + ".jpg"});
            if (!store_.stat(public_key)) {
                auto stream = store_.get(std::string(poster->as_string()));
                store_.put(public_key, *stream);
            }
            current["poster_url"] = "/" + public_key;
        }
        // The encoding this one replaces, and its source: viewers may still be playing it.
        if (auto old = previous_output(slot, slot_event->video.meta.id, slot_event->spec->kind);
            old && old->encoding_id != output.encoding_id)
            discard(s, *old, "a replaced encoding", encoding_grace_);
        slot.progress = 100;
        slot.failure_reason.reset();
        slot.current = boost::json::serialize(current);
        write_slot(s, *slot_event, slot, "completed");
    });
    consumer.on("codeflix.encoder.media.failed.v1",
                [this](soci::session& s, const messaging::CloudEvent& event) {
                    auto output = encoder_output(event.data);
                    // Nothing of a failed encode is ever played.
                    discard(s, output, "a failed encoding", std::chrono::seconds(0));
                    auto slot_event = current_slot(s, event.data);
                    if (!slot_event) return;
                    auto slot = slot_event->video.media[slot_event->spec->index];
                    if (slot.status == "completed") return;
                    slot.progress = 0;
                    slot.failure_reason = text_of(event.data, "reason");
                    write_slot(s, *slot_event, slot, "failed");
                });
}

MediaService::Output MediaService::encoder_output(const boost::json::object& data) {
    const auto& spec = kind_of(data);
    Output output{text_of(data, "video_id"), std::string(spec.kind), text_of(data, "upload_id"),
                  text_of(data, "encoding_id")};
    for (const auto* id : {&output.video_id, &output.upload_id, &output.encoding_id}) {
        if (core::canonical_uuid(*id) != *id)
            throw messaging::PermanentError("encoder event with a malformed id");
    }
    // Every path the event names sits in the encoding's own folder: never a key taken as is.
    auto folder = output.folder();
    auto outside = [&](std::string_view path) {
        return !path.starts_with(folder) || (path != folder && !storage::is_valid_key(path));
    };
    for (const char* field : {"folder", "hls", "dash", "poster", "trickplay"}) {
        const auto* value = data.if_contains(field);
        if (value != nullptr && value->is_string() && outside(value->as_string()))
            throw messaging::PermanentError(std::string("encoder event's ") + field +
                                            " is outside its folder");
    }
    // The manifests of capped plans (absent from encodings older than them): for each quality
    // below the top, an object of exactly two files in the folder, `hls` and `dash`.
    if (const auto* capped = data.if_contains("capped")) {
        if (!capped->is_object())
            throw messaging::PermanentError("encoder event's capped is not an object");
        for (const auto& [quality, paths] : capped->as_object()) {
            const auto* files = paths.if_object();
            if ((quality != "480p" && quality != "720p") || files == nullptr || files->size() != 2)
                throw messaging::PermanentError("encoder event's capped is malformed");
            for (const char* field : {"hls", "dash"}) {
                const auto* value = files->if_contains(field);
                if (value == nullptr || !value->is_string() || value->as_string() == folder ||
                    outside(value->as_string()))
                    throw messaging::PermanentError("encoder event's capped." +
                                                    std::string(quality) + "." + field +
                                                    " is outside its folder");
            }
        }
    }
    return output;
}

std::optional<MediaService::Output> MediaService::previous_output(const domain::MediaSlot& slot,
                                                                  const std::string& video_id,
                                                                  std::string_view kind) {
    if (slot.current.empty()) return std::nullopt;
    auto parsed = core::parse_json(slot.current);
    if (!parsed || !parsed->is_object()) return std::nullopt;
    const auto& current = parsed->as_object();
    const auto* upload = current.if_contains("upload_id");
    const auto* encoding = current.if_contains("encoding_id");
    if (upload == nullptr || encoding == nullptr || !upload->is_string() || !encoding->is_string())
        return std::nullopt;
    Output old{video_id, std::string(kind), std::string(upload->as_string()),
               std::string(encoding->as_string())};
    if (core::canonical_uuid(old.upload_id) != old.upload_id ||
        core::canonical_uuid(old.encoding_id) != old.encoding_id)
        return std::nullopt;
    return old;
}

void MediaService::discard(soci::session& session, const Output& output, const std::string& why,
                           std::chrono::seconds grace) const {
    auto now = core::now();
    auto now_text = core::to_rfc3339(now);
    MediaRepository::add_garbage(session, output.folder(), true, why, core::to_rfc3339(now + grace),
                                 now_text);
    MediaRepository::add_garbage(session,
                                 source_key(output.video_id, output.kind, output.upload_id), false,
                                 "the source of " + why, now_text, now_text);
}

std::string MediaService::Output::folder() const {
    return storage::join_key({"media", video_id, kind, encoding_id}) + "/";
}

int MediaService::collect_garbage(db::Database& database) const {
    constexpr int kBatch = 200;
    auto due = database.with_session([&](soci::session& s) {
        return MediaRepository::due_garbage(s, core::to_rfc3339(core::now()), kBatch);
    });
    int collected = 0;
    for (const auto& item : due) {
        try {
            if (item.is_prefix)
                store_.remove_prefix(item.target);
            else
                store_.remove(item.target);
            database.transaction([&](soci::session& s) {
                MediaRepository::forget_garbage(s, item.target);
                return true;
            });
            ++collected;
        } catch (const std::exception& e) {
            log::warn("could not delete unused media",
                      {{"target", item.target}, {"error", e.what()}});
        }
    }
    return collected;
}

}  // namespace codeflix::catalog_admin::app
