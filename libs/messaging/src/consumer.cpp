#include <charconv>
#include <codeflix/core/clock.hpp>
#include <codeflix/core/log.hpp>
#include <codeflix/db/query.hpp>
#include <codeflix/messaging/consumer.hpp>
#include <codeflix/messaging/publisher.hpp>
#include <variant>

#include "connection.hpp"

namespace codeflix::messaging {
namespace {

using detail::bytes;
using detail::Connection;
using detail::to_string;

constexpr const char* kInboxInsert =
    "INSERT INTO inbox (consumer, event_id, received_at) VALUES (:consumer, :event_id, :now) "
    "ON CONFLICT DO NOTHING";
constexpr const char* kInboxPrune =
    "DELETE FROM inbox WHERE consumer = :consumer AND received_at < :cutoff";

constexpr auto kPollInterval = std::chrono::milliseconds(200);
constexpr auto kPruneEvery = std::chrono::minutes(10);
constexpr std::size_t kMaxReasonBytes = 500;

std::string retry_queue(const std::string& queue) { return queue + ".retry"; }
std::string dead_letter_queue(const std::string& queue) { return queue + ".dlq"; }

/// Declares the queue, its retry queue and its DLQ, and binds them (idempotent).
void declare_topology(Connection& connection, const ConsumerOptions& options) {
    connection.declare_exchanges();
    const std::string dlq = dead_letter_queue(options.queue);
    connection.declare_queue(dlq, {});
    connection.bind(dlq, kDeadLetterExchange, dlq);
    connection.declare_queue(options.queue,
                             {{"x-dead-letter-exchange", std::string(kDeadLetterExchange)},
                              {"x-dead-letter-routing-key", dlq}});
    for (const auto& key : options.bindings) connection.bind(options.queue, kEventsExchange, key);
    // Expired retries go back to the main queue through the default exchange.
    connection.declare_queue(
        retry_queue(options.queue),
        {{"x-dead-letter-exchange", ""}, {"x-dead-letter-routing-key", options.queue}});
}

int attempt_of(const amqp_basic_properties_t& properties) {
    if ((properties._flags & AMQP_BASIC_HEADERS_FLAG) == 0) return 0;
    for (int i = 0; i < properties.headers.num_entries; ++i) {
        const auto& entry = properties.headers.entries[i];
        if (to_string(entry.key) != kAttemptHeader) continue;
        if (entry.value.kind == AMQP_FIELD_KIND_UTF8 || entry.value.kind == AMQP_FIELD_KIND_BYTES) {
            std::string text = to_string(entry.value.value.bytes);
            int attempt = 0;
            std::from_chars(text.data(), text.data() + text.size(), attempt);
            return attempt;
        }
    }
    return 0;
}

std::string property(const amqp_basic_properties_t& properties, amqp_flags_t flag,
                     amqp_bytes_t value) {
    return (properties._flags & flag) != 0 ? to_string(value) : std::string();
}

std::string clip(std::string text) {
    if (text.size() > kMaxReasonBytes) text.resize(kMaxReasonBytes);
    return text;
}

/// Sleeps up to `wait`, waking early when `stopping` turns true.
void pause(const std::atomic<bool>& stopping, std::chrono::milliseconds wait) {
    auto until = std::chrono::steady_clock::now() + wait;
    while (!stopping && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

}  // namespace

struct Consumer::Impl {
    Consumer& owner;
    Publisher forwarder;  // retries and dead letters, with confirms

    Impl(Consumer& o, const BrokerSettings& settings)
        : owner(o),
          forwarder(
              [&] {
                  BrokerSettings s = settings;
                  s.connection_name = o.options_.queue + " forwarder";
                  return s;
              }(),
              o.metrics_) {}

    /// What to do with a delivery once it has been looked at.
    enum class Outcome { ack, requeue };

    OutgoingMessage copy(const amqp_envelope_t& envelope, std::string exchange,
                         std::string routing_key, int attempt) {
        const auto& props = envelope.message.properties;
        OutgoingMessage message;
        message.exchange = std::move(exchange);
        message.routing_key = std::move(routing_key);
        message.body = to_string(envelope.message.body);
        message.message_id = property(props, AMQP_BASIC_MESSAGE_ID_FLAG, props.message_id);
        message.type = property(props, AMQP_BASIC_TYPE_FLAG, props.type);
        message.headers.emplace_back(kAttemptHeader, std::to_string(attempt));
        message.headers.emplace_back("x-codeflix-routing-key", to_string(envelope.routing_key));
        return message;
    }

    Outcome dead_letter(const amqp_envelope_t& envelope, const std::string& reason, int attempt) {
        const std::string& queue = owner.options_.queue;
        auto message =
            copy(envelope, std::string(kDeadLetterExchange), dead_letter_queue(queue), attempt);
        message.headers.emplace_back(kDeadReasonHeader, clip(reason));
        if (forwarder.publish({message}) != 1) return Outcome::requeue;
        ++owner.metrics_.dead_lettered;
        log::warn("event parked in the dead-letter queue", {{"queue", dead_letter_queue(queue)},
                                                            {"message_id", message.message_id},
                                                            {"type", message.type},
                                                            {"reason", clip(reason)}});
        return Outcome::ack;
    }

    Outcome retry(const amqp_envelope_t& envelope, const std::string& error, int attempt) {
        const std::string& queue = owner.options_.queue;
        auto message = copy(envelope, "", retry_queue(queue), attempt + 1);
        message.headers.emplace_back(kErrorHeader, clip(error));
        auto delay = owner.options_.first_retry_delay * (1LL << std::min(attempt, 20));
        message.expiration_ms = std::to_string(delay.count());
        if (forwarder.publish({message}) != 1) return Outcome::requeue;
        ++owner.metrics_.retried;
        log::warn("event handler failed; retrying",
                  {{"queue", queue},
                   {"message_id", message.message_id},
                   {"attempt", attempt + 1},
                   {"delay_ms", static_cast<std::int64_t>(delay.count())},
                   {"error", clip(error)}});
        return Outcome::ack;
    }

    /// A delivery that parsed and has a handler.
    struct Ready {
        CloudEvent event;
        const EventHandler* handler;
        int attempt;
    };

    /// Parses a delivery and finds its handler; what cannot be handled is parked at once.
    std::variant<Ready, Outcome> classify(const amqp_envelope_t& envelope) {
        ++owner.metrics_.consumed;
        int attempt = attempt_of(envelope.message.properties);
        auto event = parse_event(to_string(envelope.message.body));
        if (!event) return dead_letter(envelope, "unparseable: " + event.error().message, attempt);
        auto found = owner.handlers_.find(event->type);
        if (found == owner.handlers_.end()) {
            auto type = parse_event_type(event->type);
            if (type) {
                for (const auto& [known, handler] : owner.handlers_) {
                    auto known_type = parse_event_type(known);
                    if (known_type && known_type->family == type->family) {
                        return dead_letter(envelope,
                                           "unknown version " + std::to_string(type->version) +
                                               " of " + type->family,
                                           attempt);
                    }
                }
            }
            return dead_letter(envelope, "unknown type " + event->type, attempt);
        }
        return Ready{std::move(*event), &found->second, attempt};
    }

    /// The inbox insert and the handler, on the caller's transaction; false when seen before.
    bool apply(soci::session& session, const Ready& ready) {
        auto inserted = db::execute(session, kInboxInsert,
                                    db::Params()
                                        .set("consumer", owner.options_.queue)
                                        .set("event_id", ready.event.id)
                                        .set("now", core::to_rfc3339(core::now())));
        if (inserted == 0) return false;
        (*ready.handler)(session, ready.event);
        return true;
    }

    void committed() {
        if (!owner.after_commit_) return;
        try {
            owner.after_commit_();
        } catch (const std::exception& e) {
            log::warn("after-commit hook failed",
                      {{"queue", owner.options_.queue}, {"error", e.what()}});
        }
    }

    /// One delivery in its own transaction, retried or parked when its handler fails.
    Outcome handle_one(const amqp_envelope_t& envelope, const Ready& ready) {
        int attempt = ready.attempt;
        try {
            bool applied = owner.database_.transaction(
                [&](soci::session& session) { return apply(session, ready); });
            committed();
            ++(applied ? owner.metrics_.handled : owner.metrics_.duplicates);
            return Outcome::ack;
        } catch (const PermanentError& e) {
            return dead_letter(envelope, std::string("rejected: ") + e.what(), attempt);
        } catch (const std::exception& e) {
            if (attempt >= owner.options_.max_retries) {
                return dead_letter(
                    envelope, "failed after " + std::to_string(attempt) + " retries: " + e.what(),
                    attempt);
            }
            return retry(envelope, e.what(), attempt);
        }
    }

    /// Deliveries that arrived together: every handleable one in a single transaction (one
    /// commit instead of one each); when any handler fails, each is handled on its own so only
    /// the failing one is retried or parked. Returns the outcome of each delivery.
    std::vector<Outcome> handle_batch(const std::vector<amqp_envelope_t>& batch) {
        std::vector<Outcome> outcomes(batch.size(), Outcome::ack);
        std::vector<std::pair<std::size_t, Ready>> ready;
        for (std::size_t i = 0; i < batch.size(); ++i) {
            auto classified = classify(batch[i]);
            if (auto* r = std::get_if<Ready>(&classified)) {
                ready.emplace_back(i, std::move(*r));
            } else {
                outcomes[i] = std::get<Outcome>(classified);
            }
        }
        if (ready.size() > 1) {
            try {
                std::size_t applied = owner.database_.transaction([&](soci::session& session) {
                    std::size_t count = 0;
                    for (const auto& [index, item] : ready) count += apply(session, item) ? 1 : 0;
                    return count;
                });
                committed();
                owner.metrics_.handled += applied;
                owner.metrics_.duplicates += ready.size() - applied;
                return outcomes;
            } catch (const std::exception&) {
                // rolled back: fall through to one transaction per delivery
            }
        }
        for (const auto& [index, item] : ready) outcomes[index] = handle_one(batch[index], item);
        return outcomes;
    }

    void prune_inbox() {
        try {
            auto cutoff = core::to_rfc3339(core::now() - owner.options_.inbox_retention);
            owner.database_.with_session([&](soci::session& session) {
                return db::execute(
                    session, kInboxPrune,
                    db::Params().set("consumer", owner.options_.queue).set("cutoff", cutoff));
            });
        } catch (const std::exception& e) {
            log::warn("inbox prune failed", {{"error", e.what()}});
        }
    }

    /// Consumes until the connection fails or the consumer stops.
    void consume(Connection& connection) {
        amqp_connection_state_t state = connection.state();
        auto next_prune = std::chrono::steady_clock::now();
        while (!owner.stopping_) {
            if (std::chrono::steady_clock::now() >= next_prune) {
                prune_inbox();
                next_prune = std::chrono::steady_clock::now() + kPruneEvery;
            }
            amqp_maybe_release_buffers(state);
            timeval timeout{0, static_cast<suseconds_t>(kPollInterval.count() * 1000)};
            amqp_envelope_t envelope;
            amqp_rpc_reply_t reply = amqp_consume_message(state, &envelope, &timeout, 0);
            if (reply.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION &&
                reply.library_error == AMQP_STATUS_TIMEOUT) {
                continue;
            }
            if (reply.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION &&
                reply.library_error == AMQP_STATUS_UNEXPECTED_STATE) {
                // A frame other than a delivery: a close or a cancel ends this connection.
                amqp_frame_t frame;
                if (amqp_simple_wait_frame(state, &frame) != AMQP_STATUS_OK) return;
                if (frame.frame_type == AMQP_FRAME_METHOD &&
                    (frame.payload.method.id == AMQP_CHANNEL_CLOSE_METHOD ||
                     frame.payload.method.id == AMQP_CONNECTION_CLOSE_METHOD ||
                     frame.payload.method.id == AMQP_BASIC_CANCEL_METHOD)) {
                    log::warn("broker closed the consumer", {{"queue", owner.options_.queue}});
                    return;
                }
                continue;
            }
            if (reply.reply_type != AMQP_RESPONSE_NORMAL) {
                log::warn("consumer connection lost",
                          {{"queue", owner.options_.queue}, {"error", detail::describe(reply)}});
                return;
            }
            // Take what has already arrived too (up to the prefetch), without waiting for more.
            std::vector<amqp_envelope_t> batch{envelope};
            while (batch.size() < owner.options_.prefetch) {
                timeval now{0, 0};
                amqp_envelope_t next;
                amqp_rpc_reply_t more = amqp_consume_message(state, &next, &now, 0);
                if (more.reply_type != AMQP_RESPONSE_NORMAL) break;  // nothing buffered, or a
                batch.push_back(next);                               // frame handled next loop
            }
            auto outcomes = handle_batch(batch);
            bool requeued = false;
            int status = AMQP_STATUS_OK;
            for (std::size_t i = 0; i < batch.size(); ++i) {
                if (status == AMQP_STATUS_OK) {
                    status =
                        outcomes[i] == Outcome::ack
                            ? amqp_basic_ack(state, Connection::kChannel, batch[i].delivery_tag, 0)
                            : amqp_basic_nack(state, Connection::kChannel, batch[i].delivery_tag, 0,
                                              /*requeue=*/1);
                }
                requeued = requeued || outcomes[i] == Outcome::requeue;
                amqp_destroy_envelope(&batch[i]);
            }
            if (status != AMQP_STATUS_OK) return;
            if (requeued) pause(owner.stopping_, std::chrono::seconds(1));
        }
    }
};

Consumer::Consumer(db::Database& database, BrokerSettings settings, ConsumerOptions options,
                   Metrics& metrics)
    : database_(database),
      settings_(std::move(settings)),
      options_(std::move(options)),
      metrics_(metrics) {
    if (settings_.connection_name.empty()) settings_.connection_name = options_.queue;
}

Consumer::~Consumer() { stop(); }

void Consumer::on(const std::string& type, EventHandler handler) {
    handlers_[type] = std::move(handler);
}

void Consumer::start() {
    if (thread_.joinable()) return;
    stopping_ = false;
    thread_ = std::thread([this] { loop(); });
}

void Consumer::stop() {
    stopping_ = true;
    if (thread_.joinable()) thread_.join();
}

void Consumer::loop() {
    Impl impl(*this, settings_);
    Backoff backoff(std::chrono::milliseconds(250), std::chrono::milliseconds(4000));
    bool warned = false;
    while (!stopping_) {
        std::unique_ptr<Connection> connection;
        try {
            connection = Connection::open(settings_);
            declare_topology(*connection, options_);
            amqp_basic_qos(connection->state(), Connection::kChannel, 0, options_.prefetch, 0);
            connection->check("setting the prefetch");
            amqp_basic_consume(connection->state(), Connection::kChannel, bytes(options_.queue),
                               amqp_empty_bytes, 0, /*no_ack=*/0, 0, amqp_empty_table);
            connection->check("consuming " + options_.queue);
        } catch (const BrokerError& e) {
            if (!warned) {
                log::warn("consumer cannot reach the broker; will retry",
                          {{"queue", options_.queue}, {"error", e.what()}});
            }
            warned = true;
            pause(stopping_, backoff.next());
            continue;
        }
        if (warned) log::info("consumer reconnected", {{"queue", options_.queue}});
        warned = false;
        backoff.reset();
        consuming_ = true;
        ++metrics_.consumers_connected;
        impl.consume(*connection);
        --metrics_.consumers_connected;
        consuming_ = false;
        connection.reset();
    }
    impl.forwarder.close();
}

}  // namespace codeflix::messaging
