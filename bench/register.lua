-- RegisterImage with a distinct tag every time. `-- groups` (the default): one image group per
-- wrk thread, so -t16 -c16 writes 16 groups; `-- one`: every thread writes the same group. The
-- run's start time in the tag keeps the warm-up's tags and the measured run's apart.
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
  local group = mode == "one" and 0 or tid
  local body = string.format('{"swr_path":"swr.cn-north-4.myhuaweicloud.com/bench/write-%d:t%d-%d-%d"}',
      group, run, tid or 0, counter)
  return wrk.format("POST", nil, {["X-Auth-Token"] = "bench-token", ["Content-Type"] = "application/json"}, body)
end
