#include <curl/curl.h>

#include <codeflix/http/client.hpp>
#include <mutex>

namespace codeflix::http {
namespace {

void global_init() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
    std::string_view line(data, size * count);
    auto* headers = static_cast<Headers*>(user);
    if (line.starts_with("HTTP/")) {
        *headers = Headers{};  // a new response (after 100 Continue or a redirect)
        return size * count;
    }
    auto colon = line.find(':');
    if (colon != std::string_view::npos) {
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
            value.remove_prefix(1);
        while (!value.empty() &&
               (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
            value.remove_suffix(1);
        headers->add(line.substr(0, colon), std::string(value));
    }
    return size * count;
}

}  // namespace

struct Client::Impl {
    std::string base_url;
    std::chrono::milliseconds timeout{0};
    CURL* curl = nullptr;
};

Client::Client(std::string base_url, std::chrono::milliseconds timeout)
    : impl_(std::make_unique<Impl>()) {
    global_init();
    impl_->base_url = std::move(base_url);
    impl_->timeout = timeout;
    impl_->curl = curl_easy_init();
}

Client::~Client() {
    if (impl_->curl) curl_easy_cleanup(impl_->curl);
}

core::Result<ClientResponse> Client::request(std::string_view method, std::string_view path,
                                             std::string_view body, const Headers& headers) {
    CURL* curl = impl_->curl;
    curl_easy_reset(curl);
    std::string url = impl_->base_url + std::string(path);
    std::string method_text(method);
    ClientResponse response;
    curl_slist* header_list = nullptr;
    for (const auto& [name, value] : headers) {
        std::string line = name;
        line += ": ";
        line += value;
        header_list = curl_slist_append(header_list, line.c_str());
    }
    header_list = curl_slist_append(header_list, "Expect:");
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method_text.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, header_list);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(impl_->timeout.count()));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);
    if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    }
    if (method == "HEAD") curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    CURLcode code = curl_easy_perform(curl);
    curl_slist_free_all(header_list);
    if (code != CURLE_OK) {
        return core::Error::unavailable(std::string(method) + " " + url + ": " +
                                        curl_easy_strerror(code));
    }
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    response.status = static_cast<int>(status);
    return response;
}

}  // namespace codeflix::http
