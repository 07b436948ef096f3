#pragma once

#include <boost/json/array.hpp>
#include <codeflix/db/database.hpp>
#include <codeflix/http/problem.hpp>
#include <codeflix/http/router.hpp>
#include <functional>
#include <string>

#include "../app/representations.hpp"
#include "support.hpp"

namespace codeflix::catalog_admin::http_api {

/// Calls `written` (which wakes the outbox relay) after a write committed.
inline Response after_commit(const std::function<void()>& written, Response response) {
    if (response.status < 300 && written) written();
    return response;
}

/// Registers list, create, get, replace, patch and delete of one aggregate under `base`
/// (e.g. "/api/admin/categories"). `service` is an app::CrudService and `written` a callback run
/// after each committed write; both must outlive the router.
template <class Service>
void add_crud_routes(http::Router& router, db::Database& database, const Service& service,
                     const std::string& base, const std::function<void()>& written) {
    using app::to_json;
    using domain::WriteMode;
    router.get(base, [&database, &service](Request& request) {
        auto list = list_request(request, Service::list_spec());
        if (!list) return http::problem(list.error());
        auto page = database.with_session([&](soci::session& s) { return service.list(s, *list); });
        boost::json::array data;
        for (const auto& item : page.items) data.push_back(to_json(item));
        return list_response(std::move(data), *list, page.total);
    });
    router.post(base, [&database, &service, &written, base](Request& request) {
        auto body = json_object_body(request);
        if (!body) return http::problem(body.error());
        return after_commit(
            written, run_write(database, request, [&](soci::session& s) -> core::Result<Response> {
                auto created = service.create(s, *body);
                if (!created) return created.error();
                Response response = entity_response(201, to_json(*created), created->meta.version);
                response.headers.set("Location", base + "/" + created->meta.id);
                return response;
            }));
    });
    router.get(base + "/{id}", [&database, &service](Request& request) {
        auto id = path_id(request);
        if (!id) return http::problem(id.error());
        auto found = database.with_session([&](soci::session& s) { return service.get(s, *id); });
        if (!found) return http::problem(found.error());
        return entity_response(200, to_json(*found), found->meta.version);
    });
    for (auto mode : {WriteMode::replace, WriteMode::patch}) {
        router.add(
            mode == WriteMode::replace ? "PUT" : "PATCH", base + "/{id}",
            [&database, &service, &written, mode](Request& request) {
                auto id = path_id(request);
                if (!id) return http::problem(id.error());
                auto body = json_object_body(request);
                if (!body) return http::problem(body.error());
                auto expected = if_match_version(request);
                return after_commit(
                    written,
                    run_write(database, request, [&](soci::session& s) -> core::Result<Response> {
                        auto updated = service.update(s, *id, *body, mode, expected);
                        if (!updated) return updated.error();
                        return entity_response(200, to_json(*updated), updated->meta.version);
                    }));
            });
    }
    router.del(base + "/{id}", [&database, &service, &written](Request& request) {
        auto id = path_id(request);
        if (!id) return http::problem(id.error());
        auto expected = if_match_version(request);
        return after_commit(
            written, run_write(database, request, [&](soci::session& s) -> core::Result<Response> {
                auto removed = service.remove(s, *id, expected);
                if (!removed) return removed.error();
                return Response::no_content();
            }));
    });
}

}  // namespace codeflix::catalog_admin::http_api
