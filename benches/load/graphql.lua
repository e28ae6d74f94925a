-- wrk script: POSTs the GraphQL query in the file named by QUERY_FILE to /graphql.
local file = assert(io.open(os.getenv("QUERY_FILE"), "r"))
local query = file:read("*a")
file:close()
local escaped = query:gsub("\\", "\\\\"):gsub('"', '\\"'):gsub("\n", "\\n")
wrk.method = "POST"
wrk.path = "/graphql"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"query":"' .. escaped .. '"}'

-- Count answers that are not HTTP 200 or that carry GraphQL errors.
local failures = 0
function response(status, headers, body)
  if status ~= 200 or body:find('"errors"') then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("failures: %d\n", failures))
end
