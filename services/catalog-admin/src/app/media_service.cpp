#include "media_service.hpp"

#include <boost/json/serialize.hpp>
#include <codeflix/core/clock.hpp>
#include <codeflix/core/json.hpp>
#include <codeflix/core/log.hpp>
#include <codeflix/core/uuid.hpp>
#include <codeflix/media/probe.hpp>
#include <codeflix/media/sniff.hpp>
#include <codeflix/messaging/outbox.hpp>
#include <codeflix/storage/key.hpp>
#include <filesystem>

#include "../domain/media.hpp"
#include "../events/catalog_events.hpp"
#include "../repositories/media_repository.hpp"
#include "../repositories/video_repository.hpp"
#include "representations.hpp"

namespace codeflix::catalog_admin::app {

using repositories::MediaRepository;
using repositories::Upload;

namespace {

constexpr std::size_t kImageHeadBytes = std::size_t{256} * 1024;
constexpr std::size_t kContainerHeadBytes = 4096;

std::string upload_key(const std::string& video, std::string_view kind, const std::string& id) {
    return storage::join_key({"uploads", video, kind, id});
}

std::string source_key(const std::string& video, std::string_view kind, const std::string& id) {
    return storage::join_key({"sources", video, kind, id});
}

core::Error no_upload() { return core::Error::not_found("No such upload for this media slot"); }

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

}  // namespace

struct MediaService::Checked {
    std::optional<std::string> reason;  // refused when set
    std::string final_key;              // where the accepted object now is
    boost::json::object current;        // images: the live media
    boost::json::object probe;          // videos: the probe's findings
};

MediaService::MediaService(storage::ObjectStore& store, std::optional<storage::UrlSigner> signer,
                           std::chrono::seconds upload_ttl, std::chrono::seconds encoding_grace)
    : store_(store),
      signer_(std::move(signer)),
      upload_ttl_(upload_ttl),
      encoding_grace_(encoding_grace) {}

core::Result<boost::json::object> MediaService::create_upload(
    soci::session& session, const std::string& video_id, std::string_view kind,
    const boost::json::object& body) const {
    const auto* spec = domain::media_kind(kind);
    if (spec == nullptr)
        return core::Error::not_found(
            "No such media kind; use video, trailer, thumbnail, thumbnail_half or banner");
    auto request = domain::parse_upload_request(body, *spec);
    if (!request) return request.error();
    if (!repositories::VideoRepository().find(session, video_id))
        return core::Error::not_found("No video with this id");
    if (!signer_)
        return core::Error::unavailable(
            "Uploads are not configured: set CODEFLIX_STORAGE_URL_SECRET (shared with the "
            "gateway)");

    auto now = core::now();
    auto expires = now + upload_ttl_;
    Upload upload;
    upload.id = core::new_uuid_v7();
    upload.video_id = video_id;
    upload.kind = std::string(kind);
    upload.file_name = request->file_name;
    upload.content_type = request->content_type;
    upload.size = static_cast<std::int64_t>(request->size);
    upload.created_at = core::to_rfc3339(now);
    upload.expires_at = core::to_rfc3339(expires);
    MediaRepository::insert_upload(session, upload);
    auto url = signer_->upload_path(upload_key(video_id, kind, upload.id), request->size,
                                    core::unix_seconds(expires));
    return boost::json::object{
        {"id", upload.id},
        {"video_id", video_id},
        {"kind", upload.kind},
        {"file_name", upload.file_name},
        {"content_type", upload.content_type},
        {"size", upload.size},
        {"status", "open"},
        {"upload_url", url},
        {"method", "PUT"},
        {"headers", boost::json::object{{"Content-Type", upload.content_type}}},
        {"expires_at", upload.expires_at},
        {"max_size", spec->max_size}};
}

MediaService::Checked MediaService::check_object(const std::string& video_id, std::string_view kind,
                                                 const std::string& upload_id,
                                                 const std::string& content_type,
                                                 std::int64_t declared_size) const {
    const auto& spec = *domain::media_kind(kind);
    Checked checked;
    auto source = source_key(video_id, kind, upload_id);
    auto info = store_.stat(source);
    if (!info) {
        checked.reason = "the uploaded file is gone";
        return checked;
    }
    if (static_cast<std::int64_t>(info->size) != declared_size) {
        checked.reason = "the file has " + std::to_string(info->size) + " bytes; " +
                         std::to_string(declared_size) + " were declared";
        return checked;
    }
    if (spec.is_image) {
        auto image = media::sniff_image(store_.read_head(source, kImageHeadBytes));
        if (!image) {
            checked.reason = image.error().message;
            return checked;
        }
        if (auto why = domain::unacceptable_image(*image, content_type)) {
            checked.reason = *why;
            return checked;
        }
        checked.final_key = storage::join_key(
            {"images", video_id, kind,
             upload_id + "." + std::string(domain::image_extension(image->format))});
        checked.current = boost::json::object{
            {"url", "/" + checked.final_key}, {"format", image->format}, {"width", image->width},
            {"height", image->height},        {"size", info->size},      {"upload_id", upload_id}};
        return checked;
    }
    if (!media::sniff_container(store_.read_head(source, kContainerHeadBytes))) {
        checked.reason =
            "not a video file: its first bytes match no known container (MP4, MOV, Matroska, "
            "WebM, MPEG-TS, AVI, FLV)";
        return checked;
    }
    // A probe needs a local file; a store without one (S3) would download the object first.
    auto path = store_.local_path(source);
    if (!path) {
        checked.reason = "the storage cannot be probed in place";
        return checked;
    }
    // Within the gateway's 30 s proxy timeout; a slow probe is a conflict to retry, not a verdict.
    auto outcome = media::probe(*path, std::chrono::seconds(20));
    if (const auto* failure = std::get_if<media::ProbeFailure>(&outcome)) {
        if (failure->timed_out) throw storage::StorageError("probing the file took too long");
        checked.reason = failure->reason;
        return checked;
    }
    const auto& probe = std::get<media::ProbeResult>(outcome);
    if (auto why = domain::unacceptable_video(probe)) {
        checked.reason = *why;
        return checked;
    }
    checked.final_key = source;
    checked.probe = domain::probe_json(probe);
    return checked;
}

core::Result<MediaService::Completion> MediaService::complete_upload(
    db::Database& database, const std::string& video_id, std::string_view kind,
    const std::string& upload_id) const {
    const auto* spec = domain::media_kind(kind);
    if (spec == nullptr) return no_upload();
    repositories::VideoRepository videos;
    auto found = database.with_session([&](soci::session& s) -> core::Result<Upload> {
        auto upload = MediaRepository::find_upload(s, upload_id);
        if (!upload || upload->video_id != video_id || upload->kind != kind) return no_upload();
        return *upload;
    });
    if (!found) return found.error();
    const Upload upload = *found;
    if (upload.status == "accepted") {
        auto video =
            database.with_session([&](soci::session& s) { return videos.find(s, video_id); });
        if (!video) return core::Error::not_found("No video with this id");
        return Completion{true, "", *video};
    }
    if (upload.status == "rejected")
        return core::Error::conflict("This upload was refused (" +
                                     upload.failure_reason.value_or("no reason") +
                                     "); ask for a new upload URL");

    // Out of reach of the upload URL first: what is checked is what the encoder will read.
    auto uploaded = upload_key(video_id, kind, upload_id);
    auto source = source_key(video_id, kind, upload_id);
    Checked checked;
    try {
        if (store_.stat(uploaded)) {
            store_.move(uploaded, source);
        } else if (!store_.stat(source)) {
            return core::Error::conflict(
                "The file has not been uploaded yet: PUT it to the upload URL, then complete");
        }
        checked = check_object(video_id, kind, upload_id, upload.content_type, upload.size);
        if (!checked.reason && spec->is_image) store_.move(source, checked.final_key);
    } catch (const storage::NotFound&) {
        // Another request moved it first (a double click): it finishes the job.
        return core::Error::conflict("This upload is being completed by another request");
    } catch (const storage::StorageError& e) {
        log::error("storage failed while completing an upload",
                   {{"upload", upload_id}, {"error", e.what()}});
        return core::Error::unavailable("The storage is unavailable; try again");
    }

    std::vector<std::string> stale_keys;
    auto result = database.transaction([&](soci::session& s) -> core::Result<Completion> {
        auto now = core::to_rfc3339(core::now());
        if (!MediaRepository::lock_video(s, video_id))
            return core::Error::not_found("No video with this id");
        bool accepted = !checked.reason.has_value();
        if (!MediaRepository::finish_upload(s, upload_id, accepted ? "accepted" : "rejected",
                                            checked.reason, now))
            return core::Error::conflict("This upload was completed by another request");
        auto video = videos.find(s, video_id);
        if (!video) return core::Error::not_found("No video with this id");
        domain::MediaSlot slot = video->media[spec->index];
        std::string status;
        slot.failure_reason = checked.reason;
        if (!accepted) {
            // upload_id stays the slot's accepted upload: an encode in progress still lands.
            status = "failed";
            stale_keys.push_back(source);
        } else if (spec->is_image) {
            status = "completed";
            slot.upload_id = upload_id;
            slot.progress = 100;
            if (!slot.current.empty()) {
                if (auto old = core::parse_json(slot.current); old && old->is_object()) {
                    if (const auto* url = old->as_object().if_contains("url");
                        url && url->is_string() && url->as_string().size() > 1)
                        stale_keys.emplace_back(url->as_string().subview(1));
                }
            }
            slot.current = boost::json::serialize(checked.current);
        } else {
            status = "pending";
            slot.upload_id = upload_id;
            slot.progress = 0;
            boost::json::object data{{"id", video_id},
                                     {"video_id", video_id},
                                     {"kind", std::string(kind)},
                                     {"upload_id", upload_id},
                                     {"source_key", source},
                                     {"file_name", upload.file_name},
                                     {"content_type", upload.content_type},
                                     {"size", upload.size},
                                     {"probe", checked.probe},
                                     {"version", video->meta.version + 1}};
            events::record(s, "video", "media_uploaded", std::move(data));
        }
        MediaRepository::save_slot(s, video_id, spec->index, slot, now);
        if (!MediaRepository::set_status(s, video_id, spec->index, status, now))
            return core::Error::not_found("No video with this id");
        auto updated = videos.find(s, video_id);
        if (!updated) return core::Error::not_found("No video with this id");
        events::record(s, "video", "updated", to_json(*updated));
        return Completion{accepted, checked.reason.value_or(""), *updated};
    });
    if (!result && result.error().code != core::ErrorCode::conflict && spec->is_image &&
        !checked.reason) {
        // Not recorded: the image goes back where a new complete finds it.
        stale_keys.clear();
        try {
            store_.move(checked.final_key, source);
        } catch (const std::exception& e) {
            log::warn("could not put back an unrecorded image",
                      {{"key", checked.final_key}, {"error", e.what()}});
        }
    }
    for (const auto& key : stale_keys) {
        try {
            store_.remove(key);
        } catch (const std::exception& e) {
            log::warn("could not delete a replaced object", {{"key", key}, {"error", e.what()}});
        }
    }
    return result;
}

int MediaService::sweep_expired(db::Database& database) const {
    constexpr int kBatch = 200;
    // nginx checks the URL when a PUT starts; a 50 GB body may still be arriving hours later.
    constexpr auto kGrace = std::chrono::hours(12);
    auto now = core::to_rfc3339(core::now());
    auto cutoff = core::to_rfc3339(core::now() - kGrace);
    auto expired = database.with_session(
        [&](soci::session& s) { return MediaRepository::expired_uploads(s, cutoff, kBatch); });
    int swept = 0;
    for (const auto& upload : expired) {
        try {
            // Marked first: a complete racing the sweep then finds the upload closed.
            bool closed = database.transaction([&](soci::session& s) {
                return MediaRepository::finish_upload(s, upload.id, "rejected",
                                                      std::string("the upload URL expired"), now);
            });
            if (!closed) continue;
            store_.remove(upload_key(upload.video_id, upload.kind, upload.id));
            ++swept;
        } catch (const std::exception& e) {
            log::warn("could not sweep an expired upload",
                      {{"upload", upload.id}, {"error", e.what()}});
        }
    }
    return swept;
}

namespace {

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
    for (const char* field : {"folder", "hls", "dash", "poster", "trickplay"}) {
        const auto* value = data.if_contains(field);
        if (value != nullptr && value->is_string() &&
            (!value->as_string().starts_with(folder) ||
             (value->as_string() != folder && !storage::is_valid_key(value->as_string()))))
            throw messaging::PermanentError(std::string("encoder event's ") + field +
                                            " is outside its folder");
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
