-- wrk script: POSTs the documented CRM insert callback (zoho-api.md §4.3) with a new record id and
-- server_time per request, so every request is a distinct change (distinct event id) for the gateway.
local counter = 0
local tid = 0
local threads = 0
local token = os.getenv("BENCH_CRM_TOKEN") or "sandbox-crm-channel-token"

-- each wrk thread numbers its records in its own range
setup = function(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

init = function(args)
  tid = tonumber(wrk.thread:get("tid")) or 0
end

request = function()
  counter = counter + 1
  local id = string.format("5725767%d%011d", tid, counter)
  local body = '{"server_time":' .. (1718117126473 + counter) .. ',"query_params":{},"module":"Leads",'
    .. '"resource_uri":"https://www.zohoapis.com/crm/v2/Leads","ids":["' .. id .. '"],"affected_fields":[],'
    .. '"operation":"insert","channel_id":"1000000068001","token":"' .. token .. '"}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end

done = function(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("RESULT requests=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, non2xx,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
