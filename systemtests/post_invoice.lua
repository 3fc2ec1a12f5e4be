-- wrk script: every request posts the seed CII invoice with a new invoice number (BT-1) and Idempotency-Key,
-- so that each accepted request makes a new invoice (202), never an idempotent replay (200).
-- Set by load_test.py through the environment: PASSERELLE_KEY, PASSERELLE_TEMPLATE (file with "{{NUMBER}}").
local key = os.getenv("PASSERELLE_KEY")
local template_path = os.getenv("PASSERELLE_TEMPLATE")
local run = os.getenv("PASSERELLE_RUN") or tostring(os.time())
local file = assert(io.open(template_path, "rb"))
local template = file:read("*a")
file:close()
local counter = 0
-- Global, not local: setup() runs in wrk's main Lua state and thread:set() writes a global of each thread's state.
thread_id = 0
local statuses = {}

local threads_made = 0

function setup(thread)
  threads_made = threads_made + 1
  thread:set("thread_id", threads_made)
end

function init(args)
  counter = 0
end

function request()
  counter = counter + 1
  local number = "LOAD-" .. run .. "-" .. thread_id .. "-" .. counter
  local body = template:gsub("{{NUMBER}}", number)
  local headers = {}
  headers["Authorization"] = "Bearer " .. key
  headers["Content-Type"] = "application/xml"
  headers["Idempotency-Key"] = number
  return wrk.format("POST", "/v1/invoices", headers, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status ~= 202 and (statuses[status] == 1) then
    io.stderr:write("unexpected status " .. status .. ": " .. body:sub(1, 300) .. "\n")
  end
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d seconds=%.3f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f errors_status=%d errors_connect=%d errors_timeout=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, summary.errors.status, summary.errors.connect, summary.errors.timeout))
end
