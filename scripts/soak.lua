-- wrk driver for scripts/soak.sh: POST /entity with a different IP each request, count answers by status.
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  accepted, rejected, other = 0, 0, 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["api-key"] = os.getenv("SERVICE_KEY")
  wrk.headers["api-secret"] = os.getenv("SERVICE_SECRET")
end

function request()
  counter = counter + 1
  local ip = string.format("198.%d.%d.%d", 18 + (id % 2), math.floor(counter / 250) % 250 + 1, counter % 250 + 1)
  return wrk.format(nil, nil, nil, '{"type":"ip","attributes":{"ip":"' .. ip .. '"},"tags":["soak"]}')
end

function response(status, headers, body)
  if status == 202 then
    accepted = accepted + 1
  elseif status == 503 then
    rejected = rejected + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local a, r, o = 0, 0, 0
  for _, thread in ipairs(threads) do
    a = a + thread:get("accepted")
    r = r + thread:get("rejected")
    o = o + thread:get("other")
  end
  io.write(string.format("SOAK accepted=%d rejected=%d other=%d\n", a, r, o))
end
