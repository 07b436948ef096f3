-- wrk script of bench/subscription: POST /api/catalog/videos/$VIDEO_ID/playback, each request
-- as the next viewer of $TOKENS (one access token per line), round-robin.
local requests = {}
local i = 0

init = function(args)
  local path = "/api/catalog/videos/" .. os.getenv("VIDEO_ID") .. "/playback"
  for token in io.lines(os.getenv("TOKENS")) do
    requests[#requests + 1] = wrk.format("POST", path, {
      ["Authorization"] = "Bearer " .. token,
      ["Content-Type"] = "application/json",
    }, "{}")
  end
end

request = function()
  i = i + 1
  return requests[(i % #requests) + 1]
end
