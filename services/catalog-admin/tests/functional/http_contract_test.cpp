#include <sys/wait.h>

#include <algorithm>
#include <cstdio>

#include "service_process.hpp"

using namespace codeflix::catalog_admin::testing;
using codeflix::http::Headers;

namespace {
class HttpContract : public CatalogAdminTest {};
}  // namespace

TEST_P(HttpContract, UnknownRoutesAndMethods) {
    expect_problem(get("/api/admin/nothing"), 404);
    auto reply = call("PATCH", "/api/admin/categories", "{}");
    expect_problem(reply, 405);
    EXPECT_EQ(reply.header("Allow"), "GET, HEAD, POST");
    call("BREW", "/api/admin/categories");
    EXPECT_NE(get("/metrics").body.find(R"(method="OTHER")"), std::string::npos)
        << "odd methods share one label";
}

TEST_P(HttpContract, HeadAnswersLikeGetWithoutABody) {
    create_category("Head");
    auto got = get("/api/admin/categories");
    auto head = call("HEAD", "/api/admin/categories");
    EXPECT_EQ(head.status, 200);
    EXPECT_EQ(head.body, "");
    EXPECT_EQ(head.header("Content-Length"), std::to_string(got.body.size()));
    EXPECT_EQ(get("/api/admin/categories").status, 200) << "the connection is still in sync";
}

TEST_P(HttpContract, WrongContentTypeIs415AndOversizedBodyIs413) {
    Headers text;
    text.set("Content-Type", "text/plain");
    expect_problem(post("/api/admin/categories", R"({"name":"x"})", text), 415);
    Headers form;
    form.set("Content-Type", "application/x-www-form-urlencoded");
    expect_problem(post("/api/admin/categories", "name=x", form), 415);
    std::string huge =
        R"({"name":"x","description":")" + std::string(2 * 1024 * 1024, 'a') + R"("})";
    expect_problem(post("/api/admin/categories", huge), 413);
    EXPECT_EQ(total("/api/admin/categories"), 0);
}

TEST_P(HttpContract, RequestIdIsEchoedOrMade) {
    Headers headers;
    headers.set("X-Request-Id", "trace-abc-123");
    auto reply = call("GET", "/api/admin/categories", {}, headers);
    EXPECT_EQ(reply.header("X-Request-Id"), "trace-abc-123");
    EXPECT_EQ(get("/api/admin/categories").header("X-Request-Id").size(), 36u);
}

TEST_P(HttpContract, HealthReadinessMetricsAndOpenApi) {
    EXPECT_EQ(get("/healthz").status, 200);
    auto ready = get("/readyz");
    EXPECT_EQ(ready.status, 200);
    EXPECT_EQ(ready.json.at("checks").at("database").as_string(), "ok");
    get("/api/admin/categories");
    auto metrics = get("/metrics");
    EXPECT_NE(
        metrics.body.find(
            R"(http_requests_total{method="GET",route="/api/admin/categories",status="200"})"),
        std::string::npos)
        << metrics.body;
    EXPECT_NE(metrics.body.find("http_request_duration_seconds_bucket"), std::string::npos);
    auto openapi = get("/api/admin/openapi.yaml");
    EXPECT_EQ(openapi.status, 200);
    EXPECT_NE(openapi.body.find("/api/admin/videos/{id}"), std::string::npos);
}

TEST_P(HttpContract, CorsPreflightForTheWebApps) {
    Headers headers;
    headers.set("Origin", "http://localhost:8080");
    headers.set("Access-Control-Request-Method", "PUT");
    auto reply = call("OPTIONS", "/api/admin/categories/x", {}, headers);
    EXPECT_EQ(reply.status, 204);
    EXPECT_EQ(reply.header("Access-Control-Allow-Origin"), "http://localhost:8080");
    Headers evil;
    evil.set("Origin", "http://evil.example");
    EXPECT_EQ(call("GET", "/api/admin/categories", {}, evil).header("Access-Control-Allow-Origin"),
              "");
}

