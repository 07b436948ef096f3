#include <codeflix/core/log.hpp>
#include <codeflix/messaging/publisher.hpp>

#include "connection.hpp"

namespace codeflix::messaging {

using detail::bytes;
using detail::Connection;

struct Publisher::Impl {
    BrokerSettings settings;
    Metrics& metrics;
    std::unique_ptr<Connection> connection;
    std::uint64_t next_tag = 1;
    bool warned = false;

    Impl(BrokerSettings s, Metrics& m) : settings(std::move(s)), metrics(m) {}

    bool ensure_connected() {
        if (connection) return true;
        try {
            auto opened = Connection::open(settings);
            amqp_confirm_select(opened->state(), Connection::kChannel);
            opened->check("enabling publisher confirms");
            opened->declare_exchanges();
            connection = std::move(opened);
            next_tag = 1;
            metrics.publisher_connected = true;
            if (warned)
                log::info("broker reachable again", {{"connection", settings.connection_name}});
            warned = false;
            return true;
        } catch (const BrokerError& e) {
            if (!warned) {
                log::warn("broker unreachable; will retry",
                          {{"connection", settings.connection_name}, {"error", e.what()}});
            }
            warned = true;
            return false;
        }
    }

    void drop(std::string_view why) {
        if (connection) {
            log::warn("broker connection dropped",
                      {{"connection", settings.connection_name}, {"reason", why}});
        }
        connection.reset();
        metrics.publisher_connected = false;
    }

    bool send(const OutgoingMessage& message) {
        detail::StringArgs header_args(message.headers.begin(), message.headers.end());
        detail::Table headers(header_args);
        amqp_basic_properties_t props{};
        props._flags = AMQP_BASIC_CONTENT_TYPE_FLAG | AMQP_BASIC_DELIVERY_MODE_FLAG |
                       AMQP_BASIC_MESSAGE_ID_FLAG | AMQP_BASIC_TYPE_FLAG | AMQP_BASIC_HEADERS_FLAG;
        props.content_type = bytes(message.content_type);
        props.delivery_mode = 2;  // persistent
        props.message_id = bytes(message.message_id);
        props.type = bytes(message.type);
        props.headers = headers.get();
        if (!message.expiration_ms.empty()) {
            props._flags |= AMQP_BASIC_EXPIRATION_FLAG;
            props.expiration = bytes(message.expiration_ms);
        }
        int status =
            amqp_basic_publish(connection->state(), Connection::kChannel, bytes(message.exchange),
                               bytes(message.routing_key),
                               /*mandatory=*/0, /*immediate=*/0, &props, bytes(message.body));
        if (status != AMQP_STATUS_OK) {
            drop(amqp_error_string2(status));
            return false;
        }
        ++metrics.published;
        return true;
    }

    /// Waits for the confirms of tags [first, first + count); returns the confirmed prefix.
    std::size_t await_confirms(std::uint64_t first, std::size_t count) {
        enum class State { waiting, acked, nacked };
        std::vector<State> states(count, State::waiting);
        std::size_t resolved = 0;
        auto deadline = std::chrono::steady_clock::now() + settings.timeout;
        auto mark = [&](std::uint64_t tag, bool multiple, State state) {
            for (std::size_t i = 0; i < count; ++i) {
                std::uint64_t t = first + i;
                if ((t == tag || (multiple && t < tag)) && states[i] == State::waiting) {
                    states[i] = state;
                    ++resolved;
                }
            }
        };
        while (resolved < count) {
            auto left = deadline - std::chrono::steady_clock::now();
            if (left <= std::chrono::milliseconds(0)) {
                drop("publisher confirms timed out");
                break;
            }
            auto micros = std::chrono::duration_cast<std::chrono::microseconds>(left).count();
            timeval timeout{static_cast<time_t>(micros / 1000000),
                            static_cast<suseconds_t>(micros % 1000000)};
            amqp_frame_t frame;
            int status = amqp_simple_wait_frame_noblock(connection->state(), &frame, &timeout);
            if (status == AMQP_STATUS_TIMEOUT) continue;
            if (status != AMQP_STATUS_OK) {
                drop(amqp_error_string2(status));
                break;
            }
            if (frame.frame_type != AMQP_FRAME_METHOD) continue;
            auto id = frame.payload.method.id;
            if (id == AMQP_BASIC_ACK_METHOD) {
                auto* ack = static_cast<amqp_basic_ack_t*>(frame.payload.method.decoded);
                mark(ack->delivery_tag, ack->multiple != 0, State::acked);
            } else if (id == AMQP_BASIC_NACK_METHOD) {
                auto* nack = static_cast<amqp_basic_nack_t*>(frame.payload.method.decoded);
                mark(nack->delivery_tag, nack->multiple != 0, State::nacked);
            } else if (id == AMQP_CHANNEL_CLOSE_METHOD || id == AMQP_CONNECTION_CLOSE_METHOD) {
                drop("closed by the broker");
                break;
            }
        }
        std::size_t prefix = 0;
        while (prefix < count && states[prefix] == State::acked) ++prefix;
        metrics.confirmed += prefix;
        return prefix;
    }
};

Publisher::Publisher(BrokerSettings settings, Metrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(settings), metrics)) {}

Publisher::~Publisher() = default;

std::size_t Publisher::publish(const std::vector<OutgoingMessage>& messages) {
    std::lock_guard lock(mutex_);
    if (messages.empty()) return 0;
    if (!impl_->ensure_connected()) {
        ++impl_->metrics.publish_failures;
        return 0;
    }
    std::uint64_t first = impl_->next_tag;
    std::size_t sent = 0;
    for (const auto& message : messages) {
        if (!impl_->send(message)) break;
        ++sent;
        ++impl_->next_tag;
    }
    std::size_t confirmed = impl_->connection ? impl_->await_confirms(first, sent) : 0;
    if (confirmed < messages.size()) {
        ++impl_->metrics.publish_failures;
        // Tags are per channel: after a partial failure start over on a fresh connection.
        impl_->drop("a message was not confirmed");
    }
    return confirmed;
}

bool Publisher::declare_exchanges() {
    std::lock_guard lock(mutex_);
    return impl_->ensure_connected();
}

bool Publisher::connected() const {
    std::lock_guard lock(mutex_);
    return impl_->connection != nullptr;
}

void Publisher::close() {
    std::lock_guard lock(mutex_);
    impl_->connection.reset();
    impl_->metrics.publisher_connected = false;
}

}  // namespace codeflix::messaging
