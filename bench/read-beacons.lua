-- wrk script: POSTs read beacons as article pages' scripts do (form-encoded id, a browser's User-Agent),
-- for random ids from a list, each connection waiting DELAY_MS between requests (0: as fast as it can).
-- Usage: wrk -s bench/read-beacons.lua http://127.0.0.1:8190 -- "12 13 14" [DELAY_MS]

function init(args)
  ids = {}
  for id in string.gmatch(args[1] or "", "%d+") do ids[#ids + 1] = id end
  assert(#ids > 0, "give the article ids after --, e.g. -- \"12 13 14\"")
  pause = tonumber(args[2] or "0")
  math.randomseed(os.time() * 100 + math.random(1000))
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded;charset=UTF-8"
  wrk.headers["User-Agent"] =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
  -- built once: formatting a request per call costs wrk more CPU than the server spends on it, and wrk
  -- shares the machine's cores with the server
  requests = {}
  for i, id in ipairs(ids) do requests[i] = wrk.format("POST", "/reads", nil, "id=" .. id) end
end

function request()
  return requests[math.random(#requests)]
end

function delay()
  return pause
end
