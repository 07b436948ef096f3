// bench/subscription: the programs bench/subscription/subscription.sh runs.
//   bench_subscription tokens OUT_DIR USERS ISSUER
//       an RSA key; OUT_DIR/www/realms/codeflix/protocol/openid-connect/certs (its JWKS, served
//       by the script), OUT_DIR/users.txt and OUT_DIR/tokens.txt (one user id / RS256 access
//       token per line, aud subscription and catalog-api) and OUT_DIR/admin.token
//       (subscription-admin); tokens live 4 hours
//   bench_subscription subscribe API TOKENS PLAN_ID CONNECTIONS
//       a sandbox card per user of TOKENS (untimed), then one POST /api/subscription/subscriptions
//       per user with an Idempotency-Key, CONNECTIONS at a time
//   bench_subscription get API PATH CONNECTIONS REQUESTS
//       REQUESTS anonymous GETs of PATH, CONNECTIONS at a time (the anchor of `subscribe`)
//   bench_subscription catalog AMQP_URL API USERS TOKENS
//       publishes a published video with ready media and an active subscription (10 streams,
//       1080p) per user as events, waits until catalog-api serves them; prints the video id and
//       its encoding id
// `subscribe` and `get` print "requests seconds req/s p50 p99 non-2xx", tab separated.
// Not a test: it prints figures.

#include <algorithm>
#include <atomic>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <codeflix/auth/signing.hpp>
#include <codeflix/core/clock.hpp>
#include <codeflix/core/json.hpp>
#include <codeflix/core/uuid.hpp>
#include <codeflix/http/client.hpp>
#include <codeflix/messaging/event.hpp>
#include <codeflix/messaging/publisher.hpp>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace codeflix;
using Clock = std::chrono::steady_clock;

constexpr std::int64_t kTokenLifetimeSeconds = 4 * 3600;
constexpr const char* kKid = "bench-subscription";

std::vector<std::string> lines_of(const std::string& path) {
    std::vector<std::string> lines;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty()) lines.push_back(line);
    }
    return lines;
}

std::string sign(const auth::PrivateKey& key, const std::string& issuer, const std::string& subject,
                 const std::vector<std::string>& roles, const std::string& azp) {
    auto now = core::unix_seconds();
    boost::json::array role_list;
    for (const auto& role : roles) role_list.emplace_back(role);
    boost::json::object claims{{"iss", issuer},
                               {"sub", subject},
                               {"aud", boost::json::array{"subscription", "catalog-api"}},
                               {"azp", azp},
                               {"typ", "Bearer"},
                               {"exp", now + kTokenLifetimeSeconds},
                               {"iat", now - 1},
                               {"email", subject + "@bench.example"},
                               {"preferred_username", subject},
                               {"realm_access", {{"roles", role_list}}}};
    return auth::sign_jwt(key, {{"alg", "RS256"}, {"typ", "JWT"}, {"kid", kKid}}, claims);
}

int tokens(const std::string& out_dir, int users, const std::string& issuer) {
    auto key = auth::PrivateKey::generate();
    std::filesystem::path certs =
        std::filesystem::path(out_dir) / "www/realms/codeflix/protocol/openid-connect";
    std::filesystem::create_directories(certs);
    boost::json::array keys{key.public_jwk(kKid)};
    std::ofstream(certs / "certs") << boost::json::serialize(boost::json::object{{"keys", keys}});
    std::ofstream user_file(std::filesystem::path(out_dir) / "users.txt");
    std::ofstream token_file(std::filesystem::path(out_dir) / "tokens.txt");
    for (int i = 0; i < users; ++i) {
        std::string subject = core::new_uuid_v7();
        user_file << subject << "\n";
        token_file << sign(key, issuer, subject, {"user"}, "codeflix-viewer") << "\n";
    }
    std::ofstream(std::filesystem::path(out_dir) / "admin.token")
        << sign(key, issuer, "bench-admin", {"user", "subscription-admin"}, "codeflix-admin")
        << "\n";
    return 0;
}

