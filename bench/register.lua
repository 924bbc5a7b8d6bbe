-- RegisterImage with a distinct tag every time. `-- groups` (the default): one image group per
-- wrk thread, so -t16 -c16 writes 16 groups; `-- spread`: each request of a thread the next of
-- 16 groups, whatever the threads (-t2 -c32 writes 16 groups too); `-- one`: every thread writes
-- the same group. The run's start time in the tag keeps the warm-up's tags and the measured run's apart.
local threads = 0
local mode = "groups"
function init(args)
  if args[1] then mode = args[1] end
end
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end
local counter = 0
local run = os.time()
function request()
  counter = counter + 1
  local group = tid
  if mode == "one" then
    group = 0
  elseif mode == "spread" then
    group = counter % 16
  end
  local body = string.format('{"swr_path":"swr.cn-north-4.myhuaweicloud.com/bench/write-%d:t%d-%d-%d"}',
      group, run, tid or 0, counter)
  return wrk.format("POST", nil, {["X-Auth-Token"] = "bench-token", ["Content-Type"] = "application/json"}, body)
end
