#include <gtest/gtest.h>

#include <codeflix/http/middleware.hpp>
#include <stdexcept>

using namespace codeflix::http;

namespace {
Handler echo() {
    return [](Request& r) { return Response::json(200, "\"" + r.request_id + "\""); };
}
}  // namespace

TEST(Middleware, RequestIdIsKeptWhenWellFormedAndMadeOtherwise) {
    auto handler = chain({request_id()}, echo());
    Request a;
    a.headers.set("X-Request-Id", "abc-123");
    auto ra = handler(a);
    EXPECT_EQ(ra.headers.get("X-Request-Id"), "abc-123");
    Request b;
    b.headers.set("X-Request-Id", "bad id\r\ninjected: 1");
    auto rb = handler(b);
    ASSERT_TRUE(rb.headers.get("X-Request-Id"));
    EXPECT_EQ(rb.headers.get("X-Request-Id")->size(), 36u);
}

TEST(Middleware, ExceptionGuardAnswers500Problem) {
    auto handler =
        chain({exception_guard()}, [](Request&) -> Response { throw std::runtime_error("boom"); });
    Request r;
    auto res = handler(r);
    EXPECT_EQ(res.status, 500);
    EXPECT_EQ(res.headers.get("Content-Type"), "application/problem+json");
    EXPECT_EQ(res.body.find("boom"), std::string::npos) << "internal details must not leak";
}

TEST(Middleware, JsonContentTypeIsEnforcedForBodies) {
    auto handler = chain({json_content_type({"/login"})}, echo());
    Request r;
    r.method = "POST";
    r.path = "/api/admin/categories";
    r.body = "{}";
    r.headers.set("Content-Type", "text/plain");
    EXPECT_EQ(handler(r).status, 415);
    r.headers.set("Content-Type", "application/json; charset=utf-8");
    EXPECT_EQ(handler(r).status, 200);
    r.headers.set("Content-Type", "application/merge-patch+json");
    EXPECT_EQ(handler(r).status, 200);
    r.headers.remove("Content-Type");
    EXPECT_EQ(handler(r).status, 415);
    r.path = "/login";
    EXPECT_EQ(handler(r).status, 200);
    Request get;
    get.method = "GET";
    EXPECT_EQ(handler(get).status, 200);
}

TEST(Middleware, CorsPreflightOnlyForAllowedOrigins) {
    auto handler = chain({cors({{"http://localhost:8080"}})}, echo());
    Request pre;
    pre.method = "OPTIONS";
    pre.headers.set("Origin", "http://localhost:8080");
    pre.headers.set("Access-Control-Request-Method", "PUT");
    auto res = handler(pre);
    EXPECT_EQ(res.status, 204);
    EXPECT_EQ(res.headers.get("Access-Control-Allow-Origin"), "http://localhost:8080");
    Request evil;
    evil.method = "GET";
    evil.headers.set("Origin", "http://evil.example");
    EXPECT_FALSE(handler(evil).headers.get("Access-Control-Allow-Origin"));
}
