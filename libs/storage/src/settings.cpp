#include <algorithm>
#include <cctype>
#include <codeflix/storage/filesystem_store.hpp>
#include <codeflix/storage/settings.hpp>
#include <codeflix/storage/url_signer.hpp>
#include <stdexcept>

namespace codeflix::storage {
namespace {

constexpr std::int64_t kDefaultUploadTtl = 3600;
constexpr std::int64_t kMinUploadTtl = 60;
constexpr std::int64_t kMaxUploadTtl = std::int64_t{7} * 24 * 3600;

// The URI scheme of `location` ("s3" for "s3://bucket"), or "" for a plain path. A scheme is
// a letter then letters, digits, '+', '-' or '.', before a ':' that comes before any '/'.
std::string scheme_of(std::string_view location) {
    const std::size_t colon = location.find(':');
    if (colon == std::string_view::npos || colon == 0) return {};
    const std::string_view scheme = location.substr(0, colon);
    if (scheme.find('/') != std::string_view::npos) return {};
    const bool valid = std::isalpha(static_cast<unsigned char>(scheme.front())) != 0 &&
                       std::all_of(scheme.begin(), scheme.end(), [](char c) {
                           return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '+' ||
                                  c == '-' || c == '.';
                       });
    if (!valid) return {};
    std::string lower(scheme);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower;
}

// The folder a "file:" location names: "file:/srv/media" and "file:///srv/media" (an empty
// authority) are "/srv/media"; "file:var/storage" is relative.
std::filesystem::path file_location_path(std::string_view location) {
    std::string_view rest = location.substr(location.find(':') + 1);
    if (rest.starts_with("//")) {
        rest.remove_prefix(2);
        if (!rest.starts_with("/")) {
            throw std::invalid_argument(
                "storage root \"" + std::string(location) +
                "\" names a host; only local file: locations are supported");
        }
    }
    if (rest.empty()) {
        throw std::invalid_argument("storage root \"" + std::string(location) +
                                    "\" names no folder");
    }
    return std::filesystem::path(rest);
}

}  // namespace

StorageSettings storage_settings(const core::Config& config) {
    StorageSettings settings;
    settings.root = config.string("STORAGE_ROOT", "var/storage");
    settings.url_secret = config.string("STORAGE_URL_SECRET", "");
    settings.upload_url_ttl = std::chrono::seconds(config.integer(
        "STORAGE_UPLOAD_URL_TTL_SECONDS", kDefaultUploadTtl, kMinUploadTtl, kMaxUploadTtl));
    if (settings.root.empty()) throw core::ConfigError("the STORAGE_ROOT setting is empty");
    if (!settings.url_secret.empty()) {
        try {
            const UrlSigner signer(settings.url_secret);  // fails now, not at the first upload
        } catch (const std::invalid_argument& e) {
            throw core::ConfigError(std::string("the STORAGE_URL_SECRET setting: ") + e.what());
        }
    }
    return settings;
}

std::unique_ptr<ObjectStore> open_store(const StorageSettings& settings) {
    const std::string location = settings.root.string();
    if (location.empty()) throw std::invalid_argument("the storage root is empty");
    const std::string scheme = scheme_of(location);
    if (scheme.empty()) return std::make_unique<FilesystemStore>(settings.root);
    if (scheme == "file") return std::make_unique<FilesystemStore>(file_location_path(location));
    if (scheme == "s3" || scheme.starts_with("s3+")) {
        throw std::invalid_argument("S3 storage is not available in this build: " + location);
    }
    throw std::invalid_argument("storage root \"" + location +
                                "\" has an unsupported scheme; use a folder path or file:/path");
}

}  // namespace codeflix::storage
