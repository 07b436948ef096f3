#include "plan_repository.hpp"

#include <codeflix/core/text.hpp>
#include <codeflix/db/database.hpp>
#include <codeflix/db/query.hpp>

namespace codeflix::subscription::repositories {
namespace {

constexpr const char* kColumns =
    "SELECT id, name, description, price, currency, billing_interval, trial_days, max_streams, "
    "max_quality, active, version, created_at, updated_at FROM plans ";
constexpr const char* kFind = "WHERE id = :id";
constexpr const char* kActive = "WHERE active = 1 ORDER BY price, name_key";
constexpr const char* kPage =
    "WHERE name_key LIKE :pattern ESCAPE '\\' "
    "ORDER BY {order}, id LIMIT :limit OFFSET :offset";
constexpr const char* kCount =
    "SELECT COUNT(*) FROM plans WHERE name_key LIKE :pattern ESCAPE '\\'";
constexpr const char* kNameTaken =
    "SELECT COUNT(*) FROM plans WHERE name_key = :name_key AND id <> :id";
constexpr const char* kInsert =
    "INSERT INTO plans (id, name, name_key, description, price, currency, billing_interval, "
    "trial_days, max_streams, max_quality, active, version, created_at, updated_at) VALUES (:id, "
    ":name, :name_key, :description, :price, :currency, :interval, :trial_days, :max_streams, "
    ":max_quality, :active, :version, :created_at, :updated_at)";
constexpr const char* kUpdate =
    "UPDATE plans SET name = :name, name_key = :name_key, description = :description, price = "
    ":price, currency = :currency, billing_interval = :interval, trial_days = :trial_days, "
    "max_streams = :max_streams, max_quality = :max_quality, active = :active, version = "
    ":version, updated_at = :updated_at WHERE id = :id AND version = :expected";

domain::Plan read(const soci::row& row) {
    domain::Plan plan;
    plan.id = db::get_text(row, 0);
    plan.name = db::get_text(row, 1);
    plan.description = db::get_text(row, 2);
    plan.price = db::get_int64(row, 3);
    plan.currency = db::get_text(row, 4);
    plan.interval = db::get_text(row, 5);
    plan.trial_days = static_cast<int>(db::get_int64(row, 6));
    plan.max_streams = static_cast<int>(db::get_int64(row, 7));
    plan.max_quality = db::get_text(row, 8);
    plan.active = db::get_int64(row, 9) != 0;
    plan.version = db::get_int64(row, 10);
    plan.created_at = db::get_text(row, 11);
    plan.updated_at = db::get_text(row, 12);
    return plan;
}

db::Params params_of(const domain::Plan& plan) {
    db::Params params;
    params.set("id", plan.id)
        .set("name", plan.name)
        .set("name_key", core::casefold(plan.name))
        .set("description", plan.description)
        .set("price", plan.price)
        .set("currency", plan.currency)
        .set("interval", plan.interval)
        .set("trial_days", plan.trial_days)
        .set("max_streams", plan.max_streams)
        .set("max_quality", plan.max_quality)
        .set("active", plan.active)
        .set("version", plan.version)
        .set("updated_at", plan.updated_at);
    return params;
}

std::vector<domain::Plan> query(soci::session& session, const std::string& sql, db::Params params) {
    std::vector<domain::Plan> plans;
    db::for_each_row(session, sql, std::move(params),
                     [&](const soci::row& row) { plans.push_back(read(row)); });
    return plans;
}

}  // namespace

std::optional<domain::Plan> PlanRepository::find(soci::session& session, const std::string& id) {
    auto plans = query(session, std::string(kColumns) + kFind, db::Params().set("id", id));
    if (plans.empty()) return std::nullopt;
    return plans.front();
}

std::vector<domain::Plan> PlanRepository::active(soci::session& session) {
    return query(session, std::string(kColumns) + kActive, {});
}

std::vector<domain::Plan> PlanRepository::list(soci::session& session, const http::Page& page,
                                               std::int64_t& total) {
    std::string q = core::casefold(page.q);
    std::string pattern = "%" + db::escape_like(q) + "%";
    total = db::query_int(session, kCount, db::Params().set("pattern", pattern));
    std::string order = page.sort == "price"        ? "price"
                        : page.sort == "created_at" ? "created_at"
                                                    : "name_key";
    order += page.descending ? " DESC" : " ASC";
    db::Params params;
    params.set("pattern", pattern)
        .set("limit", page.per_page)
        .set("offset", static_cast<std::int64_t>(page.page - 1) * page.per_page);
    return query(session, db::fill(std::string(kColumns) + kPage, "order", order),
                 std::move(params));
}

bool PlanRepository::name_taken(soci::session& session, const std::string& name,
                                const std::string& except_id) {
    return db::query_int(session, kNameTaken,
                         db::Params().set("name_key", core::casefold(name)).set("id", except_id)) >
           0;
}

void PlanRepository::insert(soci::session& session, const domain::Plan& plan) {
    auto params = params_of(plan);
    params.set("created_at", plan.created_at);
    db::execute(session, kInsert, std::move(params));
}

bool PlanRepository::update(soci::session& session, const domain::Plan& plan,
                            std::int64_t expected) {
    auto params = params_of(plan);
    params.set("expected", expected);
    return db::execute(session, kUpdate, std::move(params)) == 1;
}

}  // namespace codeflix::subscription::repositories
