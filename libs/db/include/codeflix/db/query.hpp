#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace codeflix::db {

/// Named parameters of one prepared statement, kept alive until it has run. Values are always
/// bound, never spliced into SQL text.
class Params {
  public:
    Params& set(std::string name, std::string value);
    /// Binds NULL when `value` is empty.
    Params& set(std::string name, std::optional<std::string> value);
    Params& set(std::string name, std::int64_t value);
    Params& set(std::string name, int value) {
        return set(std::move(name), static_cast<std::int64_t>(value));
    }
    Params& set(std::string name, bool value) {
        return set(std::move(name), static_cast<std::int64_t>(value ? 1 : 0));
    }
    Params& set(std::string name, const char* value) {
        return set(std::move(name), std::string(value));
    }

    /// Binds each value as :<prefix>0, :<prefix>1, ... and returns "(:<prefix>0, :<prefix>1, ...)"
    /// for an IN list (values must not be empty).
    std::string list(std::string_view prefix, const std::vector<std::string>& values);

    void bind(soci::details::prepare_temp_type& prepared);

  private:
    struct Text {
        std::string name;
        std::string value;
        soci::indicator indicator;
    };
    struct Integer {
        std::string name;
        long long value;
    };
    std::deque<Text> texts_;
    std::deque<Integer> integers_;
};

/// Runs a statement; returns the number of rows it changed.
std::int64_t execute(soci::session& session, std::string_view sql, Params params = {});

/// Calls `on_row` for each row of a query.
void for_each_row(soci::session& session, std::string_view sql, Params params,
                  const std::function<void(const soci::row&)>& on_row);

/// The first column of the first row as an integer (0 when there is no row).
std::int64_t query_int(soci::session& session, std::string_view sql, Params params = {});

/// Replaces every `{name}` in a SQL template (for generated IN lists and whitelisted ORDER BY
/// fragments only; never for values).
std::string fill(std::string_view sql_template, std::string_view name, std::string_view text);

}  // namespace codeflix::db
