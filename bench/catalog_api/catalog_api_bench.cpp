// bench/catalog_api: the programs bench/catalog_api/catalog_api.sh runs.
//   catalog_api_bench load AMQP_URL API_URL TITLES      publish a generated catalog as events and
//                                                         wait until catalog-api serves all of it
//   catalog_api_bench latency AMQP_URL API_URL SAMPLES  write->searchable latency
//   catalog_api_bench queries COUNT                     the mixed search query set, one per line
//   catalog_api_bench fts5 DB QUERIES CLIENTS SECONDS   the same queries straight on SQLite FTS5
// Not a test: it prints figures.

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <boost/json/object.hpp>
#include <chrono>
#include <codeflix/core/clock.hpp>
#include <codeflix/core/json.hpp>
#include <codeflix/core/text.hpp>
#include <codeflix/core/uuid.hpp>
#include <codeflix/http/client.hpp>
#include <codeflix/http/forms.hpp>
#include <codeflix/messaging/event.hpp>
#include <codeflix/messaging/publisher.hpp>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace codeflix;
using Clock = std::chrono::steady_clock;

/// A fixed-seed 64-bit LCG: the same catalog and queries on every run.
class Random {
  public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next(std::uint64_t bound) {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return (state_ >> 33) % bound;
    }

  private:
    std::uint64_t state_;
};

/// About 4,000 invented words ("ramoti", "celu", ...) plus accented ones, so the vocabulary and
/// the posting lists look like a catalog's.
std::vector<std::string> vocabulary() {
    const char* onsets[] = {"b", "c", "d", "f", "g", "l",  "m",  "n",
                            "p", "r", "s", "t", "v", "br", "tr", "ch"};
    const char* vowels[] = {"a", "e", "i", "o", "u", "ã", "é", "ô"};
    std::vector<std::string> words;
    Random random(42);
    while (words.size() < 4000) {
        std::string word;
        auto syllables = 2 + random.next(3);
        for (std::uint64_t i = 0; i < syllables; ++i) {
            word += onsets[random.next(16)];
            word += vowels[random.next(i == 0 ? 5 : 8)];
        }
        if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(word);
    }
    return words;
}

std::string capitalized(std::string word) {
    if (!word.empty() && word[0] >= 'a' && word[0] <= 'z')
        word[0] = static_cast<char>(word[0] - 32);
    return word;
}

struct Generated {
    std::vector<std::string> categories, genres, people;
};

messaging::OutgoingMessage message_of(const std::string& aggregate, boost::json::object data) {
    std::string id(data.at("id").as_string());
    auto event = messaging::make_event(
        "/catalog-admin", "codeflix.catalog." + aggregate + ".created.v1", id, std::move(data));
    messaging::OutgoingMessage message;
    message.exchange = "codeflix.events";
    message.routing_key = event.type;
    message.body = messaging::to_json(event);
    message.message_id = event.id;
    message.type = event.type;
    return message;
}

boost::json::object base(const std::string& id) {
    std::string now = core::to_rfc3339(core::now());
    return {{"id", id}, {"version", 1}, {"created_at", now}, {"updated_at", now}};
}

boost::json::array pick(Random& random, const std::vector<std::string>& ids, std::uint64_t count) {
    boost::json::array out;
    for (std::uint64_t i = 0; i < count; ++i) {
        const auto& id = ids[random.next(ids.size())];
        if (std::find(out.begin(), out.end(), boost::json::value(id)) == out.end())
            out.emplace_back(id);
    }
    return out;
}

boost::json::object video(Random& random, const std::vector<std::string>& words, const Generated& g,
                          const std::string& id, const std::string& title) {
    static const char* ratings[] = {"L", "10", "12", "14", "16", "18"};
    std::string description;
    auto length = 20 + random.next(20);
    for (std::uint64_t i = 0; i < length; ++i) {
        if (i > 0) description += ' ';
        description += words[random.next(words.size())];
    }
    auto data = base(id);
    data["title"] = title;
    data["description"] = description + ".";
    data["year_launched"] = 1950 + static_cast<int>(random.next(76));
    data["opened"] = false;
    data["rating"] = ratings[random.next(6)];
    data["duration"] = 60 + static_cast<int>(random.next(120));
    data["published"] = true;
    data["categories_id"] = pick(random, g.categories, 1 + random.next(2));
    data["genres_id"] = pick(random, g.genres, 1 + random.next(2));
    data["cast_members_id"] = pick(random, g.people, random.next(5));
    return data;
}

