#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json/parse.hpp>
#include <chrono>
#include <codeflix/core/json.hpp>
#include <codeflix/service/testing.hpp>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>

extern char** environ;

namespace codeflix::service::testing {
namespace {

using namespace std::chrono_literals;

std::filesystem::path make_temp_dir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "codeflix-service-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    return pattern;
}

}  // namespace

ServiceProcess::ServiceProcess(const std::string& binary, const std::string& db_url,
                               const std::map<std::string, std::string>& extra_env)
    : dir_(make_temp_dir()) {
    auto port_file = dir_ / "port";
    auto log_file = dir_ / "service.log";
    std::map<std::string, std::string> env = {
        {"CODEFLIX_HTTP_PORT", "0"},    {"CODEFLIX_PORT_FILE", port_file.string()},
        {"CODEFLIX_DB_URL", db_url},    {"CODEFLIX_LOG_LEVEL", "warn"},
        {"CODEFLIX_DB_POOL_SIZE", "4"}, {"CODEFLIX_HTTP_WORKERS", "4"},
    };
    // The broker `./codeflix test` started, so outbox relays and consumers have one to talk to.
    if (const char* amqp = std::getenv("CODEFLIX_TEST_AMQP_URL")) env["CODEFLIX_AMQP_URL"] = amqp;
    for (const auto& [k, v] : extra_env) env[k] = v;
    std::vector<std::string> entries;
    for (char** e = environ; *e; ++e) {
        std::string entry(*e);
        if (!entry.starts_with("CODEFLIX_")) entries.push_back(entry);
    }
    for (const auto& [k, v] : env) entries.push_back(std::string(k).append("=").append(v));
    std::vector<char*> envp;
    envp.reserve(entries.size() + 1);
    for (auto& entry : entries) envp.push_back(entry.data());
    envp.push_back(nullptr);

    pid_ = ::fork();
    if (pid_ == 0) {
        int fd = ::open(log_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(fd, 1);
        ::dup2(fd, 2);
        ::chdir(dir_.c_str());
        char* argv[] = {const_cast<char*>(binary.c_str()), nullptr};
        ::execve(binary.c_str(), argv, envp.data());
        ::_exit(127);
    }
    auto deadline = std::chrono::steady_clock::now() + 30s;
    while (std::chrono::steady_clock::now() < deadline) {
        std::ifstream in(port_file);
        if (in >> port_) break;
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            throw std::runtime_error(binary + " exited at start:\n" + log());
        }
        std::this_thread::sleep_for(10ms);
    }
    if (port_ == 0) throw std::runtime_error(binary + " did not start in time:\n" + log());
}

int ServiceProcess::stop() {
    if (pid_ <= 0) return -1;
    ::kill(pid_, SIGTERM);
    int status = 0;
    auto deadline = std::chrono::steady_clock::now() + 15s;
    while (::waitpid(pid_, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, &status, 0);
            break;
        }
        std::this_thread::sleep_for(10ms);
    }
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void ServiceProcess::kill_hard() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
}

ServiceProcess::~ServiceProcess() {
    stop();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
}

std::string ServiceProcess::log() const {
    std::ifstream in(dir_ / "service.log");
    std::stringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string Reply::header(std::string_view name) const {
    auto value = headers.get(name);
    return value ? std::string(*value) : std::string();
}

std::string Reply::text(std::string_view field) const {
    if (!json.is_object()) return {};
    const auto* v = json.as_object().if_contains(field);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

void ServiceTest::SetUp() {
    database_ = std::make_unique<db::testing::TestDatabase>(GetParam());
    service_ = std::make_unique<ServiceProcess>(binary(), database_->url(), extra_env());
    client_ = std::make_unique<http::Client>(service_->base_url());
}

void ServiceTest::TearDown() {
    client_.reset();
    if (service_) {
        std::string log = service_->log();
        EXPECT_EQ(service_->stop(), 0) << "the service did not drain cleanly:\n" << log;
        EXPECT_EQ(log.find("\"level\":\"error\""), std::string::npos)
            << "the service logged errors:\n"
            << log;
    }
    service_.reset();
    database_.reset();
}

namespace {

Reply to_reply(std::string_view method, std::string_view path,
               const core::Result<http::ClientResponse>& result) {
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
    Reply reply;
    if (!result.ok()) return reply;
    reply.status = result->status;
    reply.headers = result->headers;
    reply.body = result->body;
    auto type = reply.headers.get("Content-Type");
    if (type && type->find("json") != std::string_view::npos && !reply.body.empty()) {
        auto parsed = core::parse_json(reply.body);
        EXPECT_TRUE(parsed.ok()) << "reply is not JSON: " << reply.body;
        if (parsed) reply.json = std::move(*parsed);
    }
    EXPECT_NE(reply.status, 500) << method << " " << path << " -> " << reply.body;
    return reply;
}

}  // namespace

int free_port() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        if (fd >= 0) ::close(fd);
        throw std::runtime_error("no free port");
    }
    ::close(fd);
    return ntohs(address.sin_port);
}

Reply request(const std::string& base_url, std::string_view method, std::string_view path,
              std::string_view body, http::Headers headers) {
    if (!body.empty() && !headers.get("Content-Type"))
        headers.set("Content-Type", "application/json");
    return to_reply(method, path, http::Client(base_url).request(method, path, body, headers));
}

Reply ServiceTest::call(std::string_view method, std::string_view path, std::string_view body,
                        http::Headers headers) {
    if (!body.empty() && !headers.get("Content-Type"))
        headers.set("Content-Type", "application/json");
    return to_reply(method, path, client_->request(method, path, body, headers));
}

std::vector<Reply> ServiceTest::call_in_parallel(int count, const std::function<Call(int)>& make) {
    std::vector<Call> calls;
    for (int i = 0; i < count; ++i) {
        calls.push_back(make(i));
        if (!calls.back().body.empty())
            calls.back().headers.set("Content-Type", "application/json");
    }
    std::string base = service_->base_url();
    std::vector<std::future<core::Result<http::ClientResponse>>> pending;
    pending.reserve(calls.size());
    for (const auto& c : calls) {
        pending.push_back(std::async(std::launch::async, [&base, &c] {
            return http::Client(base).request(c.method, c.path, c.body, c.headers);
        }));
    }
    std::vector<Reply> replies;
    for (std::size_t i = 0; i < pending.size(); ++i)
        replies.push_back(to_reply(calls[i].method, calls[i].path, pending[i].get()));
    return replies;
}

std::int64_t ServiceTest::total(std::string_view list_path) {
    auto reply = get(list_path);
    EXPECT_EQ(reply.status, 200) << reply.body;
    if (!reply.json.is_object()) return -1;
    return reply.json.at("meta").at("total").as_int64();
}

std::vector<std::string> expect_problem(const Reply& reply, int status) {
    EXPECT_EQ(reply.status, status) << reply.body;
    EXPECT_EQ(reply.header("Content-Type"), "application/problem+json") << reply.body;
    std::vector<std::string> fields;
    if (!reply.json.is_object()) return fields;
    const auto& object = reply.json.as_object();
    EXPECT_TRUE(object.contains("type") && object.contains("title") && object.contains("detail"))
        << reply.body;
    if (object.contains("status")) {
        EXPECT_EQ(object.at("status").as_int64(), status);
    }
    if (const auto* errors = object.if_contains("errors")) {
        for (const auto& e : errors->as_array()) fields.emplace_back(e.at("field").as_string());
    }
    return fields;
}

bool eventually(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    return done();
}

}  // namespace codeflix::service::testing
