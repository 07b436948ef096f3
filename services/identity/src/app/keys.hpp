#pragma once

#include <boost/json/object.hpp>
#include <chrono>
#include <codeflix/auth/keys.hpp>
#include <codeflix/auth/signing.hpp>
#include <codeflix/db/database.hpp>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace codeflix::identity::app {

struct KeyTimings {
    /// How long a retired key stays in the JWKS: the access-token lifetime plus leeway.
    std::int64_t publish_after_retire_seconds = 360;
    /// How long it still verifies our own refresh tokens and ID-token hints.
    std::int64_t keep_after_retire_seconds = 7200;
    /// How long copies of the service may keep using what they read from the database.
    std::chrono::seconds cache_ttl{5};
};

/// The realm's signing keys, stored in the database so that every copy of the service signs with
/// the same key: the newest active key signs, `rotate()` makes a new one active and keeps the
/// previous one published until the tokens it signed have expired. Also the KeySource with which
/// identity verifies its own tokens, without fetching its JWKS over HTTP.
class KeyStore : public auth::KeySource {
  public:
    using Clock = std::function<std::int64_t()>;

    KeyStore(db::Database& database, KeyTimings timings, Clock clock);

    /// Creates the first key when there is none. Safe when several copies start at once.
    void ensure_active_key();
    /// A new active key; returns its kid.
    std::string rotate();

    struct Signer {
        std::string kid;
        std::shared_ptr<const auth::PrivateKey> key;
    };
    Signer active();
    /// `{"keys": [...]}` of the active key and recently retired ones.
    boost::json::object jwks();

    std::shared_ptr<const auth::PublicKey> find(std::string_view kid) override;

  private:
    struct Entry {
        std::string kid;
        std::shared_ptr<const auth::PrivateKey> key;
        std::shared_ptr<const auth::PublicKey> public_key;
        std::int64_t created_at = 0;
        std::optional<std::int64_t> retired_at;
    };
    std::vector<Entry> snapshot(bool force = false);
    std::vector<Entry> load();

    db::Database& database_;
    KeyTimings timings_;
    Clock clock_;
    std::mutex mutex_;
    std::vector<Entry> entries_;
    std::chrono::steady_clock::time_point loaded_at_{};
    std::chrono::steady_clock::time_point last_forced_{};
};

}  // namespace codeflix::identity::app
