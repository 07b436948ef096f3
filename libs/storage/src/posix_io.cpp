#include "posix_io.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <codeflix/storage/object_store.hpp>
#include <streambuf>
#include <system_error>
#include <vector>

namespace codeflix::storage::detail {
namespace {

constexpr std::size_t kCopyChunk = std::size_t{1} << 20;
constexpr std::size_t kReadBuffer = std::size_t{1} << 16;

// Read errors throw, which the istream turns into badbit (or rethrows, if asked to).
class ObjectBuffer final : public std::streambuf {
  public:
    ObjectBuffer(UniqueFd fd, std::string key)
        : fd_(std::move(fd)), key_(std::move(key)), buffer_(kReadBuffer) {}

  protected:
    int_type underflow() override {
        if (gptr() == egptr()) {
            const ssize_t n = read_some(fd_.get(), buffer_.data(), buffer_.size());
            if (n < 0) fail("read", key_, errno);
            setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
        }
        return gptr() == egptr() ? traits_type::eof() : traits_type::to_int_type(*gptr());
    }

    pos_type seekoff(off_type offset, std::ios_base::seekdir dir,
                     std::ios_base::openmode which) override {
        if (!(which & std::ios_base::in)) return pos_type(off_type(-1));
        int whence = SEEK_SET;
        if (dir == std::ios_base::cur) {
            whence = SEEK_CUR;
            offset -= egptr() - gptr();  // the file is ahead of the reader by what is buffered
        } else if (dir == std::ios_base::end) {
            whence = SEEK_END;
        }
        const off_t position = ::lseek(fd_.get(), offset, whence);
        if (position < 0) return pos_type(off_type(-1));
        setg(buffer_.data(), buffer_.data(), buffer_.data());
        return pos_type(position);
    }

    pos_type seekpos(pos_type position, std::ios_base::openmode which) override {
        return seekoff(off_type(position), std::ios_base::beg, which);
    }

  private:
    UniqueFd fd_;
    std::string key_;
    std::vector<char> buffer_;
};

class ObjectStream final : public std::istream {
  public:
    ObjectStream(UniqueFd fd, std::string key)
        : std::istream(nullptr), buffer_(std::move(fd), std::move(key)) {
        rdbuf(&buffer_);
    }

  private:
    ObjectBuffer buffer_;
};

}  // namespace

UniqueFd::~UniqueFd() {
    if (fd_ >= 0) ::close(fd_);
}

std::string quoted(std::string_view key) { return "'" + std::string(key) + "'"; }

void fail(std::string_view action, std::string_view key, int error) {
    throw StorageError("storage: cannot " + std::string(action) + " " + quoted(key) + ": " +
                       std::generic_category().message(error));
}

void fail(std::string_view action, std::string_view key, std::string_view why) {
    throw StorageError("storage: cannot " + std::string(action) + " " + quoted(key) + ": " +
                       std::string(why));
}

void not_found(std::string_view key) { throw NotFound("storage: no object " + quoted(key)); }

ssize_t read_some(int fd, char* buffer, std::size_t size) {
    while (true) {
        const ssize_t n = ::read(fd, buffer, size);
        if (n >= 0 || errno != EINTR) return n;
    }
}

void write_all(int fd, std::string_view bytes, std::string_view key) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("write", key, errno);
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

void copy_all(int from, int to, std::string_view key) {
    std::vector<char> buffer(kCopyChunk);
    while (true) {
        const ssize_t n = read_some(from, buffer.data(), buffer.size());
        if (n < 0) fail("read the source of", key, errno);
        if (n == 0) return;
        write_all(to, std::string_view(buffer.data(), static_cast<std::size_t>(n)), key);
    }
}

int try_sync_folder(const std::filesystem::path& folder) {
    const UniqueFd fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0) return errno;
    // Some filesystems cannot sync a directory (EINVAL): the rename is as durable as they allow.
    if (::fsync(fd.get()) != 0 && errno != EINVAL) return errno;
    return 0;
}

void sync_folder(const std::filesystem::path& folder, std::string_view key) {
    const int error = try_sync_folder(folder);
    if (error != 0) fail("sync the folder of", key, error);
}

std::unique_ptr<std::istream> make_object_stream(UniqueFd fd, std::string key) {
    return std::make_unique<ObjectStream>(std::move(fd), std::move(key));
}

}  // namespace codeflix::storage::detail
