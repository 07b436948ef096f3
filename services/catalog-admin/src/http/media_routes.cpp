#include "media_routes.hpp"

#include <boost/json/serialize.hpp>
#include <codeflix/core/uuid.hpp>
#include <codeflix/http/problem.hpp>

#include "../app/representations.hpp"
#include "support.hpp"

namespace codeflix::catalog_admin::http_api {

void add_media_routes(http::Router& router, db::Database& database,
                      const app::MediaService& service, const std::function<void()>& written) {
    const std::string base = "/api/admin/videos/{id}/media/{kind}/uploads";
    router.post(base, [&database, &service](Request& request) {
        auto id = path_id(request);
        if (!id) return http::problem(id.error());
        auto body = json_object_body(request);
        if (!body) return http::problem(body.error());
        std::string kind(request.path_param("kind"));
        return run_write(database, request, [&](soci::session& s) -> core::Result<Response> {
            auto ticket = service.create_upload(s, *id, kind, *body);
            if (!ticket) return ticket.error();
            Response response = Response::json(201, boost::json::serialize(*ticket));
            response.headers.set("Cache-Control", "no-store");
            return response;
        });
    });
    router.get("/api/admin/videos/{id}/media/{kind}/preview", [&database,
                                                               &service](Request& request) {
        auto id = path_id(request);
        if (!id) return http::problem(id.error());
        std::string kind(request.path_param("kind"));
        auto urls =
            database.with_session([&](soci::session& s) { return service.preview(s, *id, kind); });
        if (!urls) return http::problem(urls.error());
        Response response = Response::json(200, boost::json::serialize(*urls));
        response.headers.set("Cache-Control", "no-store");
        return response;
    });
    router.post(base + "/{upload_id}/complete", [&database, &service, &written](Request& request) {
        auto id = path_id(request);
        if (!id) return http::problem(id.error());
        auto upload_id = core::canonical_uuid(request.path_param("upload_id"));
        if (!upload_id)
            return http::problem(core::Error::invalid("The upload id in the path is not a UUID",
                                                      {{"upload_id", "must be a UUID"}}));
        auto done = service.complete_upload(database, *id, request.path_param("kind"), *upload_id);
        if (!done) return http::problem(done.error());
        if (written) written();
        if (!done->accepted)
            return http::problem(core::Error::unprocessable("The file was refused: " + done->reason,
                                                            {{"file", done->reason}}));
        return entity_response(200, app::to_json(done->video), done->video.meta.version);
    });
}

}  // namespace codeflix::catalog_admin::http_api
