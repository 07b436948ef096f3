#pragma once

#include <soci/soci.h>

#include <boost/json/object.hpp>
#include <chrono>
#include <codeflix/core/result.hpp>
#include <codeflix/db/database.hpp>
#include <codeflix/messaging/consumer.hpp>
#include <codeflix/storage/object_store.hpp>
#include <codeflix/storage/url_signer.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../domain/video.hpp"

namespace codeflix::catalog_admin::app {

/// The media slots of videos (ARCHITECTURE §7): signed uploads straight into storage through
/// the gateway, the checks when an upload completes (size, magic bytes, a libavformat probe for
/// video and trailer, the header of an image), `media_uploaded` for the encoder, and the
/// encoder's progress, completed and failed events.
///
/// Object keys: the PUT lands at `uploads/<video>/<kind>/<upload>`; `complete` first moves it
/// to `sources/<video>/<kind>/<upload>`, out of reach of the (still valid) upload URL, so what
/// was checked is what the encoder reads. Images are published at
/// `images/<video>/<kind>/<upload>.<ext>`, encoder posters at
/// `images/<video>/poster/<encoding>.jpg`.
class MediaService {
  public:
    /// Without a signer (no STORAGE_URL_SECRET) upload URLs cannot be issued: 503.
    /// `encoding_grace`: how long a replaced encoding stays in storage (viewers may be playing
    /// it) before collect_garbage deletes it.
    MediaService(storage::ObjectStore& store, std::optional<storage::UrlSigner> signer,
                 std::chrono::seconds upload_ttl, std::chrono::seconds encoding_grace);

    /// `POST /api/admin/videos/{id}/media/{kind}/uploads`: an open upload with its signed PUT
    /// URL (path on the gateway), method, headers and expiry.
    core::Result<boost::json::object> create_upload(soci::session& session,
                                                    const std::string& video_id,
                                                    std::string_view kind,
                                                    const boost::json::object& body) const;

    struct Completion {
        /// False when the file was refused: the slot is `failed` with `reason`.
        bool accepted = true;
        std::string reason;
        domain::Video video;
    };

    /// `POST .../uploads/{upload_id}/complete`. Storage and probing happen outside any
    /// transaction; the bookkeeping and events commit together. Completing an accepted upload
    /// again answers its current state.
    core::Result<Completion> complete_upload(db::Database& database, const std::string& video_id,
                                             std::string_view kind,
                                             const std::string& upload_id) const;

    /// `GET /api/admin/videos/{id}/media/{kind}/preview` (kind video or trailer): signed HLS and
    /// DASH URLs of the slot's live encoding, whether the video is published or not, valid for
    /// `kPreviewLifetime` (nginx checks them as it checks a viewer's, ARCHITECTURE §7).
    core::Result<boost::json::object> preview(soci::session& session, const std::string& video_id,
                                              std::string_view kind) const;
    static constexpr std::chrono::seconds kPreviewLifetime{3600};

    /// Marks rejected, and deletes the objects of, uploads still open 12 hours after their URL
    /// expired (a PUT that started in time may still be arriving until then). Returns how many.
    int sweep_expired(db::Database& database) const;

    /// Deletes storage nothing points to any more once its time has come (table media_garbage):
    /// sources of replaced or failed uploads, folders of failed encodings at once, folders of
    /// replaced encodings after the grace period. Returns how many targets were deleted.
    int collect_garbage(db::Database& database) const;

    /// Handles `codeflix.encoder.media.{progress,completed,failed}.v1`; `written` runs after
    /// each commit (it wakes the outbox relay).
    void subscribe(messaging::Consumer& consumer, std::function<void()> written) const;
    static std::vector<std::string> encoder_bindings();

  private:
    struct Checked;
    /// The encoding an encoder event is about, its ids checked.
    struct Output {
        std::string video_id;
        std::string kind;
        std::string upload_id;
        std::string encoding_id;
        std::string folder() const;
    };
    static Output encoder_output(const boost::json::object& data);
    static std::optional<Output> previous_output(const domain::MediaSlot& slot,
                                                 const std::string& video_id,
                                                 std::string_view kind);
    void discard(soci::session& session, const Output& output, const std::string& why,
                 std::chrono::seconds grace) const;
    Checked check_object(const std::string& video_id, std::string_view kind,
                         const std::string& upload_id, const std::string& content_type,
                         std::int64_t declared_size) const;

    storage::ObjectStore& store_;
    std::optional<storage::UrlSigner> signer_;
    std::chrono::seconds upload_ttl_;
    std::chrono::seconds encoding_grace_;
};

}  // namespace codeflix::catalog_admin::app
