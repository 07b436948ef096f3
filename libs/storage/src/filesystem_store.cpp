#include <fcntl.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <codeflix/storage/filesystem_store.hpp>
#include <codeflix/storage/key.hpp>
#include <functional>
#include <system_error>
#include <utility>
#include <vector>

#include "posix_io.hpp"

namespace codeflix::storage {
namespace {

namespace fs = std::filesystem;
using detail::copy_all;
using detail::fail;
using detail::not_found;
using detail::quoted;
using detail::read_some;
using detail::sync_folder;
using detail::try_sync_folder;
using detail::UniqueFd;
using detail::write_all;

constexpr std::size_t kCopyChunk = std::size_t{1} << 20;
constexpr mode_t kFileMode = 0644;
constexpr mode_t kFolderMode = 0755;
// A concurrent remove() may prune a folder between our mkdir and our open or rename.
constexpr int kAttempts = 4;

// The folder part of a key: "a/b" for "a/b/c", "" for "c".
std::string_view folder_of(std::string_view key) {
    const std::size_t slash = key.rfind('/');
    return slash == std::string_view::npos ? std::string_view{} : key.substr(0, slash);
}

struct OpenObject {
    UniqueFd fd;
    std::uint64_t size = 0;
};

// NotFound when the object is absent or the key names a folder of other objects.
OpenObject open_object(const fs::path& path, std::string_view key) {
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        const int error = errno;
        if (error == ENOENT || error == ENOTDIR) not_found(key);
        fail("open", key, error);
    }
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0) fail("open", key, errno);
    if (!S_ISREG(info.st_mode)) not_found(key);
    return OpenObject{std::move(fd), static_cast<std::uint64_t>(info.st_size)};
}

std::optional<ObjectInfo> stat_object(const fs::path& path, std::string_view key) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        const int error = errno;
        if (error == ENOENT || error == ENOTDIR) return std::nullopt;
        fail("stat", key, error);
    }
    if (!S_ISREG(info.st_mode)) return std::nullopt;
    const auto since_epoch =
        std::chrono::seconds(info.st_mtim.tv_sec) + std::chrono::nanoseconds(info.st_mtim.tv_nsec);
    return ObjectInfo{
        std::string(key), static_cast<std::uint64_t>(info.st_size),
        std::chrono::system_clock::time_point(
            std::chrono::duration_cast<std::chrono::system_clock::duration>(since_epoch))};
}

// Creates the folders of `key` below `root`. False when one vanished half-way: a concurrent
// remove() pruned it.
bool make_folders(const fs::path& root, std::string_view key) {
    fs::path folder = root;
    std::size_t start = 0;
    for (std::size_t slash = key.find('/'); slash != std::string_view::npos;
         slash = key.find('/', start)) {
        folder /= fs::path(key.substr(start, slash - start));
        start = slash + 1;
        struct stat info {};
        int error = 0;
        if (::mkdir(folder.c_str(), kFolderMode) == 0) {
            // 0755 whatever the umask, and synced into its parent: a crash must not lose the
            // folder of an object renamed into it.
            if (::chmod(folder.c_str(), kFolderMode) != 0) error = errno;
            if (error == 0) error = try_sync_folder(folder.parent_path());
            info.st_mode = S_IFDIR;
        } else {
            error = errno;
            if (error == EEXIST) error = ::stat(folder.c_str(), &info) == 0 ? 0 : errno;
        }
        if (error == ENOENT) return false;
        if (error != 0) fail("create a folder for", key, error);
        if (!S_ISDIR(info.st_mode)) fail("write", key, "a part of its path is an object");
    }
    return true;
}

void ensure_folders(const fs::path& root, std::string_view key) {
    for (int attempt = 1; !make_folders(root, key); ++attempt) {
        if (attempt == kAttempts) fail("create a folder for", key, ENOENT);
    }
}

// Removes `folder` and then its parents while they are empty, up to (not including) the
// top-level folders ("uploads", "media", ...): those stay, like buckets, because other writers
// (nginx's upload PUTs, running as another user) create their objects inside them.
void prune_empty_folders(const fs::path& root, std::string_view folder) {
    while (folder.find('/') != std::string_view::npos &&
           ::rmdir((root / fs::path(folder)).c_str()) == 0) {
        folder = folder_of(folder);
    }
}

