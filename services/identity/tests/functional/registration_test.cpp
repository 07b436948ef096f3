// Accounts: self-registration through the API, its validation, and password logins that do not
// tell whether an account exists.
#include <boost/json.hpp>
#include <codeflix/messaging/event.hpp>
#include <codeflix/messaging/testing.hpp>

#include "identity_fixture.hpp"

using namespace codeflix::identity::testing;

namespace {

class Registration : public IdentityTest {
  protected:
    Reply register_raw(const boost::json::object& body) {
        return post("/api/identity/users", boost::json::serialize(body));
    }
};

TEST_P(Registration, CreatesAnAccountWithTheUserRoleWithoutAToken) {
    auto reply = register_raw({{"email", " Ana.Souza@Example.com "},
                               {"password", "a long passphrase"},
                               {"display_name", "Ana Souza"}});
    ASSERT_EQ(reply.status, 201) << reply.body;
    EXPECT_EQ(reply.text("email"), "Ana.Souza@Example.com");
    EXPECT_EQ(reply.json.at("roles"), boost::json::array({"user"}));
    EXPECT_EQ(reply.header("Location"), "/api/identity/users/" + reply.text("id"));
    EXPECT_FALSE(reply.json.as_object().contains("password_hash"));
    // The same email in other case is the same account.
    auto again = register_raw({{"email", "ana.souza@EXAMPLE.com"},
                               {"password", "another passphrase"},
                               {"display_name", "Ana"}});
    EXPECT_EQ(expect_problem(again, 409), std::vector<std::string>{"email"});
    // The account can sign in, by any case of its email.
    EXPECT_EQ(password_grant("ANA.SOUZA@example.com", "a long passphrase").status, 200);
}

TEST_P(Registration, AnnouncesTheNewAccountOnTheEventBus) {
    namespace messaging = codeflix::messaging;
    messaging::testing::QueueProbe probe(messaging::testing::broker_url());
    std::string queue = messaging::testing::unique_name("test.identity-events");
    probe.watch(queue, "codeflix.identity.user.registered.v1");
    auto reply = register_raw({{"email", "bruno@example.com"},
                               {"password", "a long passphrase"},
                               {"display_name", "Bruno Lima"}});
    ASSERT_EQ(reply.status, 201) << reply.body;
    std::optional<messaging::CloudEvent> announced;
    for (int i = 0; i < 50 && !announced; ++i) {  // other tests share the broker
        auto received = probe.take(queue, std::chrono::seconds(10));
        ASSERT_TRUE(received) << "no registration event";
        auto event = messaging::parse_event(received->body);
        if (event && event->subject == reply.text("id")) announced = *event;
    }
    ASSERT_TRUE(announced);
    EXPECT_EQ(announced->source, "/identity");
    EXPECT_EQ(announced->data.at("email"), "bruno@example.com");
    EXPECT_EQ(announced->data.at("display_name"), "Bruno Lima");
    EXPECT_EQ(announced->data.at("version"), 1);
    EXPECT_FALSE(announced->data.contains("password_hash"));
    probe.remove_consumer_queues(queue);
}

TEST_P(Registration, RefusesMalformedEmailsWeakPasswordsAndOverlongFields) {
    struct Case {
        boost::json::object body;
        std::string field;
    };
    std::string long_name(101, 'x');
    std::string long_password(129, 'p');
    std::string long_email = std::string(250, 'a') + "@example.com";
    std::vector<Case> cases = {
        {{{"email", "not-an-email"}, {"password", "a long passphrase"}, {"display_name", "A"}},
         "email"},
        {{{"email", "a@b"}, {"password", "a long passphrase"}, {"display_name", "A"}}, "email"},
        {{{"email", "a..b@example.com"}, {"password", "a long passphrase"}, {"display_name", "A"}},
         "email"},
        {{{"email", "<script>@example.com"},
          {"password", "a long passphrase"},
          {"display_name", "A"}},
         "email"},
        {{{"email", long_email}, {"password", "a long passphrase"}, {"display_name", "A"}},
         "email"},
        {{{"email", "bob@example.com"}, {"password", "short1"}, {"display_name", "Bob"}},
         "password"},
        {{{"email", "bob@example.com"}, {"password", long_password}, {"display_name", "Bob"}},
         "password"},
        {{{"email", "bob@example.com"}, {"password", "qwertyuiop"}, {"display_name", "Bob"}},
         "password"},
        {{{"email", "bob@example.com"}, {"password", "Password123"}, {"display_name", "Bob"}},
         "password"},
        {{{"email", "bobby.tables@example.com"},
          {"password", "BOBBY.TABLES@example.com"},
          {"display_name", "Bob"}},
         "password"},
        {{{"email", "bobby.tables@example.com"},
          {"password", "bobby.tables"},
          {"display_name", "Bob"}},
         "password"},
        {{{"email", "bob@example.com"},
          {"password", "a long passphrase"},
          {"display_name", long_name}},
         "display_name"},
        {{{"email", "bob@example.com"}, {"password", "a long passphrase"}, {"display_name", "  "}},
         "display_name"},
        {{{"email", "bob@example.com"},
          {"password", "a long\npassphrase"},
          {"display_name", "Bob"}},
         "password"},
        {{{"email", "bob@example.com"}, {"password", "a long passphrase"}}, "display_name"},
        {{{"email", 42}, {"password", "a long passphrase"}, {"display_name", "Bob"}}, "email"},
        {{{"email", "bob@example.com"},
          {"password", "a long passphrase"},
          {"display_name", "Bob"},
          {"roles", boost::json::array{"catalog-admin"}}},
         "roles"},
    };
    for (const auto& c : cases) {
        auto fields = expect_problem(register_raw(c.body), 400);
        EXPECT_NE(std::find(fields.begin(), fields.end(), c.field), fields.end())
            << boost::json::serialize(c.body);
    }
    for (std::string_view body : {"", "[]", "{", "{\"email\":\"x\"", "null"}) {
        expect_problem(post("/api/identity/users", body), 400);
    }
    // Nothing was created.
    auto list = call("GET", "/api/identity/users", {}, bearer(admin_token()));
    EXPECT_EQ(list.json.at("meta").at("total").as_int64(), 1) << list.body;
}

TEST_P(Registration, WrongPasswordAndUnknownAccountGetTheSameAnswer) {
    register_user("carla@example.com", "a long passphrase");
    auto wrong = password_grant("carla@example.com", "not the passphrase", "10.0.0.1");
    auto unknown = password_grant("nobody@example.com", "not the passphrase", "10.0.0.2");
    EXPECT_EQ(wrong.status, 400);
    EXPECT_EQ(unknown.status, 400);
    EXPECT_EQ(wrong.body, unknown.body);
    EXPECT_EQ(wrong.text("error"), "invalid_grant");

    // The login page too: same status, same words.
    Browser a;
    Browser b;
    auto page_a =
        open_login(a, authorization("codeflix-viewer", kViewerRedirect, challenge_of(kVerifier)));
    auto page_b =
        open_login(b, authorization("codeflix-viewer", kViewerRedirect, challenge_of(kVerifier)));
    http::Headers from_a;
    from_a.set("X-Real-IP", "10.0.0.3");
    http::Headers from_b;
    from_b.set("X-Real-IP", "10.0.0.4");
    auto login_wrong = submit_login(a, page_a, "carla@example.com", "not the passphrase", from_a);
    auto login_unknown =
        submit_login(b, page_b, "nobody@example.com", "not the passphrase", from_b);
    EXPECT_EQ(login_wrong.status, 401);
    EXPECT_EQ(login_unknown.status, 401);
    EXPECT_NE(login_wrong.body.find("Invalid email or password."), std::string::npos);
    EXPECT_NE(login_unknown.body.find("Invalid email or password."), std::string::npos);
}

TEST_P(Registration, RepeatedFailuresLockTheAccountForAGrowingTime) {
    register_user("dave@example.com", "a long passphrase");
    // Threshold 3 (test settings), from different addresses so only the account counts.
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(password_grant("dave@example.com", "guess" + std::to_string(i),
                                 "10.1.0." + std::to_string(i))
                      .status,
                  400);
    auto locked = password_grant("dave@example.com", "a long passphrase", "10.1.1.1");
    EXPECT_EQ(locked.status, 400) << "the right password is refused while the account is locked";
    EXPECT_EQ(locked.text("error_description"), "Invalid user credentials")
        << "a locked account answers like a wrong password";
    auto admin = call("GET", "/api/identity/users?q=dave", {}, bearer(admin_token()));
    EXPECT_TRUE(admin.json.at("data").at(0).at("locked").as_bool()) << admin.body;
    std::this_thread::sleep_for(std::chrono::milliseconds(2300));
    EXPECT_EQ(password_grant("dave@example.com", "a long passphrase", "10.1.1.2").status, 200)
        << "the lock (2 s at the threshold) expires";
    // Success resets the count: the next failures start from zero again.
    EXPECT_EQ(password_grant("dave@example.com", "wrong", "10.1.1.3").status, 400);
    EXPECT_EQ(password_grant("dave@example.com", "a long passphrase", "10.1.1.4").status, 200);
}

TEST_P(Registration, AnAddressThatKeepsFailingIsSlowedDown) {
    register_user("erin@example.com", "a long passphrase");
    // Limit 8 failures per window (test settings), spread over many accounts.
    for (int i = 0; i < 8; ++i) {
        EXPECT_EQ(
            password_grant("user" + std::to_string(i) + "@example.com", "guess-guess", "10.2.0.9")
                .status,
            400);
    }
    auto slowed = password_grant("user9@example.com", "guess-guess", "10.2.0.9");
    EXPECT_EQ(slowed.status, 400);
    auto blocked = password_grant("erin@example.com", "a long passphrase", "10.2.0.9");
    EXPECT_EQ(blocked.status, 429) << blocked.body;
    EXPECT_FALSE(blocked.header("Retry-After").empty());
    // Another address is not affected.
    EXPECT_EQ(password_grant("erin@example.com", "a long passphrase", "10.2.0.10").status, 200);
}

CODEFLIX_DIALECTS(Registration);

}  // namespace
