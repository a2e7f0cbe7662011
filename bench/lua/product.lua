-- GET /api/products/{id}, anonymous.
dofile((debug.getinfo(1, "S").source:match("@(.*/)") or "./") .. "common.lua")
request = function() return wrk.format("GET", "/api/products/" .. math.random(1, PRODUCTS)) end
