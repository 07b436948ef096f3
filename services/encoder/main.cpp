#include <codeflix/service/service.hpp>
#include <codeflix/storage/settings.hpp>
#include <filesystem>
#include <iostream>
#include <string_view>

#include "src/app/job_runner.hpp"
#include "src/app/print_command.hpp"

const std::vector<codeflix::db::Migration>& codeflix_embedded_migrations();
extern const char* codeflix_encoder_openapi();

int main(int argc, char** argv) {
    if (argc > 1 && std::string_view(argv[1]) == "command")
        return codeflix::encoder::app::print_command(argc, argv);
    if (argc > 1) {
        std::cerr << "usage: codeflix-encoder [command INPUT OUTPUT_DIR [--ladder-only]]\n";
        return 2;
    }
    using namespace codeflix;
    std::unique_ptr<storage::ObjectStore> store;
    std::unique_ptr<encoder::app::JobRunner> runner;
    return service::run_main("encoder", 8085, [&](service::Service& service) {
        const auto& config = service.config();
        encoder::app::RunnerSettings settings;
        settings.jobs = static_cast<int>(config.integer("JOBS", 1, 1, 64));
        settings.scratch = config.string("SCRATCH", "var/scratch/encoder");
        settings.ffmpeg = config.string("FFMPEG", "ffmpeg");
        settings.encode.preset = config.string("PRESET", "veryfast");
        if (!encoder::domain::is_x264_preset(settings.encode.preset))
            throw std::invalid_argument(
                "CODEFLIX_ENCODER_PRESET must be an x264 preset "
                "(ultrafast ... placebo), not '" +
                settings.encode.preset + "'");
        settings.encode.threads = static_cast<int>(config.integer("THREADS", 0, 0, 256));
        settings.lease = std::chrono::seconds(config.integer("LEASE_SECONDS", 60, 5, 3600));
        settings.max_attempts = 1 + static_cast<int>(config.integer("JOB_RETRIES", 5, 0, 20));
        settings.first_retry_delay =
            std::chrono::milliseconds(config.integer("JOB_RETRY_DELAY_MS", 1000, 10, 3600000));
        auto& database = service.open_database(codeflix_embedded_migrations());
        auto& outbox = service.publish_outbox();
        store = storage::open_store(storage::storage_settings(config));
        runner = std::make_unique<encoder::app::JobRunner>(database, *store, settings,
                                                           [&outbox] { outbox.notify(); });
        runner->subscribe(service.consume("jobs", {"codeflix.catalog.video.media_uploaded.v1"}));
        service.add_worker([&r = *runner] { r.start(); }, [&r = *runner] { r.stop(); });
        service.add_readiness_check("scratch", [dir = settings.scratch] {
            std::error_code ec;
            return std::filesystem::is_directory(dir, ec);
        });
        service.router().get("/api/encoder/openapi.yaml", [](http::Request&) {
            http::Response response;
            response.headers.set("Content-Type", "application/yaml");
            response.body = codeflix_encoder_openapi();
            return response;
        });
    });
}
