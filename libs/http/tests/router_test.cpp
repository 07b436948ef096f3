#include <gtest/gtest.h>

#include <codeflix/http/router.hpp>

using namespace codeflix::http;

namespace {
Request make(std::string method, std::string path) {
    Request r;
    r.method = std::move(method);
    r.path = std::move(path);
    return r;
}
Router sample() {
    Router router;
    router.get("/api/admin/videos", [](Request&) { return Response::json(200, "list"); });
    router.post("/api/admin/videos", [](Request&) { return Response::json(201, "created"); });
    router.get("/api/admin/videos/{id}",
               [](Request& r) { return Response::json(200, std::string(r.path_param("id"))); });
    router.del("/api/admin/videos/{id}", [](Request&) { return Response::no_content(); });
    return router;
}
}  // namespace

TEST(Router, MatchesLiteralsAndParameters) {
    Router router = sample();
    auto req = make("GET", "/api/admin/videos/abc");
    auto res = router.dispatch(req);
    EXPECT_EQ(res.status, 200);
    EXPECT_EQ(res.body, "abc");
    EXPECT_EQ(req.route, "/api/admin/videos/{id}");
    auto list = make("GET", "/api/admin/videos/");
    EXPECT_EQ(router.dispatch(list).body, "list");
}

TEST(Router, UnknownPathIs404Problem) {
    Router router = sample();
    auto req = make("GET", "/api/admin/nothing");
    auto res = router.dispatch(req);
    EXPECT_EQ(res.status, 404);
    EXPECT_EQ(res.headers.get("Content-Type"), "application/problem+json");
}

TEST(Router, WrongMethodIs405WithAllow) {
    Router router = sample();
    auto req = make("PATCH", "/api/admin/videos/abc");
    auto res = router.dispatch(req);
    EXPECT_EQ(res.status, 405);
    EXPECT_EQ(res.headers.get("Allow"), "GET, HEAD, DELETE");
    auto req2 = make("PUT", "/api/admin/videos");
    EXPECT_EQ(router.dispatch(req2).headers.get("Allow"), "GET, HEAD, POST");
}

TEST(Router, FastPathsAnswerFromMemoryOrDecline) {
    Router router = sample();
    router.fast("GET", "/api/admin/videos/{id}", [](Request& r) -> std::optional<Response> {
        if (r.path_param("id") != "cached") return std::nullopt;
        return Response::json(200, "from memory");
    });
    auto cached = make("GET", "/api/admin/videos/cached");
    auto answer = router.dispatch_fast(cached);
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->body, "from memory");
    EXPECT_EQ(cached.route, "/api/admin/videos/{id}");
    auto head = make("HEAD", "/api/admin/videos/cached");
    EXPECT_TRUE(router.dispatch_fast(head)) << "HEAD is answered like GET";

    auto other = make("GET", "/api/admin/videos/other");
    EXPECT_FALSE(router.dispatch_fast(other)) << "the fast path declines";
    EXPECT_EQ(router.dispatch(other).body, "other") << "and the handler answers";
    for (auto [method, path] :
         {std::pair{"GET", "/api/admin/videos"}, std::pair{"DELETE", "/api/admin/videos/cached"},
          std::pair{"GET", "/nowhere"}}) {
        auto request = make(method, path);
        EXPECT_FALSE(router.dispatch_fast(request)) << method << " " << path;
    }
    EXPECT_THROW(router.fast("GET", "/api/admin/missing", {}), std::invalid_argument);
}
