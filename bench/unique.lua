-- Appends a never-repeated parameter to every request so that each one misses
-- the page cache: measures the uncached path. The calculator ignores it.
local counter = 0
math.randomseed(os.time())
request = function()
  counter = counter + 1
  local path = wrk.path .. "&bench=" .. counter .. "-" .. math.random(1, 1000000000)
  return wrk.format(nil, path)
end
