#include "customer_repository.hpp"

#include <codeflix/core/text.hpp>
#include <codeflix/db/database.hpp>
#include <codeflix/db/query.hpp>

namespace codeflix::subscription::repositories {
namespace {

constexpr const char* kRegisteredUpdate =
    "UPDATE customers SET email = :email, search_key = :search_key, display_name = "
    ":display_name, registered_at = :registered_at, updated_at = :now WHERE user_id = :user_id";
constexpr const char* kInsert =
    "INSERT INTO customers (user_id, email, search_key, display_name, registered_at, created_at, "
    "updated_at) VALUES (:user_id, :email, :search_key, :display_name, :registered_at, "
    ":created_at, "
    ":updated_at)";
constexpr const char* kExists = "SELECT COUNT(*) FROM customers WHERE user_id = :user_id";
constexpr const char* kFind =
    "SELECT user_id, email, display_name, registered_at, created_at FROM customers WHERE "
    "user_id = :user_id";
// The newest subscription of each customer, joined once; `status` 'none' selects customers
// without any.
constexpr const char* kSubscribersFrom =
    "FROM customers c LEFT JOIN subscriptions s ON s.id = (SELECT id FROM subscriptions x WHERE "
    "x.user_id = c.user_id ORDER BY x.created_at DESC, x.id DESC LIMIT 1) WHERE 1 = 1 {where} ";
constexpr const char* kMatchesQuery = " AND c.search_key LIKE :pattern ESCAPE '\\'";
constexpr const char* kWithoutSubscription = " AND s.id IS NULL";
constexpr const char* kWithStatus = " AND s.status = :status";
constexpr const char* kSubscribersSelect =
    "SELECT c.user_id, c.email, c.display_name, c.registered_at, c.created_at, s.id, s.status, "
    "s.plan_name, s.current_period_end ";
constexpr const char* kSubscribersPage =
    "ORDER BY c.created_at {dir}, c.user_id {dir} LIMIT :limit OFFSET :offset";

std::string search_key(const Customer& customer) {
    return core::search_fold(customer.email + " " + customer.display_name);
}

/// The customer's fields; the caller adds the times its statement names.
db::Params params_of(const Customer& customer) {
    db::Params params;
    params.set("user_id", customer.user_id)
        .set("email", customer.email)
        .set("search_key", search_key(customer))
        .set("display_name", customer.display_name)
        .set("registered_at", customer.registered_at);
    return params;
}

db::Params insert_params(const Customer& customer, const std::string& now) {
    auto params = params_of(customer);
    params.set("created_at", now).set("updated_at", now);
    return params;
}

Customer read(const soci::row& row) {
    return {db::get_text(row, 0), db::get_text(row, 1), db::get_text(row, 2),
            db::get_optional_text(row, 3), db::get_text(row, 4)};
}

}  // namespace

void CustomerRepository::registered(soci::session& session, const Customer& customer,
                                    const std::string& now) {
    if (db::execute(session, kRegisteredUpdate, params_of(customer).set("now", now)) == 0)
        db::execute(session, kInsert, insert_params(customer, now));
}

void CustomerRepository::ensure(soci::session& session, const Customer& customer,
                                const std::string& now) {
    if (db::query_int(session, kExists, db::Params().set("user_id", customer.user_id)) == 0)
        db::execute(session, kInsert, insert_params(customer, now));
}

std::optional<Customer> CustomerRepository::find(soci::session& session,
                                                 const std::string& user_id) {
    std::optional<Customer> found;
    db::for_each_row(session, kFind, db::Params().set("user_id", user_id),
                     [&](const soci::row& row) { found = read(row); });
    return found;
}

std::vector<Subscriber> CustomerRepository::subscribers(soci::session& session,
                                                        const http::Page& page,
                                                        const std::string& status,
                                                        std::int64_t& total) {
    std::string q = core::search_fold(page.q);
    std::string where;
    if (!q.empty()) where += kMatchesQuery;
    if (status == "none") {
        where += kWithoutSubscription;
    } else if (!status.empty()) {
        where += kWithStatus;
    }
    auto filters = [&] {
        db::Params params;
        if (!q.empty()) params.set("pattern", "%" + db::escape_like(q) + "%");
        if (!status.empty() && status != "none") params.set("status", status);
        return params;
    };
    std::string from = db::fill(kSubscribersFrom, "where", where);
    total = db::query_int(session, "SELECT COUNT(*) " + from, filters());
    auto params = filters();
    params.set("limit", page.per_page)
        .set("offset", static_cast<std::int64_t>(page.page - 1) * page.per_page);
    std::vector<Subscriber> found;
    db::for_each_row(
        session,
        kSubscribersSelect + from +
            db::fill(kSubscribersPage, "dir",
                     page.descending || page.sort.empty() ? "DESC" : "ASC"),
        std::move(params), [&](const soci::row& row) {
            found.push_back({read(row), db::get_optional_text(row, 5),
                             db::get_optional_text(row, 6), db::get_optional_text(row, 7),
                             db::get_optional_text(row, 8)});
        });
    return found;
}

}  // namespace codeflix::subscription::repositories
