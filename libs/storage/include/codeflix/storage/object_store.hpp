#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <istream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace codeflix::storage {

/// What a listing or stat() says about one object.
struct ObjectInfo {
    std::string key;
    std::uint64_t size = 0;
    std::chrono::system_clock::time_point modified;
};

/// An I/O failure of the store. Messages name the key, never the store's location.
class StorageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// The object a call needs does not exist.
class NotFound : public StorageError {
  public:
    using StorageError::StorageError;
};

/// Object storage (ARCHITECTURE §7). Every call validates its keys (key.hpp) and throws
/// std::invalid_argument for a bad one before touching anything. Writes are atomic: readers see
/// the old object or the whole new one. Shaped so an S3-compatible implementation can follow:
/// no directories in the interface, listing by prefix, move may be copy then delete.
class ObjectStore {
  public:
    virtual ~ObjectStore() = default;

    /// Stores everything `data` yields under `key`, replacing any previous object.
    virtual void put(std::string_view key, std::istream& data) = 0;
    virtual void put_bytes(std::string_view key, std::string_view bytes) = 0;
    /// Copies a local file in (an S3 implementation uploads it, multipart when large).
    virtual void put_file(std::string_view key, const std::filesystem::path& source) = 0;

    /// A stream over the object; throws NotFound. A read failure sets the stream's badbit.
    /// Stores every regular file under the local `folder` at `prefix` + its relative path (a
    /// whole encoding's output), taking the files over: they may be moved rather than copied.
    /// The objects are durable when it returns. `prefix` must be a valid key prefix ending in
    /// '/'; every key is checked before anything is stored. Returns how many were stored.
    virtual std::size_t put_folder(std::string_view prefix,
                                   const std::filesystem::path& folder) = 0;
    virtual std::unique_ptr<std::istream> get(std::string_view key) const = 0;
    /// Up to `max_bytes` from the start of the object (magic bytes, image headers); NotFound if
    /// absent.
    virtual std::string read_head(std::string_view key, std::size_t max_bytes) const = 0;
    virtual std::optional<ObjectInfo> stat(std::string_view key) const = 0;
    /// Objects whose key starts with `prefix` (plain string match as in S3: "a/b" lists "a/b/c"
    /// and "a/bc"; "a/b/" lists only inside the folder; "" lists everything), sorted by key, at
    /// most `limit`.
    virtual std::vector<ObjectInfo> list(std::string_view prefix,
                                         std::size_t limit = 10000) const = 0;

    /// True when something was deleted.
    virtual bool remove(std::string_view key) = 0;
    /// Deletes every object under `prefix`, which must be a non-empty folder prefix ending in
    /// '/' (std::invalid_argument otherwise); returns how many.
    virtual std::size_t remove_prefix(std::string_view prefix) = 0;
    /// Atomic rename where the store allows it (filesystem), else copy then delete. Overwrites
    /// `to`; throws NotFound when `from` is absent.
    virtual void move(std::string_view from, std::string_view to) = 0;

    /// A local file path of the object when the store is a local filesystem (ffmpeg reads it in
    /// place); nullopt otherwise.
    virtual std::optional<std::filesystem::path> local_path(std::string_view key) const = 0;
};

}  // namespace codeflix::storage
