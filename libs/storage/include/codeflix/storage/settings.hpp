#pragma once

#include <chrono>
#include <codeflix/core/config.hpp>
#include <codeflix/storage/object_store.hpp>
#include <filesystem>
#include <memory>
#include <string>

namespace codeflix::storage {

/// Where objects live and how URLs to them are signed.
struct StorageSettings {
    /// STORAGE_ROOT: a local folder, as a plain path or "file:/path" (default "var/storage",
    /// relative to the working directory). See open_store().
    std::filesystem::path root;
    /// STORAGE_URL_SECRET: the secret shared with the gateway's nginx `secure_link_md5`
    /// (UrlSigner). Empty (the default) means signed URLs are unavailable: the service must then
    /// refuse to hand out upload and playback URLs rather than sign with a guessable secret.
    std::string url_secret;
    /// STORAGE_UPLOAD_URL_TTL_SECONDS: how long an upload URL stays valid (default 3600, from
    /// 60 seconds to 7 days).
    std::chrono::seconds upload_url_ttl{3600};
};

/// Reads the settings with `config`; core::ConfigError for a bad value (a TTL out of range, a
/// secret that is set but unusable by UrlSigner).
StorageSettings storage_settings(const core::Config& config);

/// The store `settings.root` names: a plain path or "file:/path" (also "file:///path") opens a
/// FilesystemStore, creating the folder if needed. Any other scheme ("s3:", ...) throws
/// std::invalid_argument; StorageError when the folder cannot be created.
std::unique_ptr<ObjectStore> open_store(const StorageSettings& settings);

}  // namespace codeflix::storage
