-- wrk driver for bench/run.sh: POST the body in $BODY_FILE with the API key (or token) from the environment.
-- With $DELAY_MS set, each connection waits that long before each request (a bounded, lower rate).
local file = assert(io.open(os.getenv("BODY_FILE"), "r"))
local body = file:read("*a")
file:close()
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")

wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = os.getenv("CONTENT_TYPE") or "application/json"
-- With $BEARER_TOKEN set, the token is sent instead of the API key (sending both would be refused).
local token = os.getenv("BEARER_TOKEN")
if token then
  wrk.headers["Authorization"] = "Bearer " .. token
else
  wrk.headers["api-key"] = os.getenv("SERVICE_KEY")
  wrk.headers["api-secret"] = os.getenv("SERVICE_SECRET")
end

function delay()
  return delay_ms
end

local statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
