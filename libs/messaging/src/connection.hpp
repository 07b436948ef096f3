#pragma once

// rabbitmq-c stays inside libs/messaging/src: one AMQP connection with channel 1 open.

#include <amqp.h>

#include <codeflix/messaging/broker.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace codeflix::messaging::detail {

inline amqp_bytes_t bytes(std::string_view text) {
    return {text.size(), const_cast<char*>(text.data())};  // NOLINT: rabbitmq-c only reads it
}
inline std::string to_string(amqp_bytes_t value) {
    return {static_cast<const char*>(value.bytes), value.len};
}

/// What a failed rabbitmq-c call means, in words.
std::string describe(amqp_rpc_reply_t reply);

using StringArgs = std::vector<std::pair<std::string, std::string>>;

/// Builds an AMQP table of string values; valid while the StringArgs it came from lives.
class Table {
  public:
    explicit Table(const StringArgs& args);
    amqp_table_t get() { return {static_cast<int>(entries_.size()), entries_.data()}; }

  private:
    std::vector<amqp_table_entry_t> entries_;
};

class Connection {
  public:
    /// Connects, logs in and opens channel 1; throws BrokerError.
    static std::unique_ptr<Connection> open(const BrokerSettings& settings);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    amqp_connection_state_t state() { return state_; }
    static constexpr amqp_channel_t kChannel = 1;

    void declare_exchange(std::string_view name, std::string_view type);
    void declare_queue(std::string_view name, const StringArgs& args);
    void bind(std::string_view queue, std::string_view exchange, std::string_view key);
    /// codeflix.events (topic) and codeflix.dlx (direct), both durable.
    void declare_exchanges();
    /// Throws BrokerError when the last synchronous call failed.
    void check(std::string_view what);

  private:
    explicit Connection(amqp_connection_state_t state) : state_(state) {}
    amqp_connection_state_t state_;
};

}  // namespace codeflix::messaging::detail
