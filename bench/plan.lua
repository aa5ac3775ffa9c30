-- wrk script: POST the API's example plan request
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"server":"mysql-8.0","hostRam":"16G","variables":{"max_connections":"500","sort_buffer_size":"4M"},"expectedConnections":120,"mysqlShare":0.85}'
