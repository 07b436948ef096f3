#pragma once

#include <codeflix/storage/object_store.hpp>
#include <filesystem>

namespace codeflix::storage {

/// An ObjectStore in a local directory: key "a/b/c" is the file <root>/a/b/c. Files are written
/// 0644 and folders 0755 whatever the umask, so nginx and other processes can read them. A
/// write goes to a ".tmp-<hex>" file beside the target (never a valid key, so never listed),
/// which is fsynced and renamed over the target, and the folder is fsynced. remove() and
/// remove_prefix() prune folders left empty, except the top-level ones (kept like buckets: nginx
/// writes uploads into "uploads/" as its own user). Unlike S3, a key cannot be both an object and a
/// folder ("a/b" and "a/b/c"): the second write fails with StorageError. Thread-safe, and safe
/// to share a root between processes.
class FilesystemStore final : public ObjectStore {
  public:
    /// Creates `root` (and its parents) if missing; StorageError if that fails.
    explicit FilesystemStore(std::filesystem::path root);

    /// The absolute root directory.
    const std::filesystem::path& root() const { return root_; }

    void put(std::string_view key, std::istream& data) override;
    void put_bytes(std::string_view key, std::string_view bytes) override;
    void put_file(std::string_view key, const std::filesystem::path& source) override;
    /// Renames the files in when the folder is on the store's filesystem (a copy otherwise) and
    /// flushes the filesystem once (syncfs), instead of once per file.
    std::size_t put_folder(std::string_view prefix, const std::filesystem::path& folder) override;
    std::unique_ptr<std::istream> get(std::string_view key) const override;
    std::string read_head(std::string_view key, std::size_t max_bytes) const override;
    std::optional<ObjectInfo> stat(std::string_view key) const override;
    std::vector<ObjectInfo> list(std::string_view prefix, std::size_t limit = 10000) const override;
    bool remove(std::string_view key) override;
    std::size_t remove_prefix(std::string_view prefix) override;
    void move(std::string_view from, std::string_view to) override;
    /// <root>/<key>, whether or not the object exists.
    std::optional<std::filesystem::path> local_path(std::string_view key) const override;

  private:
    /// Validates `key` and returns its file path.
    std::filesystem::path path_of(std::string_view key) const;
    void copy_then_remove(std::string_view from, std::string_view to);

    std::filesystem::path root_;
};

}  // namespace codeflix::storage
