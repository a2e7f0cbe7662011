-- GET /api/products with filters, anonymous.
dofile((debug.getinfo(1, "S").source:match("@(.*/)") or "./") .. "common.lua")
request = function() return wrk.format("GET", catalog_path()) end
