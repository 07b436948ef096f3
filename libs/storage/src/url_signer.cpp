#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <codeflix/core/base64.hpp>
#include <codeflix/storage/key.hpp>
#include <codeflix/storage/url_signer.hpp>
#include <stdexcept>
#include <utility>

namespace codeflix::storage {
namespace {

constexpr std::string_view kUploadsFolder = "uploads/";

// nginx reads the secret as part of a quoted string in its configuration, where these would
// end the string, start a variable or be escapes.
bool is_literal_in_nginx(char c) {
    return c > 0x20 && c < 0x7F && c != '"' && c != '\'' && c != '\\' && c != '$' && c != ';' &&
           c != '{' && c != '}';
}

void require_valid_expiry(std::int64_t expires) {
    if (expires <= 0) {
        throw std::invalid_argument("a signed URL needs a positive expiry (unix seconds), not " +
                                    std::to_string(expires));
    }
}

}  // namespace

UrlSigner::UrlSigner(std::string secret) : secret_(std::move(secret)) {
    if (secret_.size() < kMinSecretLength) {
        throw std::invalid_argument("the URL signing secret must be at least " +
                                    std::to_string(kMinSecretLength) + " characters long");
    }
    if (!std::all_of(secret_.begin(), secret_.end(), is_literal_in_nginx)) {
        throw std::invalid_argument(
            "the URL signing secret may only hold printable ASCII other than white space, quotes, "
            "'\\', '$', ';', '{' and '}'");
    }
}

std::string UrlSigner::upload_path(std::string_view key, std::uint64_t size,
                                   std::int64_t expires) const {
    require_valid_key(key);
    if (!key.starts_with(kUploadsFolder) || key.size() == kUploadsFolder.size()) {
        throw std::invalid_argument("an upload URL needs a key under \"uploads/\", not \"" +
                                    std::string(key) + "\"");
    }
    require_valid_expiry(expires);
    const std::string expiry = std::to_string(expires);
    std::string signed_text = expiry;
    signed_text.append("/").append(key).append(" ").append(std::to_string(size));
    signed_text.append(" ").append(secret_);
    std::string path = "/uploads/";
    path.append(token(signed_text)).append("/").append(expiry).append("/");
    path.append(key.substr(kUploadsFolder.size()));
    return path;
}

std::string UrlSigner::media_prefix(std::string_view video_id, std::int64_t expires) const {
    return folder_prefix("media", video_id, "", expires);
}

std::string UrlSigner::trailer_prefix(std::string_view video_id, std::int64_t expires) const {
    return folder_prefix("trailers", video_id, "/trailer", expires);
}

std::string UrlSigner::folder_prefix(std::string_view root, std::string_view video_id,
                                     std::string_view scope, std::int64_t expires) const {
    if (!is_valid_key_segment(video_id)) {
        throw std::invalid_argument("a media URL needs a video id that is one key segment, not \"" +
                                    std::string(video_id) + "\"");
    }
    require_valid_expiry(expires);
    const std::string expiry = std::to_string(expires);
    std::string signed_text = expiry;
    signed_text.append("/").append(video_id).append(scope).append(" ").append(secret_);
    std::string path = "/";
    path.append(root).append("/").append(token(signed_text)).append("/").append(expiry);
    path.append("/").append(video_id).append("/");
    return path;
}

std::string UrlSigner::token(std::string_view signed_text) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(signed_text.data(), signed_text.size(), digest.data(), &length, EVP_md5(),
                   nullptr) != 1) {
        throw std::runtime_error("MD5 is unavailable (OpenSSL FIPS mode?): cannot sign URLs");
    }
    return core::base64url_encode(
        std::string_view(reinterpret_cast<const char*>(digest.data()), length));
}

}  // namespace codeflix::storage
