-- wrk's script for the closed-loop maximum (issue 5): one request after the other on each of
-- wrk's connections, as fast as the server answers.
--   WRK_LOOKUPS=lookups.tsv   POST /api/v1/persons/lookup with a random person of the file per request
--   WRK_PATH, WRK_BODY        otherwise: POST this body to this path (the search page)
--   WRK_METHOD                GET sends no body (the inbox pages; the path carries the query); default POST
--   WRK_HEADERS               extra headers, "Name: value" separated by "|"
--   WRK_COOKIES               a file of Cookie header values, one per logged-in user: each request takes the next (the placement pages)
--   WRK_LABEL                 what the summary line starts with (bench.sh parses it)
local bodies, headers, path = {}, {}, os.getenv("WRK_PATH") or "/api/v1/persons/lookup"
local method = os.getenv("WRK_METHOD") or "POST"
local cookies, turn = {}, 0

function init(args)
  local lookups = os.getenv("WRK_LOOKUPS")
  if lookups then
    for line in io.lines(lookups) do
      local pin = line:match("\t(%d+)")
      if pin then bodies[#bodies + 1] = '{"personalIdentityNumber":"' .. pin .. '"}' end
    end
    headers["Content-Type"] = "application/json"
  else
    bodies[1] = os.getenv("WRK_BODY") or ""
  end
  for header in string.gmatch(os.getenv("WRK_HEADERS") or "", "[^|]+") do
    local name, value = header:match("^%s*([^:]+):%s*(.*)$")
    if name then headers[name] = value end
  end
  local cookieFile = os.getenv("WRK_COOKIES")
  if cookieFile then
    for line in io.lines(cookieFile) do
      if line ~= "" then cookies[#cookies + 1] = line end
    end
  end
  math.randomseed(42 + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0) % 1000)
end

function request()
  if #cookies > 0 then
    turn = turn % #cookies + 1
    headers["Cookie"] = cookies[turn]
  end
  if method == "GET" then
    return wrk.format("GET", path, headers)
  end
  return wrk.format("POST", path, headers, bodies[math.random(#bodies)])
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("%s seconds=%.1f requests=%d errors=%d rps=%.1f p50=%.2fms p95=%.2fms p99=%.2fms max=%.2fms\n",
    os.getenv("WRK_LABEL") or "closed", seconds, summary.requests, e.connect + e.read + e.write + e.status + e.timeout,
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
