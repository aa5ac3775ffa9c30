-- wrk script for the soak: plan API, report page and my.cnf import, in turn.
-- The report page is a new one each time (the host's RAM counts up), so the soak renders pages and
-- fills the page cache to its bound instead of copying one cached page.
-- Requests are built in init(): at load time wrk has not set the Host header yet.
local requests = {}
local i = 0
local n = 0

init = function(args)
  requests[1] = wrk.format("POST", "/api/v1/plan", {["Content-Type"] = "application/json"},
    '{"server":"mysql-8.0","hostRam":"16G","variables":{"max_connections":"500"},"expectedConnections":120}')
  requests[3] = wrk.format("POST", "/api/v1/plan?server=mariadb-10.11&hostRam=16G", {["Content-Type"] = "text/plain"},
    "[mysqld]\ninnodb_buffer_pool_size = 12G\nmax_connections = 500 # peak\nsort_buffer_size=4M\njoin_buffer_size=1M\n!includedir /etc/mysql/conf.d/\n")
end

request = function()
  i = i % 3 + 1
  if i == 2 then
    n = n + 1
    return wrk.format("GET", "/?server=mariadb-10.11&hostRam=" .. (8192 + n) .. "M&max_connections=300&sort_buffer_size=4M")
  end
  return requests[i]
end
