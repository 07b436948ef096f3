#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

namespace codeflix::catalog_api::domain {

/// What the public catalog shows of a video's media (catalog-admin's `media` object): for each
/// image kind (thumbnail, thumbnail_half, banner) its public URL and size, or null; for video and
/// trailer whether it is ready, its duration, poster and rendition heights. Manifest paths stay
/// out: playback sessions hand out signed URLs.
boost::json::object public_media(const boost::json::value* media);

}  // namespace codeflix::catalog_api::domain