std::int64_t total_videos(http::Client& client) {
    auto reply = client.get("/api/catalog/videos?per_page=1");
    if (!reply || reply->status != 200) return -1;
    auto parsed = core::parse_json(reply->body);
    return parsed ? parsed->at("meta").at("total").as_int64() : -1;
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

int load(const std::string& amqp, const std::string& api, std::int64_t titles) {
    messaging::Metrics metrics;
    messaging::Publisher publisher({amqp, "bench loader", std::chrono::seconds(30)}, metrics);
    http::Client client(api);
    auto words = vocabulary();
    Random random(7);
    Generated g;
    std::vector<messaging::OutgoingMessage> batch;
    const char* category_names[] = {"Filmes",   "Séries",   "Documentários", "Infantil",
                                    "Anime",    "Nacional", "Clássicos",     "Curtas",
                                    "Musicais", "Esportes"};
    for (const char* name : category_names) {
        g.categories.push_back(core::new_uuid_v7());
        auto data = base(g.categories.back());
        data["name"] = name;
        data["is_active"] = true;
        batch.push_back(message_of("category", data));
    }
    for (int i = 0; i < 30; ++i) {
        g.genres.push_back(core::new_uuid_v7());
        auto data = base(g.genres.back());
        data["name"] = capitalized(words[random.next(words.size())]);
        data["is_active"] = true;
        batch.push_back(message_of("genre", data));
    }
    for (int i = 0; i < 3000; ++i) {
        g.people.push_back(core::new_uuid_v7());
        auto data = base(g.people.back());
        data["name"] = capitalized(words[random.next(words.size())]) + " " +
                       capitalized(words[random.next(words.size())]);
        data["type"] = random.next(5) == 0 ? "director" : "actor";
        batch.push_back(message_of("cast_member", data));
    }
    publish_all(publisher, batch);
    auto started = Clock::now();
    std::ofstream ids("video_ids.txt");
    for (std::int64_t i = 0; i < titles; ++i) {
        std::string id = core::new_uuid_v7();
        ids << id << "\n";
        std::string title;
        auto length = 1 + random.next(4);
        for (std::uint64_t w = 0; w < length; ++w)
            title += (w ? " " : "") + capitalized(words[random.next(words.size())]);
        batch.push_back(message_of("video", video(random, words, g, id, title)));
        if (batch.size() == 500) publish_all(publisher, batch);
    }
    publish_all(publisher, batch);
    double publish_seconds = std::chrono::duration<double>(Clock::now() - started).count();
    std::int64_t seen = 0;
    while ((seen = total_videos(client)) < titles)
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    std::printf("published %lld video events in %.1f s (%.0f/s, with confirms)\n",
                static_cast<long long>(titles), publish_seconds, titles / publish_seconds);
    std::printf("ingested %lld videos in %.1f s: %.0f events/s\n", static_cast<long long>(titles),
                seconds, titles / seconds);
    std::printf("INGEST_RATE=%.0f\n", titles / seconds);
    return 0;
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

int latency(const std::string& amqp, const std::string& api, int samples) {
    messaging::Metrics metrics;
    messaging::Publisher publisher({amqp, "bench latency", std::chrono::seconds(30)}, metrics);
    http::Client client(api);
    Random random(99);
    auto words = vocabulary();
    Generated g;
    g.categories = {core::new_uuid_v7()};
    g.genres = {core::new_uuid_v7()};
    g.people = {core::new_uuid_v7()};
    std::vector<double> millis;
    for (int i = 0; i < samples; ++i) {
        std::string token = "zqx" + std::to_string(100000 + i) + "marker";
        std::string id = core::new_uuid_v7();
        auto message = message_of("video", video(random, words, g, id, "Latência " + token));
        auto started = Clock::now();
        if (publisher.publish({message}) != 1) {
            std::fprintf(stderr, "publish failed\n");
            return 1;
        }
        std::string path = "/api/catalog/search?q=" + token;
        for (;;) {
            auto reply = client.get(path);
            if (reply && reply->status == 200 && reply->body.find(id) != std::string::npos) break;
            if (Clock::now() - started > std::chrono::seconds(10)) {
                std::fprintf(stderr, "video %s not searchable after 10 s\n", id.c_str());
                return 1;
            }
            std::this_thread::sleep_for(std::chrono::microseconds(500));
        }
        millis.push_back(std::chrono::duration<double, std::milli>(Clock::now() - started).count());
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::printf("write->searchable over %d videos: p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
                samples, percentile(millis, 0.5), percentile(millis, 0.99),
                percentile(millis, 1.0));
    std::printf("WRITE_SEARCHABLE_P50_MS=%.1f\nWRITE_SEARCHABLE_P99_MS=%.1f\n",
                percentile(millis, 0.5), percentile(millis, 0.99));
    return 0;
}

/// The first `count` code points of a word (never half a UTF-8 sequence).
std::string first_chars(const std::string& word, std::size_t count) {
    std::size_t end = 0;
    for (std::size_t chars = 0; end < word.size() && chars < count; ++chars) {
        ++end;
        while (end < word.size() && (static_cast<unsigned char>(word[end]) & 0xC0) == 0x80) ++end;
    }
    return word.substr(0, end);
}

/// A mix of what people type: whole words, prefixes, typos, two words, words with a filter.
int queries(int count) {
    auto words = vocabulary();
    Random random(2024);
    for (int i = 0; i < count; ++i) {
        const auto& word = words[random.next(words.size())];
        auto kind = random.next(100);
        http::FormFields fields;
        if (kind < 35) {
            fields.emplace_back("q", word);
        } else if (kind < 55) {
            fields.emplace_back("q", first_chars(word, 3));
        } else if (kind < 70) {
            std::string typo = word;
            if (core::words(typo).size() == 1 && typo.size() >= 5 && typo[1] != typo[2] &&
                static_cast<unsigned char>(typo[1]) < 0x80 &&
                static_cast<unsigned char>(typo[2]) < 0x80)
                std::swap(typo[1], typo[2]);
            fields.emplace_back("q", typo);
        } else if (kind < 90) {
            fields.emplace_back("q", word + " " + first_chars(words[random.next(words.size())], 4));
        } else {
            fields.emplace_back("q", word);
            fields.emplace_back("decade", std::to_string(1950 + 10 * random.next(8)));
        }
        std::cout << "/api/catalog/search?" << http::encode_form(fields) << "\n";
    }
    return 0;
}

/// The FTS5 part of each query alone: MATCH, bm25 with the same weights, first page.
int fts5(const std::string& path, const std::string& query_file, int clients, int seconds) {
    std::vector<std::string> matches;
    std::ifstream in(query_file);
    std::string line;
    while (std::getline(in, line)) {
        auto q = line.substr(line.find("q=") + 2);
        q = q.substr(0, q.find('&'));
        auto decoded = http::parse_form("q=" + q);
        std::string text = decoded ? std::string(*http::form_value(*decoded, "q")) : q;
        auto words = core::words(text);
        std::string match;
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (!match.empty()) match += " AND ";
            match += '"' + words[i].folded + '"' + (i + 1 == words.size() ? "*" : "");
        }
        if (!match.empty()) matches.push_back(match);
    }
    std::atomic<bool> stop{false};
    std::vector<std::vector<double>> timings(static_cast<std::size_t>(clients));
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            sqlite3* db = nullptr;
            sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
            sqlite3_stmt* statement = nullptr;
            sqlite3_prepare_v2(db,
                               "SELECT v.id, v.doc FROM video_search JOIN videos v ON v.seq = "
                               "video_search.rowid WHERE video_search MATCH ?1 ORDER BY "
                               "bm25(video_search, 10.0, 4.0, 2.0, 2.0, 1.0) LIMIT 15",
                               -1, &statement, nullptr);
            std::size_t i = static_cast<std::size_t>(c) * 7919;
            while (!stop) {
                const auto& match = matches[i++ % matches.size()];
                auto started = Clock::now();
                sqlite3_bind_text(statement, 1, match.c_str(), -1, SQLITE_TRANSIENT);
                while (sqlite3_step(statement) == SQLITE_ROW) {
                }
                sqlite3_reset(statement);
                timings[static_cast<std::size_t>(c)].push_back(
                    std::chrono::duration<double, std::milli>(Clock::now() - started).count());
            }
            sqlite3_finalize(statement);
            sqlite3_close(db);
        });
    }
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    stop = true;
    for (auto& thread : threads) thread.join();
    std::vector<double> all;
    for (const auto& t : timings) all.insert(all.end(), t.begin(), t.end());
    std::printf("%.0f\t%.2fms\t%.2fms\n", static_cast<double>(all.size()) / seconds,
                percentile(all, 0.5), percentile(all, 0.99));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() == 4 && args[0] == "load") return load(args[1], args[2], std::stoll(args[3]));
    if (args.size() == 4 && args[0] == "latency")
        return latency(args[1], args[2], std::stoi(args[3]));
    if (args.size() == 2 && args[0] == "queries") return queries(std::stoi(args[1]));
    if (args.size() == 5 && args[0] == "fts5")
        return fts5(args[1], args[2], std::stoi(args[3]), std::stoi(args[4]));
    std::fprintf(stderr, "usage: see the comment at the top of catalog_api_bench.cpp\n");
    return 2;
}
