#include <codeflix/core/config.hpp>
#include <codeflix/core/log.hpp>
#include <codeflix/service/service.hpp>
#include <iostream>
#include <thread>

#include "src/app/bootstrap.hpp"

const std::vector<codeflix::db::Migration>& codeflix_embedded_migrations();

int main(int argc, char** argv) {
    using namespace codeflix::identity;
    // `codeflix-identity rotate-keys` and `ensure-admin` run once against the database and exit.
    if (argc > 1) return app::run_command(argc, argv, codeflix_embedded_migrations());
    std::unique_ptr<app::Identity> identity;
    return codeflix::service::run_main("identity", 8081, [&](codeflix::service::Service& service) {
        auto& database = service.open_database(codeflix_embedded_migrations());
        identity = app::Identity::wire(service, database);
        service.publish_outbox();
    });
}
