-- A light catalog load beside the login storm: each connection waits 10 ms between its requests,
-- so it measures the latency shoppers see rather than adding to the storm.
dofile((debug.getinfo(1, "S").source:match("@(.*/)") or "./") .. "common.lua")
request = function() return wrk.format("GET", catalog_path()) end
delay = function() return 10 end
