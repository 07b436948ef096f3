// The only translation unit that sees Boost.Beast and Asio (they are slow to compile).
#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>
#include <codeflix/core/log.hpp>
#include <codeflix/core/uuid.hpp>
#include <codeflix/http/problem.hpp>
#include <codeflix/http/server.hpp>
#include <condition_variable>
#include <list>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

#include "worker_pool.hpp"

namespace codeflix::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using Strand = asio::strand<asio::io_context::executor_type>;
constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);
constexpr std::size_t kMaxLingerBytes = std::size_t{64} * 1024 * 1024;

/// What the server knows of one connection, touched only on the connection's strand.
struct Connection {
    Strand strand;
    beast::tcp_stream* stream = nullptr;
    bool busy = false;
};

bool is_parse_error(const boost::system::error_code& ec) {
    return ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category() &&
           ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message;
}

std::optional<Request> to_request(bhttp::request<bhttp::string_body>&& in, std::string remote) {
    Request out;
    out.method = std::string(in.method_string());
    out.target = std::string(in.target());
    auto url = boost::urls::parse_origin_form(out.target);
    if (!url) return std::nullopt;
    out.path = url->path();
    for (auto param : url->params()) out.query.emplace_back(param.key, param.value);
    for (const auto& field : in) out.headers.add(field.name_string(), std::string(field.value()));
    out.body = std::move(in.body());
    out.remote_address = std::move(remote);
    return out;
}

/// `head`: the answer to a HEAD request keeps its Content-Length but carries no body.
bhttp::response<bhttp::string_body> to_beast(Response&& in, unsigned version, bool keep_alive,
                                             bool head) {
    bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(in.status), version};
    out.set(bhttp::field::server, "codeflix");
    for (const auto& [name, value] : in.headers) out.insert(name, value);
    out.body() = std::move(in.body);
    out.keep_alive(keep_alive);
    out.prepare_payload();
    if (head) out.body().clear();
    return out;
}

Response server_problem(int status, std::string_view detail) {
    Response response = problem(status, detail);
    response.headers.set("X-Request-Id", core::new_uuid_v7());
    return response;
}

}  // namespace

struct Server::Impl {
    Impl(ServerOptions o, Handler h)
        : options(std::move(o)),
          handler(std::move(h)),
          acceptor(ioc),
          pool(options.workers, options.queue_limit) {}

    ServerOptions options;
    Handler handler;
    asio::io_context ioc;
    tcp::acceptor acceptor;
    WorkerPool pool;
    std::vector<std::thread> threads;
    std::atomic<bool> draining{false};
    std::atomic<bool> stopped{false};

    std::mutex connections_mutex;
    std::condition_variable connections_done;
    std::list<std::shared_ptr<Connection>> connections;

    asio::awaitable<void> accept_loop();
    asio::awaitable<void> serve(tcp::socket socket, std::shared_ptr<Connection> conn);
    asio::awaitable<std::optional<Response>> run_handler(Request& request);
};

// GCC 12 may destroy temporaries of a full-expression that contains co_await twice (fixed in
// later releases). Every co_await below therefore sees only named variables or trivially
// destructible temporaries.

asio::awaitable<std::optional<Response>> Server::Impl::run_handler(Request& request) {
    auto initiation = [this, request_ptr = &request](auto completion) {
        auto executor = asio::get_associated_executor(completion, ioc.get_executor());
        auto done = std::make_shared<decltype(completion)>(std::move(completion));
        // The handler is moved out before it is invoked: it owns the coroutine, and the copy of
        // `done` the worker still holds must not.
        auto finish = [done, executor](std::optional<Response> response) {
            asio::post(executor, [done, r = std::move(response)]() mutable {
                auto handler_once = std::move(*done);
                std::move(handler_once)(std::move(r));
            });
        };
        bool accepted = pool.try_submit([this, request_ptr, finish] {
            std::optional<Response> response;
            try {
                response = handler(*request_ptr);
            } catch (...) {
                response = problem(500, "An internal error occurred");
            }
            finish(std::move(response));
        });
        if (!accepted) finish(std::nullopt);
    };
    std::optional<Response> response =
        co_await asio::async_initiate<decltype(asio::use_awaitable), void(std::optional<Response>)>(
            initiation, asio::use_awaitable);
    co_return response;
}

namespace {

/// The answer to a request that could not be read, or nullopt when the peer is simply gone.
std::optional<Response> read_failure(const boost::system::error_code& ec, std::size_t body_limit) {
    if (ec == bhttp::error::body_limit) {
        return server_problem(413,
                              "The request body exceeds " + std::to_string(body_limit) + " bytes");
    }
    if (ec == bhttp::error::header_limit)
        return server_problem(431, "The request headers exceed the limit");
    if (is_parse_error(ec)) return server_problem(400, "The request is not valid HTTP/1.1");
    return std::nullopt;
}

}  // namespace

