-- A shop's mix: 50 % catalog pages, 25 % product details, 15 % current user, 10 % add to cart.
dofile((debug.getinfo(1, "S").source:match("@(.*/)") or "./") .. "common.lua")
local sessions
init = function(args)
  sessions = read_lines("sessions.txt")
  math.randomseed(200 + (thread_id or 1))
end
request = function()
  local r = math.random(100)
  if r <= 50 then
    return wrk.format("GET", catalog_path())
  elseif r <= 75 then
    return wrk.format("GET", "/api/products/" .. math.random(1, PRODUCTS))
  elseif r <= 90 then
    return wrk.format("GET", "/api/user", { ["Cookie"] = "SID=" .. sessions[math.random(#sessions)] })
  end
  return wrk.format("POST", "/api/cart/items", { ["Cookie"] = "SID=" .. sessions[math.random(#sessions)],
    ["Content-Type"] = "application/json" }, '{"productId":' .. in_stock_product() .. ',"quantity":1}')
end
