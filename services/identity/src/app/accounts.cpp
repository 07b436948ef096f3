#include <algorithm>
#include <boost/json/serialize.hpp>
#include <codeflix/core/clock.hpp>
#include <codeflix/core/log.hpp>
#include <codeflix/core/text.hpp>
#include <codeflix/core/uuid.hpp>
#include <codeflix/messaging/outbox.hpp>

#include "src/app/crypto.hpp"
#include "src/app/identity.hpp"
#include "src/app/support.hpp"

// Accounts, browser sessions and user administration; the grants are in identity.cpp.
namespace codeflix::identity::app {
namespace {

using repositories::AddressRepository;
using repositories::CodeRepository;
using repositories::RefreshRepository;
using repositories::SessionRepository;
using repositories::UserRepository;

std::string now_text() { return core::to_rfc3339(core::now()); }

core::Error not_found() { return core::Error::not_found("No user with this id"); }

}  // namespace

// ---------------------------------------------------------------------------------- accounts

core::Result<UserRecord> IdentityService::register_user(std::string_view email_text,
                                                        std::string_view display_name_text,
                                                        std::string_view password_text,
                                                        std::vector<std::string> roles) {
    std::vector<core::FieldError> errors;
    auto email = domain::parse_email(email_text);
    if (!email)
        errors.insert(errors.end(), email.error().fields.begin(), email.error().fields.end());
    auto name = domain::parse_display_name(display_name_text);
    if (!name) errors.insert(errors.end(), name.error().fields.begin(), name.error().fields.end());
    std::optional<std::string> password;
    if (email) {
        auto checked = domain::check_new_password(password_text, *email, common_passwords_);
        if (checked)
            password = std::move(*checked);
        else
            errors.insert(errors.end(), checked.error().fields.begin(),
                          checked.error().fields.end());
    }
    if (!errors.empty()) return core::Error::invalid("The registration has invalid fields", errors);

    UserRecord user;
    user.id = core::new_uuid_v7();
    user.email = email->value;
    user.email_key = email->key;
    user.display_name = *name;
    user.search_key = core::search_fold(*name);
    user.password_hash = hash_password(*password);
    user.created_at = user.updated_at = now_text();
    roles.insert(roles.begin(), std::string(domain::kUserRole));
    for (const auto& role : roles) {
        if (std::find(user.roles.begin(), user.roles.end(), role) == user.roles.end())
            user.roles.push_back(role);
    }
    std::sort(user.roles.begin(), user.roles.end());
    bool inserted = database_.transaction([&](soci::session& session) {
        if (!UserRepository::insert(session, user)) return false;
        boost::json::object data{{"id", user.id},
                                 {"email", user.email},
                                 {"display_name", user.display_name},
                                 {"roles", to_array(user.roles)},
                                 {"version", 1},
                                 {"created_at", user.created_at}};
        auto event = messaging::make_event("/identity", "codeflix.identity.user.registered.v1",
                                           user.id, std::move(data));
        event.time = user.created_at;
        messaging::enqueue(session, event, "user");
        return true;
    });
    if (!inserted) {
        // Registration cannot hide an existing account without email verification (ADR 0010).
        return core::Error::conflict("An account with this email address already exists",
                                     {{"email", "is already registered"}});
    }
    log::info("user registered", {{"user_id", user.id}});
    return user;
}

core::Result<UserRecord> IdentityService::ensure_user(std::string_view email_text,
                                                      std::string_view display_name,
                                                      std::string_view password,
                                                      const std::vector<std::string>& roles) {
    auto email = domain::parse_email(email_text);
    bool exists = email && database_.with_session([&](soci::session& session) {
        return UserRepository::find_by_email_key(session, email->key).has_value();
    });
    if (!exists) return register_user(email_text, display_name, password, roles);
    auto checked = domain::check_new_password(password, *email, common_passwords_);
    if (!checked) return checked.error();
    std::string hash = hash_password(*checked);
    return database_.transaction([&](soci::session& session) -> core::Result<UserRecord> {
        auto user = UserRepository::find_by_email_key(session, email->key, true);
        if (!user) return not_found();
        UserRepository::set_password_hash(session, user->id, hash);
        for (const auto& role : roles) UserRepository::add_role(session, user->id, role);
        UserRepository::set_enabled(session, user->id, true, now_text());
        return *UserRepository::find_by_id(session, user->id);
    });
}

void IdentityService::record_address_failure(soci::session& session, const std::string& address,
                                             std::int64_t now) {
    AddressRepository::ensure(session, address, now);
    auto record = AddressRepository::find(session, address, true);
    if (!record) return;
    if (now - record->window_started_at > settings_.address.window_seconds) {
        record->failures = 0;
        record->window_started_at = now;
    }
    record->failures += 1;
    std::int64_t block = settings_.address.block_seconds(record->failures);
    if (block > 0) record->blocked_until = now + block;
    AddressRepository::save(session, *record);
}

LoginOutcome IdentityService::login(std::string_view email_text, std::string_view password_text,
                                    const std::string& address) {
    std::int64_t now = clock_();
    auto blocked = database_.with_session([&](soci::session& session) {
        auto record = AddressRepository::find(session, address, false);
        return record && record->blocked_until > now ? record->blocked_until - now : 0;
    });
    if (blocked > 0) {
        log::info("login refused: address slowed down", {{"retry_after", blocked}});
        return {std::nullopt, blocked};
    }
    auto email = domain::parse_email(email_text);
    auto password = domain::normalize_login_password(password_text);
    std::optional<UserRecord> user;
    if (email && password) {
        user = database_.with_session([&](soci::session& session) {
            return UserRepository::find_by_email_key(session, email->key);
        });
    }
    bool usable = user && user->enabled && user->locked_until <= now;
    bool good = false;
    if (usable) {
        good = verify_password(user->password_hash, *password);
    } else {
        // The same work as a real check, whether the account is unknown, locked or disabled.
        spend_password_time(password ? *password : std::string(password_text.substr(0, 512)));
    }
    if (good) {
        bool rehash = password_needs_rehash(user->password_hash);
        std::string new_hash = rehash ? hash_password(*password) : std::string();
        database_.transaction([&](soci::session& session) {
            UserRepository::set_login_state(session, user->id, 0, 0);
            if (rehash) UserRepository::set_password_hash(session, user->id, new_hash);
            return true;
        });
        return {user, 0};
    }
    database_.transaction([&](soci::session& session) {
        record_address_failure(session, address, now);
        if (!user || !user->enabled) return true;
        auto current = UserRepository::find_by_id(session, user->id, true);
        if (!current || current->locked_until > now) return true;  // locked: no new count
        std::int64_t failures = current->failed_logins + 1;
        std::int64_t lock = settings_.lockout.lock_seconds(failures);
        UserRepository::set_login_state(session, user->id, failures, lock > 0 ? now + lock : 0);
        if (lock > 0) {
            log::warn("account locked after failed logins",
                      {{"user_id", user->id}, {"failures", failures}, {"seconds", lock}});
        }
        return true;
    });
    return {std::nullopt, 0};
}

// ---------------------------------------------------------------------------------- sessions

std::string IdentityService::start_session(const UserRecord& user, SessionRecord* started) {
    std::string cookie = random_token();
    std::int64_t now = clock_();
    SessionRecord record{core::new_uuid_v7(), sha256_base64url(cookie), user.id, now,
                         now + settings_.session_max_seconds};
    database_.transaction([&](soci::session& session) {
        SessionRepository::insert(session, record);
        return true;
    });
    if (started) *started = record;
    return cookie;
}

std::optional<BrowserSession> IdentityService::find_session(std::string_view cookie) {
    if (cookie.empty() || cookie.size() > 128) return std::nullopt;
    std::int64_t now = clock_();
    return database_.with_session([&](soci::session& session) -> std::optional<BrowserSession> {
        auto record = SessionRepository::find_live(session, sha256_base64url(cookie), now);
        if (!record) return std::nullopt;
        auto user = UserRepository::find_by_id(session, record->user_id);
        if (!user || !user->enabled) return std::nullopt;
        return BrowserSession{*record, *user};
    });
}

void IdentityService::end_session(const std::string& session_id) {
    std::int64_t now = clock_();
    database_.transaction([&](soci::session& session) {
        SessionRepository::end(session, session_id, now);
        RefreshRepository::revoke_session(session, session_id, now);
        return true;
    });
    log::info("session ended", {{"session_id", session_id}});
}

// ---------------------------------------------------------------------------------- administration

UserPage IdentityService::list_users(const repositories::UserFilter& filter) {
    return database_.with_session([&](soci::session& session) {
        return UserPage{UserRepository::list(session, filter),
                        UserRepository::count(session, filter)};
    });
}

core::Result<UserRecord> IdentityService::get_user(const std::string& id) {
    auto user = database_.with_session(
        [&](soci::session& session) { return UserRepository::find_by_id(session, id); });
    if (!user) return not_found();
    return *user;
}

core::Result<UserRecord> IdentityService::set_enabled(const std::string& id, bool enabled) {
    std::int64_t now = clock_();
    auto result = database_.transaction([&](soci::session& session) -> core::Result<UserRecord> {
        auto user = UserRepository::find_by_id(session, id, true);
        if (!user) return not_found();
        if (user->enabled == enabled) return *user;
        UserRepository::set_enabled(session, id, enabled, now_text());
        if (!enabled) {
            // A disabled account loses its logins at once; its access tokens expire within 5 min.
            SessionRepository::end_all_of_user(session, id, now);
            RefreshRepository::revoke_user(session, id, now);
        }
        return *UserRepository::find_by_id(session, id);
    });
    if (result) log::info(enabled ? "user enabled" : "user disabled", {{"user_id", id}});
    return result;
}

core::Result<UserRecord> IdentityService::grant_role(const std::string& id,
                                                     const std::string& role) {
    if (!domain::is_known_role(role)) return core::Error::not_found("No role called " + role);
    return database_.transaction([&](soci::session& session) -> core::Result<UserRecord> {
        auto user = UserRepository::find_by_id(session, id, true);
        if (!user) return not_found();
        if (std::find(user->roles.begin(), user->roles.end(), role) != user->roles.end())
            return *user;
        UserRepository::add_role(session, id, role);
        UserRepository::touch(session, id, now_text());
        return *UserRepository::find_by_id(session, id);
    });
}

core::Result<UserRecord> IdentityService::revoke_role(const std::string& id,
                                                      const std::string& role) {
    if (!domain::is_known_role(role)) return core::Error::not_found("No role called " + role);
    if (role == domain::kUserRole)
        return core::Error::conflict("Every account keeps the role user");
    return database_.transaction([&](soci::session& session) -> core::Result<UserRecord> {
        auto user = UserRepository::find_by_id(session, id, true);
        if (!user) return not_found();
        if (std::find(user->roles.begin(), user->roles.end(), role) == user->roles.end())
            return *user;
        UserRepository::remove_role(session, id, role);
        UserRepository::touch(session, id, now_text());
        return *UserRepository::find_by_id(session, id);
    });
}

void IdentityService::prune() {
    std::int64_t cutoff = clock_() - 3600;
    database_.transaction([&](soci::session& session) {
        CodeRepository::prune(session, cutoff);
        RefreshRepository::prune(session, cutoff);
        return true;
    });
}

}  // namespace codeflix::identity::app
