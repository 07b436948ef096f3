#include "connection.hpp"

#include <amqp_tcp_socket.h>

#include <codeflix/core/config.hpp>
#include <cstring>
#include <string>
#include <vector>

namespace codeflix::messaging {
namespace {

struct ParsedUrl {
    std::vector<char> buffer;  // amqp_parse_url points into it
    amqp_connection_info info{};
};

/// Parses with rabbitmq-c's own parser; false when it refuses the URL.
bool parse(std::string_view url, ParsedUrl& out) {
    out.buffer.assign(url.begin(), url.end());
    out.buffer.push_back('\0');
    amqp_default_connection_info(&out.info);
    if (amqp_parse_url(out.buffer.data(), &out.info) != AMQP_STATUS_OK) return false;
    // "amqp://host/" names the empty vhost by the letter of the URI spec; everyone means "/".
    if (*out.info.vhost == '\0') out.info.vhost = const_cast<char*>("/");  // NOLINT
    return true;
}

}  // namespace

void validate_amqp_url(std::string_view url) {
    ParsedUrl parsed;
    if (!url.starts_with("amqp://") || !parse(url, parsed)) {
        throw core::ConfigError(
            "AMQP_URL must look like amqp://user:password@host:5672/vhost, got " +
            redact_amqp_url(url));
    }
}

std::string redact_amqp_url(std::string_view url) {
    auto scheme = url.find("://");
    auto at = url.rfind('@');
    if (scheme == std::string_view::npos || at == std::string_view::npos || at < scheme)
        return std::string(url);
    auto colon = url.find(':', scheme + 3);
    if (colon == std::string_view::npos || colon > at) return std::string(url);
    return std::string(url.substr(0, colon + 1)) + "***" + std::string(url.substr(at));
}

namespace detail {

std::string describe(amqp_rpc_reply_t reply) {
    switch (reply.reply_type) {
        case AMQP_RESPONSE_NORMAL:
            return "ok";
        case AMQP_RESPONSE_NONE:
            return "missing reply";
        case AMQP_RESPONSE_LIBRARY_EXCEPTION:
            return amqp_error_string2(reply.library_error);
        case AMQP_RESPONSE_SERVER_EXCEPTION:
            if (reply.reply.id == AMQP_CONNECTION_CLOSE_METHOD) {
                auto* close = static_cast<amqp_connection_close_t*>(reply.reply.decoded);
                return "connection closed by the broker: " + to_string(close->reply_text);
            }
            if (reply.reply.id == AMQP_CHANNEL_CLOSE_METHOD) {
                auto* close = static_cast<amqp_channel_close_t*>(reply.reply.decoded);
                return "channel closed by the broker: " + to_string(close->reply_text);
            }
            return "broker error";
    }
    return "unknown error";
}

Table::Table(const StringArgs& args) {
    entries_.reserve(args.size());
    for (const auto& [key, value] : args) {
        amqp_table_entry_t entry{};
        entry.key = bytes(key);
        entry.value.kind = AMQP_FIELD_KIND_UTF8;
        entry.value.value.bytes = bytes(value);
        entries_.push_back(entry);
    }
}

std::unique_ptr<Connection> Connection::open(const BrokerSettings& settings) {
    ParsedUrl url;
    if (!parse(settings.url, url)) throw BrokerError("malformed AMQP URL");
    amqp_connection_state_t state = amqp_new_connection();
    std::unique_ptr<Connection> connection(new Connection(state));
    amqp_socket_t* socket = amqp_tcp_socket_new(state);
    if (socket == nullptr) throw BrokerError("cannot create a socket");
    auto micros = std::chrono::duration_cast<std::chrono::microseconds>(settings.timeout).count();
    timeval timeout{static_cast<time_t>(micros / 1000000),
                    static_cast<suseconds_t>(micros % 1000000)};
    int status = amqp_socket_open_noblock(socket, url.info.host, url.info.port, &timeout);
    if (status != AMQP_STATUS_OK) {
        throw BrokerError(std::string("cannot connect to ") + url.info.host + ":" +
                          std::to_string(url.info.port) + ": " + amqp_error_string2(status));
    }
    amqp_set_handshake_timeout(state, &timeout);
    amqp_set_rpc_timeout(state, &timeout);
    StringArgs properties = {{"connection_name", settings.connection_name}};
    Table table(properties);
    amqp_table_t client_properties = table.get();
    amqp_rpc_reply_t login = amqp_login_with_properties(
        state, url.info.vhost, 0, AMQP_DEFAULT_FRAME_SIZE, 0, &client_properties,
        AMQP_SASL_METHOD_PLAIN, url.info.user, url.info.password);
    if (login.reply_type != AMQP_RESPONSE_NORMAL)
        throw BrokerError("broker login failed: " + describe(login));
    amqp_channel_open(state, kChannel);
    connection->check("opening a channel");
    return connection;
}

Connection::~Connection() {
    amqp_channel_close(state_, kChannel, AMQP_REPLY_SUCCESS);
    amqp_connection_close(state_, AMQP_REPLY_SUCCESS);
    amqp_destroy_connection(state_);
}

void Connection::check(std::string_view what) {
    amqp_rpc_reply_t reply = amqp_get_rpc_reply(state_);
    if (reply.reply_type != AMQP_RESPONSE_NORMAL)
        throw BrokerError(std::string(what) + ": " + describe(reply));
}

void Connection::declare_exchange(std::string_view name, std::string_view type) {
    amqp_exchange_declare(state_, kChannel, bytes(name), bytes(type), /*passive=*/0,
                          /*durable=*/1, /*auto_delete=*/0, /*internal=*/0, amqp_empty_table);
    check("declaring exchange " + std::string(name));
}

void Connection::declare_queue(std::string_view name, const StringArgs& args) {
    Table table(args);
    amqp_queue_declare(state_, kChannel, bytes(name), /*passive=*/0, /*durable=*/1,
                       /*exclusive=*/0, /*auto_delete=*/0, table.get());
    check("declaring queue " + std::string(name));
}

void Connection::bind(std::string_view queue, std::string_view exchange, std::string_view key) {
    amqp_queue_bind(state_, kChannel, bytes(queue), bytes(exchange), bytes(key), amqp_empty_table);
    check("binding queue " + std::string(queue));
}

void Connection::declare_exchanges() {
    declare_exchange(kEventsExchange, "topic");
    declare_exchange(kDeadLetterExchange, "direct");
}

}  // namespace detail
}  // namespace codeflix::messaging
