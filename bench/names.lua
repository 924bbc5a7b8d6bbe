-- ListImage of one of bench-project-0's groups, with a limit of 1 to 20, both picked at random
-- each time (`-- COUNT`: the project sees model-0, model-15, ... model-(15 * (COUNT - 1)), as
-- LoadData spreads groups over 5 projects and 3 workspaces). Some 20 x COUNT distinct pages, so
-- that most requests ask a page no cache holds: the miss path, beside images-first-page's one
-- page asked again and again.
local count = 100
local threads = 0
function init(args)
  if args[1] then count = tonumber(args[1]) end
end
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end
local seeded = false
function request()
  if not seeded then
    math.randomseed(1000 + (tid or 0))
    seeded = true
  end
  local path = string.format("%s?name=model-%d&name_fuzzy_match=false&limit=%d",
      wrk.path, 15 * math.random(0, count - 1), math.random(1, 20))
  return wrk.format("GET", path, {["X-Auth-Token"] = "bench-token"})
end
