#pragma once

#include <soci/soci.h>

#include <boost/json/object.hpp>
#include <string_view>

#include "../repositories/job_repository.hpp"

namespace codeflix::encoder::events {

inline constexpr std::string_view kSource = "/encoder";

/// Writes `codeflix.encoder.media.<action>.v1` (progress, completed or failed) about `job` to
/// the outbox on the caller's session. `data` gets the job's video_id, kind, upload_id and
/// encoding_id added.
void record(soci::session& session, std::string_view action, const repositories::Job& job,
            boost::json::object data);

}  // namespace codeflix::encoder::events
