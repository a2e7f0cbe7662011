-- The ceiling server answers every path with the same page; the paths match the catalog scenario's.
dofile((debug.getinfo(1, "S").source:match("@(.*/)") or "./") .. "common.lua")
request = function() return wrk.format("GET", catalog_path()) end
