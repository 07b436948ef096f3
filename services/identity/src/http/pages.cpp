#include "pages.hpp"

namespace codeflix::identity::http_api {
namespace {

std::string hidden_fields(const PageState& state) {
    std::string out;
    for (const auto& [name, value] : state.hidden) {
        out += "<input type=\"hidden\" name=\"" + escape_html(name) + "\" value=\"" +
               escape_html(value) + "\">\n";
    }
    out += "<input type=\"hidden\" name=\"csrf_token\" value=\"" + escape_html(state.csrf_token) +
           "\">\n";
    return out;
}

std::string query_of(const PageState& state) {
    return escape_html(http::encode_form(state.hidden));
}

std::string alert(const PageState& state) {
    if (state.message.empty()) return {};
    return "<p class=\"alert\" role=\"alert\">" + escape_html(state.message) + "</p>\n";
}

std::string field_error(const PageState& state, const std::string& field) {
    auto it = state.field_errors.find(field);
    if (it == state.field_errors.end()) return {};
    return "<span class=\"field-error\" id=\"" + field + "-error\">" + escape_html(it->second) +
           "</span>\n";
}

std::string input(const PageState& state, const std::string& name, const std::string& label,
                  const std::string& type, const std::string& value,
                  const std::string& autocomplete, const std::string& extra = {}) {
    bool invalid = state.field_errors.contains(name);
    return "<label for=\"" + name + "\">" + label + "</label>\n<input id=\"" + name + "\" name=\"" +
           name + "\" type=\"" + type + "\" value=\"" + escape_html(value) + "\" autocomplete=\"" +
           autocomplete + "\" required" + extra +
           (invalid ? " aria-invalid=\"true\" aria-describedby=\"" + name + "-error\"" : "") +
           ">\n" + field_error(state, name);
}

}  // namespace

http::Response html_page(int status, std::string_view title, const std::string& body) {
    http::Response response;
    response.status = status;
    response.headers.set("Content-Type", "text/html; charset=utf-8");
    response.headers.set("Cache-Control", "no-store");
    response.headers.set("Content-Security-Policy",
                         "default-src 'none'; style-src 'self'; img-src 'self' data:; "
                         "base-uri 'none'; frame-ancestors 'none'");
    response.headers.set("X-Frame-Options", "DENY");
    response.headers.set("X-Content-Type-Options", "nosniff");
    response.headers.set("Referrer-Policy", "no-referrer");
    response.body =
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>" +
        escape_html(title) +
        " · CODEFLIX</title>\n<link rel=\"stylesheet\" "
        "href=\"/realms/codeflix/resources/codeflix.css\">\n</head>\n<body>\n"
        "<header><span class=\"logo\">CODEFLIX</span></header>\n<main>\n<section "
        "class=\"card\">\n<h1>" +
        escape_html(title) + "</h1>\n" + body + "</section>\n</main>\n</body>\n</html>\n";
    return response;
}

std::string login_form(const PageState& state) {
    return alert(state) + "<form method=\"post\" action=\"" + state.realm_path +
           "/login-actions/authenticate\" novalidate>\n" + hidden_fields(state) +
           input(state, "email", "Email", "email", state.email, "username", " autofocus") +
           input(state, "password", "Password", "password", "", "current-password") +
           "<button type=\"submit\">Sign in</button>\n</form>\n<p class=\"switch\">New to "
           "CODEFLIX? <a href=\"" +
           state.realm_path + "/protocol/openid-connect/registrations?" + query_of(state) +
           "\">Create an account</a>.</p>\n";
}

std::string registration_form(const PageState& state) {
    return alert(state) + "<form method=\"post\" action=\"" + state.realm_path +
           "/login-actions/registration\" novalidate>\n" + hidden_fields(state) +
           input(state, "display_name", "Name", "text", state.display_name, "name",
                 " autofocus maxlength=\"100\"") +
           input(state, "email", "Email", "email", state.email, "email", " maxlength=\"254\"") +
           input(state, "password", "Password", "password", "", "new-password",
                 " minlength=\"10\" maxlength=\"128\"") +
           "<p class=\"hint\">10 to 128 characters; not your email, not a common password.</p>\n" +
           input(state, "password_confirm", "Confirm password", "password", "", "new-password") +
           "<button type=\"submit\">Create account</button>\n</form>\n<p class=\"switch\">"
           "Already have an account? <a href=\"" +
           state.realm_path + "/protocol/openid-connect/auth?" + query_of(state) +
           "\">Sign in</a>.</p>\n";
}

http::Response error_page(int status, std::string_view message) {
    return html_page(status, "We could not sign you in",
                     "<p class=\"alert\" role=\"alert\">" + escape_html(message) +
                         "</p>\n<p>Go back to the application and try again.</p>\n");
}

std::string logout_confirmation(const PageState& state) {
    return "<p>Do you want to sign out of CODEFLIX on this browser?</p>\n<form method=\"post\" "
           "action=\"" +
           state.realm_path + "/login-actions/logout\">\n" + hidden_fields(state) +
           "<button type=\"submit\">Sign out</button>\n</form>\n";
}

std::string logged_out() { return "<p>You are signed out of CODEFLIX.</p>\n"; }

std::string_view stylesheet() {
    return R"css(:root { color-scheme: dark; }
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; font-family: "Helvetica Neue", Helvetica, Arial, sans-serif;
  color: #fff; background: #141414 radial-gradient(circle at top, #3a0a0d 0%, #141414 60%); }
header { padding: 24px 48px; }
.logo { color: #e50914; font-weight: 900; font-size: 2rem; letter-spacing: 0.08em; }
main { display: flex; justify-content: center; padding: 24px 16px 64px; }
.card { width: 100%; max-width: 450px; background: rgba(0, 0, 0, 0.78); border-radius: 6px;
  padding: 48px 56px; }
h1 { margin: 0 0 28px; font-size: 2rem; }
form { display: flex; flex-direction: column; }
label { font-size: 0.9rem; color: #b3b3b3; margin: 12px 0 6px; }
input { font-size: 1rem; padding: 14px 16px; border: 1px solid #444; border-radius: 4px;
  background: #333; color: #fff; }
input:focus { outline: 2px solid #fff; outline-offset: 1px; }
input[aria-invalid="true"] { border-color: #e87c03; }
button { margin-top: 28px; padding: 14px; font-size: 1rem; font-weight: 700; color: #fff;
  background: #e50914; border: 0; border-radius: 4px; cursor: pointer; }
button:hover, button:focus { background: #f40612; }
.alert { background: #e87c03; color: #fff; padding: 12px 16px; border-radius: 4px; margin: 0 0 16px; }
.field-error { color: #e87c03; font-size: 0.85rem; margin-top: 6px; }
.hint { color: #8c8c8c; font-size: 0.8rem; margin: 6px 0 0; }
.switch { color: #737373; margin-top: 32px; }
a { color: #fff; }
@media (max-width: 600px) { .card { padding: 32px 24px; } header { padding: 16px 24px; } }
)css";
}

}  // namespace codeflix::identity::http_api
