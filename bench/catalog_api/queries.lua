-- wrk script of bench/catalog_api: cycles through the query set in $QUERIES, one path per line.
local paths = {}
for line in io.lines(os.getenv("QUERIES")) do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
