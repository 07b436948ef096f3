#pragma once

#include <sys/types.h>

#include <cstddef>
#include <filesystem>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace codeflix::storage::detail {

/// Owns an open file descriptor and closes it.
class UniqueFd {
  public:
    explicit UniqueFd(int fd) : fd_(fd) {}
    UniqueFd(UniqueFd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    UniqueFd& operator=(UniqueFd&&) = delete;
    ~UniqueFd();

    int get() const { return fd_; }

  private:
    int fd_;
};

/// A key as messages show it: "'a/b'".
std::string quoted(std::string_view key);

/// Throws StorageError("storage: cannot <action> '<key>': <what errno `error` means>").
[[noreturn]] void fail(std::string_view action, std::string_view key, int error);
/// Throws StorageError("storage: cannot <action> '<key>': <why>").
[[noreturn]] void fail(std::string_view action, std::string_view key, std::string_view why);
/// Throws NotFound naming the key.
[[noreturn]] void not_found(std::string_view key);

/// read(2), retried when interrupted; -1 with errno on failure.
ssize_t read_some(int fd, char* buffer, std::size_t size);
/// Writes all of `bytes`; StorageError naming `key` on failure.
void write_all(int fd, std::string_view bytes, std::string_view key);
/// Copies everything left to read from `from` into `to`.
void copy_all(int from, int to, std::string_view key);
/// fsyncs a folder so a rename in it survives a crash; 0 or the errno of the failure.
int try_sync_folder(const std::filesystem::path& folder);
/// try_sync_folder(), throwing StorageError naming `key` on failure.
void sync_folder(const std::filesystem::path& folder, std::string_view key);

/// An istream reading `fd` from its current offset, seekable; read errors set badbit.
std::unique_ptr<std::istream> make_object_stream(UniqueFd fd, std::string key);

}  // namespace codeflix::storage::detail
