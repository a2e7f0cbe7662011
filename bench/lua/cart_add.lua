-- POST /api/cart/items: a seeded user adds one unit of an in-stock product.
dofile((debug.getinfo(1, "S").source:match("@(.*/)") or "./") .. "common.lua")
local sessions
init = function(args)
  sessions = read_lines("sessions.txt")
  math.randomseed(100 + (thread_id or 1))
end
request = function()
  return wrk.format("POST", "/api/cart/items", { ["Cookie"] = "SID=" .. sessions[math.random(#sessions)],
    ["Content-Type"] = "application/json" }, '{"productId":' .. in_stock_product() .. ',"quantity":1}')
end
