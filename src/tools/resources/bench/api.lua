-- wrk script of bench-api --client wrk: the same requests as its in-process client, from wrk's own process.
-- Usage: wrk -t2 -c16 -d10s -s api.lua http://localhost:PORT -- PATHS MODE
--   PATHS: a file of paths, one a line (each with its key); MODE: "same" (the paths in turn, the same answers
--   again), "unique" (in turn, each with a parameter the API ignores and no request asked before) or "random"
--   (a random path each time, with that parameter).
-- done() prints one line: WRK requests duration_us p50_us p99_us max_us errors.

local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  assert(#paths > 0, "no paths in " .. args[1])
  mode = args[2] or "same"
  n = 0
  math.randomseed(thread_id * 7919)
end

function request()
  n = n + 1
  if mode == "same" then
    return wrk.format("GET", paths[(n % #paths) + 1])
  elseif mode == "unique" then
    return wrk.format("GET", paths[(n % #paths) + 1] .. "&bench=" .. thread_id .. "-" .. n)
  end
  return wrk.format("GET", paths[math.random(#paths)] .. "&bench=" .. thread_id .. "-" .. n)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK %d %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), latency.max,
    e.connect + e.read + e.write + e.status + e.timeout))
end
