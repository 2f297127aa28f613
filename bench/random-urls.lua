-- wrk script: every request asks for a random path from a file of paths, one a line.
-- Usage: wrk -s bench/random-urls.lua http://127.0.0.1:8091 -- DATA/bench-urls.txt
-- (bench-data writes DATA/bench-urls.txt: every published article's path.)

local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function init(args)
  local file = args[1] or os.getenv("BENCH_URLS")
  assert(file, "give the URL list after --, e.g. -- /tmp/data/bench-urls.txt")
  paths = {}
  for line in io.lines(file) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  assert(#paths > 0, "no paths in " .. file)
  math.randomseed(os.time() * 100 + (thread_id or 0))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
