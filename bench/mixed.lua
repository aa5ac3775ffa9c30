-- wrk script for the soak: plan API, report page and my.cnf import, in turn
local requests = {}
requests[1] = wrk.format("POST", "/api/v1/plan", {["Content-Type"] = "application/json"},
  '{"server":"mysql-8.0","hostRam":"16G","variables":{"max_connections":"500"},"expectedConnections":120}')
requests[2] = wrk.format("GET", "/?server=mariadb-10.11&hostRam=8G&max_connections=300&sort_buffer_size=4M")
requests[3] = wrk.format("POST", "/api/v1/plan?server=mariadb-10.11&hostRam=16G", {["Content-Type"] = "text/plain"},
  "[mysqld]\ninnodb_buffer_pool_size = 12G\nmax_connections = 500 # peak\nsort_buffer_size=4M\njoin_buffer_size=1M\n!includedir /etc/mysql/conf.d/\n")
local i = 0
request = function()
  i = i % 3 + 1
  return requests[i]
end
response = function(status, headers, body)
  if status ~= 200 then
    wrk.thread:set("bad", (wrk.thread:get("bad") or 0) + 1)
  end
end
