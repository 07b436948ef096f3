#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <codeflix/http/client.hpp>
#include <codeflix/http/middleware.hpp>
#include <codeflix/http/server.hpp>
#include <future>
#include <optional>
#include <thread>

using namespace codeflix::http;
using namespace std::chrono_literals;

namespace {

std::string raw_exchange(std::uint16_t port, const std::string& bytes) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return {};
    (void)::send(fd, bytes.data(), bytes.size(), 0);
    timeval tv{5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    std::string out;
    char buf[4096];
    for (;;) {
        auto n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return out;
}

struct Fixture : ::testing::Test {
    Router router;
    std::unique_ptr<Server> server;
    std::atomic<int> slow_started{0};
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();

    void start(ServerOptions options = {}) {
        router.get("/hello", [](Request&) { return Response::json(200, R"({"hello":"world"})"); });
        router.post("/echo", [](Request& r) { return Response::json(200, r.body); });
        router.get("/slow", [this](Request&) {
            ++slow_started;
            released.wait_for(5s);
            return Response::json(200, "{}");
        });
        server = std::make_unique<Server>(options,
                                          chain({request_id(), exception_guard()},
                                                [this](Request& r) { return router.dispatch(r); }));
        server->start();
    }
    std::string base() const { return "http://127.0.0.1:" + std::to_string(server->port()); }
};

}  // namespace

TEST_F(Fixture, ServesRequestsOverKeepAlive) {
    start();
    Client client(base());
    for (int i = 0; i < 20; ++i) {
        auto res = client.get("/hello");
        ASSERT_TRUE(res.ok()) << res.error().message;
        EXPECT_EQ(res->status, 200);
        EXPECT_EQ(res->body, R"({"hello":"world"})");
    }
    auto raw = raw_exchange(server->port(),
                            "GET /hello HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: "
                            "x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(std::count(raw.begin(), raw.end(), '{'), 2) << raw;
}

TEST_F(Fixture, BodyOverLimitIs413Problem) {
    ServerOptions options;
    options.body_limit = 1024;
    start(options);
    Client client(base());
    Headers headers;
    headers.set("Content-Type", "application/json");
    auto res = client.request("POST", "/echo", std::string(4096, 'x'), headers);
    ASSERT_TRUE(res.ok());
    EXPECT_EQ(res->status, 413);
    EXPECT_EQ(res->headers.get("Content-Type"), "application/problem+json");
    auto chunked = raw_exchange(
        server->port(), "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" +
                            std::string("800\r\n") + std::string(2048, 'y') + "\r\n0\r\n\r\n");
    EXPECT_NE(chunked.find("413"), std::string::npos) << chunked;
    auto ok = client.request("POST", "/echo", "[1,2]", headers);
    EXPECT_EQ(ok->status, 200);
}

TEST_F(Fixture, MalformedRequestsGet400AndServerLives) {
    start();
    auto raw = raw_exchange(server->port(), "BLAH\r\n\r\n");
    EXPECT_NE(raw.find("400"), std::string::npos) << raw;
    auto bad_target = raw_exchange(server->port(), "GET /a%zz HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_NE(bad_target.find("400"), std::string::npos) << bad_target;
    auto huge_header = raw_exchange(
        server->port(), "GET /hello HTTP/1.1\r\nX: " + std::string(20000, 'a') + "\r\n\r\n");
    EXPECT_NE(huge_header.find("431"), std::string::npos);
    Client client(base());
    EXPECT_EQ(client.get("/hello")->status, 200);
}

TEST_F(Fixture, FullQueueSheds503WithRetryAfter) {
    ServerOptions options;
    options.workers = 1;
    options.queue_limit = 1;
    start(options);
    auto first = std::async(std::launch::async, [&] { return Client(base()).get("/slow"); });
    while (slow_started.load() == 0) std::this_thread::sleep_for(5ms);
    auto second = std::async(std::launch::async, [&] { return Client(base()).get("/slow"); });
    std::this_thread::sleep_for(100ms);
    auto third = Client(base()).get("/hello");
    ASSERT_TRUE(third.ok());
    EXPECT_EQ(third->status, 503);
    EXPECT_EQ(third->headers.get("Retry-After"), "1");
    release.set_value();
    EXPECT_EQ(first.get()->status, 200);
    EXPECT_EQ(second.get()->status, 200);
}

TEST_F(Fixture, StopDrainsRequestsInFlight) {
    start();
    auto port = server->port();
    auto in_flight = std::async(std::launch::async, [&] { return Client(base()).get("/slow"); });
    while (slow_started.load() == 0) std::this_thread::sleep_for(5ms);
    auto stopping = std::async(std::launch::async, [&] { server->stop(); });
    std::this_thread::sleep_for(100ms);
    release.set_value();
    auto res = in_flight.get();
    ASSERT_TRUE(res.ok()) << res.error().message;
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->headers.get("Connection"), "close");
    stopping.get();
    EXPECT_FALSE(Client("http://127.0.0.1:" + std::to_string(port), 1s).get("/hello").ok());
}

TEST_F(Fixture, ManyConcurrentClientsOnFewWorkers) {
    ServerOptions options;
    options.workers = 2;
    start(options);
    std::vector<std::future<int>> clients;
    for (int c = 0; c < 16; ++c) {
        clients.push_back(std::async(std::launch::async, [&] {
            Client client(base());
            int ok = 0;
            for (int i = 0; i < 200; ++i) {
                auto res = client.get("/hello");
                ok += res.ok() && res->status == 200;
            }
            return ok;
        }));
    }
    int total = 0;
    for (auto& c : clients) total += c.get();
    EXPECT_EQ(total, 16 * 200);
}

TEST_F(Fixture, TheFastPathAnswersOnTheIoThreadAndDeclinesToTheWorkers) {
    ServerOptions options;
    options.workers = 1;
    std::atomic<int> fast_calls{0};
    options.fast_path = [&](Request& r) -> std::optional<Response> {
        ++fast_calls;
        if (r.path != "/hello") return std::nullopt;
        return Response::json(200, R"({"fast":true})");
    };
    start(options);
    Client client(base());
    // The single worker is busy, yet the fast path still answers.
    std::thread blocked([&] { EXPECT_TRUE(Client(base()).get("/slow").ok()); });
    while (slow_started.load() == 0) std::this_thread::sleep_for(1ms);
    auto fast = client.get("/hello");
    ASSERT_TRUE(fast.ok());
    EXPECT_EQ(fast->body, R"({"fast":true})");
    release.set_value();
    blocked.join();
    auto declined = client.request("POST", "/echo", "[1]");
    ASSERT_TRUE(declined.ok());
    EXPECT_EQ(declined->body, "[1]") << "declined requests reach the handler";
    EXPECT_EQ(fast_calls.load(), 3);
}
