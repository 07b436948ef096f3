#include <codeflix/core/clock.hpp>
#include <codeflix/core/log.hpp>
#include <codeflix/db/query.hpp>
#include <codeflix/messaging/outbox.hpp>

namespace codeflix::messaging {
namespace {

constexpr const char* kInsert =
    "INSERT INTO outbox (id, aggregate_type, aggregate_id, type, payload, created_at) "
    "VALUES (:id, :aggregate_type, :aggregate_id, :type, :payload, :created_at)";
constexpr const char* kPending =
    "SELECT seq, id, type, payload FROM outbox WHERE published_at IS NULL ORDER BY seq "
    "LIMIT :limit";
constexpr const char* kMarkPublished =
    "UPDATE outbox SET published_at = :now WHERE seq = :seq AND published_at IS NULL";
constexpr const char* kBacklogCount = "SELECT COUNT(*) FROM outbox WHERE published_at IS NULL";
constexpr const char* kOldestPending =
    "SELECT created_at FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT 1";
constexpr const char* kPrune =
    "DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < :cutoff";
/// One relay at a time among copies of a service sharing a PostgreSQL database.
constexpr const char* kTryRelayLock =
    "SELECT CASE WHEN pg_try_advisory_xact_lock(7305510311) THEN 1 ELSE 0 END";

constexpr auto kBacklogEvery = std::chrono::seconds(2);
constexpr auto kPruneEvery = std::chrono::minutes(10);

struct Row {
    std::int64_t seq;
    std::string id;
    std::string type;
    std::string payload;
};

std::vector<Row> pending(soci::session& session, std::size_t limit) {
    std::vector<Row> rows;
    db::for_each_row(session, kPending, db::Params().set("limit", static_cast<std::int64_t>(limit)),
                     [&](const soci::row& row) {
                         rows.push_back({db::get_int64(row, 0), db::get_text(row, 1),
                                         db::get_text(row, 2), db::get_text(row, 3)});
                     });
    return rows;
}

void mark_published(soci::session& session, const std::vector<Row>& rows, std::size_t count) {
    std::string now = core::to_rfc3339(core::now());
    for (std::size_t i = 0; i < count; ++i)
        db::execute(session, kMarkPublished, db::Params().set("now", now).set("seq", rows[i].seq));
}

std::vector<OutgoingMessage> messages_of(const std::vector<Row>& rows) {
    std::vector<OutgoingMessage> messages;
    messages.reserve(rows.size());
    for (const auto& row : rows) {
        OutgoingMessage message;
        message.exchange = kEventsExchange;
        message.routing_key = row.type;
        message.body = row.payload;
        message.message_id = row.id;
        message.type = row.type;
        messages.push_back(std::move(message));
    }
    return messages;
}

}  // namespace

void enqueue(soci::session& session, const CloudEvent& event, std::string_view aggregate_type) {
    db::execute(session, kInsert,
                db::Params()
                    .set("id", event.id)
                    .set("aggregate_type", std::string(aggregate_type))
                    .set("aggregate_id", event.subject)
                    .set("type", event.type)
                    .set("payload", to_json(event))
                    .set("created_at", event.time));
}

OutboxRelay::OutboxRelay(db::Database& database, Publisher& publisher, Metrics& metrics,
                         RelayOptions options)
    : database_(database), publisher_(publisher), metrics_(metrics), options_(options) {}

OutboxRelay::~OutboxRelay() { stop(std::chrono::milliseconds(0)); }

void OutboxRelay::start() {
    std::lock_guard lock(mutex_);
    if (thread_.joinable()) return;
    stopping_ = false;
    thread_ = std::thread([this] { loop(); });
}

void OutboxRelay::notify() {
    {
        std::lock_guard lock(mutex_);
        notified_ = true;
    }
    wake_.notify_one();
}

void OutboxRelay::stop(std::chrono::milliseconds drain) {
    {
        std::lock_guard lock(mutex_);
        if (!thread_.joinable()) return;
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
    auto deadline = std::chrono::steady_clock::now() + drain;
    try {
        while (std::chrono::steady_clock::now() < deadline && backlog() > 0) {
            if (publish_pending() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        auto left = backlog();
        if (left > 0)
            log::warn("outbox not drained; the next start publishes it", {{"rows", left}});
    } catch (const std::exception& e) {
        log::warn("outbox drain failed; the next start publishes it", {{"error", e.what()}});
    }
}

std::size_t OutboxRelay::publish_pending() {
    last_selected_ = 0;
    auto publish = [&](soci::session& session) -> std::size_t {
        auto rows = pending(session, options_.batch);
        last_selected_ = rows.size();
        if (rows.empty()) return 0;
        std::size_t confirmed = publisher_.publish(messages_of(rows));
        if (confirmed == 0) return 0;
        if (database_.dialect() == db::Dialect::postgresql) {
            mark_published(session, rows, confirmed);  // inside the locked transaction
        } else {
            database_.transaction([&](soci::session& tx) {
                mark_published(tx, rows, confirmed);
                return 0;
            });
        }
        return confirmed;
    };
    if (database_.dialect() == db::Dialect::postgresql) {
        return database_.transaction([&](soci::session& session) -> std::size_t {
            if (db::query_int(session, kTryRelayLock) != 1) return 0;  // another copy relays
            return publish(session);
        });
    }
    // SQLite: one process owns the file; reading outside a transaction keeps writers unblocked
    // while the broker confirms.
    return database_.with_session(publish);
}

std::size_t OutboxRelay::prune() {
    auto cutoff = core::to_rfc3339(core::now() - options_.retention);
    return static_cast<std::size_t>(database_.with_session([&](soci::session& session) {
        return db::execute(session, kPrune, db::Params().set("cutoff", cutoff));
    }));
}

std::int64_t OutboxRelay::backlog() {
    return database_.with_session([&](soci::session& session) {
        std::int64_t count = db::query_int(session, kBacklogCount);
        double age = 0;
        if (count > 0) {
            std::string oldest;
            db::for_each_row(session, kOldestPending, {},
                             [&](const soci::row& row) { oldest = db::get_text(row, 0); });
            if (auto at = core::parse_rfc3339(oldest)) {
                age = std::chrono::duration<double>(core::now() - *at).count();
            }
        }
        metrics_.outbox_backlog = count;
        metrics_.outbox_oldest_age_seconds = age;
        return count;
    });
}

void OutboxRelay::loop() {
    Backoff backoff(std::chrono::milliseconds(250), options_.max_backoff);
    auto next_backlog = std::chrono::steady_clock::now();
    auto next_prune = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    for (;;) {
        std::chrono::milliseconds wait = options_.poll;
        try {
            auto now = std::chrono::steady_clock::now();
            if (now >= next_backlog) {
                backlog();
                next_backlog = now + kBacklogEvery;
            }
            if (now >= next_prune) {
                if (auto pruned = prune(); pruned > 0)
                    log::info("outbox pruned", {{"rows", pruned}});
                next_prune = now + kPruneEvery;
            }
            std::size_t published = publish_pending();
            if (published == options_.batch) {
                wait = std::chrono::milliseconds(0);  // more is waiting
                backoff.reset();
            } else if (published < last_selected_) {
                wait = backoff.next();  // the broker is away or refused
                next_backlog = std::chrono::steady_clock::now();
            } else {
                backoff.reset();
            }
        } catch (const std::exception& e) {
            log::warn("outbox relay pass failed", {{"error", e.what()}});
            wait = backoff.next();
        }
        std::unique_lock lock(mutex_);
        if (wait.count() > 0) wake_.wait_for(lock, wait, [this] { return stopping_ || notified_; });
        notified_ = false;
        if (stopping_) return;
    }
}

}  // namespace codeflix::messaging
