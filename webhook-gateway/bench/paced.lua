-- The CRM insert callback of crm-notification.lua, with each connection pausing 20 ms before each request,
-- so N connections offer N / (20 ms + latency) requests/s: 27 connections (run.sh's default) about 1,000/s at 7 ms.
dofile("webhook-gateway/bench/crm-notification.lua")

delay = function()
  return 20
end