http::Headers bearer(const std::string& token) {
    http::Headers headers;
    headers.set("Authorization", "Bearer " + token);
    return headers;
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

/// Closed loop: `connections` threads, each with a keep-alive client, send requests 0..count-1
/// (each once, taken in order) and record every latency. `send` answers the HTTP status (0 for
/// a transport failure).
struct Figures {
    std::int64_t requests = 0;
    double seconds = 0;
    std::vector<double> millis;
    std::int64_t failed = 0;  // not 2xx
};

Figures drive(const std::string& api, int connections, std::int64_t count,
              const std::function<int(http::Client&, std::int64_t)>& send) {
    std::atomic<std::int64_t> next{0};
    std::atomic<std::int64_t> failed{0};
    std::vector<std::vector<double>> millis(static_cast<std::size_t>(connections));
    std::vector<std::thread> threads;
    auto started = Clock::now();
    for (int c = 0; c < connections; ++c) {
        threads.emplace_back([&, c] {
            http::Client client(api, std::chrono::seconds(60));
            auto& mine = millis[static_cast<std::size_t>(c)];
            for (auto i = next++; i < count; i = next++) {
                auto sent = Clock::now();
                int status = send(client, i);
                mine.push_back(
                    std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
                if (status < 200 || status >= 300) ++failed;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    Figures figures;
    figures.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    figures.requests = count;
    figures.failed = failed;
    for (const auto& m : millis) figures.millis.insert(figures.millis.end(), m.begin(), m.end());
    return figures;
}

void print_figures(const Figures& f) {
    std::printf("%lld\t%.2f\t%.0f\t%.2fms\t%.2fms\t%lld\n", static_cast<long long>(f.requests),
                f.seconds, static_cast<double>(f.requests) / f.seconds, percentile(f.millis, 0.5),
                percentile(f.millis, 0.99), static_cast<long long>(f.failed));
}

int subscribe(const std::string& api, const std::string& token_file, const std::string& plan_id,
              int connections) {
    auto user_tokens = lines_of(token_file);
    auto count = static_cast<std::int64_t>(user_tokens.size());
    std::vector<std::string> cards(user_tokens.size());
    std::mutex mutex;
    std::string first_error;
    std::string card =
        boost::json::serialize(boost::json::object{{"card_number", "4242424242424242"},
                                                   {"exp_month", 12},
                                                   {"exp_year", core::year_of(core::now()) + 5},
                                                   {"cvc", "123"}});
    auto tokenised = drive(api, connections, count, [&](http::Client& client, std::int64_t i) {
        auto index = static_cast<std::size_t>(i);
        auto headers = bearer(user_tokens[index]);
        headers.set("Content-Type", "application/json");
        auto reply =
            client.request("POST", "/api/subscription/sandbox/payment-methods", card, headers);
        if (!reply || reply->status != 201) {
            std::lock_guard lock(mutex);
            if (first_error.empty()) first_error = reply ? reply->body : reply.error().message;
            return reply ? reply->status : 0;
        }
        auto parsed = core::parse_json(reply->body);
        if (parsed && parsed->is_object())
            cards[index] = core::string_member(parsed->as_object(), "token").value_or("");
        return reply->status;
    });
    if (tokenised.failed > 0) {
        std::fprintf(stderr, "%lld cards were not tokenised: %s\n",
                     static_cast<long long>(tokenised.failed), first_error.c_str());
        return 1;
    }
    std::fprintf(stderr, "tokenised %lld sandbox cards in %.1f s\n", static_cast<long long>(count),
                 tokenised.seconds);
    auto figures = drive(api, connections, count, [&](http::Client& client, std::int64_t i) {
        auto index = static_cast<std::size_t>(i);
        auto headers = bearer(user_tokens[index]);
        headers.set("Content-Type", "application/json");
        headers.set("Idempotency-Key", "bench-subscribe-" + std::to_string(i));
        auto body = boost::json::serialize(
            boost::json::object{{"plan_id", plan_id}, {"payment_method", cards[index]}});
        auto reply = client.request("POST", "/api/subscription/subscriptions", body, headers);
        if (!reply || reply->status != 201) {
            std::lock_guard lock(mutex);
            if (first_error.empty()) first_error = reply ? reply->body : reply.error().message;
            return reply ? reply->status : 0;
        }
        return reply->status;
    });
    if (figures.failed > 0) std::fprintf(stderr, "first refusal: %s\n", first_error.c_str());
    print_figures(figures);
    return 0;
}

int get_anchor(const std::string& api, const std::string& path, int connections,
               std::int64_t count) {
    auto figures = drive(api, connections, count, [&](http::Client& client, std::int64_t) {
        auto reply = client.get(path);
        return reply ? reply->status : 0;
    });
    print_figures(figures);
    return 0;
}

messaging::OutgoingMessage message_of(const std::string& type, const std::string& source,
                                      const boost::json::object& data) {
    std::string id(data.at("id").as_string());
    auto event = messaging::make_event(source, type, id, data);
    messaging::OutgoingMessage message;
    message.exchange = "codeflix.events";
    message.routing_key = event.type;
    message.body = messaging::to_json(event);
    message.message_id = event.id;
    message.type = event.type;
    return message;
}

void publish_all(messaging::Publisher& publisher, std::vector<messaging::OutgoingMessage>& batch) {
    std::size_t done = 0;
    while (done < batch.size()) {
        std::vector<messaging::OutgoingMessage> rest(
            batch.begin() + static_cast<std::ptrdiff_t>(done), batch.end());
        done += publisher.publish(rest);
    }
    batch.clear();
}

/// A published video whose `video` media is ready, shaped as catalog-admin emits it (the
/// encoder's output as tests/functional/playback_fixture.cpp of catalog-api builds it).
boost::json::object video_data(const std::string& id, const std::string& encoding) {
    std::string now = core::to_rfc3339(core::now());
    std::string folder = "media/" + id + "/video/" + encoding + "/";
    boost::json::array renditions;
    for (auto [width, height] :
         {std::pair{640, 360}, std::pair{1280, 720}, std::pair{1920, 1080}}) {
        renditions.push_back(boost::json::object{
            {"width", width}, {"height", height}, {"video_bitrate", height * 4000}});
    }
    boost::json::object current{{"upload_id", core::new_uuid_v7()},
                                {"encoding_id", encoding},
                                {"folder", folder},
                                {"hls", folder + "master.m3u8"},
                                {"dash", folder + "manifest.mpd"},
                                {"poster", folder + "poster.jpg"},
                                {"poster_url", "/images/" + id + "/poster/" + encoding + ".jpg"},
                                {"trickplay", folder + "trickplay/index.vtt"},
                                {"duration_seconds", 5400.5},
                                {"width", 1920},
                                {"height", 1080},
                                {"has_audio", true},
                                {"renditions", std::move(renditions)},
                                {"attempts", 1}};
    boost::json::object media;
    for (const char* kind : {"trailer", "thumbnail", "thumbnail_half", "banner"})
        media[kind] = boost::json::object{{"status", "none"}};
    media["video"] = boost::json::object{{"status", "completed"},
                                         {"progress", 100},
                                         {"error", nullptr},
                                         {"upload_id", core::new_uuid_v7()},
                                         {"current", std::move(current)}};
    return {{"id", id},
            {"version", 1},
            {"created_at", now},
            {"updated_at", now},
            {"title", "Benchmark Feature"},
            {"description", "A title to play in bench/subscription."},
            {"year_launched", 2024},
            {"opened", false},
            {"rating", "L"},
            {"duration", 90},
            {"published", true},
            {"categories_id", boost::json::array()},
            {"genres_id", boost::json::array()},
            {"cast_members_id", boost::json::array()},
            {"media", std::move(media)}};
}

boost::json::object subscription_data(const std::string& user) {
    auto now = core::now();
    auto text = [](core::TimePoint t) { return core::to_rfc3339(t); };
    return {{"id", core::new_uuid_v7()},
            {"version", 1},
            {"user_id", user},
            {"plan_id", "01900000-0000-7000-8000-0000000000b1"},
            {"plan_name", "Bench Premium"},
            {"status", "active"},
            {"max_streams", 10},
            {"max_quality", "1080p"},
            {"current_period_start", text(now - std::chrono::hours(24))},
            {"current_period_end", text(now + std::chrono::hours(24 * 29))},
            {"cancel_at_period_end", false},
            {"past_due_since", nullptr},
            {"ended_at", nullptr}};
}

/// Polls until `done` holds, up to two minutes.
bool eventually(const std::function<bool()>& done) {
    auto deadline = Clock::now() + std::chrono::minutes(2);
    while (Clock::now() < deadline) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return done();
}

int catalog(const std::string& amqp, const std::string& api, const std::string& user_file,
            const std::string& token_file) {
    auto users = lines_of(user_file);
    auto user_tokens = lines_of(token_file);
    if (users.size() != user_tokens.size() || users.empty()) {
        std::fprintf(stderr, "%s and %s must have as many lines\n", user_file.c_str(),
                     token_file.c_str());
        return 1;
    }
    messaging::Metrics metrics;
    messaging::Publisher publisher({amqp, "bench subscription", std::chrono::seconds(30)}, metrics);
    std::string video = core::new_uuid_v7();
    std::string encoding = core::new_uuid_v7();
    std::vector<messaging::OutgoingMessage> batch;
    batch.push_back(message_of("codeflix.catalog.video.created.v1", "/catalog-admin",
                               video_data(video, encoding)));
    for (const auto& user : users) {
        batch.push_back(message_of("codeflix.subscription.subscription.activated.v1",
                                   "/subscription", subscription_data(user)));
        if (batch.size() == 500) publish_all(publisher, batch);
    }
    publish_all(publisher, batch);
    http::Client client(api);
    if (!eventually([&] {
            auto reply = client.get("/api/catalog/videos/" + video);
            return reply && reply->status == 200;
        })) {
        std::fprintf(stderr, "catalog-api did not serve the video within 2 minutes\n");
        return 1;
    }
    for (std::size_t i = 0; i < users.size(); ++i) {
        if (!eventually([&] {
                auto reply = client.get("/api/catalog/me/entitlement", bearer(user_tokens[i]));
                if (!reply || reply->status != 200) return false;
                auto parsed = core::parse_json(reply->body);
                return parsed && parsed->is_object() &&
                       core::string_member(parsed->as_object(), "status") == "active";
            })) {
            std::fprintf(stderr, "no active entitlement for %s after 2 minutes\n",
                         users[i].c_str());
            return 1;
        }
    }
    std::printf("%s %s\n", video.c_str(), encoding.c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        if (args.size() == 4 && args[0] == "tokens")
            return tokens(args[1], std::stoi(args[2]), args[3]);
        if (args.size() == 5 && args[0] == "subscribe")
            return subscribe(args[1], args[2], args[3], std::stoi(args[4]));
        if (args.size() == 5 && args[0] == "get")
            return get_anchor(args[1], args[2], std::stoi(args[3]), std::stoll(args[4]));
        if (args.size() == 5 && args[0] == "catalog")
            return catalog(args[1], args[2], args[3], args[4]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_subscription %s: %s\n", args[0].c_str(), e.what());
        return 1;
    }
    std::fprintf(stderr, "usage: see the comment at the top of subscription_bench.cpp\n");
    return 2;
}
