#include <gtest/gtest.h>
#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <codeflix/storage/filesystem_store.hpp>
#include <codeflix/storage/settings.hpp>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

namespace fs = std::filesystem;
using namespace codeflix::storage;

namespace {

fs::path unique_temp_dir() {
    std::random_device random;
    std::ostringstream name;
    name << "codeflix-storage-" << std::hex << random() << random();
    return fs::temp_directory_path() / name.str();
}

std::string read_all(std::istream& in) {
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return read_all(in);
}

void write_file(const fs::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

// Every file name under `dir`, hidden and temporary ones included.
std::vector<std::string> all_names(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        names.push_back(entry.path().filename().string());
    }
    return names;
}

class FilesystemStoreTest : public ::testing::Test {
  protected:
    void TearDown() override {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }

    std::vector<std::string> keys(std::string_view prefix, std::size_t limit = 10000) const {
        std::vector<std::string> out;
        for (const ObjectInfo& info : store_.list(prefix, limit)) out.push_back(info.key);
        return out;
    }

    void expect_no_temporary_files() const {
        for (const std::string& name : all_names(root_)) EXPECT_FALSE(name.starts_with(".tmp-"));
    }

    fs::path dir_ = unique_temp_dir();
    fs::path root_ = dir_ / "root";
    FilesystemStore store_{root_};
};

using Keys = std::vector<std::string>;

TEST_F(FilesystemStoreTest, CreatesItsRoot) {
    EXPECT_TRUE(fs::is_directory(root_));
    EXPECT_EQ(store_.root(), root_);
    FilesystemStore nested(dir_ / "x" / "y" / "");
    EXPECT_TRUE(fs::is_directory(dir_ / "x" / "y"));
    EXPECT_EQ(nested.root(), dir_ / "x" / "y");
    write_file(dir_ / "file", "x");
    EXPECT_THROW(FilesystemStore(dir_ / "file"), StorageError);
}

TEST_F(FilesystemStoreTest, PutBytesThenGetStatReadHeadAndLocalPath) {
    const std::string key = "media/v1/video/e1/manifest.mpd";
    store_.put_bytes(key, "<MPD/>");
    EXPECT_EQ(read_all(*store_.get(key)), "<MPD/>");
    const auto info = store_.stat(key);
    ASSERT_TRUE(info.has_value());
    EXPECT_EQ(info->key, key);
    EXPECT_EQ(info->size, 6U);
    const auto age = std::chrono::system_clock::now() - info->modified;
    EXPECT_LT(std::chrono::abs(age), std::chrono::minutes(1));
    EXPECT_EQ(store_.read_head(key, 3), "<MP");
    EXPECT_EQ(store_.read_head(key, 1000), "<MPD/>");
    EXPECT_EQ(store_.read_head(key, 0), "");
    ASSERT_TRUE(store_.local_path(key).has_value());
    EXPECT_EQ(*store_.local_path(key), root_ / key);
    EXPECT_EQ(read_file(root_ / key), "<MPD/>");
    store_.put_bytes("empty", "");
    EXPECT_EQ(read_all(*store_.get("empty")), "");
    EXPECT_EQ(store_.stat("empty")->size, 0U);
    expect_no_temporary_files();
}

TEST_F(FilesystemStoreTest, PutCopiesAStreamLargerThanItsBuffers) {
    std::mt19937 random(42);
    std::string bytes(3 * 1024 * 1024 + 17, '\0');
    for (char& c : bytes) c = static_cast<char>(random() & 0xFF);
    std::istringstream data(bytes);
    store_.put("uploads/v/video/u", data);
    EXPECT_EQ(store_.stat("uploads/v/video/u")->size, bytes.size());
    EXPECT_EQ(read_all(*store_.get("uploads/v/video/u")), bytes);
    EXPECT_EQ(store_.read_head("uploads/v/video/u", 8), bytes.substr(0, 8));
}

TEST_F(FilesystemStoreTest, StreamsCanSeek) {
    store_.put_bytes("digits", "0123456789");
    auto in = store_.get("digits");
    in->seekg(5);
    std::string two(2, '\0');
    in->read(two.data(), 2);
    EXPECT_EQ(two, "56");
    EXPECT_EQ(static_cast<std::streamoff>(in->tellg()), 7);
    in->seekg(-3, std::ios::end);
    EXPECT_EQ(read_all(*in), "789");
}

TEST_F(FilesystemStoreTest, PutFileCopiesTheSource) {
    const fs::path source = dir_ / "source.mp4";
    write_file(source, "original");
    store_.put_file("uploads/v/video/u", source);
    write_file(source, "changed afterwards");
    EXPECT_EQ(read_all(*store_.get("uploads/v/video/u")), "original");
    EXPECT_TRUE(fs::exists(source));
    EXPECT_THROW(store_.put_file("missing", dir_ / "absent"), StorageError);
    EXPECT_THROW(store_.put_file("folder", dir_), StorageError);
    EXPECT_FALSE(store_.stat("missing"));
    EXPECT_FALSE(store_.stat("folder"));
    expect_no_temporary_files();
}

TEST_F(FilesystemStoreTest, OverwriteIsAtomicForReaders) {
    const std::string old_bytes(200000, 'o');
    store_.put_bytes("a/object", old_bytes);
    auto reader = store_.get("a/object");
    std::string start(10, '\0');
    reader->read(start.data(), 10);
    store_.put_bytes("a/object", "new");
    EXPECT_EQ(start + read_all(*reader), old_bytes);
    EXPECT_EQ(read_all(*store_.get("a/object")), "new");
    expect_no_temporary_files();
}

TEST_F(FilesystemStoreTest, ObjectsAreReadableByOtherProcessesWhateverTheUmask) {
    const mode_t previous = ::umask(077);
    store_.put_bytes("a/b/c", "x");
    ::umask(previous);
    EXPECT_EQ(fs::status(root_ / "a/b/c").permissions(), static_cast<fs::perms>(0644));
    EXPECT_EQ(fs::status(root_ / "a/b").permissions(), static_cast<fs::perms>(0755));
    EXPECT_EQ(fs::status(root_ / "a").permissions(), static_cast<fs::perms>(0755));
}

TEST_F(FilesystemStoreTest, ListIsSortedAndMatchesPrefixesAsPlainStrings) {
    for (const char* key : {"a/b/c", "a/bc", "a/b-d", "a/a", "b", "a/b/d/e", "ab"}) {
        store_.put_bytes(key, key);
    }
    EXPECT_EQ(keys(""), (Keys{"a/a", "a/b-d", "a/b/c", "a/b/d/e", "a/bc", "ab", "b"}));
    EXPECT_EQ(keys("a/b/"), (Keys{"a/b/c", "a/b/d/e"}));
    EXPECT_EQ(keys("a/b"), (Keys{"a/b-d", "a/b/c", "a/b/d/e", "a/bc"}));
    EXPECT_EQ(keys("a"), (Keys{"a/a", "a/b-d", "a/b/c", "a/b/d/e", "a/bc", "ab"}));
    EXPECT_EQ(keys("a/b/c"), (Keys{"a/b/c"}));
    EXPECT_EQ(keys("", 3), (Keys{"a/a", "a/b-d", "a/b/c"}));
    EXPECT_TRUE(keys("", 0).empty());
    EXPECT_TRUE(keys("zzz").empty());
    EXPECT_TRUE(keys("a/zz/").empty());
    EXPECT_TRUE(keys("b/").empty());
    const auto listed = store_.list("a/b/d/");
    ASSERT_EQ(listed.size(), 1U);
    EXPECT_EQ(listed[0].size, 7U);
    EXPECT_THROW(store_.list("/a"), std::invalid_argument);
    EXPECT_THROW(store_.list("a//"), std::invalid_argument);
}

TEST_F(FilesystemStoreTest, ListIgnoresTemporaryHiddenAndForeignFiles) {
    store_.put_bytes("a/x", "x");
    write_file(root_ / "a" / ".tmp-0123abcd", "partial");
    write_file(root_ / ".hidden", "h");
    fs::create_directories(root_ / "a" / ".git");
    write_file(root_ / "a" / ".git" / "config", "c");
    write_file(root_ / "a b", "space");
    write_file(root_ / "a" / "%2e", "percent");
    EXPECT_EQ(keys(""), (Keys{"a/x"}));
    EXPECT_EQ(keys("a/"), (Keys{"a/x"}));
}

TEST_F(FilesystemStoreTest, RemoveDeletesAndPrunesEmptyFolders) {
    store_.put_bytes("a/b/c", "1");
    store_.put_bytes("a/d", "2");
    EXPECT_TRUE(store_.remove("a/b/c"));
    EXPECT_FALSE(fs::exists(root_ / "a" / "b"));
    EXPECT_TRUE(fs::exists(root_ / "a"));
    EXPECT_FALSE(store_.remove("a/b/c"));
    EXPECT_TRUE(store_.remove("a/d"));
    // Top-level folders stay, like buckets: nginx writes uploads into "uploads/" as another user.
    EXPECT_TRUE(fs::is_directory(root_ / "a"));
    EXPECT_TRUE(fs::is_directory(root_));
    EXPECT_FALSE(store_.remove("never"));
    store_.put_bytes("f/g", "3");
    EXPECT_FALSE(store_.remove("f"));
    EXPECT_TRUE(store_.stat("f/g").has_value());
}

TEST_F(FilesystemStoreTest, RemovePrefixDeletesOneFolder) {
    for (const char* key :
         {"media/v1/video/e1/manifest.mpd", "media/v1/video/e1/seg/1.m4s",
          "media/v1/video/e1/seg/2.m4s", "media/v1/video/e10/x", "media/v1/image.jpg"}) {
        store_.put_bytes(key, "x");
    }
    EXPECT_EQ(store_.remove_prefix("media/v1/video/e1/"), 3U);
    EXPECT_EQ(keys("media/"), (Keys{"media/v1/image.jpg", "media/v1/video/e10/x"}));
    EXPECT_FALSE(fs::exists(root_ / "media/v1/video/e1"));
    EXPECT_EQ(store_.remove_prefix("media/v1/"), 2U);
    EXPECT_FALSE(fs::exists(root_ / "media/v1"));
    EXPECT_TRUE(fs::is_directory(root_ / "media"));
    EXPECT_EQ(store_.remove_prefix("nothing/"), 0U);
    for (const char* prefix : {"", "/", "media", "media/v1", "media//"}) {
        EXPECT_THROW(store_.remove_prefix(prefix), std::invalid_argument) << prefix;
    }
}

TEST_F(FilesystemStoreTest, MoveRenamesOverwritesAndPrunes) {
    store_.put_bytes("uploads/v/video/u", "source");
    store_.put_bytes("media/v/video/e/in.mp4", "old");
    store_.move("uploads/v/video/u", "media/v/video/e/in.mp4");
    EXPECT_EQ(read_all(*store_.get("media/v/video/e/in.mp4")), "source");
    EXPECT_FALSE(store_.stat("uploads/v/video/u"));
    EXPECT_FALSE(fs::exists(root_ / "uploads/v"));
    EXPECT_TRUE(fs::is_directory(root_ / "uploads"));
    store_.move("media/v/video/e/in.mp4", "x/y/z");
    EXPECT_EQ(read_all(*store_.get("x/y/z")), "source");
    store_.move("x/y/z", "x/y/z");
    EXPECT_TRUE(store_.stat("x/y/z").has_value());
    EXPECT_THROW(store_.move("absent", "elsewhere"), NotFound);
    EXPECT_FALSE(store_.stat("elsewhere"));
    store_.put_bytes("p/q", "folder content");
    EXPECT_THROW(store_.move("x/y/z", "p"), StorageError);
    EXPECT_TRUE(store_.stat("x/y/z").has_value());
}

TEST_F(FilesystemStoreTest, BadKeysThrowAndTouchNothing) {
    const fs::path source = dir_ / "source";
    write_file(source, "x");
    for (const std::string& key :
         {std::string(""), std::string("/a"), std::string("a/"), std::string("a//b"),
          std::string("../x"), std::string("a/../b"), std::string("a/./b"), std::string(".hidden"),
          std::string("a/.tmp-x"), std::string("a b"), std::string("a\\b"), std::string("a%2e"),
          std::string(1025, 'a'), std::string("a\0b", 3)}) {
        std::istringstream data("x");
        EXPECT_THROW(store_.put(key, data), std::invalid_argument);
        EXPECT_THROW(store_.put_bytes(key, "x"), std::invalid_argument);
        EXPECT_THROW(store_.put_file(key, source), std::invalid_argument);
        EXPECT_THROW(store_.get(key), std::invalid_argument);
        EXPECT_THROW(store_.read_head(key, 1), std::invalid_argument);
        EXPECT_THROW(store_.stat(key), std::invalid_argument);
        EXPECT_THROW(store_.remove(key), std::invalid_argument);
        EXPECT_THROW(store_.move(key, "ok"), std::invalid_argument);
        EXPECT_THROW(store_.move("ok", key), std::invalid_argument);
        EXPECT_THROW(store_.local_path(key), std::invalid_argument);
    }
    EXPECT_TRUE(fs::is_empty(root_));
    EXPECT_FALSE(fs::exists(dir_ / "x"));
}

TEST_F(FilesystemStoreTest, AbsentObjectsAndFoldersAreNotFound) {
    static_assert(std::is_base_of_v<StorageError, NotFound>);
    EXPECT_THROW(store_.get("nope"), NotFound);
    EXPECT_THROW(store_.read_head("nope", 4), NotFound);
    EXPECT_FALSE(store_.stat("nope"));
    EXPECT_THROW(store_.get("nope/deeper"), NotFound);
    store_.put_bytes("a/b/c", "x");
    EXPECT_THROW(store_.get("a/b"), NotFound);
    EXPECT_THROW(store_.read_head("a/b", 4), NotFound);
    EXPECT_FALSE(store_.stat("a/b"));
    EXPECT_THROW(store_.get("a/b/c/d"), NotFound);
}

TEST_F(FilesystemStoreTest, AKeyCannotBeBothAnObjectAndAFolder) {
    store_.put_bytes("a/b", "object");
    EXPECT_THROW(store_.put_bytes("a/b/c", "x"), StorageError);
    store_.put_bytes("x/y/z", "object");
    EXPECT_THROW(store_.put_bytes("x/y", "x"), StorageError);
    EXPECT_EQ(read_all(*store_.get("a/b")), "object");
    expect_no_temporary_files();
}

TEST_F(FilesystemStoreTest, ReadersNeverSeeAPartialObject) {
    std::atomic<bool> done{false};
    std::vector<std::thread> writers;
    for (char fill : {'a', 'b', 'c'}) {
        writers.emplace_back([this, fill] {
            const std::string bytes(65536 + 1000 * (fill - 'a'), fill);
            for (int i = 0; i < 30; ++i) store_.put_bytes("shared/object", bytes);
        });
    }
    std::thread reader([this, &done] {
        while (!done) {
            if (!store_.stat("shared/object")) continue;
            const std::string bytes = read_all(*store_.get("shared/object"));
            ASSERT_FALSE(bytes.empty());
            EXPECT_EQ(bytes.size(), 65536U + 1000U * static_cast<unsigned>(bytes[0] - 'a'));
            EXPECT_EQ(bytes.find_first_not_of(bytes[0]), std::string::npos);
        }
    });
    for (auto& writer : writers) writer.join();
    done = true;
    reader.join();
    expect_no_temporary_files();
}

TEST_F(FilesystemStoreTest, ConcurrentRemovesDoNotBreakWritesInTheSameFolder) {
    auto churn = [this](const std::string& key) {
        for (int i = 0; i < 100; ++i) {
            store_.put_bytes(key, "x");
            EXPECT_TRUE(store_.remove(key));
        }
    };
    std::thread first(churn, "f/g/first");
    std::thread second(churn, "f/g/second");
    first.join();
    second.join();
    EXPECT_FALSE(fs::exists(root_ / "f/g"));
}

TEST_F(FilesystemStoreTest, PutFolderTakesAWholeTreeOver) {
    const fs::path local = root_.parent_path() / (root_.filename().string() + "-out");
    fs::create_directories(local / "trickplay");
    std::ofstream(local / "manifest.mpd") << "mpd";
    std::ofstream(local / "trickplay" / "index.vtt") << "WEBVTT";
    store_.put_bytes("media/v/video/e/stale", "old");
    EXPECT_EQ(store_.put_folder("media/v/video/e/", local), 2U);
    EXPECT_EQ(read_all(*store_.get("media/v/video/e/manifest.mpd")), "mpd");
    EXPECT_EQ(read_all(*store_.get("media/v/video/e/trickplay/index.vtt")), "WEBVTT");
    EXPECT_FALSE(fs::exists(local / "manifest.mpd"));  // moved, not copied
    EXPECT_EQ(fs::status(root_ / "media/v/video/e/manifest.mpd").permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                  fs::perms::others_read);
    std::ofstream(local / "bad name") << "x";
    EXPECT_THROW(store_.put_folder("media/v/video/f/", local), std::invalid_argument);
    EXPECT_FALSE(fs::exists(root_ / "media/v/video/f"));
    EXPECT_THROW(store_.put_folder("media/v/video/f", local), std::invalid_argument);
    fs::remove_all(local);
}

TEST_F(FilesystemStoreTest, OpenStoreTakesPathsAndFileLocations) {
    StorageSettings settings;
    settings.root = "file:" + (dir_ / "via-file").string();
    open_store(settings)->put_bytes("a", "1");
    EXPECT_EQ(read_file(dir_ / "via-file" / "a"), "1");
    settings.root = "file://" + (dir_ / "via-url").string();
    EXPECT_EQ(open_store(settings)->local_path("a"), dir_ / "via-url" / "a");
    settings.root = dir_ / "plain";
    EXPECT_EQ(open_store(settings)->local_path("a"), dir_ / "plain" / "a");
    settings.root = "s3://bucket/media";
    try {
        (void)open_store(settings);
        FAIL() << "expected std::invalid_argument";
    } catch (const std::invalid_argument& e) {
        EXPECT_TRUE(std::string(e.what()).starts_with("S3 storage is not available in this build"));
    }
    for (const char* root : {"http://example.com/x", "file://host/x", "file:", ""}) {
        settings.root = root;
        EXPECT_THROW((void)open_store(settings), std::invalid_argument) << root;
    }
}

TEST(StorageSettingsFromConfig, DefaultsAndLimits) {
    for (const char* name : {"CODEFLIX_STORAGE_ROOT", "CODEFLIX_STORAGE_URL_SECRET",
                             "CODEFLIX_STORAGE_UPLOAD_URL_TTL_SECONDS"}) {
        ::unsetenv(name);
    }
    const codeflix::core::Config config("storage-test");
    const StorageSettings defaults = storage_settings(config);
    EXPECT_EQ(defaults.root, fs::path("var/storage"));
    EXPECT_TRUE(defaults.url_secret.empty());
    EXPECT_EQ(defaults.upload_url_ttl, std::chrono::seconds(3600));
    const char* ttl = "CODEFLIX_STORAGE_TEST_STORAGE_UPLOAD_URL_TTL_SECONDS";
    ::setenv(ttl, "604800", 1);
    EXPECT_EQ(storage_settings(config).upload_url_ttl, std::chrono::hours(24 * 7));
    for (const char* bad : {"59", "604801", "1h"}) {
        ::setenv(ttl, bad, 1);
        EXPECT_THROW((void)storage_settings(config), codeflix::core::ConfigError) << bad;
    }
    ::unsetenv(ttl);
    const char* secret = "CODEFLIX_STORAGE_TEST_STORAGE_URL_SECRET";
    ::setenv(secret, "too-short", 1);
    EXPECT_THROW((void)storage_settings(config), codeflix::core::ConfigError);
    ::setenv(secret, "0123456789abcdef-secret", 1);
    EXPECT_EQ(storage_settings(config).url_secret, "0123456789abcdef-secret");
    ::unsetenv(secret);
}

}  // namespace