std::string random_hex() {
    std::array<unsigned char, 8> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
        throw StorageError("storage: no randomness for a temporary file name");
    }
    static constexpr std::string_view kHex = "0123456789abcdef";
    std::string out;
    for (unsigned char b : bytes) {
        out += kHex[b >> 4U];
        out += kHex[b & 0x0FU];
    }
    return out;
}

// A ".tmp-<hex>" file beside the target: never a valid key segment, so never listed. Removed
// unless committed.
class TempFile {
  public:
    TempFile(const fs::path& root, const fs::path& target, std::string_view key) {
        for (int attempt = 1;; ++attempt) {
            ensure_folders(root, key);
            path_ = target.parent_path() / (".tmp-" + random_hex());
            fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kFileMode);
            if (fd_ >= 0) return;
            const int error = errno;
            if ((error != ENOENT && error != EEXIST) || attempt == kAttempts) {
                fail("write", key, error);
            }
        }
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile() {
        if (fd_ >= 0) ::close(fd_);
        if (!committed_) ::unlink(path_.c_str());
    }

    int fd() const { return fd_; }

    // Makes the bytes durable and readable by everyone, then renames them over `target`.
    void commit(const fs::path& target, std::string_view key) {
        if (::fchmod(fd_, kFileMode) != 0 || ::fsync(fd_) != 0) fail("write", key, errno);
        // close() reports deferred write errors on some filesystems (NFS).
        if (::close(std::exchange(fd_, -1)) != 0) fail("write", key, errno);
        if (::rename(path_.c_str(), target.c_str()) != 0) {
            const int error = errno;
            if (error == EISDIR) fail("write", key, "it is a folder of other objects");
            fail("write", key, error);
        }
        committed_ = true;
    }

  private:
    fs::path path_;
    int fd_ = -1;
    bool committed_ = false;
};

void write_atomically(const fs::path& root, const fs::path& target, std::string_view key,
                      const std::function<void(int)>& fill) {
    TempFile temp(root, target, key);
    fill(temp.fd());
    temp.commit(target, key);
    sync_folder(target.parent_path(), key);
}

struct Tree {
    std::vector<std::string> keys;
    std::vector<std::string> folders;
};

// Collects the objects below `folder`, whose keys start with `base` ("" or ending in '/'), that
// start with `prefix`, descending only into folders that can hold such keys. Entries that vanish
// meanwhile are skipped; names that are not key segments (temporary, hidden files) are ignored.
void walk(const fs::path& folder, const std::string& base, std::string_view prefix, Tree& tree) {
    std::error_code error;
    fs::directory_iterator it(folder, error);
    if (error == std::errc::no_such_file_or_directory || error == std::errc::not_a_directory) {
        return;
    }
    for (; !error && it != fs::directory_iterator(); it.increment(error)) {
        const std::string name = it->path().filename().string();
        std::string key = base + name;
        if (!is_valid_key_segment(name) || key.size() > kMaxKeyLength) continue;
        std::error_code type_error;
        const fs::file_type type = it->symlink_status(type_error).type();
        if (type_error) continue;
        if (type == fs::file_type::directory) {
            std::string sub = key + '/';
            if (sub.starts_with(prefix) || prefix.starts_with(sub)) {
                tree.folders.push_back(std::move(key));
                walk(it->path(), sub, prefix, tree);
            }
        } else if (key.starts_with(prefix) && it->is_regular_file(type_error)) {
            tree.keys.push_back(std::move(key));
        }
    }
    if (error) fail("list", prefix, error.message());
}

}  // namespace

