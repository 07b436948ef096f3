#pragma once

#include <boost/json/object.hpp>

#include "../domain/cast_member.hpp"
#include "../domain/category.hpp"
#include "../domain/genre.hpp"
#include "../domain/video.hpp"

namespace codeflix::catalog_admin::app {

/// The public JSON form of each aggregate (what the API returns).
boost::json::object to_json(const domain::Category& category);
boost::json::object to_json(const domain::Genre& genre);
boost::json::object to_json(const domain::CastMember& member);
boost::json::object to_json(const domain::Video& video);

}  // namespace codeflix::catalog_admin::app
