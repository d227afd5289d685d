-- The CRM insert callback of crm-notification.lua, with each connection pausing 20 ms before each request:
-- 20 connections then offer at most 1,000 requests/s (a little less, as each answer's latency adds to it).
dofile("webhook-gateway/bench/crm-notification.lua")

delay = function()
  return 20
end
