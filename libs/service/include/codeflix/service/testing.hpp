#pragma once

#include <gtest/gtest.h>
#include <sys/types.h>

#include <boost/json/value.hpp>
#include <chrono>
#include <codeflix/db/testing.hpp>
#include <codeflix/http/client.hpp>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>

namespace codeflix::service::testing {

/// A real service binary, started on a free port against a given database, stopped with SIGTERM
/// (and checked to exit cleanly) when destroyed.
class ServiceProcess {
  public:
    ServiceProcess(const std::string& binary, const std::string& db_url,
                   const std::map<std::string, std::string>& extra_env = {});
    ~ServiceProcess();

    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    int port() const { return port_; }
    /// SIGTERM and wait; returns the exit status (0 on a clean drain).
    int stop();
    /// SIGKILL: no drain, as a crash or an OOM kill ends it.
    void kill_hard();
    std::string log() const;

  private:
    std::filesystem::path dir_;
    pid_t pid_ = -1;
    int port_ = 0;
};

/// A reply with its body parsed when it is JSON.
struct Reply {
    int status = 0;
    http::Headers headers;
    std::string body;
    boost::json::value json;

    std::string header(std::string_view name) const;
    /// json["field"] as a string ("" when absent).
    std::string text(std::string_view field) const;
};

/// One request for call_in_parallel.
struct Call {
    std::string method;
    std::string path;
    std::string body;
    http::Headers headers;
};

/// A TCP port that was free a moment ago (for services whose own URL must be known before they
/// start, such as an OIDC issuer).
int free_port();

/// One request to any service (e.g. a second process in the same test).
Reply request(const std::string& base_url, std::string_view method, std::string_view path,
              std::string_view body = {}, http::Headers headers = {});

/// Base of the functional suites: one database (SQLite or PostgreSQL, the test parameter) and
/// one process of `binary()` per test. TearDown checks that it drained cleanly and logged no
/// error.
class ServiceTest : public ::testing::TestWithParam<db::Dialect> {
  protected:
    /// The service binary under test.
    virtual std::string binary() const = 0;
    void SetUp() override;
    /// Settings the service starts with besides port and database.
    virtual std::map<std::string, std::string> extra_env() { return {}; }
    void TearDown() override;

    Reply call(std::string_view method, std::string_view path, std::string_view body = {},
               http::Headers headers = {});
    Reply get(std::string_view path) { return call("GET", path); }
    Reply post(std::string_view path, std::string_view body, http::Headers headers = {}) {
        return call("POST", path, body, std::move(headers));
    }
    Reply put(std::string_view path, std::string_view body, http::Headers headers = {}) {
        return call("PUT", path, body, std::move(headers));
    }
    Reply patch(std::string_view path, std::string_view body, http::Headers headers = {}) {
        return call("PATCH", path, body, std::move(headers));
    }
    Reply del(std::string_view path, http::Headers headers = {}) {
        return call("DELETE", path, {}, std::move(headers));
    }

    /// Sends `count` requests at once, each on its own connection (`make(i)` builds the i-th);
    /// returns the replies in order.
    std::vector<Reply> call_in_parallel(int count, const std::function<Call(int)>& make);

    /// `meta.total` of a list.
    std::int64_t total(std::string_view list_path);

    std::unique_ptr<db::testing::TestDatabase> database_;
    std::unique_ptr<ServiceProcess> service_;
    std::unique_ptr<http::Client> client_;
};

/// Waits up to `timeout` for `done`, asking every 25 ms.
bool eventually(const std::function<bool()>& done,
                std::chrono::milliseconds timeout = std::chrono::seconds(15));

/// Asserts a problem+json reply with `status`; returns the fields its errors name.
std::vector<std::string> expect_problem(const Reply& reply, int status);

}  // namespace codeflix::service::testing