FilesystemStore::FilesystemStore(fs::path root) : root_(std::move(root)) {
    if (root_.empty()) throw std::invalid_argument("storage: the root folder is empty");
    std::error_code error;
    fs::path absolute = fs::absolute(root_, error).lexically_normal();
    if (!error && !absolute.has_filename()) absolute = absolute.parent_path();
    if (!error) fs::create_directories(absolute, error);
    if (error || !fs::is_directory(absolute, error)) {
        throw StorageError("storage: cannot use " + root_.string() + " as the root folder: " +
                           (error ? error.message() : std::string("not a folder")));
    }
    root_ = std::move(absolute);
}

fs::path FilesystemStore::path_of(std::string_view key) const {
    require_valid_key(key);
    return root_ / fs::path(key);
}

void FilesystemStore::put(std::string_view key, std::istream& data) {
    write_atomically(root_, path_of(key), key, [&](int fd) {
        std::vector<char> buffer(kCopyChunk);
        while (data) {
            data.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
            const auto n = static_cast<std::size_t>(data.gcount());
            write_all(fd, std::string_view(buffer.data(), n), key);
        }
        if (data.bad()) fail("write", key, "reading the data failed");
    });
}

void FilesystemStore::put_bytes(std::string_view key, std::string_view bytes) {
    write_atomically(root_, path_of(key), key, [&](int fd) { write_all(fd, bytes, key); });
}

void FilesystemStore::put_file(std::string_view key, const fs::path& source) {
    const fs::path target = path_of(key);
    const UniqueFd input(::open(source.c_str(), O_RDONLY | O_CLOEXEC));
    struct stat info {};
    if (input.get() < 0 || ::fstat(input.get(), &info) != 0) {
        const int error = errno;
        fail("read " + source.string() + " for", key, error);
    }
    if (!S_ISREG(info.st_mode)) fail("write", key, source.string() + " is not a regular file");
    write_atomically(root_, target, key, [&](int fd) { copy_all(input.get(), fd, key); });
}

std::size_t FilesystemStore::put_folder(std::string_view prefix, const fs::path& folder) {
    require_valid_prefix(prefix);
    if (prefix.empty() || prefix.back() != '/')
        throw std::invalid_argument("storage: put_folder needs a prefix ending in '/'");
    std::vector<std::pair<std::string, fs::path>> files;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        if (!entry.is_regular_file()) continue;
        std::string key = std::string(prefix) + fs::relative(entry.path(), folder).generic_string();
        require_valid_key(key);
        files.emplace_back(std::move(key), entry.path());
    }
    for (const auto& [key, source] : files) {
        const fs::path target = path_of(key);
        ensure_folders(root_, key);
        if (::rename(source.c_str(), target.c_str()) == 0) {
            if (::chmod(target.c_str(), kFileMode) != 0) fail("write", key, errno);
            continue;
        }
        const int error = errno;
        if (error != EXDEV) fail("write", key, error);
        put_file(key, source);  // another filesystem: copied, each file flushed on its own
    }
    const UniqueFd root_fd(::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (root_fd.get() < 0 || ::syncfs(root_fd.get()) != 0) fail("flush", prefix, errno);
    return files.size();
}

std::unique_ptr<std::istream> FilesystemStore::get(std::string_view key) const {
    OpenObject object = open_object(path_of(key), key);
    return detail::make_object_stream(std::move(object.fd), std::string(key));
}

std::string FilesystemStore::read_head(std::string_view key, std::size_t max_bytes) const {
    const OpenObject object = open_object(path_of(key), key);
    // Objects are never modified in place, so the size bounds the read.
    std::string head(static_cast<std::size_t>(std::min<std::uint64_t>(max_bytes, object.size)),
                     '\0');
    std::size_t filled = 0;
    while (filled < head.size()) {
        const ssize_t n = read_some(object.fd.get(), head.data() + filled, head.size() - filled);
        if (n < 0) fail("read", key, errno);
        if (n == 0) break;
        filled += static_cast<std::size_t>(n);
    }
    head.resize(filled);
    return head;
}

std::optional<ObjectInfo> FilesystemStore::stat(std::string_view key) const {
    return stat_object(path_of(key), key);
}

