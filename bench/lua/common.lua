-- Shared by every scenario: data files, random picks, and one machine-readable result line.
-- bench/run.sh sets BENCH_WORK (the work directory with sessions.txt and login-users.txt).
local work = os.getenv("BENCH_WORK") or "bench/work"

function read_lines(name)
  local lines = {}
  local f = assert(io.open(work .. "/" .. name, "r"), "missing " .. work .. "/" .. name)
  for line in f:lines() do
    if line ~= "" then lines[#lines + 1] = line end
  end
  f:close()
  return lines
end

PRODUCTS = tonumber(os.getenv("BENCH_PRODUCTS") or "10000")
CATEGORIES = { "Coffee%20%26%20Tea", "Kitchen", "Outdoor", "Books", "Garden", "Toys", "Tools", "Music",
               "Sports", "Office" }
SORTS = { "price", "-price", "name", "newest" }

-- An in-stock product id (every 20th product of the generated catalog has no stock).
function in_stock_product()
  local id
  repeat id = math.random(1, PRODUCTS) until id % 20 ~= 0
  return id
end

-- A catalog page as a shopper filters it: a category, a price band, in stock, a sort, one of the first pages.
function catalog_path()
  local low = math.random(0, 20) * 10
  return string.format("/api/products?category=%s&minPrice=%d.00&maxPrice=%d.00&inStock=true&sort=%s&page=%d",
    CATEGORIES[math.random(#CATEGORIES)], low, low + 100 + math.random(0, 3) * 50, SORTS[math.random(#SORTS)],
    math.random(1, 3))
end

local threads = {}
local thread_count = 0

-- BENCH_TARGETS ("HOST:PORT,HOST:PORT", set by bench/run.sh --postgres for two instances): wrk
-- thread N connects to target N modulo their number, so the threads and their connections
-- alternate between the instances. Unset, every thread connects to the URL on wrk's command line.
local targets = {}
for target in (os.getenv("BENCH_TARGETS") or ""):gmatch("[^,]+") do targets[#targets + 1] = target end

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
  if #targets > 0 then
    local host, port = targets[(thread_count - 1) % #targets + 1]:match("^(.+):(%d+)$")
    thread.addr = wrk.lookup(host, port)[1]
  end
  table.insert(threads, thread)
end

-- Each wrk thread has its own Lua state: seed it apart (scenarios with their own init do the same).
function init(args)
  math.randomseed(thread_id or 1)
end

-- One line that bench/run.sh parses: requests/s, p50 and p99 in ms, errors (non-2xx/3xx and socket).
function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  local seconds = summary.duration / 1e6
  -- Scenarios that count something per response (checkout's orders) keep it in a thread global.
  local counted = 0
  for _, thread in ipairs(threads) do counted = counted + (tonumber(thread:get("orders")) or 0) end
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d requests=%d status_errors=%d socket_errors=%d orders_per_s=%.1f\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors,
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout, counted / seconds))
end
