#include "service_process.hpp"

namespace codeflix::catalog_admin::testing {

std::string CatalogAdminTest::create(std::string_view path, std::string_view body) {
    auto reply = post(path, body);
    EXPECT_EQ(reply.status, 201) << path << " " << body << " -> " << reply.body;
    return reply.text("id");
}

std::string CatalogAdminTest::create_category(std::string_view name) {
    return create("/api/admin/categories", R"({"name":")" + std::string(name) + R"("})");
}

std::string CatalogAdminTest::create_genre(std::string_view name,
                                           const std::vector<std::string>& categories) {
    return create("/api/admin/genres", R"({"name":")" + std::string(name) +
                                           R"(","categories_id":)" + ids(categories) + "}");
}

std::string CatalogAdminTest::create_cast_member(std::string_view name, std::string_view type) {
    return create("/api/admin/cast-members", R"({"name":")" + std::string(name) + R"(","type":")" +
                                                 std::string(type) + R"("})");
}

std::string ids(const std::vector<std::string>& values) {
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ",\"" : "\"") + values[i] + "\"";
    return out + "]";
}

}  // namespace codeflix::catalog_admin::testing
