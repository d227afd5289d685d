-- The CRM insert callback of crm-notification.lua, with each connection pausing 20 ms before each request,
-- so N connections offer at most N / (20 ms + latency) requests/s: 30 connections (run.sh's default) reach about
-- 1,000/s at the gateway's 7 ms (27 reached 925/s: wrk's own timer adds a little to every pause).
dofile("webhook-gateway/bench/crm-notification.lua")

delay = function()
  return 20
end
