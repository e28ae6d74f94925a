-- wrk script: POSTs the GraphQL query in the file named by QUERY_FILE to /graphql.
local file = assert(io.open(os.getenv("QUERY_FILE"), "r"))
local query = file:read("*a")
file:close()
local escaped = query:gsub("\\", "\\\\"):gsub('"', '\\"'):gsub("\n", "\\n")
wrk.method = "POST"
wrk.path = "/graphql"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"query":"' .. escaped .. '"}'

-- Count answers that are not HTTP 200 or that carry GraphQL errors. Each wrk thread runs its
-- own copy of this script, so every thread counts its own and done() (which runs in yet
-- another copy) adds up the threads' counts.
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

failures = 0
function response(status, headers, body)
  if status ~= 200 or body:find('"errors"') then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("failures")
  end
  io.write(string.format("failures: %d\n", total))
end
