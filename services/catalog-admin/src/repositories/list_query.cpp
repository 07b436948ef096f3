#include "list_query.hpp"

#include <codeflix/core/text.hpp>
#include <codeflix/db/database.hpp>
#include <codeflix/db/query.hpp>

namespace codeflix::catalog_admin::repositories {
namespace {

constexpr std::string_view kLiveCondition = " WHERE t.deleted_at IS NULL";
constexpr std::string_view kSearchCondition = " LIKE :q ESCAPE '\\'";
constexpr std::string_view kPageClause = " LIMIT :limit OFFSET :offset";

/// The WHERE clause and its parameters, shared by the page query and the count.
std::string where_clause(const ListSpec& spec, const ListRequest& request, db::Params& params) {
    std::string where(kLiveCondition);
    if (!request.q.empty()) {
        where += " AND ";
        where += spec.search_column;
        where += kSearchCondition;
        params.set("q", "%" + db::escape_like(core::search_fold(request.q)) + "%");
    }
    for (const auto& [name, value] : request.filters) {
        for (const auto& filter : spec.filters) {
            if (filter.name != name) continue;
            where += " AND ";
            where += filter.condition;
            if (filter.kind == FilterKind::integer)
                params.set(name, static_cast<std::int64_t>(std::stoll(value)));
            else if (filter.kind == FilterKind::boolean)
                params.set(name, value == "true");
            else
                params.set(name, value);
        }
    }
    return where;
}

}  // namespace

std::int64_t run_list(soci::session& session, const ListSpec& spec, const ListRequest& request,
                      const std::function<void(const soci::row&)>& on_row) {
    db::Params count_params;
    std::string where = where_clause(spec, request, count_params);
    std::int64_t total =
        db::query_int(session, std::string(spec.count) + where, std::move(count_params));
    if (total == 0) return 0;

    db::Params params;
    where_clause(spec, request, params);
    std::string_view expression = spec.default_sort;
    for (const auto& [field, expr] : spec.sorts) {
        if (field == request.sort) expression = expr;
    }
    std::string direction = request.descending ? " DESC" : " ASC";
    std::string sql = std::string(spec.select) + where + " ORDER BY " + std::string(expression) +
                      direction + ", t.id" + direction + std::string(kPageClause);
    params.set("limit", request.per_page);
    params.set("offset", static_cast<std::int64_t>(request.page - 1) * request.per_page);
    db::for_each_row(session, sql, std::move(params), on_row);
    return total;
}

}  // namespace codeflix::catalog_admin::repositories
