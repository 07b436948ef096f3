#include <gtest/gtest.h>

#include <codeflix/http/forms.hpp>

using namespace codeflix::http;

TEST(Forms, DecodesPlusAndPercentEscapes) {
    auto fields = parse_form("email=a%2Bb%40example.com&name=Ana+Maria&empty=&flag");
    ASSERT_TRUE(fields);
    EXPECT_EQ(form_value(*fields, "email"), "a+b@example.com");
    EXPECT_EQ(form_value(*fields, "name"), "Ana Maria");
    EXPECT_EQ(form_value(*fields, "empty"), "");
    EXPECT_EQ(form_value(*fields, "flag"), "");
    EXPECT_FALSE(form_value(*fields, "missing"));
}

TEST(Forms, RefusesBadEscapes) {
    EXPECT_FALSE(parse_form("a=%zz"));
    EXPECT_FALSE(parse_form("a=%4"));
}

TEST(Forms, EncodesWhatItDecodes) {
    FormFields fields = {{"redirect_uri", "http://x/cb?a=1&b=2"}, {"state", "a b+c"}};
    auto round = parse_form(encode_form(fields));
    ASSERT_TRUE(round);
    EXPECT_EQ(*round, fields);
}

TEST(Forms, AppendsToAQueryThatAlreadyHasParameters) {
    EXPECT_EQ(
        append_query("http://localhost:8080/callback?x=1", {{"code", "a/b"}, {"state", "s t"}}),
        "http://localhost:8080/callback?x=1&code=a/b&state=s%20t");
    EXPECT_FALSE(append_query("/relative", {{"a", "b"}}));
}

TEST(Forms, AbsoluteHttpUris) {
    EXPECT_TRUE(is_absolute_http_uri("http://localhost:8080/callback"));
    EXPECT_TRUE(is_absolute_http_uri("https://codeflix.example/admin/callback?x=1"));
    EXPECT_FALSE(is_absolute_http_uri("http://localhost:8080/callback#frag"));
    EXPECT_FALSE(is_absolute_http_uri("javascript:alert(1)"));
    EXPECT_FALSE(is_absolute_http_uri("/callback"));
    EXPECT_FALSE(is_absolute_http_uri("http:///nohost"));
}

TEST(Forms, CookiesByName) {
    Request request;
    request.headers.add("Cookie", "a=1; CODEFLIX_SESSION=abc; b=2");
    request.headers.add("cookie", "c=3");
    EXPECT_EQ(cookie(request, "CODEFLIX_SESSION"), "abc");
    EXPECT_EQ(cookie(request, "c"), "3");
    EXPECT_FALSE(cookie(request, "CODEFLIX"));
}