asio::awaitable<void> Server::Impl::serve(tcp::socket socket, std::shared_ptr<Connection> conn) {
    std::string remote;
    boost::system::error_code endpoint_ec;
    auto endpoint = socket.remote_endpoint(endpoint_ec);
    if (!endpoint_ec) remote = endpoint.address().to_string();
    beast::tcp_stream stream(std::move(socket));
    conn->stream = &stream;
    beast::flat_buffer buffer;
    // Set when an answer goes out before the request was fully read (413, 431, 400): the peer
    // may still be sending, and closing with unread data would reset the connection before it
    // reads our answer.
    bool unread_input = false;
    for (;;) {
        conn->busy = false;
        if (draining) break;
        bhttp::request_parser<bhttp::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
        parser.body_limit(options.body_limit);
        stream.expires_after(options.idle_timeout);
        auto [header_ec, header_bytes] =
            co_await bhttp::async_read_header(stream, buffer, parser, kNoThrow);
        conn->busy = true;

        std::optional<Response> response;
        unsigned version = 11;
        bool keep_alive = false;
        bool head = false;
        if (header_ec) {
            unread_input = true;
            response = read_failure(header_ec, options.body_limit);
            if (!response) break;
        } else {
            version = parser.get().version();
            head = parser.get().method() == bhttp::verb::head;
            auto length = parser.content_length();
            if (length && *length > options.body_limit) {
                unread_input = true;
                response = read_failure(bhttp::error::body_limit, options.body_limit);
            } else {
                if (parser.get()[bhttp::field::expect] == "100-continue") {
                    bhttp::response<bhttp::empty_body> go_on{bhttp::status::continue_, version};
                    co_await bhttp::async_write(stream, go_on, kNoThrow);
                }
                // A request without a body (most GETs) is complete with its header: no
                // second read operation, no hop through the scheduler.
                boost::system::error_code body_ec;
                if (!parser.is_done()) {
                    auto [read_ec, body_bytes] =
                        co_await bhttp::async_read(stream, buffer, parser, kNoThrow);
                    body_ec = read_ec;
                }
                if (body_ec) {
                    unread_input = true;
                    response = read_failure(body_ec, options.body_limit);
                    if (!response) break;
                } else {
                    keep_alive = parser.get().keep_alive();
                    auto request = to_request(parser.release(), remote);
                    if (!request) {
                        response = server_problem(400, "The request target is not a valid URL");
                        keep_alive = false;
                    } else {
                        Request& handled = *request;
                        if (options.fast_path) {
                            try {
                                response = options.fast_path(handled);
                            } catch (...) {
                                response.reset();  // the worker pool answers instead
                            }
                        }
                        if (!response) response = co_await run_handler(handled);
                        if (!response) {
                            response = server_problem(503, "The server is busy; retry shortly");
                            response->headers.set("Retry-After", "1");
                        }
                        keep_alive = keep_alive && !draining;
                    }
                }
            }
        }
        auto message = to_beast(std::move(*response), version, keep_alive, head);
        stream.expires_after(std::chrono::seconds(30));
        auto [write_ec, written] = co_await bhttp::async_write(stream, message, kNoThrow);
        if (write_ec || !keep_alive) break;
    }
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    if (unread_input) {
        // Lingering close, as nginx does: discard what the peer still sends, for a bounded time.
        std::array<char, 16384> sink{};
        auto sink_buffer = asio::buffer(sink);
        stream.expires_after(std::chrono::seconds(2));
        for (std::size_t drained = 0; drained < kMaxLingerBytes;) {
            auto [linger_ec, n] = co_await stream.async_read_some(sink_buffer, kNoThrow);
            if (linger_ec) break;
            drained += n;
        }
    }
    conn->stream = nullptr;
    std::lock_guard lock(connections_mutex);
    connections.remove(conn);
    connections_done.notify_all();
}

asio::awaitable<void> Server::Impl::accept_loop() {
    for (;;) {
        auto strand = asio::make_strand(ioc);
        auto [ec, socket] = co_await acceptor.async_accept(strand, kNoThrow);
        if (ec) {
            if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
            log::warn("accept failed", {{"error", ec.message()}});
            continue;
        }
        socket.set_option(tcp::no_delay(true), ec);
        auto conn = std::make_shared<Connection>(Connection{strand});
        {
            std::lock_guard lock(connections_mutex);
            connections.push_back(conn);
        }
        asio::co_spawn(strand, serve(std::move(socket), conn), asio::detached);
    }
}

Server::Server(ServerOptions options, Handler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

Server::~Server() { stop(); }

void Server::start() {
    auto& impl = *impl_;
    boost::system::error_code ec;
    auto address = asio::ip::make_address(impl.options.host, ec);
    if (ec)
        throw std::runtime_error("CODEFLIX_HTTP_HOST=\"" + impl.options.host +
                                 "\" is not an IP address");
    tcp::endpoint endpoint(address, impl.options.port);
    impl.acceptor.open(endpoint.protocol());
    impl.acceptor.set_option(asio::socket_base::reuse_address(true));
    impl.acceptor.bind(endpoint, ec);
    if (ec) {
        throw std::runtime_error("cannot listen on " + impl.options.host + ":" +
                                 std::to_string(impl.options.port) + ": " + ec.message());
    }
    impl.acceptor.listen(asio::socket_base::max_listen_connections);
    asio::co_spawn(impl.ioc, impl.accept_loop(), asio::detached);
    for (std::size_t i = 0; i < std::max<std::size_t>(1, impl.options.io_threads); ++i) {
        impl.threads.emplace_back([&impl] { impl.ioc.run(); });
    }
}

std::uint16_t Server::port() const { return impl_->acceptor.local_endpoint().port(); }

void Server::stop() {
    auto& impl = *impl_;
    if (impl.stopped.exchange(true)) return;
    impl.draining = true;
    asio::post(impl.ioc, [&impl] {
        boost::system::error_code ignored;
        impl.acceptor.close(ignored);
    });
    {
        std::lock_guard lock(impl.connections_mutex);
        for (const auto& conn : impl.connections) {
            asio::post(conn->strand, [conn] {
                if (!conn->busy && conn->stream) conn->stream->cancel();
            });
        }
    }
    {
        std::unique_lock lock(impl.connections_mutex);
        impl.connections_done.wait_for(lock, impl.options.drain_timeout,
                                       [&impl] { return impl.connections.empty(); });
    }
    impl.pool.shutdown();
    impl.ioc.stop();
    for (auto& t : impl.threads) {
        if (t.joinable()) t.join();
    }
    impl.threads.clear();
}

}  // namespace codeflix::http
