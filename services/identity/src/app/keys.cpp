#include "keys.hpp"

#include <boost/json/array.hpp>
#include <codeflix/core/log.hpp>
#include <codeflix/core/uuid.hpp>

#include "src/repositories/key_repository.hpp"

namespace codeflix::identity::app {

using repositories::KeyRepository;
using repositories::StoredKey;

KeyStore::KeyStore(db::Database& database, KeyTimings timings, Clock clock)
    : database_(database), timings_(timings), clock_(std::move(clock)) {}

void KeyStore::ensure_active_key() {
    bool created = database_.transaction([&](soci::session& session) {
        KeyRepository::lock(session);
        for (const auto& key : KeyRepository::all(session)) {
            if (!key.retired_at) return false;
        }
        auto key = auth::PrivateKey::generate(2048);
        KeyRepository::insert(session, {core::new_uuid_v7(), key.to_pem(), clock_(), {}});
        return true;
    });
    if (created) log::info("signing key created");
    snapshot(true);
}

std::string KeyStore::rotate() {
    auto key = auth::PrivateKey::generate(2048);
    std::string kid = core::new_uuid_v7();
    std::int64_t now = clock_();
    database_.transaction([&](soci::session& session) {
        KeyRepository::lock(session);
        KeyRepository::insert(session, {kid, key.to_pem(), now, {}});
        KeyRepository::retire_others(session, kid, now);
        KeyRepository::prune(session, now - timings_.keep_after_retire_seconds);
        return true;
    });
    log::info("signing key rotated", {{"kid", kid}});
    snapshot(true);
    return kid;
}

std::vector<KeyStore::Entry> KeyStore::load() {
    auto stored =
        database_.with_session([](soci::session& session) { return KeyRepository::all(session); });
    std::vector<Entry> entries;
    std::lock_guard lock(mutex_);
    for (auto& key : stored) {
        // Reuse parsed keys: parsing PEM costs more than the query.
        std::shared_ptr<const auth::PrivateKey> parsed;
        for (const auto& known : entries_) {
            if (known.kid == key.kid) parsed = known.key;
        }
        if (!parsed) {
            auto from_pem = auth::PrivateKey::from_pem(key.private_key_pem);
            if (!from_pem) {
                log::error("a stored signing key cannot be read", {{"kid", key.kid}});
                continue;
            }
            parsed = std::make_shared<const auth::PrivateKey>(std::move(*from_pem));
        }
        entries.push_back({key.kid, parsed,
                           std::make_shared<const auth::PublicKey>(parsed->public_key()),
                           key.created_at, key.retired_at});
    }
    return entries;
}

std::vector<KeyStore::Entry> KeyStore::snapshot(bool force) {
    auto now = std::chrono::steady_clock::now();
    {
        std::lock_guard lock(mutex_);
        if (!force && !entries_.empty() && now - loaded_at_ < timings_.cache_ttl) return entries_;
    }
    auto entries = load();
    std::lock_guard lock(mutex_);
    entries_ = std::move(entries);
    loaded_at_ = now;
    return entries_;
}

KeyStore::Signer KeyStore::active() {
    auto entries = snapshot();
    const Entry* newest = nullptr;
    for (const auto& entry : entries) {
        if (!entry.retired_at && (!newest || entry.created_at >= newest->created_at))
            newest = &entry;
    }
    if (!newest) throw std::runtime_error("no active signing key");
    return {newest->kid, newest->key};
}

boost::json::object KeyStore::jwks() {
    auto entries = snapshot();
    std::int64_t now = clock_();
    boost::json::array keys;
    for (const auto& entry : entries) {
        if (entry.retired_at && *entry.retired_at + timings_.publish_after_retire_seconds < now)
            continue;
        keys.push_back(entry.key->public_jwk(entry.kid));
    }
    return {{"keys", std::move(keys)}};
}

std::shared_ptr<const auth::PublicKey> KeyStore::find(std::string_view kid) {
    for (const auto& entry : snapshot()) {
        if (entry.kid == kid) return entry.public_key;
    }
    // Another copy may have rotated: reread at most once a second.
    auto now = std::chrono::steady_clock::now();
    {
        std::lock_guard lock(mutex_);
        if (now - last_forced_ < std::chrono::seconds(1)) return nullptr;
        last_forced_ = now;
    }
    for (const auto& entry : snapshot(true)) {
        if (entry.kid == kid) return entry.public_key;
    }
    return nullptr;
}

}  // namespace codeflix::identity::app
