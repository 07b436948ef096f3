#pragma once

#include <codeflix/core/text.hpp>
#include <codeflix/http/forms.hpp>
#include <codeflix/http/message.hpp>
#include <map>
#include <string>
#include <string_view>

namespace codeflix::identity::http_api {

using core::escape_html;

/// What the login and registration pages show besides their fields.
struct PageState {
    /// The authorization request, carried through the form as hidden fields.
    http::FormFields hidden;
    std::string csrf_token;
    std::string message;                              ///< an error shown above the form
    std::map<std::string, std::string> field_errors;  ///< per-field messages (registration)
    std::string email;                                ///< kept when the form is shown again
    std::string display_name;
    std::string realm_path;  ///< "/realms/codeflix"
};

/// An HTML page in CODEFLIX's look, with the security headers every page gets.
http::Response html_page(int status, std::string_view title, const std::string& body);

std::string login_form(const PageState& state);
std::string registration_form(const PageState& state);
/// A page for a request that cannot be sent back to the client (unknown client or redirect).
http::Response error_page(int status, std::string_view message);
/// "Log out of CODEFLIX?" with a CSRF-protected form (logout without an ID token hint).
std::string logout_confirmation(const PageState& state);
std::string logged_out();

/// The stylesheet the pages link to.
std::string_view stylesheet();

}  // namespace codeflix::identity::http_api
