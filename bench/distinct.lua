-- wrk script: a report page never asked for before on every request (the host's RAM counts up in
-- MiB, odd on one wrk thread and even on the other), so the page cache cannot answer: every
-- request is a full plan and render. Compare with the repeat-permalink figure.
local threads = 0
local n = 0
local id = 0

setup = function(thread)
  thread:set("id", threads)
  threads = threads + 1
end

init = function(args)
  id = tonumber(wrk.thread:get("id")) or 0
end

request = function()
  n = n + 1
  return wrk.format("GET", "/?server=mysql-8.0&hostRam=" .. (16384 + 2 * n + id) .. "M&max_connections=500")
end
