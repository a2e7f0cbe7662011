-- Checkout as shoppers do it: each wrk thread has ONE connection (run with -c equal to -t) and its
-- own share of the seeded users; for each user in turn it adds two in-stock products to the cart,
-- then checks out with an Idempotency-Key. So every checkout has a cart, and the orders per second
-- (the 201s of POST /api/checkout, counted below) include the cart writes that fill the carts.
dofile((debug.getinfo(1, "S").source:match("@(.*/)") or "./") .. "common.lua")
local sessions = {}
local step, user, n = 0, 0, 0
local run = os.time() -- keys unique across runs on the same database: a reused key is a replay
orders = 0
init = function(args)
  local all = read_lines("sessions.txt")
  local threads = tonumber(os.getenv("BENCH_CHECKOUT_THREADS") or "16")
  for i, sid in ipairs(all) do
    if (i - 1) % threads == (thread_id or 1) - 1 then sessions[#sessions + 1] = sid end
  end
  math.randomseed(300 + (thread_id or 1))
end
request = function()
  step = step % 3 + 1
  if step == 1 then user = user % #sessions + 1 end
  local cookie = "SID=" .. sessions[user]
  if step < 3 then
    return wrk.format("POST", "/api/cart/items", { ["Cookie"] = cookie, ["Content-Type"] = "application/json" },
      '{"productId":' .. in_stock_product() .. ',"quantity":1}')
  end
  n = n + 1
  return wrk.format("POST", "/api/checkout", { ["Cookie"] = cookie,
    ["Idempotency-Key"] = string.format("bench-%d-%d-%d", run, thread_id or 1, n) })
end
response = function(status, headers, body)
  if status == 201 then orders = orders + 1 end
end
