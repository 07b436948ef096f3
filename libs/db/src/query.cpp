#include <codeflix/db/database.hpp>
#include <codeflix/db/query.hpp>
#include <stdexcept>

namespace codeflix::db {

Params& Params::set(std::string name, std::string value) {
    texts_.push_back({std::move(name), std::move(value), soci::i_ok});
    return *this;
}

Params& Params::set(std::string name, std::optional<std::string> value) {
    bool present = value.has_value();
    texts_.push_back({std::move(name), present ? std::move(*value) : std::string(),
                      present ? soci::i_ok : soci::i_null});
    return *this;
}

Params& Params::set(std::string name, std::int64_t value) {
    integers_.push_back({std::move(name), static_cast<long long>(value)});
    return *this;
}

std::string Params::list(std::string_view prefix, const std::vector<std::string>& values) {
    if (values.empty()) throw std::invalid_argument("an IN list needs at least one value");
    std::string text = "(";
    for (std::size_t i = 0; i < values.size(); ++i) {
        std::string name = std::string(prefix) + std::to_string(i);
        if (i) text += ", ";
        text += ":" + name;
        set(std::move(name), values[i]);
    }
    return text + ")";
}

void Params::bind(soci::details::prepare_temp_type& prepared) {
    for (auto& p : texts_) prepared, soci::use(p.value, p.indicator, p.name);
    for (auto& p : integers_) prepared, soci::use(p.value, p.name);
}

std::int64_t execute(soci::session& session, std::string_view sql, Params params) {
    soci::details::prepare_temp_type prepared = (session.prepare << sql);
    params.bind(prepared);
    soci::statement statement(prepared);
    statement.execute(true);
    return statement.get_affected_rows();
}

void for_each_row(soci::session& session, std::string_view sql, Params params,
                  const std::function<void(const soci::row&)>& on_row) {
    soci::details::prepare_temp_type prepared = (session.prepare << sql);
    params.bind(prepared);
    soci::rowset<soci::row> rows(prepared);
    for (const auto& row : rows) on_row(row);
}

std::int64_t query_int(soci::session& session, std::string_view sql, Params params) {
    std::int64_t value = 0;
    bool first = true;
    for_each_row(session, sql, std::move(params), [&](const soci::row& row) {
        if (first) value = get_int64(row, 0);
        first = false;
    });
    return value;
}

std::string fill(std::string_view sql_template, std::string_view name, std::string_view text) {
    std::string key = "{" + std::string(name) + "}";
    std::string out;
    std::size_t start = 0;
    for (auto pos = sql_template.find(key); pos != std::string_view::npos;
         pos = sql_template.find(key, start)) {
        out.append(sql_template.substr(start, pos - start));
        out.append(text);
        start = pos + key.size();
    }
    if (start == 0) throw std::invalid_argument("SQL template has no " + key);
    out.append(sql_template.substr(start));
    return out;
}

}  // namespace codeflix::db
