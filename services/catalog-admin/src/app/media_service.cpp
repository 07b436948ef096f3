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
#include "media_keys.hpp"
#include "representations.hpp"

namespace codeflix::catalog_admin::app {

using repositories::MediaRepository;
using repositories::Upload;

namespace {

constexpr std::size_t kImageHeadBytes = std::size_t{256} * 1024;
constexpr std::size_t kContainerHeadBytes = 4096;

core::Error no_upload() { return core::Error::not_found("No such upload for this media slot"); }

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

core::Result<boost::json::object> MediaService::preview(soci::session& session,
                                                        const std::string& video_id,
                                                        std::string_view kind) const {
    if (kind != "video" && kind != "trailer")
        return core::Error::not_found("Only the video and the trailer have a preview");
    auto video = repositories::VideoRepository().find(session, video_id);
    if (!video) return core::Error::not_found("No video with this id");
    if (!signer_)
        return core::Error::unavailable(
            "Previews are not configured: set CODEFLIX_STORAGE_URL_SECRET (shared with the "
            "gateway)");
    const auto& slot = video->media[kind == "video" ? 0 : 1];
    boost::json::object current;
    if (!slot.current.empty())
        if (auto parsed = core::parse_json(slot.current); parsed && parsed->is_object())
            current = std::move(parsed->as_object());
    // Only keys inside the slot's own media folder become URLs.
    auto path_of = [&](std::string_view name) -> std::optional<std::string> {
        const auto* value = current.if_contains(name);
        if (value == nullptr || !value->is_string()) return std::nullopt;
        return storage::media_relative_key(value->as_string(), video_id, kind);
    };
    auto hls = path_of("hls");
    auto dash = path_of("dash");
    if (!hls || !dash)
        return core::Error::conflict("The " + std::string(kind) +
                                     " has no completed encoding to preview yet");
    auto expires = core::now() + kPreviewLifetime;
    auto prefix = signer_->media_prefix(video_id, core::unix_seconds(expires));
    return boost::json::object{{"hls_url", prefix + *hls},
                               {"dash_url", prefix + *dash},
                               {"expires_at", core::to_rfc3339(expires)}};
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

}  // namespace codeflix::catalog_admin::app