std::vector<ObjectInfo> FilesystemStore::list(std::string_view prefix, std::size_t limit) const {
    require_valid_prefix(prefix);
    const std::size_t slash = prefix.rfind('/');
    const std::string base =
        slash == std::string_view::npos ? std::string() : std::string(prefix.substr(0, slash + 1));
    Tree tree;
    walk(base.empty() ? root_ : root_ / fs::path(prefix.substr(0, slash)), base, prefix, tree);
    std::vector<std::string>& keys = tree.keys;
    const auto kept = keys.begin() + static_cast<std::ptrdiff_t>(std::min(limit, keys.size()));
    std::partial_sort(keys.begin(), kept, keys.end());
    std::vector<ObjectInfo> objects;
    objects.reserve(static_cast<std::size_t>(kept - keys.begin()));
    for (auto it = keys.begin(); it != kept; ++it) {
        // An object removed since the walk is left out.
        if (auto info = stat_object(root_ / fs::path(*it), *it))
            objects.push_back(std::move(*info));
    }
    return objects;
}

bool FilesystemStore::remove(std::string_view key) {
    const fs::path path = path_of(key);
    if (::unlink(path.c_str()) != 0) {
        const int error = errno;
        if (error == ENOENT || error == ENOTDIR) return false;
        // Linux says EISDIR, POSIX EPERM, when the key names a folder of other objects.
        struct stat info {};
        if ((error == EISDIR || error == EPERM) && ::lstat(path.c_str(), &info) == 0 &&
            S_ISDIR(info.st_mode)) {
            return false;
        }
        fail("remove", key, error);
    }
    prune_empty_folders(root_, folder_of(key));
    return true;
}

std::size_t FilesystemStore::remove_prefix(std::string_view prefix) {
    require_valid_prefix(prefix);
    if (prefix.empty() || prefix.back() != '/') {
        throw std::invalid_argument("remove_prefix needs a folder prefix ending in '/', not \"" +
                                    std::string(prefix) + "\"");
    }
    const std::string_view folder = prefix.substr(0, prefix.size() - 1);
    Tree tree;
    walk(root_ / fs::path(folder), std::string(prefix), prefix, tree);
    std::size_t removed = 0;
    for (const std::string& key : tree.keys) {
        if (::unlink((root_ / fs::path(key)).c_str()) == 0) {
            ++removed;
        } else if (errno != ENOENT) {
            fail("remove", key, errno);
        }
    }
    // Deepest first: a folder sorts before everything inside it. Folders still holding a write in
    // progress stay.
    std::sort(tree.folders.begin(), tree.folders.end(), std::greater<>());
    for (const std::string& sub : tree.folders) ::rmdir((root_ / fs::path(sub)).c_str());
    prune_empty_folders(root_, folder);
    return removed;
}

void FilesystemStore::move(std::string_view from, std::string_view to) {
    const fs::path source = path_of(from);
    const fs::path target = path_of(to);
    if (!stat_object(source, from)) not_found(from);
    if (from == to) return;
    for (int attempt = 1;; ++attempt) {
        ensure_folders(root_, to);
        if (::rename(source.c_str(), target.c_str()) == 0) break;
        const int error = errno;
        if (error == EXDEV) {
            copy_then_remove(from, to);
            return;
        }
        if (error == ENOENT && !stat_object(source, from)) not_found(from);
        const std::string action = "move " + quoted(from) + " to";
        if (error == EISDIR) fail(action, to, "it is a folder of other objects");
        if (error != ENOENT || attempt == kAttempts) fail(action, to, error);
    }
    sync_folder(target.parent_path(), to);
    if (source.parent_path() != target.parent_path()) sync_folder(source.parent_path(), from);
    prune_empty_folders(root_, folder_of(from));
}

// Parts of the root on other filesystems (bind mounts) cannot be renamed across.
void FilesystemStore::copy_then_remove(std::string_view from, std::string_view to) {
    const OpenObject object = open_object(path_of(from), from);
    write_atomically(root_, path_of(to), to, [&](int fd) { copy_all(object.fd.get(), fd, from); });
    remove(from);
}

std::optional<fs::path> FilesystemStore::local_path(std::string_view key) const {
    return path_of(key);
}

}  // namespace codeflix::storage