CODEFLIX_DIALECTS(HttpContract);

namespace {

class DatabaseOutage : public CatalogAdminTest {};

/// Cuts every connection of the service to its PostgreSQL database, as a server restart would.
void terminate_connections(const std::string& db_url) {
    std::string name = db_url.substr(db_url.rfind('/') + 1);
    auto admin = codeflix::db::Database::open(std::getenv("CODEFLIX_TEST_PG_URL"), 1);
    admin->with_session([&](soci::session& s) {
        s << "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name",
            soci::use(name);
        return 0;
    });
}

}  // namespace

TEST_P(DatabaseOutage, LostConnectionsAre503ThenHeal) {
    create_category("Before");
    terminate_connections(database_->url());
    int unavailable = 0;
    for (int i = 0; i < 12; ++i) {
        auto reply = get("/api/admin/categories");
        if (reply.status == 503) {
            ++unavailable;
            EXPECT_EQ(reply.header("Retry-After"), "1");
            expect_problem(reply, 503);
        } else {
            EXPECT_EQ(reply.status, 200) << reply.body;
        }
    }
    EXPECT_GE(unavailable, 1) << "some pooled sessions must have noticed the outage";
    EXPECT_LE(unavailable, 4) << "each pooled session reconnects after one failure";
    EXPECT_EQ(total("/api/admin/categories"), 1);
    EXPECT_EQ(post("/api/admin/categories", R"({"name":"After"})").status, 201);
}

TEST_P(DatabaseOutage, WritesAloneAlsoHeal) {
    terminate_connections(database_->url());
    int created = 0;
    for (int i = 0; i < 12; ++i) {
        auto reply =
            post("/api/admin/categories", R"({"name":"Write )" + std::to_string(i) + R"("})");
        if (reply.status == 201) {
            ++created;
        } else {
            expect_problem(reply, 503);
        }
    }
    EXPECT_GE(created, 8) << "every pooled session reconnects after its first failure";
    EXPECT_EQ(total("/api/admin/categories"), created);
}

INSTANTIATE_TEST_SUITE_P(Postgresql, DatabaseOutage,
                         ::testing::Values(codeflix::db::Dialect::postgresql),
                         [](const auto&) { return std::string("postgresql"); });

namespace {

/// Runs the binary with `env` prepended and returns its exit status and output.
std::pair<int, std::string> run_with_env(const std::string& env) {
    std::string command = "cd \"$(mktemp -d)\" && env -u CODEFLIX_DB_URL " + env + " " +
                          CATALOG_ADMIN_BINARY + " 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    std::string output;
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
    int status = ::pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

}  // namespace

TEST(Configuration, WrongValuesStopTheServiceWithOneClearLine) {
    auto [port_status, port_output] = run_with_env("CODEFLIX_HTTP_PORT=80a");
    EXPECT_EQ(port_status, 2);
    EXPECT_EQ(port_output,
              "codeflix-catalog-admin: configuration error: CODEFLIX_HTTP_PORT=\"80a\" is not an "
              "integer in "
              "[0, 65535]\n");
    auto [db_status, db_output] = run_with_env("CODEFLIX_CATALOG_ADMIN_DB_URL=mysql://x");
    EXPECT_EQ(db_status, 2);
    EXPECT_NE(db_output.find("database URL must start with sqlite: or postgresql://"),
              std::string::npos)
        << db_output;
    EXPECT_EQ(std::count(db_output.begin(), db_output.end(), '\n'), 1) << db_output;
    auto [level_status, level_output] = run_with_env("CODEFLIX_LOG_LEVEL=loud");
    EXPECT_EQ(level_status, 2);
    EXPECT_NE(level_output.find("CODEFLIX_LOG_LEVEL"), std::string::npos) << level_output;
}
