-- RegisterImage with a distinct tag every time: one image group per wrk thread; the run's start
-- time in the tag keeps the warm-up's tags and the measured run's apart.
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end
local counter = 0
local run = os.time()
function request()
  counter = counter + 1
  local body = string.format('{"swr_path":"swr.cn-north-4.myhuaweicloud.com/bench/write-%d:t%d-%d"}', tid, run, counter)
  return wrk.format("POST", nil, {["X-Auth-Token"] = "bench-token", ["Content-Type"] = "application/json"}, body)
end
