#include <amqp.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <codeflix/core/uuid.hpp>
#include <codeflix/http/client.hpp>
#include <codeflix/messaging/testing.hpp>
#include <cstdlib>
#include <stdexcept>

#include "connection.hpp"

namespace codeflix::messaging::testing {

using detail::bytes;
using detail::to_string;

std::string broker_url() {
    const char* url = std::getenv("CODEFLIX_TEST_AMQP_URL");
    if (url == nullptr || *url == '\0') {
        throw std::runtime_error(
            "CODEFLIX_TEST_AMQP_URL is not set: run the tests with ./codeflix test, which starts "
            "a throw-away RabbitMQ");
    }
    return url;
}

std::string unique_name(std::string_view prefix) {
    return std::string(prefix) + "-" + core::new_uuid_v7().substr(24);
}

namespace {

std::string management_api() {
    const char* api = std::getenv("CODEFLIX_TEST_RABBIT_API");
    if (api == nullptr || *api == '\0') {
        throw std::runtime_error(
            "CODEFLIX_TEST_RABBIT_API is not set: run the tests with ./codeflix test, which starts "
            "a throw-away RabbitMQ with its management API");
    }
    return api;
}

http::Headers management_headers() {
    http::Headers headers;
    headers.set("Authorization", "Basic Z3Vlc3Q6Z3Vlc3Q=");  // guest:guest, loopback only
    headers.set("Content-Type", "application/json");
    return headers;
}

void management_call(std::string_view method, const std::string& path, std::string_view body) {
    http::Client client(management_api());
    auto reply = client.request(method, path, body, management_headers());
    if (!reply || reply->status >= 300) {
        throw std::runtime_error("RabbitMQ management API " + std::string(method) + " " + path +
                                 " failed" + (reply ? ": " + std::to_string(reply->status) : ""));
    }
}

}  // namespace

TestVhost::TestVhost() : name_(unique_name("test")) {
    management_call("PUT", "/vhosts/" + name_, "{}");
    management_call("PUT", "/permissions/" + name_ + "/guest",
                    R"({"configure":".*","write":".*","read":".*"})");
    std::string base = broker_url();
    if (!base.ends_with('/')) base += '/';
    url_ = base + name_;
}

TestVhost::~TestVhost() {
    try {
        management_call("DELETE", "/vhosts/" + name_, {});
    } catch (const std::exception&) {  // a leftover vhost dies with the throw-away broker
    }
}

struct QueueProbe::Impl {
    std::unique_ptr<detail::Connection> connection;
};

QueueProbe::QueueProbe(const std::string& url) : impl_(std::make_unique<Impl>()), url_(url) {
    BrokerSettings settings;
    settings.url = url;
    settings.connection_name = "test probe";
    impl_->connection = detail::Connection::open(settings);
    impl_->connection->declare_exchanges();
}

QueueProbe::~QueueProbe() = default;

void QueueProbe::watch(const std::string& queue, const std::string& binding) {
    impl_->connection->declare_queue(queue, {});
    impl_->connection->bind(queue, kEventsExchange, binding);
}

std::optional<Received> QueueProbe::take(const std::string& queue,
                                         std::chrono::milliseconds timeout) {
    auto state = impl_->connection->state();
    auto deadline = std::chrono::steady_clock::now() + timeout;
    do {
        amqp_maybe_release_buffers(state);
        amqp_rpc_reply_t reply =
            amqp_basic_get(state, detail::Connection::kChannel, bytes(queue), /*no_ack=*/1);
        if (reply.reply_type != AMQP_RESPONSE_NORMAL)
            throw BrokerError("basic.get failed: " + detail::describe(reply));
        if (reply.reply.id == AMQP_BASIC_GET_OK_METHOD) {
            auto* ok = static_cast<amqp_basic_get_ok_t*>(reply.reply.decoded);
            Received received;
            received.routing_key = to_string(ok->routing_key);
            amqp_message_t message;
            reply = amqp_read_message(state, detail::Connection::kChannel, &message, 0);
            if (reply.reply_type != AMQP_RESPONSE_NORMAL)
                throw BrokerError("reading a message failed: " + detail::describe(reply));
            const auto& props = message.properties;
            received.body = to_string(message.body);
            if (props._flags & AMQP_BASIC_MESSAGE_ID_FLAG)
                received.message_id = to_string(props.message_id);
            if (props._flags & AMQP_BASIC_TYPE_FLAG) received.type = to_string(props.type);
            if (props._flags & AMQP_BASIC_HEADERS_FLAG) {
                for (int i = 0; i < props.headers.num_entries; ++i) {
                    const auto& entry = props.headers.entries[i];
                    if (entry.value.kind == AMQP_FIELD_KIND_UTF8 ||
                        entry.value.kind == AMQP_FIELD_KIND_BYTES) {
                        received.headers[to_string(entry.key)] = to_string(entry.value.value.bytes);
                    }
                }
            }
            amqp_destroy_message(&message);
            return received;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    } while (std::chrono::steady_clock::now() < deadline);
    return std::nullopt;
}

std::int64_t QueueProbe::ready(const std::string& queue) {
    // A passive declare of a missing queue closes the channel; use a throw-away connection.
    BrokerSettings settings;
    settings.url = url_;
    auto connection = detail::Connection::open(settings);
    auto* ok = amqp_queue_declare(connection->state(), detail::Connection::kChannel, bytes(queue),
                                  /*passive=*/1, 0, 0, 0, amqp_empty_table);
    return ok == nullptr ? 0 : static_cast<std::int64_t>(ok->message_count);
}

void QueueProbe::publish(const std::string& routing_key, const std::string& body,
                         const std::string& message_id) {
    amqp_basic_properties_t props{};
    props._flags = AMQP_BASIC_MESSAGE_ID_FLAG | AMQP_BASIC_DELIVERY_MODE_FLAG;
    props.message_id = bytes(message_id);
    props.delivery_mode = 2;
    int status =
        amqp_basic_publish(impl_->connection->state(), detail::Connection::kChannel,
                           bytes(kEventsExchange), bytes(routing_key), 0, 0, &props, bytes(body));
    if (status != AMQP_STATUS_OK) throw BrokerError(amqp_error_string2(status));
}

void QueueProbe::remove_consumer_queues(const std::string& queue) {
    for (const auto& name : {queue, queue + ".retry", queue + ".dlq"}) {
        amqp_queue_delete(impl_->connection->state(), detail::Connection::kChannel, bytes(name), 0,
                          0);
        impl_->connection->check("deleting queue " + name);
    }
}

namespace {

int port_of(const std::string& url) {
    auto at = url.rfind('@');
    auto colon = url.find(':', at == std::string::npos ? url.find("://") + 3 : at);
    return std::atoi(url.c_str() + colon + 1);
}

}  // namespace

TcpProxy::TcpProxy(const std::string& broker_url) : target_port_(port_of(broker_url)) {
    listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
        ::listen(listener_, 64) != 0 ||
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        throw std::runtime_error("proxy cannot listen");
    }
    auto at = broker_url.rfind('@');
    auto colon = broker_url.find(':', at);
    auto slash = broker_url.find('/', colon);
    url_ = broker_url.substr(0, colon + 1) + std::to_string(ntohs(address.sin_port)) +
           (slash == std::string::npos ? "/" : broker_url.substr(slash));
    thread_ = std::thread([this] { run(); });
}

TcpProxy::~TcpProxy() {
    stopping_ = true;
    thread_.join();
    ::close(listener_);
}

void TcpProxy::cut() { cut_ = true; }
void TcpProxy::restore() { cut_ = false; }

void TcpProxy::run() {
    struct Pair {
        int client;
        int server;
    };
    std::vector<Pair> pairs;
    auto close_all = [&] {
        for (auto& pair : pairs) {
            ::close(pair.client);
            ::close(pair.server);
        }
        pairs.clear();
    };
    char buffer[65536];
    while (!stopping_) {
        if (cut_ && !pairs.empty()) close_all();
        std::vector<pollfd> fds{{listener_, POLLIN, 0}};
        for (const auto& pair : pairs) {
            fds.push_back({pair.client, POLLIN, 0});
            fds.push_back({pair.server, POLLIN, 0});
        }
        // Pairs accepted below have no entry in `fds` yet: only the polled ones are looked at.
        const std::size_t polled = pairs.size();
        if (::poll(fds.data(), fds.size(), 50) <= 0) continue;
        if (fds[0].revents & POLLIN) {
            int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
            if (client >= 0 && cut_) {
                ::close(client);
            } else if (client >= 0) {
                int server = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
                sockaddr_in target{};
                target.sin_family = AF_INET;
                target.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
                target.sin_port = htons(static_cast<std::uint16_t>(target_port_));
                if (::connect(server, reinterpret_cast<sockaddr*>(&target), sizeof target) == 0) {
                    pairs.push_back({client, server});
                } else {
                    ::close(client);
                    ::close(server);
                }
            }
        }
        std::vector<std::size_t> dead;
        for (std::size_t i = 0; i < polled; ++i) {
            for (int side = 0; side < 2; ++side) {
                const pollfd& fd = fds[1 + 2 * i + side];
                if ((fd.revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
                int from = side == 0 ? pairs[i].client : pairs[i].server;
                int to = side == 0 ? pairs[i].server : pairs[i].client;
                ssize_t n = ::read(from, buffer, sizeof buffer);
                if (n <= 0 || ::send(to, buffer, static_cast<std::size_t>(n), MSG_NOSIGNAL) != n) {
                    dead.push_back(i);
                    break;
                }
            }
        }
        for (auto it = dead.rbegin(); it != dead.rend(); ++it) {
            ::close(pairs[*it].client);
            ::close(pairs[*it].server);
            pairs.erase(pairs.begin() + static_cast<std::ptrdiff_t>(*it));
        }
    }
    close_all();
}

}  // namespace codeflix::messaging::testing
