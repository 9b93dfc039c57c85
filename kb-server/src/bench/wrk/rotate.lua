-- wrk script: rotates through request paths read from a file, with the bearer token from REPLYBOOK_ADMIN_TOKEN.
--   wrk -t2 -c16 -d15s -s rotate.lua http://127.0.0.1:18080 -- search.paths          (GET)
--   wrk -t2 -c16 -d15s -s rotate.lua http://127.0.0.1:18080 -- render.paths '{…}'   (POST with that JSON body)
-- Prints one machine-readable line at the end: "RESULT rps=… p50=…ms p90=… p99=… p999=… max=… errors=…".

local paths = {}
local next_index = 1
local method, body
local headers = {}
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  assert(#paths > 0, "no paths in " .. args[1])
  headers["Authorization"] = "Bearer " .. assert(os.getenv("REPLYBOOK_ADMIN_TOKEN"), "set REPLYBOOK_ADMIN_TOKEN")
  if args[2] then
    method, body = "POST", args[2]
    headers["Content-Type"] = "application/json"
  else
    method = "GET"
  end
  -- each thread starts at another place in the list, so threads do not ask the same thing in lockstep
  next_index = (id * 7919) % #paths + 1
end

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format(method, path, headers, body)
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format(
      "RESULT rps=%.1f p50=%.2fms p90=%.2fms p99=%.2fms p999=%.2fms max=%.2fms requests=%d errors=%d non2xx=%d\n",
      summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
      latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000, summary.requests,
      errors, summary.errors.status))
end
